import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Issue 14: what `lint` prints about set-aside edges (bullet 3) and related targets (bullet 2).
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const fixture = (name: string) => `test/fixtures/rules/${name}`;

describe('lint: edges AWS refuses', () => {
  it('text: one line per set-aside edge; a refusal INV-11 reports is not repeated as a design file problem', () => {
    const r = cli('lint', fixture('INV-11.fail.set-aside.design.json'));
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('Design file problems');
    const section = r.out.split('\n\n').find((b) => b.startsWith('Set aside'));
    expect(section?.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^ {2}ledger-events\.fifo → post-ledger-entry \(trigger edge "e-ledger"\): An SNS FIFO topic .* — reported by INV-11$/),
      expect.stringMatching(/^ {2}ledger-events\.fifo → ledger-subscription-dlq \(deadLetter edge "e-ledger-dlq"\): belongs to the trigger edge/),
    ]);
    expect(r.out.match(/^ {2}[A-Z]+-\d{2} {2}/gm)).toEqual(['  INV-11  ']);
  });

  it('json: setAside lists each edge with its reason; the connection problem of a refusal no rule reports stays the one report', () => {
    const r = cli('lint', '--format', 'json', fixture('RETRY-14.pass.refused-no-stream.design.json'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.findings).toEqual([]);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'connection', target: expect.objectContaining({ id: 'e-orders' }) })]);
    expect(report.setAside).toEqual([
      expect.objectContaining({ edge: 'e-orders', kind: 'trigger', reason: expect.stringContaining('no DynamoDB stream') }),
      expect.objectContaining({ edge: 'e-orders-failed', belongsTo: 'e-orders' }),
    ]);
  });

  it('sarif: each set-aside edge is a tool notification at its line, not a result', () => {
    const r = cli('lint', '--format', 'sarif', fixture('INV-11.fail.set-aside.design.json'));
    const run = JSON.parse(r.out).runs[0];
    expect(run.results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['INV-11']);
    const notes = run.invocations[0].toolExecutionNotifications;
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ level: 'note', message: { text: expect.stringMatching(/^Set aside, not analysed: ledger-events\.fifo → post-ledger-entry/) } });
    expect(notes[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
  });
});

describe('lint: a finding on the thing to change, with its related targets', () => {
  it('text: a blocked database connection is on the function → database edge, names the security group, and lists it after "also:"', () => {
    const r = cli('lint', fixture('NET-06.fail.design.json'));
    expect(r.out).toMatch(/ {2}NET-06 {2}order-api → orders-db\n {4}"order-api" → "orders-db" is broken at security group "orders-db-sg"[^\n]*\n {4}fix: [^\n]*\n {4}also: orders-db-sg\n/);
  });

  it('json and sarif: related targets as a list, and as relatedLocations at the lines declaring them', () => {
    const json = JSON.parse(cli('lint', '--format', 'json', fixture('NET-06.fail.design.json')).out);
    const net06 = json.findings.find((f: { ruleId: string }) => f.ruleId === 'NET-06');
    expect(net06.target).toEqual({ id: 'e-orders-db', name: 'order-api → orders-db', type: 'edge' });
    expect(net06.related).toEqual([{ id: 'sg-db', name: 'orders-db-sg', type: 'node' }]);
    const sarif = JSON.parse(cli('lint', '--format', 'sarif', fixture('NET-06.fail.design.json')).out);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'NET-06');
    expect(result.relatedLocations).toEqual([expect.objectContaining({
      id: 1,
      logicalLocations: [{ name: 'orders-db-sg', fullyQualifiedName: 'sg-db', kind: 'resource' }],
      physicalLocation: expect.objectContaining({ region: { startLine: expect.any(Number) } }),
    })]);
    expect(result.relatedLocations[0].physicalLocation.region.startLine).not.toBe(result.locations[0].physicalLocation.region.startLine);
  });
});

describe('lint: repeated info findings', () => {
  const template = 'templates/eventbridge-microservices.design.json';

  it('text: the four functions\' idempotency advice is one grouped finding listing each of them', () => {
    const r = cli('lint', template);
    expect(r.code).toBe(0);
    const info = r.out.slice(r.out.indexOf('\nInfo\n'));
    expect(info.match(/^ {2}INV-12 {2}/gm)).toEqual(['  INV-12  ']);
    expect(info).toContain('  INV-12  4 resources: "Inventory service", "Orders service (events)", "Payments service" and "Shipping service"\n');
    expect(info.match(/^ {4}- (.+?): "\1" can receive the same event more than once/gm)).toHaveLength(4);
    expect(info).toMatch(/\n {4}fix, for Inventory service \(the others alike\): Make "Inventory service" idempotent/);
  });

  it('json lists every finding and the group; sarif keeps one result per location', () => {
    const json = JSON.parse(cli('lint', '--format', 'json', template).out);
    expect(json.findings.filter((f: { ruleId: string }) => f.ruleId === 'INV-12')).toHaveLength(4);
    expect(json.groups).toEqual([{ ruleId: 'INV-12', severity: 'info', count: 4, targets: expect.arrayContaining([expect.objectContaining({ name: 'Payments service' })]) }]);
    const sarif = JSON.parse(cli('lint', '--format', 'sarif', template).out);
    const lines = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'INV-12').map((x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0].physicalLocation.region.startLine);
    expect(new Set(lines).size).toBe(4);
  });
});

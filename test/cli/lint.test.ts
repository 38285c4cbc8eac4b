import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const rulesFixture = (name: string) => `test/fixtures/rules/${name}`;

describe('serverless-designer lint (real process)', () => {
  it('S3 → Lambda with no failure capture: exit 0, RETRY-01 reported as a warning', () => {
    const r = cli('lint', rulesFixture('RETRY-01.fail.design.json'));
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/Warnings\n(.*\n)*? {2}RETRY-01 {2}make-thumbnail\n {4}"make-thumbnail" is invoked asynchronously/);
    expect(r.out).toMatch(/fix: Add an on-failure destination/);
  });

  it('SQS visibility timeout below the function timeout: exit 1, RETRY-12 reported as an error', () => {
    const r = cli('lint', rulesFixture('RETRY-12.fail.design.json'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Errors\n {2}RETRY-12 {2}jobs → worker\n/);
  });

  it('--fail-on warning turns warnings into a failing exit code', () => {
    expect(cli('lint', '--fail-on', 'warning', rulesFixture('RETRY-01.fail.design.json')).code).toBe(1);
  });

  it('--format json gives {findings, suppressed} with target, message, why and fix', () => {
    const r = cli('lint', '--format', 'json', rulesFixture('RETRY-12.fail.design.json'));
    const report = JSON.parse(r.out);
    expect(report.findings).toContainEqual(expect.objectContaining({
      ruleId: 'RETRY-12', severity: 'error', target: { id: 'e-jobs', name: 'jobs → worker', type: 'edge' },
      message: expect.any(String), why: expect.any(String), fix: expect.any(String), docsUrl: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//),
    }));
    expect(report.suppressed).toEqual([]);
  });

  it('--format sarif gives SARIF 2.1.0 with rules, levels and the line declaring the target', () => {
    const r = cli('lint', '--format', 'sarif', rulesFixture('RETRY-12.fail.design.json'));
    const sarif = JSON.parse(r.out);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('serverless-designer');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'RETRY-12');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('RETRY-12');
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: rulesFixture('RETRY-12.fail.design.json') }, region: { startLine: 26 } });
    expect(result.locations[0].logicalLocations[0]).toEqual({ name: 'jobs → worker', fullyQualifiedName: 'e-jobs', kind: 'resource' });
  });

  it('a suppression with a reason hides the finding and reports it as suppressed', () => {
    const r = cli('lint', '--format', 'json', 'test/fixtures/cli/suppressed.design.json');
    const report = JSON.parse(r.out);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'RETRY-01')).toEqual([]);
    expect(report.suppressed).toContainEqual(expect.objectContaining({ ruleId: 'RETRY-01', reason: 'thumbnails are regenerated nightly; losing one is fine' }));
  });

  it('exit 2 for a file that cannot be parsed, and for wrong options', () => {
    expect(cli('lint', 'test/fixtures/cli/corrupt.design.json')).toMatchObject({ code: 2, err: expect.stringMatching(/not a loadable design/) });
    expect(cli('lint', '--format', 'xml', rulesFixture('RETRY-12.fail.design.json'))).toMatchObject({ code: 2, err: expect.stringMatching(/--format must be one of text, json, sarif/) });
    expect(cli('lint', '--fail-on', 'fatal', rulesFixture('RETRY-12.fail.design.json')).code).toBe(2);
  });
});

describe('serverless-designer rules and retry-paths', () => {
  it('rules --format json lists every rule with id, severity, title and docs URL', () => {
    const r = cli('rules', '--format', 'json');
    expect(r.code).toBe(0);
    const { rules } = JSON.parse(r.out);
    expect(rules).toContainEqual(expect.objectContaining({ id: 'RETRY-12', severity: 'error', title: expect.any(String), docsUrl: expect.stringMatching(/^https:/) }));
  });

  it('retry-paths prints each chain hop by hop, with the sink and the loss', () => {
    const r = cli('retry-paths', 'templates/file-pipeline.design.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Path 1: Upload bucket → Validate upload → Transform file/);
    expect(r.out).toMatch(/→ redrive queue "Transform jobs DLQ": messages received 5 times/);
    const lost = cli('retry-paths', '--format', 'json', rulesFixture('RETRY-01.fail.design.json'));
    expect(JSON.parse(lost.out).paths[0]).toMatchObject({ lost: true, hops: [{ source: { name: 'uploads' }, function: { name: 'make-thumbnail' }, attempts: 3 }] });
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesign, createNode, serializeDesign } from '../../core/model';
import { catalogFor, dec, SUPPORTED_REGIONS } from '../../core/pricing';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const REST = 'templates/rest-api.design.json';
const VPC = 'templates/vpc-rds-external-api.design.json';

/** templates/rest-api with an HTTP API, written to a temporary file. */
function httpCopy(): string {
  const doc = JSON.parse(readFileSync(REST, 'utf8'));
  for (const n of doc.nodes) {
    if (n.kind === 'apiGateway') n.props.apiType = 'http';
    if (n.kind === 'lambda') n.props.architecture = 'arm64';
  }
  const file = join(mkdtempSync(join(tmpdir(), 'sd-compare-')), 'http-api.design.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

describe('serverless-designer compare (real process)', () => {
  it('two designs, text: both totals, the difference and the per-component saving', () => {
    const b = httpCopy();
    const r = cli('compare', REST, b);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`^A {2}${REST} +us-east-1 · usage profile "expected" · prices 2026\\.11\\.0 as of 2026-09-06 · free tier off +\\$\\d+\\.\\d\\d\n`));
    expect(r.out).toContain('\nDifference (B − A): -$2.50 a month (B saves $2.50, ');
    expect(r.out).toMatch(/\nPer component \(B − A; negative = B saves\)\n {2}Items API · Requests {2}\$3\.50 {2}→ {2}\$1\.00 {2}-\$2\.50\n {2}\d+ components unchanged \(to the cent\)\n/);
  });

  it('two designs, JSON: totals as cents, per-component differences exact, one-side lines', () => {
    const r = cli('compare', REST, httpCopy(), '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['currency', 'differenceMode', 'a', 'b', 'difference', 'differenceExact', 'rounding', 'components', 'onlyInA', 'onlyInB', 'needsInputOnlyInA', 'needsInputOnlyInB', 'unpricedOnlyInA', 'unpricedOnlyInB', 'notes']);
    expect([json.differenceMode, json.difference, json.differenceExact, json.rounding]).toEqual(['rounded', '-2.50', '-2.5', '0.00']);
    expect(json.components[0]).toEqual({ node: 'api-items', nodeName: 'Items API', component: 'Requests', a: { quantity: '1000000', unit: 'request', monthly: '3.5' }, b: { quantity: '1000000', unit: 'request', monthly: '1' }, difference: '-2.5', differenceShown: '-2.50' });
    expect(json.a.monthlyTotal).toMatch(/^\d+\.\d\d$/);
    expect(json.a.monthlyTotalExact).toMatch(/^\d+(\.\d+)?$/);
    expect(json.a.hoursPerMonth).toBe(730);
    expect(json.onlyInA).toEqual([]);
  });

  it('one design under two profiles', () => {
    const r = cli('compare', VPC, '--profile', 'low', '--profile-b', 'peak', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect([json.a.profile, json.b.profile]).toEqual(['low', 'peak']);
    expect(Number(json.difference)).toBeGreaterThan(0);
    expect(json.components.find((c: { node: string; component: string }) => c.node === 'nat-a' && c.component === 'NAT gateway hours').difference).toBe('0');
  });

  it('one design under two regions: the NAT gateway hours differ by $2.19 each and a note names both catalogs', () => {
    const r = cli('compare', VPC, '--region-b', 'eu-west-1');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/ {2}NAT gateway A · NAT gateway hours +\$32\.85 +→ +\$35\.04 +\+\$2\.19\n/);
    expect(r.out).toContain('The two sides use different price catalogs (A us-east-1 2026.11.0 of 2026-09-06, B eu-west-1 2026.11.0 of 2026-10-01).');
  });

  it.each([
    ['one design and nothing to compare it with', [VPC], 'compare: one design needs --profile-b or --region-b to compare against (see --help)\n'],
    ['an unknown profile on side B', [VPC, '--profile-b', 'busy'], `${VPC}: no usage profile "busy" (the design has "low", "expected", "peak")\n`],
    ['a --region-b that is not a Region code', [VPC, '--region-b', 'eu'], `--region "eu" is not an AWS Region code (like us-east-1); regions with price catalogs: ${SUPPORTED_REGIONS.join(', ')}\n`],
    ['a --difference it does not know', [VPC, REST, '--difference', 'cents'], '--difference must be one of rounded, exact, not "cents"\n'],
    ['a missing file', [VPC, 'missing.design.json'], 'missing.design.json: cannot read: no such file\n'],
    ['a format it does not write', [VPC, REST, '--format', 'csv'], '--format must be one of text, json, not "csv"\n'],
  ])('exit 2: %s', (_what, args, err) => {
    expect(cli('compare', ...args)).toMatchObject({ code: 2, out: '', err });
  });

  it('a side in a Region without a catalog: compared line by line, a warning, exit 0', () => {
    const r = cli('compare', VPC, '--region-b', 'sa-east-1', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^warning: side B: no price catalog for sa-east-1: \d+ lines have no price/);
    const json = JSON.parse(r.out);
    expect(json.b.monthlyTotal).toBe('0.00');
    expect(json.onlyInA.length).toBeGreaterThan(0);
    expect(json.unpricedOnlyInB).toContainEqual({ node: 'nat-a', nodeName: 'NAT gateway A', component: 'NAT gateway hours', reason: 'no price in sa-east-1 for vpc.natGateway.hours' });
  });

  /** Two functions billed for requests only, at request counts giving `amounts` at the catalog price. */
  function requestsOnly(name: string, amounts: [string, string]): string {
    const price = dec(catalogFor('us-east-1')!.prices['lambda.requests'].tiers[0].usd);
    const d = createDesign(name, 'us-east-1');
    d.nodes = [createNode('lambda', 'f', 'f'), createNode('lambda', 'g', 'g')];
    d.usage.profiles.expected = { description: '', nodes: { f: { requestsPerMonth: dec(amounts[0]).div(price).toNumber() }, g: { requestsPerMonth: dec(amounts[1]).div(price).toNumber() } }, edges: {} };
    const file = join(mkdtempSync(join(tmpdir(), 'sd-compare-')), `${name}.design.json`);
    writeFileSync(file, serializeDesign(d));
    return file;
  }

  it('rounded (default): $0.006 → $0.004 shows $0.01 → $0.00 and −$0.01, the per-line differences plus a rounding line add up to it', () => {
    const [a, b] = [requestsOnly('a', ['0.003', '0.003']), requestsOnly('b', ['0.003', '0.001'])];
    const r = cli('compare', a, b);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^A .* \$0\.01\nB .* \$0\.00\n/);
    expect(r.out).toContain('\nDifference (B − A): -$0.01 a month (B saves $0.01, 100.0% of A)\n');
    expect(r.out).toMatch(/\n {2}Rounding \(each line rounded to the cent on its own\) +-\$0\.01\n/);
    const json = JSON.parse(cli('compare', a, b, '--format', 'json').out);
    // The exact difference, −$0.002, would round to $0.00: not the difference of the totals shown.
    expect([json.a.monthlyTotal, json.b.monthlyTotal, json.difference, json.differenceExact, json.rounding]).toEqual(['0.01', '0.00', '-0.01', '-0.002', '-0.01']);
    expect(json.components.map((c: { node: string; difference: string; differenceShown: string }) => [c.node, c.difference, c.differenceShown])).toEqual([['g', '-0.002', '0.00'], ['f', '0', '0.00']]);
  });

  it('--difference exact: every amount unrounded (6 decimals in text, all of them in JSON), no rounding line', () => {
    const [a, b] = [requestsOnly('a', ['0.003', '0.003']), requestsOnly('b', ['0.003', '0.001'])];
    const r = cli('compare', a, b, '--difference', 'exact');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('\nDifference (B − A): -$0.002 a month (B saves $0.002, 33.3% of A)\n');
    expect(r.out).toMatch(/\n {2}g · Requests +\$0\.003 +→ +\$0\.001 +-\$0\.002\n/);
    expect(r.out).not.toContain('Rounding');
    const json = JSON.parse(cli('compare', a, b, '--difference', 'exact', '--format', 'json').out);
    expect([json.differenceMode, json.difference, json.rounding]).toEqual(['exact', '-0.002', '0']);
  });

  it('--hours 720 on both sides', () => {
    const json = JSON.parse(cli('compare', VPC, '--region-b', 'eu-west-1', '--hours', '720', '--format', 'json').out);
    expect([json.a.hoursPerMonth, json.b.hoursPerMonth]).toEqual([720, 720]);
    expect(json.components.find((c: { node: string; component: string }) => c.node === 'nat-a' && c.component === 'NAT gateway hours').a.quantity).toBe('720');
  });

  it('--help (exit 0)', () => {
    const r = cli('compare', '-h');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: serverless-designer compare A [B] [--profile P] [--profile-b Q] [--region R] [--region-b S]');
  });
});

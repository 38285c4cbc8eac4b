import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
    expect(r.out).toMatch(/\nPer component \(B − A; negative = B saves\)\n {2}Items API · Requests {2}\$3\.50 {2}→ {2}\$1\.00 {2}-\$2\.50\n {2}\d+ components unchanged\n/);
  });

  it('two designs, JSON: totals as cents, per-component differences exact, one-side lines', () => {
    const r = cli('compare', REST, httpCopy(), '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['currency', 'a', 'b', 'difference', 'components', 'onlyInA', 'onlyInB', 'unpricedOnlyInA', 'unpricedOnlyInB', 'notes']);
    expect(json.difference).toBe('-2.50');
    expect(json.components[0]).toEqual({ node: 'api-items', nodeName: 'Items API', component: 'Requests', a: { quantity: '1000000', unit: 'request', monthly: '3.5' }, b: { quantity: '1000000', unit: 'request', monthly: '1' }, difference: '-2.5' });
    expect(json.a.monthlyTotal).toMatch(/^\d+\.\d\d$/);
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
    ['a region without a catalog', [VPC, '--region-b', 'sa-east-1'], 'region sa-east-1 has no price catalog: supported regions are us-east-1, eu-west-1, ap-northeast-1\n'],
    ['a missing file', [VPC, 'missing.design.json'], 'missing.design.json: cannot read: no such file\n'],
    ['a format it does not write', [VPC, REST, '--format', 'csv'], '--format must be one of text, json, not "csv"\n'],
  ])('exit 2: %s', (_what, args, err) => {
    expect(cli('compare', ...args)).toMatchObject({ code: 2, out: '', err });
  });

  it('--help (exit 0)', () => {
    const r = cli('compare', '-h');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: serverless-designer compare A [B] [--profile P] [--profile-b Q] [--region R] [--region-b S]');
  });
});

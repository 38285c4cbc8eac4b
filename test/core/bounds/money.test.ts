import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '../../../core/model';
import { amount, dec, estimateCost, moneyString, sweepRequests } from '../../../core/pricing';
import { propagateTraffic } from '../../../core/semantics';

// Issue 13: 1e308 requests a month (valid JSON) priced "Infinity a month"; a negative or non-finite
// amount must be impossible by construction, and every amount the cost prints finite and ≥ 0.

const template = (file: string): Design => {
  const r = parseDesign(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.design;
};

describe('money: never NaN, never infinite, a cost line never negative', () => {
  it('dec refuses NaN and ±Infinity (Decimal itself accepts them), naming the value', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, 'Infinity', 'NaN', 1e308 * 10]) expect(() => dec(bad), String(bad)).toThrow(/not a finite amount/);
    expect(dec(1e308).toString()).toBe('1e+308');
    expect(dec('-2.5').toString()).toBe('-2.5');
  });

  it('amount (every priced line\'s quantity and monthly) refuses below zero and non-finite, accepts 0 and -0', () => {
    expect(() => amount(-0.01, 'the quantity')).toThrow('the quantity must be a finite amount not below zero, not -0.01');
    expect(() => amount(dec(-1))).toThrow(/not below zero/);
    expect(() => amount(Infinity)).toThrow(/not a finite amount/);
    expect(amount(-0).isZero()).toBe(true);
    expect(amount(dec('12.5')).toString()).toBe('12.5');
  });
});

describe('usage numbers that never came from a file (an edit in memory): NaN, Infinity, negative', () => {
  /** Every entered number of the active profile replaced by `v`, without parsing (as a buggy edit could). */
  const withEvery = (design: Design, v: number): Design => {
    const name = design.usage.active!;
    const profile = design.usage.profiles[name];
    const nodes = Object.fromEntries(Object.entries(profile.nodes).map(([id, u]) => [id, Object.fromEntries(Object.entries(u).map(([k, x]) => [k, typeof x === 'number' ? v : x]))]));
    const edges = Object.fromEntries(Object.entries(profile.edges).map(([id, u]) => [id, Object.fromEntries(Object.entries(u).map(([k, x]) => [k, typeof x === 'number' ? v : x]))]));
    return { ...design, usage: { ...design.usage, profiles: { ...design.usage.profiles, [name]: { ...profile, nodes, edges } } } };
  };

  for (const v of [Number.NaN, Infinity, -1, 1e308]) {
    it(`${v}: the estimate and the traffic are finite and not negative (the analysis clamps them first)`, () => {
      for (const file of ['templates/sns-fan-out.design.json', 'templates/stream-processing.design.json', 'templates/vpc-rds-external-api.design.json']) {
        const design = withEvery(template(file), v);
        const report = estimateCost(design);
        expect(report.monthlyTotal.isFinite() && !report.monthlyTotal.isNegative(), `${file}: ${report.monthlyTotal.toString()}`).toBe(true);
        expect(moneyString(report.monthlyTotal)).toMatch(/^\d+\.\d\d$/);
        for (const c of report.components) expect(c.quantity.isFinite() && !c.quantity.lt(0) && c.monthly.isFinite() && !c.monthly.lt(0), `${file} ${c.component}`).toBe(true);
        for (const t of Object.values(propagateTraffic(design).nodes)) expect(Number.isFinite(t.events) && t.events >= 0 && Number.isFinite(t.invocations) && t.invocations >= 0).toBe(true);
      }
    });
  }

  it('a chain that multiplies past 10^18 is counted at 10^18 a month, with a note saying so', () => {
    const design = template('templates/sns-fan-out.design.json');
    const name = design.usage.active!;
    const profile = design.usage.profiles[name];
    const source = Object.keys(profile.nodes).find((id) => profile.nodes[id].requestsPerMonth !== undefined)!;
    const edges = Object.fromEntries(Object.entries(profile.edges).map(([id, u]) => [id, { ...u, perInvocation: 1e6 }]));
    const big: Design = { ...design, usage: { ...design.usage, profiles: { [name]: { ...profile, edges, nodes: { ...profile.nodes, [source]: { ...profile.nodes[source], requestsPerMonth: 1e15 } } } } } };
    const traffic = propagateTraffic(big);
    expect(Math.max(...Object.values(traffic.nodes).map((t) => t.events))).toBe(1e18);
    expect(traffic.notes.join('\n')).toContain('beyond 1,000,000,000,000,000,000 a month; they are counted as 1,000,000,000,000,000,000');
    expect(estimateCost(big).monthlyTotal.isFinite()).toBe(true);
  });

  it('the request sweep of a design with 1e308 entered stays finite at every point', () => {
    const design = withEvery(template('templates/rest-api.design.json'), 1e308);
    const sweep = sweepRequests([design], { pointsPerDecade: 1 });
    for (const p of sweep.points) for (const m of p.monthly) expect(m.isFinite() && !m.isNegative()).toBe(true);
  });
});

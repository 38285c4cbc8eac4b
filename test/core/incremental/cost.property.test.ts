import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportJson } from '../../../cli/commands/cost';
import { History } from '../../../core/commands';
import { createCostSession } from '../../../core/incremental';
import type { Design } from '../../../core/model';
import { estimateCost, type CostOptions, type CostReport } from '../../../core/pricing';
import { applyStep, startDesigns, step } from './steps';

// Issue 15, bullet 2 (cost): the incremental cost session's estimate equals a full estimate — the
// cost JSON byte for byte, and the report's every amount — after every step of random edit
// sequences made of the editor's own commands (undo and redo included), under options that change
// between steps (free tier, hours, another profile or Region). SD_PROPERTY_RUNS and SD_PROPERTY_SEED
// as in session.property.test.ts.

const RUNS = Number(process.env.SD_PROPERTY_RUNS ?? 25);

const starts = startDesigns();

/** Options of a step: mostly the defaults, sometimes another view of the estimate. */
const optionsOf = (n: number, design: Design): CostOptions =>
  [{}, {}, {}, { freeTier: true }, { hoursPerMonth: 720 as const }, { region: 'eu-west-1' }, { profile: Object.keys(design.usage.profiles)[0] }][n % 7]!;

/** The estimate as the cost command writes it, and its amounts as numbers of exact text. */
const text = (r: CostReport) => JSON.stringify(reportJson(r)) + r.monthlyTotal.toFixed() + r.components.map((c) => c.monthly.toFixed()).join();

describe('incremental cost equals a full estimate', () => {
  for (const [name, start] of starts) {
    it(`after every step of random edits to ${name}`, () => {
      fc.assert(fc.property(fc.array(fc.tuple(step, fc.nat({ max: 6 })), { minLength: 1, maxLength: 30 }), (steps) => {
        const history = new History(start);
        const session = createCostSession();
        expect(text(session.update(history.design))).toBe(text(estimateCost(history.design)));
        for (const [s, o] of steps) {
          applyStep(history, s);
          const options = optionsOf(o, history.design);
          expect(text(session.update(history.design, options))).toBe(text(estimateCost(history.design, options)));
        }
      }), { numRuns: RUNS, seed: Number(process.env.SD_PROPERTY_SEED ?? 15) });
    }, 60_000);
  }
});

describe('what the cost session reuses', () => {
  const design = starts[starts.length - 1]![1];

  it('a usage edit at one function prices its part again and reuses every other part', () => {
    const history = new History(design);
    const session = createCostSession();
    session.update(history.design);
    expect(session.stats.parts).toBeGreaterThan(3);
    const fn = history.design.nodes.find((n) => n.kind === 'lambda' && !n.props.vpc)!;
    history.apply({ type: 'setNodeUsage', nodeId: fn.id, field: 'avgDurationMs', value: 900 });
    const after = session.update(history.design);
    expect(session.stats.priced).toBe(1);
    expect(session.stats.reused).toBe(session.stats.parts - 1);
    expect(session.stats.pricedNodes).toBeLessThan(history.design.nodes.length / 4);
    expect(session.stats.full).toBeUndefined();
    expect(text(after)).toBe(text(estimateCost(history.design)));
  });

  it('another Region, or a change to the design\'s own fields, prices everything again', () => {
    const history = new History(design);
    const session = createCostSession();
    session.update(history.design);
    session.update(history.design, { region: 'eu-west-1' });
    expect(session.stats.priced).toBe(session.stats.parts);
    history.apply({ type: 'setDesign', region: 'ap-southeast-2' });
    session.update(history.design, { region: 'eu-west-1' });
    expect(session.stats.full).toBe('a design field changed');
  });

  it('a move (layout only) reuses everything', () => {
    const history = new History(design);
    const session = createCostSession();
    session.update(history.design);
    history.apply({ type: 'move', positions: { [history.design.nodes[0]!.id]: { x: 5, y: 5 } } });
    session.update(history.design);
    expect(session.stats.priced).toBe(0);
  });
});

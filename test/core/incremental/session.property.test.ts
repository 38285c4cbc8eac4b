import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../core/analyze';
import { History } from '../../../core/commands';
import { applyStep, startDesigns, step } from './steps';
import { createAnalysisSession } from '../../../core/incremental';

// Issue 15: the incremental session's result equals a full analysis after every step of random
// edit sequences made of the editor's own commands (History: the patches the app applies), undo and
// redo included. SD_PROPERTY_RUNS raises the number of sequences (default 25 per start design),
// SD_PROPERTY_SEED picks other ones (default 15).

const RUNS = Number(process.env.SD_PROPERTY_RUNS ?? 25);

const starts = startDesigns();

describe('incremental analysis equals a full analysis', () => {
  for (const [name, start] of starts) {
    it(`after every step of random edits to ${name}`, () => {
      fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const history = new History(start);
        const session = createAnalysisSession();
        expect(session.update(history.design)).toStrictEqual(analyze(history.design));
        for (const s of steps) {
          applyStep(history, s);
          expect(session.update(history.design)).toStrictEqual(analyze(history.design));
        }
      }), { numRuns: RUNS, seed: Number(process.env.SD_PROPERTY_SEED ?? 15) });
    }, 60_000);
  }
});

describe('what the session reuses', () => {
  const design = starts[starts.length - 1]![1];

  it('an edit to one function analyses its part again and reuses every other part', () => {
    const history = new History(design);
    const session = createAnalysisSession();
    session.update(history.design);
    expect(session.stats.parts).toBeGreaterThan(3);
    const fn = history.design.nodes.find((n) => n.kind === 'lambda' && !n.props.vpc)!;
    history.apply({ type: 'setProp', nodeId: fn.id, path: ['timeoutSeconds'], value: 120 });
    session.update(history.design);
    expect(session.stats.analysed).toBe(1);
    expect(session.stats.reused).toBe(session.stats.parts - 1);
    expect(session.stats.analysedItems).toBeLessThan(history.design.nodes.length / 2);
    expect(session.stats.full).toBeUndefined();
  });

  it('a change to the design\'s region analyses everything again', () => {
    const history = new History(design);
    const session = createAnalysisSession();
    session.update(history.design);
    history.apply({ type: 'setDesign', region: 'eu-west-1' });
    session.update(history.design);
    expect(session.stats.reused).toBe(0);
    expect(session.stats.analysed).toBe(session.stats.parts);
  });

  it('a move (layout only) reuses everything', () => {
    const history = new History(design);
    const session = createAnalysisSession();
    session.update(history.design);
    history.apply({ type: 'move', positions: { [history.design.nodes[0]!.id]: { x: 5, y: 5 } } });
    const again = session.update(history.design);
    expect(session.stats.analysed).toBe(0);
    expect(again).toStrictEqual(analyze(history.design));
  });
});

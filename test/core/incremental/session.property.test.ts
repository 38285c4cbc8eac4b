import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../bench/generate';
import { analyze } from '../../../core/analyze';
import { History } from '../../../core/commands';
import { commandOf, step } from './steps';
import { createAnalysisSession } from '../../../core/incremental';
import { parseDesign, type Design } from '../../../core/model';

// Issue 15: the incremental session's result equals a full analysis after every step of random
// edit sequences made of the editor's own commands (History: the patches the app applies), undo and
// redo included. SD_PROPERTY_RUNS raises the number of sequences (default 25 per start design),
// SD_PROPERTY_SEED picks other ones (default 15).

const RUNS = Number(process.env.SD_PROPERTY_RUNS ?? 25);
const templatesDir = join(__dirname, '../../../templates');

function load(text: string): Design {
  const parsed = parseDesign(text);
  if (!parsed.ok) throw new Error('a start design does not load');
  return parsed.design;
}

/** Start designs: every template (one part each, mostly) and a generated design of ~80 nodes in
 *  many parts, with a VPC, queues, DLQs and fan-outs (bench/generate.ts). */
const starts: [string, Design][] = [
  ...readdirSync(templatesDir).filter((f) => f.endsWith('.design.json')).map((f): [string, Design] => [f, load(readFileSync(join(templatesDir, f), 'utf8'))]),
  ['generated 80 nodes', load(JSON.stringify(generateDesign(80, 8)))],
];

describe('incremental analysis equals a full analysis', () => {
  for (const [name, start] of starts) {
    it(`after every step of random edits to ${name}`, () => {
      fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const history = new History(start);
        const session = createAnalysisSession();
        expect(session.update(history.design)).toStrictEqual(analyze(history.design));
        for (const s of steps) {
          const c = commandOf(history.design, s);
          if (c === 'undo') history.undo();
          else if (c === 'redo') history.redo();
          else if (c) history.apply(c);
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

import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { createDesign, designProblems, knownDesignProblems, parseDesign, restoreDesign, type Design } from '../../core/model';
import { applyStep, startDesigns, step } from '../core/incremental/steps';

// The editor asks for its design's problems after every edit (renderer/useEditor.ts). designProblems
// answers without parsing again the nodes and edges it has seen; restoreDesign is what it must equal.

const frozen = (d: Design): Design => freeze(structuredClone(d), true);

/** Every rule fixture and fuzz fixture that loads: references to missing nodes, connections AWS
 *  refuses, values out of range, positions beyond ±1e6, duplicate ids. */
function fixtureDesigns(): [string, Design][] {
  const out: [string, Design][] = [];
  for (const dir of ['test/fixtures/rules', 'test/fixtures/fuzz']) {
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.design.json')).sort()) {
      const parsed = parseDesign(readFileSync(`${dir}/${f}`, 'utf8'));
      if (parsed.ok) out.push([f, parsed.design]);
    }
  }
  return out;
}

describe('designProblems: restoreDesign\'s problems, parsing again only what an edit made', () => {
  it('equals restoreDesign on every fixture, answering by itself (values out of range included)', () => {
    const designs = fixtureDesigns();
    expect(designs.length).toBeGreaterThan(300);
    let withProblems = 0;
    let withRange = 0;
    let answered = 0;
    for (const [name, loaded] of designs) {
      // Not frozen (a design from a file, before any edit): never answered from memory.
      expect(knownDesignProblems(loaded)).toBeUndefined();
      const d = frozen(loaded);
      const expected = restoreDesign(d).problems;
      expect(designProblems(d), name).toEqual(expected);
      // The nodes and edges that do not parse clean (a value out of range) are parsed on their own,
      // and their problems name their places in the design.
      // It hands over to restoreDesign only when no node or edge is known clean (one function).
      const known = knownDesignProblems(d);
      if (known === undefined) continue;
      expect(known, name).toEqual(expected);
      answered++;
      if (expected.length) withProblems++;
      if (expected.some((p) => p.code === 'range')) withRange++;
    }
    expect(answered).toBeGreaterThan(designs.length * 0.8);
    // On designs that do have problems: references, connections, layout, values out of range.
    expect(withProblems).toBeGreaterThan(10);
    expect(withRange).toBeGreaterThan(10);
  });

  it('a design just opened and frozen in place (as the editor does) equals restoreDesign, for every fixture', () => {
    // What restoreDesign read from the text with no problem of its own is known clean without being
    // parsed again; this holds only if what zod gives back parses to itself, checked here.
    let answered = 0;
    let designs = 0;
    for (const dir of ['test/fixtures/rules', 'test/fixtures/fuzz']) {
      for (const f of readdirSync(dir).filter((name) => name.endsWith('.design.json'))) {
        const parsed = parseDesign(readFileSync(`${dir}/${f}`, 'utf8'));
        if (!parsed.ok) continue;
        designs++;
        const d = freeze(parsed.design, true);
        const known = knownDesignProblems(d);
        if (known) answered++;
        expect(known ?? designProblems(d), f).toEqual(restoreDesign(d).problems);
      }
    }
    expect(answered).toBeGreaterThan(designs * 0.8);
  });

  it('a node read from a file and then changed in place, before it was frozen, is parsed again', () => {
    const loaded = parseDesign(JSON.stringify({
      format: 'serverless-design', schemaVersion: 2, name: 'd',
      nodes: [{ id: 'a', kind: 'lambda', name: 'A', props: { memoryMb: 512 } }, { id: 'fn', kind: 'lambda', name: 'Fn', props: { memoryMb: 512 } }],
    }));
    if (!loaded.ok) throw new Error('does not load');
    const fn = loaded.design.nodes[1];
    if (fn.kind !== 'lambda') throw new Error('not a function');
    fn.props.memoryMb = 99999;
    const d = freeze(loaded.design, true);
    expect(knownDesignProblems(d)?.map((p) => p.path)).toEqual(['$.nodes[1].props.memoryMb']);
  });

  it('problems of nodes and edges parsed on their own name their places in the design', () => {
    const loaded = parseDesign(JSON.stringify({
      format: 'serverless-design', schemaVersion: 2, name: 'd',
      nodes: [
        { id: 'q', kind: 'sqsQueue', name: 'Q', props: {} },
        { id: 'a', kind: 'lambda', name: 'A', props: {} },
        { id: 'fn', kind: 'lambda', name: 'Fn', props: { memoryMb: 99999, timeoutSeconds: 901 } },
      ],
      edges: [
        { id: 'e1', kind: 'invoke', from: 'a', to: 'fn', props: {} },
        { id: 'e2', kind: 'trigger', from: 'q', to: 'fn', props: { batchSize: 99999 } },
      ],
    }));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const d = frozen(loaded.design);
    const known = knownDesignProblems(d);
    expect(known?.map((p) => p.path)).toEqual(['$.nodes[2].props.memoryMb', '$.nodes[2].props.timeoutSeconds', '$.edges[1].props.batchSize']);
    expect(known?.map((p) => p.target?.name)).toEqual(['Fn', 'Fn', 'Q → Fn']);
    expect(known).toEqual(restoreDesign(d).problems);
  });

  it('property: after every step of a random edit sequence, it equals restoreDesign', () => {
    const starts = startDesigns();
    let answered = 0;
    let steps = 0;
    for (const [name, start] of starts) {
      fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (seq) => {
        const history = new History(start);
        for (const s of seq) {
          applyStep(history, s);
          const d = history.design;
          steps++;
          if (knownDesignProblems(d)) answered++;
          expect(designProblems(d), name).toEqual(restoreDesign(d).problems);
        }
      }), { numRuns: 15 });
    }
    // Most steps are answered without restoreDesign (the others hold a value out of range, or come
    // before the first edit froze the design).
    expect(answered).toBeGreaterThan(steps * 0.5);
  });

  it('a node changed in place is never read from memory: only frozen nodes are remembered', () => {
    const loaded = parseDesign(JSON.stringify({
      format: 'serverless-design', schemaVersion: 2, name: 'd',
      nodes: [{ id: 'fn', kind: 'lambda', name: 'Fn', props: { memoryMb: 512 } }],
    }));
    if (!loaded.ok) throw new Error('does not load');
    const d = loaded.design;
    expect(designProblems(d)).toEqual([]);
    const fn = d.nodes[0];
    if (fn.kind !== 'lambda') throw new Error('not a function');
    fn.props.memoryMb = 99999;
    expect(designProblems(d).map((p) => p.path)).toEqual(['$.nodes[0].props.memoryMb']);
  });

  it('a frozen node that the loader would read differently (defaults not filled in) is not remembered', () => {
    const d = frozen({ ...createDesign('d'), nodes: [{ id: 'fn', kind: 'lambda', name: 'Fn', props: {} } as unknown as Design['nodes'][number]] });
    expect(knownDesignProblems(d)).toBeUndefined();
    expect(designProblems(d)).toEqual(restoreDesign(d).problems);
  });
});

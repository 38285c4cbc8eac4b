// Named regressions (issue 13, bullet 4: "every crash found becomes a named regression fixture"):
// each row is an input that crashed, hung or misbehaved before, what it did then, and what it gives
// now. Every row runs the whole fuzz pipeline (parse → lint → every cost → reach → retry paths, and
// the diagram) in the fuzz worker with a watchdog, so a row that hangs again fails naming itself
// instead of freezing the run; then the row's own expectation is checked on the parse result.
// Fixtures: test/fixtures/fuzz/<name>.design.json (small; large shapes are built in code).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asyncChain } from '../../bench/shapes';
import { parseDesign, restoreDesign, serializeDesign, type ParseResult } from '../../core/model';
import { MAX_NESTING } from '../../core/model/nesting';
import { estimateCost, moneyString } from '../../core/pricing';
import { retryPathsForOutput } from '../../core/semantics';
import { CaseRunner } from './harness';
import { inputChars } from './pipeline';

/** Generous: these rows took from seconds to forever before; the 1 s is checked per step below. */
const runner = new CaseRunner(undefined, 30_000);
const timings: string[] = [];
afterAll(async () => {
  await runner.close();
  console.info(`fuzz regressions: slowest step per row — ${timings.join('; ')}`);
});
beforeAll(() => runner.warmUp(), 60_000);

const fixture = (name: string) => readFileSync(new URL(`../fixtures/fuzz/${name}`, import.meta.url), 'utf8');

/** The design's monthly total in every profile, as printed. */
function totals(r: ParseResult): string[] {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return [undefined, ...Object.keys(r.design.usage.profiles)].map((profile) => moneyString(estimateCost(r.design, { profile }).monthlyTotal));
}
const messages = (r: ParseResult) => r.problems.map((p) => `${p.code} ${p.path}: ${p.message}`);

interface Row {
  name: string;
  /** What it did before the fix, and where it was fixed. */
  before: string;
  text: () => string;
  /** Also draw the diagram (placement, routing, labels). */
  diagram?: boolean;
  /** Per-step budget: the 1 s; null for the 10,000-node shape, bounded by the watchdog only
   *  (its 2 s budget per command is measured in bench/shapes.ts: a timing assertion here would flake
   *  on this shared 2-core machine, where analyze took 3.6–6.2 s at load 12). */
  budgetMs?: number | null;
  now: (r: ParseResult, text: string) => void;
}

const ROWS: Row[] = [
  {
    name: 'proto-node-id.design.json',
    before: '"__proto__" as a node id: zod dropped the key and a lookup by it reached Object.prototype; refused only since 63f1312',
    text: () => fixture('proto-node-id.design.json'),
    now: (r) => {
      expect(r.ok).toBe(false);
      expect(messages(r)).toContain('structure $.nodes[1].id: the id "__proto__" is reserved; choose another id');
    },
  },
  {
    name: 'prototype-member-ids.design.json',
    before: 'node ids and profile names "constructor", "toString", "hasOwnProperty", "valueOf": cost crashed (TypeError) or printed NaN, before 63f1312',
    text: () => fixture('prototype-member-ids.design.json'),
    diagram: true,
    now: (r, text) => {
      expect(messages(r)).toEqual([]);
      // The same design under ordinary ids and profile names costs exactly the same in every profile.
      let plain = text;
      for (const [from, to] of [['constructor', 'c-id'], ['toString', 't-id'], ['hasOwnProperty', 'h-id'], ['valueOf', 'v-id']]) plain = plain.split(`"${from}"`).join(`"${to}"`);
      expect(totals(r)).toEqual(totals(parseDesign(plain)));
      expect(totals(r).every((t) => /^\d[\d,]*\.\d\d$/.test(t))).toBe(true);
    },
  },
  {
    name: 'retry-counts-1e9-1e308.design.json',
    before: 'maximumRetryAttempts 1e9 made cost loop for seconds and maxReceiveCount 1e308 forever (a loop per retry), before 63f1312',
    text: () => fixture('retry-counts-1e9-1e308.design.json'),
    diagram: true,
    now: (r) => {
      expect(messages(r)).toEqual([
        'range $.nodes[1].props.asyncConfig.maximumRetryAttempts: maximumRetryAttempts is 1000000000; AWS allows at most 2; the analysis uses 2',
        'range $.edges[1].props.maxReceiveCount: maxReceiveCount is 1e+308; AWS allows at most 1000; the analysis uses 1000',
      ]);
      expect(totals(r).every((t) => /^\d[\d,]*\.\d\d$/.test(t))).toBe(true);
    },
  },
  {
    name: 'async chain of 10,000 functions (bench/shapes asyncChain)',
    before: 'lint never finished (the recursive-loop rule: 2,000 functions took 11 s, 3,000 took 20 s, 10,000 over 90 s)',
    text: () => JSON.stringify(asyncChain(10_000)),
    budgetMs: null,
    now: (r) => {
      expect(r.ok).toBe(true);
      expect(r.ok && r.design.nodes.length).toBe(10_001);
    },
  },
  {
    name: 'position-beyond-1e6.design.json',
    before: 'places far off the canvas: 1e9 px took 8 s in label placement and 1e89 px ran routing out of memory, before d48a268',
    text: () => fixture('position-beyond-1e6.design.json'),
    diagram: true,
    now: (r) => {
      expect(messages(r)).toEqual([
        'range $.layout.positions["q-orders"].x: x is 10,000,000 px; a place on the canvas is within ±1,000,000 px, so it was moved to 1,000,000',
        'range $.layout.positions["q-orders"].y: y is -2,000,000 px; a place on the canvas is within ±1,000,000 px, so it was moved to -1,000,000',
      ]);
      expect(r.ok && r.design.layout.positions['q-orders']).toMatchObject({ x: 1_000_000, y: -1_000_000 });
    },
  },
  {
    name: 'bom-prefixed.design.json',
    before: 'a file starting with a UTF-8 byte order mark (as some Windows editors save) failed as "not valid JSON", before ee52023',
    text: () => fixture('bom-prefixed.design.json'),
    diagram: true,
    now: (r, text) => {
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(messages(r)).toEqual([]);
      expect(r.ok && r.design.name).toBe('orders worker');
    },
  },
  {
    name: 'proto-in-x-field.design.json',
    before: '"__proto__" inside an "x-…" field (another tool\'s data) was refused as a reserved key, before 8859b53',
    text: () => fixture('proto-in-x-field.design.json'),
    diagram: true,
    now: (r) => {
      expect(messages(r)).toEqual([]);
      const other = r.ok ? (r.design as Record<string, unknown>)['x-other-tool'] as object : {};
      expect(Object.keys(other)).toEqual(['__proto__', 'constructor']); // kept as written, as data
      expect(({} as Record<string, unknown>).polluted).toBeUndefined(); // and nothing reached Object.prototype
    },
  },
  {
    name: 'retry-lattice-20.design.json',
    before: '20 layers of two functions each invoking both of the next asynchronously (2^20 chains, 18 KB): retry-paths --format json printed 10.7 MB (900× the input; 48 MB with 1 KB names), each of 1,000 paths repeating its hops in full; bounded since dfb3433',
    text: () => fixture('retry-lattice-20.design.json'),
    now: (r, text) => {
      if (!r.ok) throw new Error(messages(r).join('; '));
      const printed = JSON.stringify(retryPathsForOutput(r.design), null, 2);
      expect(printed.length).toBeLessThan(50 * text.length + 1_000_000);
      const out = retryPathsForOutput(r.design);
      expect(out.omittedForSize).toBeGreaterThan(0);
      expect(out.paths.length + out.omittedPaths).toBeGreaterThan(1_000);
    },
  },
  ...([
    ['deep-value-with-range-problem', 'and memoryMb 99999: parseDesign threw RangeError (lenient loading copies the document by a JSON round trip), so the CLI exited 3 as a bug', true],
    ['deep-value', 'loaded, then Save, autosave and copy threw RangeError (JSON.stringify is recursive; structured clone too)', false],
  ] as const).map(([name, before, range]): Row => ({
    name: `${name} (10,000-deep object in a node's props, built in code on the orders-worker fixture)`,
    before: `found by the fuzz suite: a 10,000-deep value ${range ? '' : 'alone '}${before}`,
    text: () => {
      const doc = JSON.parse(fixture('bom-prefixed.design.json').slice(1)) as { nodes: { props: Record<string, unknown> }[] };
      if (range) doc.nodes[1].props.memoryMb = 99_999;
      return JSON.stringify(doc).replace('"props":{"memoryMb"', `"props":{"deep":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},"memoryMb"`);
    },
    now: (r) => {
      expect(r.ok).toBe(false);
      expect(messages(r)).toEqual(['structure $.nodes[1].props.deep.a.a: a value here nests more than 100 levels deep; a design\'s values nest at most 100 levels '
        + '(deeper ones cannot be saved or copied). Remove or flatten it']);
    },
  })),
];

describe('fuzz regressions: inputs that crashed or hung before give a result or a clear problem now', () => {
  for (const row of ROWS) {
    it(`${row.name} — before: ${row.before}`, async () => {
      const text = row.text();
      const budget = row.budgetMs === undefined ? 1000 : row.budgetMs;
      const answer = await runner.run({ text }, { diagram: row.diagram });
      if (answer.hung) expect.fail(`${row.name}: hung again, no result after ${Math.round(answer.waitedMs)} ms`);
      const { outcome } = answer;
      timings.push(`${row.name.replace(/ \(.*$/, '')} ${Math.round(outcome.slowest.ms)} ms (${outcome.slowest.stage})`);
      expect(outcome.crash, `${row.name} crashed in ${outcome.crash?.stage}: ${outcome.crash?.error}`).toBeUndefined();
      if (budget !== null) {
        expect(outcome.slowest.ms, `${row.name}: ${outcome.slowest.stage} took ${Math.round(outcome.slowest.ms)} ms (budget ${budget} ms per step)`)
          .toBeLessThanOrEqual(budget);
      }
      expect(outcome.largest.chars, `${row.name}: ${outcome.largest.stage} returned ${outcome.largest.chars} chars`)
        .toBeLessThanOrEqual(50 * inputChars({ text }) + 1_000_000);
      row.now(parseDesign(text), text);
    }, 60_000);
  }
});

/** Designs handed over as objects (restoreDesign: IPC and in-process callers; structured clone carries
 *  cycles and BigInts, JSON cannot). Each built on the orders-worker fixture. */
const OBJECT_ROWS: { name: string; before: string; object: () => Record<string, unknown>; problem: string }[] = [
  {
    name: 'a cycle in a node\'s props (props.self = props)',
    before: 'found by the fuzz suite: restoreDesign never returned (the reserved-key walk followed the cycle; 20 s and counting)',
    object: () => { const d = orders(); const props = d.nodes[1].props; props.self = props; return d; },
    problem: 'structure $.nodes[1].props.self.self.self: a value here nests more than 100 levels deep; a design\'s values nest at most 100 levels (deeper ones cannot be saved or copied). Remove or flatten it',
  },
  {
    name: 'a BigInt in an "x-…" field',
    before: 'found by the fuzz suite: loaded, then Save threw TypeError "Do not know how to serialize a BigInt"',
    object: () => ({ ...orders(), 'x-count': 12n }),
    problem: 'structure $["x-count"]: a bigint is not JSON data a design file can hold; use text, a number, true/false, null, a list or an object',
  },
  {
    name: 'a Map in a node\'s props',
    before: 'found by the fuzz suite: loaded, then saved as {} — the data silently gone',
    object: () => { const d = orders(); d.nodes[1].props.tags = new Map([['team', 'orders']]); return d; },
    problem: 'structure $.nodes[1].props.tags: a Map is not JSON data a design file can hold; use text, a number, true/false, null, a list or an object',
  },
];
function orders(): { nodes: { props: Record<string, unknown> }[] } & Record<string, unknown> {
  return JSON.parse(fixture('bom-prefixed.design.json').slice(1)) as { nodes: { props: Record<string, unknown> }[] } & Record<string, unknown>;
}

describe('fuzz regressions: designs handed over as objects', () => {
  for (const row of OBJECT_ROWS) {
    it(`${row.name} — before: ${row.before}`, async () => {
      const answer = await runner.run({ object: row.object() });
      if (answer.hung) expect.fail(`${row.name}: hung again, no result after ${Math.round(answer.waitedMs)} ms`);
      expect(answer.outcome.crash, `${row.name} crashed in ${answer.outcome.crash?.stage}: ${answer.outcome.crash?.error}`).toBeUndefined();
      expect(messages(restoreDesign(row.object()))).toEqual([row.problem]);
    }, 60_000);
  }
});

describe('how deep a design may nest (core/model/nesting.ts, found by the fuzz suite)', () => {
  const withDeepField = (levels: number) => {
    const doc = JSON.parse(fixture('bom-prefixed.design.json').slice(1)) as Record<string, unknown>;
    let deep: unknown = 1;
    for (let i = 0; i < levels; i++) deep = { a: deep };
    doc['x-deep'] = deep; // the field's object is at level 1, its innermost object at level `levels`
    return doc;
  };
  it(`${MAX_NESTING} levels load, save and copy; ${MAX_NESTING + 1} are refused naming the place`, () => {
    const ok = parseDesign(JSON.stringify(withDeepField(MAX_NESTING)));
    expect(messages(ok)).toEqual([]);
    expect(ok.ok && parseDesign(serializeDesign(ok.design)).ok).toBe(true);
    expect(ok.ok && structuredClone(ok.design)).toEqual(ok.ok && ok.design);
    const refused = parseDesign(JSON.stringify(withDeepField(MAX_NESTING + 1)));
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => p.path)).toEqual(['$["x-deep"].a.a.a.a.a']);
  });
});

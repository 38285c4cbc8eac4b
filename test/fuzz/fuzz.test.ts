// Fuzz suite (issue 13, bullet 4): mutations of every template and of corpus designs (imported SAM
// templates) through parse → validate → lint → cost → reach → retry paths, in process, in a worker
// thread with a watchdog (harness.ts). The property: every case ends in a result or a clear
// ParseResult with problems — never a throw; no hang (no answer in HANG_MS fails naming the case);
// each step a user waits on (parse, lint, one cost estimate, reach, retry paths) within 1 s — the
// issue's budget, applied per step because the CLI and the app run each one on its own, while a
// case here runs cost for every profile × 3 Regions; and output (JSON of every step's result)
// within 50 × input + 1 MB per step (likewise). Fixed seed by default (npm test is reproducible); SD_FUZZ_SEED /
// SD_FUZZ_RUNS rerun with another seed or more runs (see test/README.md). A failure names the
// seed, the mutation and the stage.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycle, fanIn, fanOutWithDlqs, parallelEdges } from '../../bench/shapes';
import { sharedFile } from '../support/shared';
import { COMMITTED_PATTERNS, importedDesignText, patterns } from './corpus';
import { CaseRunner, HANG_MS } from './harness';
import { inputChars, type Input, type Outcome } from './pipeline';

const SEED = Number(process.env.SD_FUZZ_SEED ?? 13_2026);
const RUNS = Number(process.env.SD_FUZZ_RUNS ?? 60);
const CASE_BUDGET_MS = 1000;
const outputBound = (input: Input) => 50 * inputChars(input) + 1_000_000;

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);
const TEMPLATES = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.design.json')).sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, TEMPLATE_DIR), 'utf8') }));
// Corpus designs: committed fixtures (SAM templates imported with core/iac/import, see
// test/fixtures/fuzz/corpus/README.md), plus a few more imported at test time where ../shared
// exists (chosen by the seed; sharedFile prints one line when it is absent).
const FIXTURE_DIR = new URL('../fixtures/fuzz/corpus/', import.meta.url);
const CORPUS = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.design.json')).sort()
  .map((file) => ({ file: `corpus/${file}`, text: readFileSync(new URL(file, FIXTURE_DIR), 'utf8') }));
const EXTRA_IMPORTS = Number(process.env.SD_FUZZ_EXTRA_IMPORTS ?? 6);
const IMPORTED = (() => {
  const root = sharedFile('corpus/serverless-patterns');
  if (!root) return [];
  const committed = new Set<string>(COMMITTED_PATTERNS);
  const rest = patterns(root).filter((p) => !committed.has(p));
  const [picked] = fc.sample(fc.shuffledSubarray(rest, { minLength: EXTRA_IMPORTS, maxLength: EXTRA_IMPORTS }), { seed: SEED, numRuns: 1 });
  return picked.flatMap((p) => {
    const imported = importedDesignText(root, p);
    return imported ? [{ file: `shared:${imported.template}`, text: imported.text }] : [];
  });
})();
const SOURCES = [...TEMPLATES, ...CORPUS, ...IMPORTED];

const runner = new CaseRunner();
beforeAll(() => runner.warmUp(), 60_000);
const tally = { cases: 0, crashes: 0, hangs: 0, slow: 0, unbounded: 0 };
let slowest = { ms: 0, what: '' };
let slowestStep = { ms: 0, what: '' };
const started = performance.now();
afterAll(async () => {
  await runner.close();
  console.info(`fuzz: ${tally.cases} cases over ${SOURCES.length} designs (${TEMPLATES.length} templates, ${CORPUS.length} corpus fixtures, ${IMPORTED.length} imported from ../shared), seed ${SEED}, ${RUNS} runs per property, `
    + `${Math.round(performance.now() - started)} ms, slowest case ${Math.round(slowest.ms)} ms (${slowest.what}), slowest step ${Math.round(slowestStep.ms)} ms (${slowestStep.what}); `
    + `${tally.crashes} crashes, ${tally.hangs} hangs (no answer in ${HANG_MS} ms), ${tally.slow} steps over ${CASE_BUDGET_MS} ms, `
    + `${tally.unbounded} unbounded outputs`);
});

/**
 * Runs one case in the worker and states the property; the message names the seed and the case so
 * a failure is reproducible. Every failure is counted before it is asserted (the summary's counts).
 */
async function check(what: string, input: Input, { diagram = false } = {}): Promise<Outcome> {
  tally.cases++;
  const where = `seed ${SEED}: ${what}`;
  let answer;
  try {
    answer = await runner.run(input, { diagram });
  } catch (e) {
    tally.crashes++;
    throw new Error(`${where}\n the fuzz worker died: ${String(e)}`, { cause: e });
  }
  if (answer.hung) {
    tally.hangs++;
    expect.fail(`${where}\n hung: no result after ${Math.round(answer.waitedMs)} ms (the watchdog; the worker was terminated and replaced)`);
  }
  const outcome = answer.outcome;
  if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, what };
  if (outcome.slowest.ms > slowestStep.ms) slowestStep = { ms: outcome.slowest.ms, what: `${outcome.slowest.stage} of ${what}` };
  if (outcome.crash) tally.crashes++;
  else if (outcome.slowest.ms > CASE_BUDGET_MS) tally.slow++;
  else if (outcome.largest.chars > outputBound(input)) tally.unbounded++;
  expect(outcome.crash, `${where}\n crashed in ${outcome.crash?.stage}: ${outcome.crash?.error}`).toBeUndefined();
  expect(outcome.slowest.ms, `${where}\n ${outcome.slowest.stage} took ${Math.round(outcome.slowest.ms)} ms (budget ${CASE_BUDGET_MS} ms per step; `
    + `the whole case ${Math.round(outcome.ms)} ms)`).toBeLessThanOrEqual(CASE_BUDGET_MS);
  expect(outcome.largest.chars, `${where}\n ${outcome.largest.stage} returned ${outcome.largest.chars} chars of JSON for input ${inputChars(input)} `
    + `(bound 50 × input + 1 MB per step)`).toBeLessThanOrEqual(outputBound(input));
  return outcome;
}

// ---- walking a document ----------------------------------------------------------------------

type Path = (string | number)[];
function paths(value: unknown, at: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path: at, value });
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
const showPath = (p: Path) => `$${p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;

/** Sets an own property even for "__proto__" (a plain assignment would change the prototype). */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
/** A copy of `doc` with the value at `path` replaced (the root when the path is empty). */
function replaced(doc: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  setOwn(node, path[path.length - 1], value);
  return copy;
}
/** A copy of `doc` with the key at `path` renamed (order kept). */
function renamed(doc: unknown, path: Path, key: string): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const obj = parent === copy && path.length === 1 ? copy : parent;
  const old = path[path.length - 1] as string;
  const rebuilt: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) setOwn(rebuilt, k === old ? key : k, v);
  if (path.length === 1) return rebuilt;
  const grand = path.slice(0, -1);
  return replaced(copy, grand, rebuilt);
}

/** A copy of `doc` in which every string equal to `from` — value or key — is `to`: an id or a profile name renamed consistently. */
function renamedEverywhere(doc: unknown, from: string, to: string): unknown {
  if (typeof doc === 'string') return doc === from ? to : doc;
  if (Array.isArray(doc)) return doc.map((v) => renamedEverywhere(v, from, to));
  if (doc && typeof doc === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) setOwn(out, k === from ? to : k, renamedEverywhere(v, from, to));
    return out;
  }
  return doc;
}

/** The kind of place a path is: array indices and user-chosen keys (ids, profile names, environment
 *  variables …) generalised, a node's props prefixed by its kind — e.g. `lambda:$.nodes[*].props.memoryMb`. */
const USER_KEYED = new Set(['profiles', 'positions', 'environment', 'tags', 'stageVariables']);
function placeKind(doc: unknown, path: Path): string {
  const general = path.map((k, i) => {
    if (typeof k === 'number') return '[*]';
    const prev = path[i - 1];
    if (typeof prev === 'string' && USER_KEYED.has(prev)) return '*';
    if ((prev === 'nodes' || prev === 'edges') && path[i - 3] === 'profiles') return '*';
    return k;
  });
  const kind = path[0] === 'nodes' && typeof path[1] === 'number' && path.length > 2
    ? `${String((doc as { nodes: { kind?: unknown }[] }).nodes[path[1]]?.kind)}:` : '';
  return `${kind}${showPath(general as Path)}`;
}

// fast-check prints a counterexample with fc.toStringMethod: the file name (and the path), not the whole document.
const DOCS = SOURCES.map((s) => ({
  ...s, doc: JSON.parse(s.text) as unknown, nodes: paths(JSON.parse(s.text)),
  [fc.toStringMethod]: () => s.file,
}));
/** One place of each kind over all sources (the first met): "every path" without every copy of it. */
const PLACE_KINDS = (() => {
  const kinds = new Map<string, { d: (typeof DOCS)[number]; place: { path: Path; value: unknown } }>();
  for (const d of DOCS) for (const place of d.nodes) {
    const k = placeKind(d.doc, place.path);
    if (!kinds.has(k)) kinds.set(k, { d, place });
  }
  return [...kinds.values()];
})();
const docArb = fc.integer({ min: 0, max: DOCS.length - 1 }).map((i) => DOCS[i]);
/** A document and one place in it (index taken modulo its size so every place can be drawn). */
const placeArb = (filter: (v: unknown, p: Path) => boolean) => fc.tuple(docArb, fc.nat()).map(([d, n]) => {
  const places = d.nodes.filter((x) => filter(x.value, x.path));
  const place = places.length ? places[n % places.length] : d.nodes[0];
  return { d, place, [fc.toStringMethod]: () => `${d.file} ${showPath(place.path)}` };
});

const WRONG = [ 'text', '', 0, 1, -1, true, false, null, [], [1, 'a'], {}, { a: 1 } ] as const;
const RANGE = [0, -0, -1, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, 0.1, 1e-320] as const;
const PROTO = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'] as const;
const opts = (n = RUNS) => ({ seed: SEED, numRuns: n, endOnFailure: true });

describe('fuzz: mutations of every template and corpus design', () => {
  it('every source design runs clean unmutated', async () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(9);
    expect(CORPUS.length).toBeGreaterThanOrEqual(8);
    for (const s of SOURCES) expect((await check(`${s.file} unmutated`, { text: s.text })).parsed, s.file).toBe(true);
  });

  it('wrong types at every JSON path (text and object)', async () => {
    await fc.assert(fc.asyncProperty(placeArb(() => true), fc.constantFrom(...WRONG), fc.boolean(), async ({ d, place }, value, asText) => {
      const doc = replaced(d.doc, place.path, value);
      await check(`${d.file} ${showPath(place.path)} := ${JSON.stringify(value)} (${asText ? 'text' : 'object'})`,
        asText ? { text: JSON.stringify(doc) } : { object: doc });
    }), opts(RUNS * 3));
  });

  it('out-of-range numbers (±0, -1, 1e308, 2**53, NaN, ±Infinity) via restoreDesign', async () => {
    await fc.assert(fc.asyncProperty(placeArb((v) => typeof v === 'number'), fc.constantFrom(...RANGE), async ({ d, place }, value) => {
      await check(`${d.file} ${showPath(place.path)} := ${String(value)} (object)`, { object: replaced(d.doc, place.path, value) });
    }), opts(RUNS * 3));
  });

  it('prototype keys as ids, names, profile/alternative names and object keys', async () => {
    await fc.assert(fc.asyncProperty(placeArb((v, p) => typeof v === 'string' || (p.length > 0 && typeof p[p.length - 1] === 'string')),
      fc.constantFrom(...PROTO), fc.boolean(), fc.boolean(), async ({ d, place }, key, renameKey, asText) => {
        const last = place.path[place.path.length - 1];
        const doRename = (renameKey || typeof place.value !== 'string') && typeof last === 'string';
        const doc = doRename ? renamed(d.doc, place.path, key) : replaced(d.doc, place.path, key);
        await check(`${d.file} ${doRename ? `rename key ${showPath(place.path)} → ${key}` : `${showPath(place.path)} := "${key}"`} (${asText ? 'text' : 'object'})`,
          asText ? { text: JSON.stringify(doc) } : { object: doc });
      }), opts(RUNS * 2));
  });

  it('edges to missing nodes, self-loops and duplicate ids', async () => {
    type Doc = { nodes: { id: string }[]; edges: { id: string; from: string; to: string }[] };
    await fc.assert(fc.asyncProperty(docArb, fc.nat(), fc.nat(), fc.constantFrom('missing-to', 'missing-from', 'self-loop', 'dup-node', 'dup-edge', 'edge-id-is-node-id'), async (d, i, j, how) => {
      const doc = structuredClone(d.doc) as Doc;
      if (!doc.edges.length || !doc.nodes.length) return;
      const e = doc.edges[i % doc.edges.length];
      const n = doc.nodes[j % doc.nodes.length];
      if (how === 'missing-to') e.to = 'no-such-node';
      if (how === 'missing-from') e.from = 'no-such-node';
      if (how === 'self-loop') e.to = e.from;
      if (how === 'dup-node') doc.nodes.push(structuredClone(n));
      if (how === 'dup-edge') doc.edges.push(structuredClone(e));
      if (how === 'edge-id-is-node-id') e.id = n.id;
      await check(`${d.file} ${how} (edge ${e.id}, node ${n.id})`, { object: doc });
    }), opts(RUNS * 2));
  });

  it('truncation at random offsets', async () => {
    await fc.assert(fc.asyncProperty(docArb, fc.double({ min: 0, max: 1, noNaN: true }), async (d, at) => {
      const cut = Math.floor(at * d.text.length);
      await check(`${d.file} truncated at ${cut}/${d.text.length}`, { text: d.text.slice(0, cut) });
    }), opts(RUNS));
  });

  it('invalid UTF-8 bytes (decoded as the CLI/app read files) and lone surrogates in strings', async () => {
    const BAD = [0xff, 0xfe, 0xc3, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xf4, 0x90];
    await fc.assert(fc.asyncProperty(docArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD)), { minLength: 1, maxLength: 8 }), async (d, edits) => {
      const bytes = new TextEncoder().encode(d.text);
      for (const [at, b] of edits) bytes[at % bytes.length] = b;
      await check(`${d.file} bytes ${JSON.stringify(edits.map(([at, b]) => [at % bytes.length, b]))}`,
        { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) });
    }), opts(RUNS));
    await fc.assert(fc.asyncProperty(placeArb((v) => typeof v === 'string'), fc.constantFrom('\uD800', '\uDFFF', 'a\uD83D', '\uDE00b'), fc.boolean(), async ({ d, place }, lone, asText) => {
      const doc = replaced(d.doc, place.path, `${String(place.value)}${lone}`);
      await check(`${d.file} ${showPath(place.path)} + lone surrogate ${JSON.stringify(lone)} (${asText ? 'text' : 'object'})`,
        asText ? { text: JSON.stringify(doc) } : { object: doc });
    }), opts(RUNS));
  });

  it('10 MB strings as a name, an id, a profile name, a position key, a description and an alternative name', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const d = DOCS[0];
    const doc = d.doc as { name: string; nodes: { id: string }[]; usage: { profiles: Record<string, unknown> } };
    await check(`${d.file} 10 MB name`, { object: { ...doc, name: big } });
    await check(`${d.file} 10 MB node id`, { object: { ...doc, nodes: doc.nodes.map((n, i) => (i ? n : { ...n, id: big })) } });
    await check(`${d.file} 10 MB profile name (text)`, { text: JSON.stringify({ ...doc, usage: { ...doc.usage, profiles: { ...doc.usage.profiles, [big]: {} } } }) });
    const positions = (doc as { layout?: { positions?: Record<string, unknown> } }).layout?.positions ?? {};
    await check(`${d.file} 10 MB position key (text)`, { text: JSON.stringify({ ...doc, layout: { positions: { ...positions, [big]: { x: 0, y: 0 } } } }) });
    await check(`${d.file} 10 MB description in the first node's props`, { object: { ...doc, nodes: doc.nodes.map((n, i) => (i ? n : { ...n, props: { ...(n as { props?: object }).props, description: big } })) } });
    await check(`${d.file} 10 MB alternative name`, { object: { ...doc, alternatives: [{ name: big, nodes: doc.nodes }] } });
  }, 30_000);

  it('10,000-deep nesting as the document and inside a value', async () => {
    const depth = 10_000;
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    await check('10,000-deep [[[…]]] document', { text: arrays });
    await check('10,000-deep {"a":{"a":…}} document', { text: objects });
    for (const d of DOCS.slice(0, 3)) {
      const text = JSON.stringify(d.doc);
      await check(`${d.file} name := 10,000-deep arrays`, { text: text.replace(/"name":/, `"name":${arrays},"x":`) });
      await check(`${d.file} first node's config := 10,000-deep objects`, { text: text.replace(/"nodes":\[\{/, `"nodes":[{"deep":${objects},`) });
      // With an out-of-range value too: the design then loads leniently (values as written), a second path.
      await check(`${d.file} 10,000-deep objects in a node and memoryMb 99999`,
        { text: text.replace(/"nodes":\[\{/, `"nodes":[{"deep":${objects},`).replace(/"memoryMb":\s*\d+/, '"memoryMb":99999') });
    }
  }, 30_000);
  it('wrong types at every kind of place (a string, number, boolean, null, list and object each, text and object)', async () => {
    // One value of each JSON type per place, the variant rotating (e.g. "text" here, "" at the next place).
    const BY_TYPE = [['text', ''], [0, 1, -1], [true, false], [null], [[], [1, 'a']], [{}, { a: 1 }]] as const;
    for (const [k, { d, place }] of PLACE_KINDS.entries()) {
      for (const [t, variants] of BY_TYPE.entries()) {
        const value = variants[k % variants.length];
        const asText = (k + t) % 2 === 0; // each type as text at one place, as an object at the next
        const doc = replaced(d.doc, place.path, value);
        await check(`${d.file} ${showPath(place.path)} := ${JSON.stringify(value)} (${asText ? 'text' : 'object'}; every place kind)`,
          asText ? { text: JSON.stringify(doc) } : { object: doc });
      }
    }
    expect(PLACE_KINDS.length).toBeGreaterThan(100);
  }, 60_000);

  it('out-of-range numbers at every kind of numeric place (via restoreDesign)', async () => {
    for (const { d, place } of PLACE_KINDS.filter((k) => typeof k.place.value === 'number')) {
      for (const value of RANGE) {
        await check(`${d.file} ${showPath(place.path)} := ${Object.is(value, -0) ? '-0' : String(value)} (object; every numeric place kind)`,
          { object: replaced(d.doc, place.path, value) });
      }
    }
  }, 60_000);

  it('prototype keys as a node id, an edge id or a profile name renamed consistently (ids, usage, positions, active)', async () => {
    type Doc = { nodes: { id: string; name: string }[]; edges: { id: string }[]; usage?: { profiles?: Record<string, unknown> } };
    const targets = (doc: Doc) => [
      ...doc.nodes.map((n) => ({ what: 'node id', name: n.id })),
      ...doc.edges.map((e) => ({ what: 'edge id', name: e.id })),
      ...Object.keys(doc.usage?.profiles ?? {}).map((p) => ({ what: 'profile name', name: p })),
    ];
    await fc.assert(fc.asyncProperty(docArb, fc.nat(), fc.constantFrom(...PROTO), fc.boolean(), async (d, n, key, asText) => {
      const all = targets(d.doc as Doc);
      if (!all.length) return;
      const t = all[n % all.length];
      const doc = renamedEverywhere(d.doc, t.name, key);
      await check(`${d.file} ${t.what} ${JSON.stringify(t.name)} → ${key} everywhere (${asText ? 'text' : 'object'})`,
        asText ? { text: JSON.stringify(doc) } : { object: doc });
    }), opts(RUNS * 2));
  });

  it('prototype keys as node names and as alternative names (a second variant in the file)', async () => {
    type Doc = Record<string, unknown> & { nodes: { name: string }[] };
    const VARIANT_KEYS = ['region', 'nodes', 'edges', 'usage', 'suppressions', 'layout'] as const;
    await fc.assert(fc.asyncProperty(docArb, fc.nat(), fc.constantFrom(...PROTO, 'B'), fc.constantFrom(...PROTO, 'A', undefined), fc.boolean(),
      async (d, n, altName, ownName, dropNode) => {
        const doc = structuredClone(d.doc) as Doc;
        const variant: Record<string, unknown> = { name: altName };
        for (const k of VARIANT_KEYS) if (k in doc) variant[k] = structuredClone(doc[k]);
        if (dropNode && Array.isArray(variant.nodes) && variant.nodes.length) (variant.nodes as unknown[]).splice(n % variant.nodes.length, 1);
        doc.alternatives = [variant];
        if (ownName !== undefined) doc.alternativeName = ownName;
        if (doc.nodes.length) doc.nodes[n % doc.nodes.length].name = PROTO[n % PROTO.length];
        await check(`${d.file} alternative ${JSON.stringify(altName)}${dropNode ? ' (one node fewer)' : ''}, own name ${JSON.stringify(ownName)}, `
          + `node ${n % Math.max(1, doc.nodes.length)} named ${PROTO[n % PROTO.length]}`, { object: doc });
      }), opts(RUNS));
  });

  it('10,000-deep nesting as a JS object via restoreDesign (the document, a name, props, an "x-…" field)', async () => {
    const d = DOCS[0];
    for (const shape of ['objects', 'arrays'] as const) {
      for (const path of [[], ['name'], ['nodes', 0, 'props'], ['nodes', 0, 'props', 'description'], ['x-deep'], ['layout', 'positions']] as Path[]) {
        await check(`${d.file} ${showPath(path)} := 10,000-deep ${shape} (object)`,
          { object: structuredClone(d.doc), deepAt: { path, depth: 10_000, shape } });
      }
    }
  }, 30_000);

  it('unbounded output: shapes whose paths multiply (1,000 parallel edges printed 411 M characters before) stay within the bound', async () => {
    // Sizes for the output bound with room under the 1 s per step on a loaded machine; the 10,000-node
    // sizes and their 2 s budgets are test/core/shapes and bench/shapes.ts.
    for (const [what, doc] of [
      ['1,000 parallel edges (10^6 edge sequences)', parallelEdges(1_000)],
      ['fan-out of 500 with a DLQ per subscription', fanOutWithDlqs(500)],
      ['fan-in of 500', fanIn(500)],
      ['cycle of 500', cycle(500)],
    ] as const) {
      expect((await check(what, { text: JSON.stringify(doc) })).parsed, what).toBe(true);
    }
  }, 60_000);
  it('references: parents in cycles, to itself, to a missing node; reference props to itself, a missing node or any node (with the diagram)', async () => {
    type Node = { id: string; parent?: string; props?: unknown };
    await fc.assert(fc.asyncProperty(docArb, fc.nat(), fc.nat(), fc.nat(),
      fc.constantFrom('parent-self', 'parent-cycle-2', 'parent-cycle-3', 'parent-missing', 'parent-any', 'ref-self', 'ref-missing', 'ref-any'),
      async (d, i, j, r, how) => {
        const doc = structuredClone(d.doc) as { nodes: Node[] };
        const n = doc.nodes.length;
        if (n < 3) return;
        const a = doc.nodes[i % n];
        const b = doc.nodes[(i % n + 1 + (j % (n - 1))) % n];
        const c = doc.nodes.find((x) => x !== a && x !== b)!;
        let what: string = how;
        if (how === 'parent-self') a.parent = a.id;
        if (how === 'parent-cycle-2') { a.parent = b.id; b.parent = a.id; }
        if (how === 'parent-cycle-3') { a.parent = b.id; b.parent = c.id; c.parent = a.id; }
        if (how === 'parent-missing') a.parent = 'no-such-node';
        if (how === 'parent-any') a.parent = b.id;
        if (how.startsWith('parent')) what = `${how} (${a.id}, ${b.id}, ${c.id})`;
        if (how.startsWith('ref-')) {
          // A string in a node's props naming another node: a subnet, security group, route, DLQ …
          const ids = new Set(doc.nodes.map((x) => x.id));
          const refs = doc.nodes.flatMap((node, k) => paths(node.props, ['nodes', k, 'props']).filter((p) => typeof p.value === 'string' && ids.has(p.value)).map((p) => ({ node, path: p.path })));
          if (!refs.length) return;
          const ref = refs[r % refs.length];
          const to = how === 'ref-self' ? ref.node.id : how === 'ref-missing' ? 'no-such-node' : b.id;
          const target = replaced(doc, ref.path, to) as { nodes: Node[] };
          doc.nodes = target.nodes;
          what = `${showPath(ref.path)} := ${JSON.stringify(to)} (${how})`;
        }
        await check(`${d.file} ${what} (object, with diagram)`, { object: doc }, { diagram: true });
      }), opts(RUNS));
  }, 60_000);
  it('several mutations at once (2–4 of: a wrong type, an out-of-range number, a prototype key as a value or a key)', async () => {
    const mutation = fc.tuple(fc.nat(), fc.oneof(
      fc.constantFrom(...WRONG).map((v) => ({ set: v as unknown })),
      fc.constantFrom(...RANGE).map((v) => ({ set: v as unknown })),
      fc.constantFrom(...PROTO).map((v) => ({ set: v as unknown })),
      fc.constantFrom(...PROTO).map((v) => ({ rename: v })),
    ));
    await fc.assert(fc.asyncProperty(docArb, fc.array(mutation, { minLength: 2, maxLength: 4 }), fc.boolean(), async (d, mutations, asText) => {
      let doc = d.doc;
      const done: string[] = [];
      for (const [n, m] of mutations) {
        const places = paths(doc).filter((p) => p.path.length > 0 && ('set' in m || typeof p.path[p.path.length - 1] === 'string'));
        if (!places.length) break;
        const { path } = places[n % places.length];
        doc = 'set' in m ? replaced(doc, path, m.set) : renamed(doc, path, m.rename);
        done.push('set' in m ? `${showPath(path)} := ${Object.is(m.set, -0) ? '-0' : typeof m.set === 'number' ? String(m.set) : JSON.stringify(m.set)}` : `rename ${showPath(path)} → ${m.rename}`);
      }
      await check(`${d.file} ${done.join('; ')} (${asText ? 'text' : 'object'})`, asText ? { text: JSON.stringify(doc) } : { object: doc });
    }), opts(RUNS * 2));
  });
  it('values JSON cannot hold in a design handed over as an object (structured clone carries them): a cycle, BigInt, Map, Set, Date, typed array, RegExp, a sparse list, undefined', async () => {
    const KINDS = ['cycle to parent', 'cycle to root', 'bigint', 'Map', 'Set', 'Date', 'Uint8Array', 'RegExp', 'sparse list', 'undefined'] as const;
    const valueOf = (kind: (typeof KINDS)[number], parent: unknown, root: unknown): unknown => {
      switch (kind) {
        case 'cycle to parent': return parent;
        case 'cycle to root': return root;
        case 'bigint': return 2n ** 64n;
        case 'Map': return new Map([['a', 1]]);
        case 'Set': return new Set([1]);
        case 'Date': return new Date(0);
        case 'Uint8Array': return new Uint8Array(3);
        case 'RegExp': return /x/;
        case 'sparse list': { const a: unknown[] = [1]; a[4] = 5; return a; }
        case 'undefined': return undefined;
      }
    };
    await fc.assert(fc.asyncProperty(placeArb((_v, p) => p.length > 0), fc.constantFrom(...KINDS), async ({ d, place }, kind) => {
      const doc = structuredClone(d.doc) as Record<string | number, unknown>;
      let parent = doc;
      for (const k of place.path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      setOwn(parent, place.path[place.path.length - 1], valueOf(kind, parent, doc));
      await check(`${d.file} ${showPath(place.path)} := ${kind} (object)`, { object: doc });
    }), opts(RUNS));
  });
  it('random edits to the text: characters inserted, deleted or replaced at random offsets', async () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', 'n', ' ', '\u0000', '\u2028', '\uFEFF'));
    await fc.assert(fc.asyncProperty(docArb, fc.array(edit, { minLength: 1, maxLength: 6 }), async (d, edits) => {
      let text = d.text;
      const done: string[] = [];
      for (const [n, how, ch] of edits) {
        const at = n % (text.length + 1);
        text = how === 'insert' ? text.slice(0, at) + ch + text.slice(at) : how === 'delete' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at + 1);
        done.push(`${how} ${how === 'delete' ? '' : `${JSON.stringify(ch)} `}at ${at}`);
      }
      await check(`${d.file} ${done.join(', ')}`, { text });
    }), opts(RUNS));
  });
});

import type { z } from 'zod';
import { formatNumber } from '../format';
import { DEFAULT_ALTERNATIVE_NAME, designSchema, edgeSchema, nodeSchema, type Alternative, type Design } from './design';
import { outOfRangeValues, type OutOfRange } from './bounded';
import { EDGE_KIND_IDS } from './edges';
import { NODE_KIND_IDS } from './kinds';
import { locateJsonError } from './jsonLocate';
import { clampLayout } from './layoutBounds';
import { CURRENT_SCHEMA_VERSION, DESIGN_FORMAT, migrate } from './migrations';
import { jsonShapeProblem } from './nesting';
import { jsonPath, type PathPart, type Problem } from './problems';
import { checkReferences } from './references';

export type ParseResult =
  | { ok: true; design: Design; problems: Problem[] }
  | { ok: false; problems: Problem[] };

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (problems: Problem[]): ParseResult => ({ ok: false, problems });

/** A value from the file as a message shows it: never "undefined", a bare "null" or "[object
 *  Object]" (JSON null is "JSON null", containers are named by their type, long strings shortened). */
function shownValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'JSON null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  return String(v);
}
/** A node's or edge's id as a problem's target: its index when the id is not text. */
const idOf = (id: unknown, index: number): string => (typeof id === 'string' || typeof id === 'number' ? String(id) : String(index));
const EXPECTED: Record<string, string> = { string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', record: 'an object' };

/** Reads a design file's text. Never throws: every failure is a Problem naming its place. A UTF-8
 *  byte order mark at the start (some Windows editors write one) is ignored; serializeDesign never
 *  writes one. */
export function parseDesign(fileText: string): ParseResult {
  const text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail([{ code: 'syntax', path: '$', message: `not valid JSON: ${describeSyntaxError(text)}` }]);
  }
  return restoreDesign(raw);
}

function describeSyntaxError(text: string): string {
  const { line, column, offset } = locateJsonError(text);
  const what = offset >= text.length ? 'the file ends too early' : `unexpected ${JSON.stringify(text[offset])}`;
  return `${what} at line ${line}, column ${column}`;
}

/** Checks, migrates and validates an already-parsed JSON value (a file, a paste, an IPC payload). */
export interface RestoreOptions {
  /** A fraction where AWS wants a whole number (memoryMb 1.5): a `range` problem, loaded as written
   *  and analysed rounded (files, the default), or refused as unreadable (an edit in the inspector,
   *  where the person typing it is told at once and the field goes back). */
  fractions?: 'range' | 'refuse';
}

export function restoreDesign(raw: unknown, options: RestoreOptions = {}): ParseResult {
  const fractionsRange = options.fractions !== 'refuse';
  if (!isObject(raw)) return fail([{ code: 'format', path: '$', message: 'not a Serverless Designer design: expected a JSON object' }]);
  if (raw.format !== DESIGN_FORMAT) {
    return fail([{ code: 'format', path: '$.format', message: `not a Serverless Designer design: "format" is ${shownValue(raw.format)}, expected "${DESIGN_FORMAT}"` }]);
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail([{ code: 'version', path: '$.schemaVersion', message: `"schemaVersion" is ${shownValue(version)}; expected a whole number` }]);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return fail([{ code: 'version', path: '$.schemaVersion', message: `this design was saved by a newer Serverless Designer (schema version ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Open it with a newer version — the file was not changed.` }]);
  }
  // Before anything copies it (migrations, lenient loading): 10,000 levels overflowed the stack there;
  // a BigInt (an object handed over in-process) made Save throw.
  const deep = jsonShapeProblem(raw);
  if (deep) return fail([deep]);
  const doc = version < CURRENT_SCHEMA_VERSION ? migrate(raw, version) : raw;

  const reserved = reservedKeyProblems(doc);
  if (reserved.length) return fail(reserved);
  const kindProblems = checkKinds(doc);
  if (kindProblems.length) return fail(kindProblems);

  const first = designSchema.safeParse(doc);
  const staged = schemaStage(doc, first, fractionsRange, (issues) => loadOutOfRange(doc, issues));
  if (!staged.ok) return staged;
  const result = finishDesign(staged.design, staged.rangeProblems);
  // The nodes and edges read straight from the text, with no problem of their own, are remembered
  // as such (knownDesignProblems): the design an editor opens is checked again without parsing them.
  const issueAt = issueIndices(first.success ? [] : first.error.issues);
  const read = first.success ? first.data : staged.design;
  rememberRead(read.nodes, result.design.nodes, issueAt.nodes, 'nodes');
  rememberRead(read.edges, result.design.edges, issueAt.edges, 'edges');
  return result;
}

type SchemaResult = { success: true; data: Design } | { success: false; error: { issues: z.core.$ZodIssue[] } };
type Lenient = { design: Design } | { refused: z.core.$ZodIssue[] };

/** From the schema's verdict on a document to its design and range problems, or its refusal:
 *  issues that are all AWS-range ones load the values as written (loadOutOfRange, through
 *  `lenient`), anything else refuses the file. `doc` is what the issues' paths point into. */
function schemaStage(doc: Raw, first: SchemaResult, fractionsRange: boolean, lenient: (issues: z.core.$ZodIssue[]) => Lenient):
  { ok: false; problems: Problem[] } | { ok: true; design: Design; rangeProblems: Problem[] } {
  if (first.success) return { ok: true, design: first.data, rangeProblems: [] };
  const issues = withoutSafeIntDuplicates(first.error.issues);
  if (!issues.every((issue) => isRangeIssue(issue, doc, fractionsRange))) return { ok: false, problems: issues.map((issue) => toProblem(issue, doc, undefined, fractionsRange)) };
  // Only AWS-range problems: load the values as written so the user sees and fixes them in place;
  // the analysis uses each one clamped to AWS's range (bounded.ts), and the message says to what.
  const loaded = lenient(issues);
  // Still refused with the values in range (a rule's fromPort above its toPort): said with the rest.
  if (!('design' in loaded)) return { ok: false, problems: [...issues.map((issue) => toProblem(issue, doc)), ...loaded.refused.map((issue) => toProblem(issue, doc, undefined, fractionsRange))] };
  const design = loaded.design;
  const used = new Map(outOfRangeValues(design).map((o) => [jsonPath(o.path), o]));
  // One problem per value: a refinement's (e.g. the HTTP API's 30 s) over zod's generic range.
  const byPath = new Map<string, { problem: Problem; specific: boolean }>();
  for (const issue of issues) {
    const problem = toProblem(issue, doc, used);
    const specific = !/^(Too big|Too small|Invalid input)/.test(issue.message);
    const known = byPath.get(problem.path);
    if (!known || (specific && !known.specific)) byPath.set(problem.path, { problem, specific });
  }
  return { ok: true, design, rangeProblems: [...byPath.values()].map((p) => p.problem) };
}

/** The checks after the schema: places beyond ±1,000,000 px (issue 13: 1e89 ran routing out of
 *  memory) as range problems, clamped; references; the alternatives. */
function finishDesign(design: Design, rangeProblems: Problem[]): { ok: true; design: Design; problems: Problem[] } {
  const layout = clampLayout(design);
  const checked = checkReferences(layout.design);
  const alternatives = checkAlternatives(checked.design);
  return { ok: true, design: alternatives.design, problems: [...rangeProblems, ...layout.problems, ...checked.problems, ...alternatives.problems] };
}

/** The node and edge indices some issue points into. */
function issueIndices(issues: readonly z.core.$ZodIssue[]): { nodes: Set<number>; edges: Set<number> } {
  const out = { nodes: new Set<number>(), edges: new Set<number>() };
  for (const { path } of issues) if ((path[0] === 'nodes' || path[0] === 'edges') && typeof path[1] === 'number') out[path[0]].add(path[1]);
  return out;
}

/** restoreDesign(design).problems for a design held in memory, such as the editor's after each
 *  edit, without parsing again the nodes and edges it has seen. A node or edge that is frozen (immer
 *  freezes every design the editor makes, so it can never change) and parses on its own to itself,
 *  with no problem, or that restoreDesign read from a file and is unchanged since, is clean; the
 *  others are parsed as a document of their own with the rest of the design (knownDesignProblems),
 *  then the same layout, reference and alternative checks as restoreDesign. A design with nothing
 *  known clean takes restoreDesign itself; the answer is always the same
 *  (test/model/designProblems.property.test.ts). After a property edit (Node 20, 2 cores): 1,000
 *  nodes 10.3 → 2.2 ms, 5,000 nodes 57 → 16 ms, on every edit in the app (issue 15). */
export function designProblems(design: Design): Problem[] {
  return knownDesignProblems(design) ?? restoreDesign(design).problems;
}

/** Nodes and edges known clean, per list. */
const cleanItems = { nodes: new WeakSet<object>(), edges: new WeakSet<object>() };
/** Nodes and edges restoreDesign read from a document with no issue of their own, with their JSON
 *  when read: once frozen and still the same JSON, one is clean without parsing it again (zod's
 *  output parses to itself: test/model/designProblems.property.test.ts checks it on every fixture). */
const readItems = { nodes: new WeakMap<object, string>(), edges: new WeakMap<object, string>() };

function rememberRead(read: readonly object[], final: readonly object[], withIssues: ReadonlySet<number>, list: 'nodes' | 'edges'): void {
  const fromText = new Set(read.filter((_, i) => !withIssues.has(i)));
  // Only those the later checks kept as they were (a reference repair makes a new object).
  for (const item of final) if (fromText.has(item)) readItems[list].set(item, JSON.stringify(item));
}

/** designProblems where it can answer without restoreDesign; undefined where it cannot (exported for
 *  its test, which checks that it answers, and answers the same). Nodes and edges not known to be
 *  clean (an edit's, or one with a value out of range) are parsed as a document of their own, with
 *  the rest of the design, and their problems' paths are put back to their places. */
export function knownDesignProblems(design: Design): Problem[] | undefined {
  const doc = design as unknown;
  if (!isObject(doc) || doc.format !== DESIGN_FORMAT || doc.schemaVersion !== CURRENT_SCHEMA_VERSION || !Array.isArray(doc.nodes) || !Array.isArray(doc.edges)) return undefined;
  // Every one is checked, even after one that is not clean (a value out of range): the others are
  // remembered for the next edit, which may be the one that fixes it.
  const dirty = { nodes: [] as number[], edges: [] as number[] };
  doc.nodes.forEach((n, i) => { if (!isClean(n, 'nodes')) dirty.nodes.push(i); });
  doc.edges.forEach((e, i) => { if (!isClean(e, 'edges')) dirty.edges.push(i); });
  // Nothing known clean (a design not frozen): nothing to gain over restoreDesign.
  if (dirty.nodes.length === doc.nodes.length && dirty.edges.length === doc.edges.length && (doc.nodes.length || doc.edges.length)) return undefined;
  const sub = { ...doc, nodes: dirty.nodes.map((i) => (doc.nodes as unknown[])[i]), edges: dirty.edges.map((i) => (doc.edges as unknown[])[i]) };
  if (jsonShapeProblem(sub) || reservedKeyProblems(sub).length || checkKinds(sub).length) return undefined;
  // Issue paths between the sub-document and the design: ['nodes', 0, …] ⇄ ['nodes', dirty.nodes[0], …].
  const moved = (issue: z.core.$ZodIssue, to: (list: 'nodes' | 'edges', i: number) => number): z.core.$ZodIssue => {
    const [list, i] = issue.path;
    return (list === 'nodes' || list === 'edges') && typeof i === 'number' ? { ...issue, path: [list, to(list, i), ...issue.path.slice(2)] } : issue;
  };
  const back = { nodes: new Map(dirty.nodes.map((d, i) => [d, i])), edges: new Map(dirty.edges.map((d, i) => [d, i])) };
  const toDesign = (issue: z.core.$ZodIssue) => moved(issue, (list, i) => dirty[list][i]);
  const toSub = (issue: z.core.$ZodIssue) => moved(issue, (list, i) => back[list].get(i) ?? i);
  const merged = (parsed: Design): Design => {
    const nodes = design.nodes.slice();
    dirty.nodes.forEach((d, i) => { nodes[d] = parsed.nodes[i]; });
    const edges = design.edges.slice();
    dirty.edges.forEach((d, i) => { edges[d] = parsed.edges[i]; });
    return { ...parsed, nodes, edges };
  };
  const parsed = designSchema.safeParse(sub);
  const first: SchemaResult = parsed.success ? { success: true, data: merged(parsed.data) } : { success: false, error: { issues: parsed.error.issues.map(toDesign) } };
  const staged = schemaStage(doc, first, true, (issues) => {
    const loaded = loadOutOfRange(sub, issues.map(toSub));
    return 'design' in loaded ? { design: merged(loaded.design) } : { refused: loaded.refused.map(toDesign) };
  });
  return staged.ok ? finishDesign(staged.design, staged.rangeProblems).problems : staged.problems;
}

/** A node or edge that can never change and that restoreDesign reads as itself, with no problem. */
function isClean(item: unknown, list: 'nodes' | 'edges'): boolean {
  const seen = cleanItems[list];
  if (!isObject(item)) return false;
  if (seen.has(item)) return true;
  if (!deepFrozen(item, 0)) return false;
  // Read from a file with no problem and not changed since (a design just opened).
  const read = readItems[list].get(item);
  if (read !== undefined && read === JSON.stringify(item)) {
    seen.add(item);
    return true;
  }
  // As it sits in a document: the same depth for the nesting limit.
  const wrapped = { [list]: [item] };
  if (jsonShapeProblem(wrapped) || reservedKeyProblems(wrapped).length || checkKinds(wrapped).length) return false;
  const parsed = (list === 'nodes' ? nodeSchema : edgeSchema).safeParse(item);
  if (!parsed.success || !sameJson(parsed.data, item)) return false;
  seen.add(item);
  return true;
}

function deepFrozen(v: unknown, depth: number): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (!Object.isFrozen(v) || depth > 64) return false;
  return Object.values(v).every((child) => deepFrozen(child, depth + 1));
}

/** The same JSON data, whatever the key order; a key holding undefined counts as absent. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Raw)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Raw)[k], (b as Raw)[k]));
}

/** Each alternative is checked like the design itself; its problems name the alternative and carry
 *  the JSON path into it (`$.alternatives[1].edges[3].to`). No `target`: the node with that id on the
 *  canvas is the edited variant's, not the alternative's. */
function checkAlternatives(design: Design): { design: Design; problems: Problem[] } {
  const problems: Problem[] = [];
  const names = new Set([design.alternativeName ?? DEFAULT_ALTERNATIVE_NAME]);
  let changed = false;
  const alternatives = design.alternatives.map((alt, i): Alternative => {
    if (names.has(alt.name)) problems.push({ code: 'reference', path: jsonPath(['alternatives', i, 'name']), message: `alternative name "${alt.name}" is used twice; names must be unique` });
    names.add(alt.name);
    const checked = checkReferences({ ...design, ...alt, name: design.name, alternatives: [] });
    for (const p of checked.problems) {
      const what = p.target ? `${p.target.type} "${p.target.name}": ` : '';
      problems.push({ code: p.code, path: p.path.replace(/^\$/, jsonPath(['alternatives', i])), message: `alternative "${alt.name}", ${what}${p.message}`, ...(p.repair ? { repair: p.repair } : {}) });
    }
    if (checked.design.edges === alt.edges) return alt;
    changed = true;
    return { ...alt, edges: checked.design.edges };
  });
  return { design: changed ? { ...design, alternatives } : design, problems };
}

/** `__proto__` as an id, a profile name or any key: JavaScript objects cannot hold it as data
 *  (schema parsing drops it, and a lookup by it reaches the object's prototype), so it is refused
 *  with its place instead of being lost or misread (issue 13). `constructor`, `toString` and the
 *  like are ordinary ids. Walked without recursion: a 10,000-deep document cannot overflow the stack. */
function reservedKeyProblems(doc: Raw): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PathPart[] }[] = [{ value: doc, path: [] }];
  while (stack.length && problems.length < 20) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((v, i) => { if (typeof v === 'object' && v !== null) stack.push({ value: v, path: [...path, i] }); });
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        const v = value[key];
        if (key === '__proto__') problems.push({ code: 'structure', path: jsonPath([...path, '__proto__']), message: `the key "__proto__" is reserved and cannot be used (as an id, a name or a profile name); rename it` });
        else if (key === 'id' && v === '__proto__') problems.push({ code: 'structure', path: jsonPath([...path, 'id']), message: `the id "__proto__" is reserved; choose another id` });
        // "x-…" fields are another tool's data, kept as written and never looked up by key.
        if (typeof v === 'object' && v !== null && !key.startsWith('x-')) stack.push({ value: v, path: [...path, key] });
      }
    }
  }
  return problems;
}

function checkKinds(doc: Raw): Problem[] {
  const problems: Problem[] = [];
  const check = (list: unknown, key: 'nodes' | 'edges', known: readonly string[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (!isObject(item) || typeof item.kind !== 'string' || known.includes(item.kind)) return;
      const name = typeof item.name === 'string' ? item.name : idOf(item.id, i);
      problems.push({ code: 'structure', path: jsonPath([key, i, 'kind']), target: { id: idOf(item.id, i), name, type: key === 'nodes' ? 'node' : 'edge' },
        message: `unknown ${key === 'nodes' ? 'resource' : 'edge'} kind "${item.kind}"; known kinds: ${known.join(', ')}` });
    });
  };
  check(doc.nodes, 'nodes', NODE_KIND_IDS);
  check(doc.edges, 'edges', EDGE_KIND_IDS);
  if (Array.isArray(doc.alternatives)) {
    doc.alternatives.forEach((alt, i) => {
      if (!isObject(alt)) return;
      const before = problems.length;
      check(alt.nodes, 'nodes', NODE_KIND_IDS);
      check(alt.edges, 'edges', EDGE_KIND_IDS);
      for (const p of problems.splice(before)) {
        problems.push({ code: p.code, path: p.path.replace(/^\$/, jsonPath(['alternatives', i])), message: `${typeof alt.name === 'string' ? `alternative "${alt.name}"` : `the alternative at index ${i}`}, ${p.target?.type ?? 'item'} "${p.target?.name ?? ''}": ${p.message}` });
      }
    });
  }
  return problems;
}

/** Values here came from JSON.parse, so a JSON round trip is an exact copy. */
const cloneJson = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

const RANGE_CODES = new Set(['too_big', 'too_small', 'not_multiple_of']);

/** Issues about a value in `props` or in usage that is out of AWS's range (loaded as written, with
 *  a `range` problem). A fraction where AWS wants a whole number (0.5 retries) is one too: it has
 *  a nearest valid value like any other. */
function isRangeIssue(issue: z.core.$ZodIssue, doc: Raw, fractions = true): boolean {
  const inRangedPlace = issue.path.includes('props') || issue.path[0] === 'usage' || issue.path[0] === 'account' || (issue.path[0] === 'alternatives' && issue.path[2] === 'usage');
  // A refinement marks itself as a range check with params.range (e.g. "-1 or 60 to 604800").
  if (issue.code === 'custom' && (issue as { params?: { range?: boolean } }).params?.range) return issue.path.includes('props');
  if (issue.code === 'invalid_type' && issue.expected === 'int') return fractions && inRangedPlace && typeof at(doc, issue.path) === 'number';
  if (!RANGE_CODES.has(issue.code)) return false;
  const origin = (issue as { origin?: string }).origin;
  if (origin !== 'number' && origin !== 'array' && origin !== 'int') return false;
  return inRangedPlace;
}

/** zod checks a whole number against ±2^53 as well as against its own range: 1e308 for a retry
 *  count gave two problems, one saying "at most 9007199254740991". Keep the one that states AWS's range. */
function withoutSafeIntDuplicates(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const key = (i: z.core.$ZodIssue) => JSON.stringify(i.path);
  const isSafeInt = (i: z.core.$ZodIssue) => {
    const limit = (i as { maximum?: unknown; minimum?: unknown }).maximum ?? (i as { minimum?: unknown }).minimum;
    return (i.code === 'too_big' || i.code === 'too_small') && (i as { origin?: string }).origin === 'int' && (limit === Number.MAX_SAFE_INTEGER || limit === Number.MIN_SAFE_INTEGER);
  };
  const others = new Set(issues.filter((i) => !isSafeInt(i)).map(key));
  return issues.filter((i) => !isSafeInt(i) || !others.has(key(i)));
}

/** "memoryMb is 1e+308; AWS allows at most 10240; the analysis uses 10240". Usage (requests a
 *  month …) has bounds of the designer's where AWS sets none (limits.ts USAGE_LIMITS): said as
 *  "at most 1,000,000,000,000,000 is allowed". */
function rangeMessage(field: string, o: OutOfRange): string {
  const { min, max, integer, gap } = o.bound;
  const usage = o.path[0] === 'usage' || o.path[2] === 'usage';
  const n = (v: number) => (usage && Math.abs(v) < 1e21 ? formatNumber(v) : String(v));
  const who = usage ? 'the designer allows' : 'AWS allows';
  const allows = o.value > max ? `${who} at most ${n(max)}`
    : o.value < min ? `${who} at least ${n(min)}`
    : gap && o.value > gap.below && o.value < gap.above ? `${who} ${n(gap.below)}, or ${n(gap.above)} to ${n(max)}`
    : integer ? `${who} whole numbers only` : `${who} ${n(min)} to ${n(max)}`;
  return `${field} is ${n(o.value)}; ${allows}; the analysis uses ${n(o.used)}`;
}

const at = (obj: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((o, k) => (isObject(o) || Array.isArray(o) ? (o as Record<PropertyKey, unknown>)[k] : undefined), obj);

function setAt(obj: unknown, path: readonly PropertyKey[], value: unknown): void {
  const parent = at(obj, path.slice(0, -1));
  if (isObject(parent) || Array.isArray(parent)) (parent as Record<PropertyKey, unknown>)[path[path.length - 1]] = value;
}

/** Parses with each out-of-range value replaced by one in range (the limit the issue names, a whole
 *  number for a fraction) — or, when that does not parse, removed (so defaults apply) — then puts
 *  the values back as written. A placeholder first: removing a required number (a security group
 *  rule's port) would fail the entry. Undefined when the rest of the document does not parse either. */
function loadOutOfRange(doc: Raw, issues: readonly z.core.$ZodIssue[]): { design: Design } | { refused: z.core.$ZodIssue[] } {
  const first = reparse(doc, issues, () => true);
  // A placeholder a refinement refuses (a record age in the gap "-1, or 60 to 604800"): removed instead.
  const refused = first.success ? undefined : new Set(first.error.issues.map((i) => JSON.stringify(i.path)));
  const second = first.success || !refused ? first : reparse(doc, issues, (path) => !refused.has(path));
  const third = second.success ? second : reparse(doc, issues, () => false);
  if (!third.success) {
    const known = new Set(issues.map((i) => JSON.stringify(i.path)));
    return { refused: (first.success ? third : first).error!.issues.filter((i) => !known.has(JSON.stringify(i.path))) };
  }
  const parsed = third.data;
  for (const issue of issues) setAt(parsed, issue.path, cloneJson(at(doc, issue.path)));
  return { design: parsed };
}

function reparse(doc: Raw, issues: readonly z.core.$ZodIssue[], placeholder: (path: string) => boolean) {
  const copy = cloneJson(doc);
  const byPath = new Map<string, z.core.$ZodIssue[]>();
  for (const issue of issues) (byPath.get(JSON.stringify(issue.path)) ?? byPath.set(JSON.stringify(issue.path), []).get(JSON.stringify(issue.path))!).push(issue);
  for (const [pathKey, list] of byPath) {
    const path = list[0].path;
    const parent = at(copy, path.slice(0, -1));
    const key = path[path.length - 1] as string;
    const value = at(doc, path);
    if (typeof value === 'number' && isObject(parent) && placeholder(pathKey)) {
      let v = list.some((i) => i.code === 'invalid_type') ? Math.round(value) : value;
      for (const i of list) {
        const limit = (i as { maximum?: unknown; minimum?: unknown });
        if (i.code === 'too_big' && typeof limit.maximum === 'number') v = Math.min(v, limit.maximum);
        if (i.code === 'too_small' && typeof limit.minimum === 'number') v = Math.max(v, limit.minimum);
      }
      parent[key] = v;
    } else if (isObject(parent)) {
      delete parent[key];
    }
  }
  return designSchema.safeParse(copy);
}

function targetOf(doc: Raw, path: readonly PropertyKey[]): Problem['target'] {
  if (path[0] === 'alternatives') {
    // Named in the message instead (see toProblem): the canvas shows the edited variant's nodes.
    const alt = at(doc, path.slice(0, 2));
    return isObject(alt) ? targetOf(alt, path.slice(2)) : undefined;
  }
  if (path[0] === 'usage' && path[1] === 'profiles' && (path[3] === 'nodes' || path[3] === 'edges')) {
    // Usage entered at a node or edge (keyed by its id): the problem names that node or edge.
    const list = path[3];
    const items = doc[list];
    const i = Array.isArray(items) ? items.findIndex((item) => isObject(item) && item.id === path[4]) : -1;
    return i >= 0 ? targetOf(doc, [list, i]) : undefined;
  }
  const [list, index] = path;
  if ((list !== 'nodes' && list !== 'edges') || typeof index !== 'number') return undefined;
  const item = at(doc, [list, index]);
  if (!isObject(item)) return undefined;
  const id = idOf(item.id, index);
  if (list === 'nodes') return { id, name: typeof item.name === 'string' && item.name ? item.name : id, type: 'node' };
  const nodes = Array.isArray(doc.nodes) ? doc.nodes.filter(isObject) : [];
  const nameOf = (nodeId: unknown) => {
    if (typeof nodeId !== 'string') return nodeId === undefined || nodeId === null ? '(missing)' : '(not an id)';
    const name = nodes.find((n) => n.id === nodeId)?.name;
    return typeof name === 'string' && name ? name : nodeId;
  };
  return { id, name: `${nameOf(item.from)} → ${nameOf(item.to)}`, type: 'edge' };
}

function toProblem(issue: z.core.$ZodIssue, doc: Raw, used?: ReadonlyMap<string, OutOfRange>, fractions = true): Problem {
  const path = issue.path as PathPart[];
  const range = isRangeIssue(issue, doc, fractions);
  const value = at(doc, issue.path);
  const last = path[path.length - 1];
  const field = typeof last === 'number' ? `entry ${last}` : String(last ?? '');
  const clamped = range ? used?.get(jsonPath(path)) : undefined;
  let message = issue.message;
  // A refinement's own words (e.g. "HTTP APIs allow an integration timeout of at most 30000 ms") are
  // kept; zod's generic ones are replaced by the range.
  if (clamped) message = /^(Too big|Too small|Invalid input)/.test(issue.message) ? rangeMessage(field, clamped) : `${field} is ${clamped.value}; ${issue.message}; the analysis uses ${clamped.used}`;
  else if (range && issue.code === 'too_big' && typeof value === 'number') message = issue.message.startsWith('Too big') ? `${field} is ${value}; AWS allows at most ${String(issue.maximum)}` : `${field} is ${value}; ${issue.message}`;
  else if (range && issue.code === 'too_small' && typeof value === 'number') message = `${field} is ${value}; AWS allows at least ${String(issue.minimum)}`;
  else if (range && Array.isArray(value)) message = `${field} has ${value.length} entries; ${issue.code === 'too_big' ? `at most ${String((issue as { maximum?: unknown }).maximum)}` : `at least ${String((issue as { minimum?: unknown }).minimum)}`} allowed`;
  else if (issue.code === 'invalid_type' && value === undefined) message = `${field || 'value'} is required`;
  else if (issue.code === 'invalid_type') message = `${field || 'value'} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${shownValue(value)}`;
  const target = targetOf(doc, issue.path);
  if (path[0] === 'alternatives') {
    const name = at(doc, [...path.slice(0, 2), 'name']);
    return { code: range ? 'range' : 'structure', path: jsonPath(path), message: `${typeof name === 'string' ? `alternative "${name}"` : `the alternative at index ${String(path[1])}`}, ${target ? `${target.type} "${target.name}": ` : ''}${message}` };
  }
  return { code: range ? 'range' : 'structure', path: jsonPath(path), target, message };
}



import type { z } from 'zod';
import { accountSchema } from './account';
import { withSharedRouteTables } from './routeTables';
import { edgeUsageSchema, nodeUsageSchema, type Design } from './design';
import { EDGE_KINDS } from './edges';
import { API_INTEGRATION_TIMEOUT_MS, nodeKindSpec } from './kinds';
import { numberBoundOf, type NumberBound } from './limits';
import type { PathPart } from './problems';

/** Out-of-range values are loaded as written (parse.ts: a `range` problem each) so the user sees and
 *  fixes them in place. The analysis never sees them: every analysis entry point (analyze, the rule
 *  context, retry paths, reachability, traffic, estimateCost, the sweeps, the report) works on
 *  `boundedForAnalysis(design)`, where each such number is CLAMPED to the nearest value AWS accepts
 *  (issue 13: a memoryMb of 1e308 priced 10^300 dollars; a maxReceiveCount of 1e308 looped). One
 *  rule, one place, and the problem message says which value the analysis uses. */

type Step = string | typeof EACH;
/** In a leaf path: every entry of the list there. */
const EACH = Symbol('each');
interface Leaf { path: Step[]; bound: NumberBound }

type Def = { type: string; innerType?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The bounded numbers a schema holds, with their paths (each list entry under EACH). Read once per schema. */
function leavesOf(schema: z.ZodType): Leaf[] {
  const known = leafCache.get(schema);
  if (known) return known;
  const leaves: Leaf[] = [];
  const walk = (s: z.ZodType, path: Step[], depth: number) => {
    if (depth > 12) return;
    const d = defOf(s);
    if (['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(d.type) && d.innerType) walk(d.innerType, path, depth + 1);
    else if (d.type === 'pipe' && d.out) walk(d.out, path, depth + 1);
    else if (d.type === 'object' && d.shape) for (const [key, child] of Object.entries(d.shape)) walk(child, [...path, key], depth + 1);
    else if (d.type === 'array' && d.element) walk(d.element, [...path, EACH], depth + 1);
    else if (d.type === 'number') {
      const bound = numberBoundOf(s, path.filter((p): p is string => typeof p === 'string'));
      if (bound) leaves.push({ path, bound });
    }
  };
  walk(schema, [], 0);
  leafCache.set(schema, leaves);
  return leaves;
}
const leafCache = new WeakMap<z.ZodType, Leaf[]>();

/** The value the analysis uses for `v` under `bound`: the nearest value AWS accepts (a whole number
 *  where AWS wants one; for a range with a gap such as "-1, or 60 to 604800", a value in the gap
 *  becomes the gap's upper end — a short expiry stays an expiry, never "never expires"). */
export function clampToBound(v: number, bound: NumberBound): number {
  let x = Number.isNaN(v) ? bound.min : v;
  if (bound.integer && Number.isFinite(x)) x = Math.round(x);
  x = Math.min(bound.max, Math.max(bound.min, x));
  if (bound.gap && x > bound.gap.below && x < bound.gap.above) x = bound.gap.above;
  return x;
}

const inBound = (v: number, bound: NumberBound) => clampToBound(v, bound) === v;

/** One value out of range: where (JSON path from the design's root), what was written, what the analysis uses. */
export interface OutOfRange { path: PathPart[]; value: number; used: number; bound: NumberBound }

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every numeric leaf of `value` under `leaves` that is out of range, with its path below `base`.
 *  Runs on every edit (analyze): no allocation for values in range. */
function collect(value: unknown, leaves: readonly Leaf[], base: PathPart[], out: OutOfRange[], narrow?: (leaf: Leaf) => NumberBound): void {
  for (const leaf of leaves) visitLeaf(value, leaf, 0, narrow ? narrow(leaf) : leaf.bound, base, [], out);
}

function visitLeaf(start: unknown, leaf: Leaf, from: number, bound: NumberBound, base: PathPart[], indexes: number[], out: OutOfRange[]): void {
  let v = start;
  for (let i = from; i < leaf.path.length; i++) {
    const step = leaf.path[i];
    if (step === EACH) {
      if (Array.isArray(v)) v.forEach((entry, j) => visitLeaf(entry, leaf, i + 1, bound, base, [...indexes, j], out));
      return;
    }
    if (!isObj(v) || !Object.hasOwn(v, step)) return;
    v = v[step];
  }
  if (typeof v !== 'number' || inBound(v, bound)) return;
  let k = 0;
  const path = [...base, ...leaf.path.map((step) => (step === EACH ? indexes[k++] : step))];
  out.push({ path, value: v, used: clampToBound(v, bound), bound });
}

/** A bound that depends on another prop of the node (the schema checks it in a refinement): an
 *  API's integration timeout is at most 30 s for HTTP APIs, 29 s for WebSocket and edge-optimized
 *  REST APIs, while regional and private REST APIs may be raised (kinds/apiGateway.ts). */
function narrowed(node: Design['nodes'][number], leaf: Leaf): NumberBound {
  if (node.kind !== 'apiGateway' || leaf.path.length !== 1 || leaf.path[0] !== 'integrationTimeoutMs') return leaf.bound;
  const raisable = node.props.apiType === 'rest' && node.props.endpointType !== 'edge';
  const limit = API_INTEGRATION_TIMEOUT_MS[node.props.apiType] as { max: number } | undefined;
  return raisable || !limit ? leaf.bound : { ...leaf.bound, max: Math.min(leaf.bound.max, limit.max) };
}

type Variant = Pick<Design, 'nodes' | 'edges' | 'usage'>;

function variantOutOfRange(v: Variant, base: PathPart[], out: OutOfRange[]): void {
  v.nodes.forEach((n, i) => {
    const spec = nodeKindSpec(n.kind);
    if (spec) collect(n.props, leavesOf(spec.props), [...base, 'nodes', i, 'props'], out, (leaf) => narrowed(n, leaf));
  });
  v.edges.forEach((e, i) => {
    const spec = (EDGE_KINDS as Record<string, { props: z.ZodType } | undefined>)[e.kind];
    if (spec && Object.hasOwn(EDGE_KINDS, e.kind)) collect(e.props, leavesOf(spec.props), [...base, 'edges', i, 'props'], out);
  });
  for (const [name, profile] of Object.entries(v.usage.profiles)) {
    for (const [id, u] of Object.entries(profile.nodes)) collect(u, leavesOf(nodeUsageSchema), [...base, 'usage', 'profiles', name, 'nodes', id], out);
    for (const [id, u] of Object.entries(profile.edges)) collect(u, leavesOf(edgeUsageSchema), [...base, 'usage', 'profiles', name, 'edges', id], out);
  }
}

/** Every numeric value of the design (and of its alternatives) outside what AWS accepts, in document order. */
export function outOfRangeValues(design: Design): OutOfRange[] {
  const out: OutOfRange[] = [];
  // The account's concurrency quota (account.ts): the design's, shared by its alternatives.
  if (design.account) collect(design.account, leavesOf(accountSchema), ['account'], out);
  variantOutOfRange(design, [], out);
  design.alternatives.forEach((alt, i) => variantOutOfRange(alt, ['alternatives', i], out));
  return out;
}

/** Sets each value at its path in one copy of `root`: every object and list on the way is copied
 *  once (however many values change under it), everything else is shared with `root`. */
function withValues(root: Design, changes: readonly { path: PathPart[]; used: number }[]): Design {
  const copies = new Map<object, object>();
  const copyOf = <T extends object>(o: T): T => {
    let c = copies.get(o) as T | undefined;
    if (!c) {
      // Records keyed by ids and profile names may have no prototype: the copy keeps the input's.
      c = (Array.isArray(o) ? o.slice() : Object.assign(Object.create(Object.getPrototypeOf(o) as object | null) as object, o)) as T;
      copies.set(o, c);
      copies.set(c, c);
    }
    return c;
  };
  const set = (o: object, key: PathPart, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  const top = copyOf(root);
  // Each path was found in `root` by outOfRangeValues, so every step on the way is an object or a list.
  for (const { path, used } of changes) {
    let parent: object = top;
    for (let i = 0; i < path.length - 1; i++) {
      const child = (parent as Record<PathPart, unknown>)[path[i]] as object;
      const copy = copyOf(child);
      if (copy !== child) set(parent, path[i], copy);
      parent = copy;
    }
    set(parent, path[path.length - 1], used);
  }
  return top;
}

const memo = new WeakMap<Design, Design>();

/** The design as the analysis sees it: every out-of-range number clamped (clampToBound), subnets
 *  that share a route table given its routes (routeTables.ts), the rest
 *  shared with the input. The same object when nothing is out of range; memoised per design object,
 *  so calling it again (analyze → estimateCost → traffic) costs a lookup. */
export function boundedForAnalysis(design: Design): Design {
  const known = memo.get(design);
  if (known) return known;
  const bad = outOfRangeValues(design);
  // Subnets sharing a route table read the owner's routes (routeTables.ts): also part of what the analysis sees.
  const result = withSharedRouteTables(bad.length ? withValues(design, bad) : design);
  memo.set(design, result);
  memo.set(result, result);
  return result;
}

/** The bounded numbers of a schema (a kind's props, node or edge usage) with their paths, `[]`
 *  standing for every entry of a list: what boundedForAnalysis checks (tests enumerate them). */
export const boundedLeaves = (schema: z.ZodType): { path: string[]; bound: NumberBound }[] =>
  leavesOf(schema).map((l) => ({ path: l.path.map((p) => (p === EACH ? '[]' : p)), bound: l.bound }));

import { analyze, analyzeKeeping, type Analysis, type SetAside } from '../analyze';
import { partitionDesign, stringsIn, type Partition } from '../graph/components';
import type { Design, DesignEdge, DesignNode } from '../model/design';
import { RULES } from '../rules';
import { findingOrder, RULE_ERROR_ID } from '../rules/engine';
import type { Finding, Rule, SuppressedFinding } from '../rules/types';
import { MAX_STEPS, RETRY_PATHS_SHOWN, RETRY_TRACE_LIMIT, type InvocationModel, type Reachability, type RetryHop, type RetryPath, type RetryPathOrigin } from '../semantics';

// Incremental re-analysis (issue 15): after an edit, only the parts of the design the edit touched
// are analysed again; the rest reuse their last results. A part (core/graph/components.ts) is a set
// of nodes and edges linked by any edge, containment or id reference: what the analysis says about
// it depends on it and on the design's own fields alone. The result equals `analyze(design)` exactly
// (test/core/incremental: a property test over random edit sequences checks it after every step).

/** What the last update did (for tests, the bench and the app's diagnostics). */
export interface SessionStats {
  /** The design's parts. */
  parts: number;
  /** Parts analysed again in this update / reused from the last one. */
  analysed: number;
  reused: number;
  /** Nodes and edges analysed again. */
  analysedItems: number;
  /** Why the whole design was analysed at once (`analyze`), if it was. */
  full?: string;
}

export interface AnalysisSession {
  /** The analysis of `design`, equal to `analyze(design)`. Designs are immutable values: an
   *  unchanged node or edge keeps its object, which is how the session sees what an edit touched. */
  update(design: Design): Analysis;
  readonly stats: SessionStats;
}

/** The results of the parts analysed by one `analyzeKeeping` call. */
interface Batch {
  /** Retry-trace steps of the whole call: an upper bound on its live parts' share. */
  steps: number;
}

/** An entry of a merged list: `key` is its anchor's place in the design (pass first, for paths),
 *  refreshed on every update, since an edit moves later nodes and edges up or down. */
interface Ordered<T> { item: T; owner: PartResult; anchor: string; pass: number; key: number; seq: number }

/** One part's share of an analysis. */
interface PartResult {
  nodes: number;
  edges: number;
  batch: Batch;
  findings: Ordered<Finding>[];
  suppressed: Ordered<SuppressedFinding>[];
  paths: Ordered<RetryPath>[];
  alive: boolean;
}

/** Design fields the analysis never reads: a change to them changes nothing. */
const UNREAD = new Set(['nodes', 'edges', 'layout', 'alternatives']);

/** The findings' order: `analyze`'s (findingOrder), then the target's place in the design (rules
 *  report in design order), then the order the part's analysis gave. */
const byFinding = <T extends Finding>(a: Ordered<T>, b: Ordered<T>): number => findingOrder(a.item, b.item) || a.key - b.key || a.seq - b.seq;
/** The paths' order: traced from sources first, then from edges no walk covered, each in design order. */
const byPath = (a: Ordered<RetryPath>, b: Ordered<RetryPath>): number => a.key - b.key || a.seq - b.seq;

/** Merges a sorted list with a few sorted additions, leaving out dead owners' entries and placing
 *  each by its anchor's place in this design: O(n + k log k) (a full sort if an edit reordered
 *  nodes or edges, which no editor command does today). */
function mergeSorted<T>(kept: readonly Ordered<T>[], added: Ordered<T>[], cmp: (a: Ordered<T>, b: Ordered<T>) => number, keyOf: (e: Ordered<T>) => number, moved: boolean): Ordered<T>[] {
  for (const e of added) e.key = keyOf(e);
  added.sort(cmp);
  const live: Ordered<T>[] = [];
  let sorted = true;
  for (const entry of kept) {
    if (!entry.owner.alive) continue;
    // Places change only when nodes or edges were added, removed or reordered.
    if (moved) {
      entry.key = keyOf(entry);
      if (live.length && cmp(live[live.length - 1]!, entry) > 0) sorted = false;
    }
    live.push(entry);
  }
  if (!sorted) return [...live, ...added].sort(cmp);
  const out: Ordered<T>[] = [];
  let j = 0;
  for (const entry of live) {
    while (j < added.length && cmp(added[j]!, entry) < 0) out.push(added[j++]!);
    out.push(entry);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}

export function createAnalysisSession(rules: readonly Rule[] = RULES): AnalysisSession {
  const partRules = rules.filter((r) => !r.readsWholeDesign);
  const wholeRules = rules.filter((r) => r.readsWholeDesign);
  const wholeKinds = new Set(wholeRules.flatMap((r) => r.appliesTo));
  /** Kinds some rule reads every node of (readsEveryNodeOf): each part's analysis sees them all. */
  const contextKinds = new Set(partRules.flatMap((r) => r.readsEveryNodeOf ?? []));
  let contextNodes: readonly DesignNode[] = [];

  let previous: Design | undefined;
  /** Per node and edge id: its object in the previous design and the part result it belongs to. */
  let owners = new Map<string, { item: DesignNode | DesignEdge; result: PartResult }>();
  let findings: Ordered<Finding>[] = [];
  let suppressed: Ordered<SuppressedFinding>[] = [];
  let paths: Ordered<RetryPath>[] = [];
  const hopOf = new Map<string, RetryHop>();
  const reachOf = new Map<string, Reachability>();
  const invocationOf = new Map<string, InvocationModel>();
  const setAsideOf = new Map<string, SetAside>();
  let wholeNodes: readonly DesignNode[] = [];
  /** The findings of the rules that weigh every node of some kinds together (readsWholeDesign). */
  let wholeOwner: PartResult | undefined;
  let stats: SessionStats = { parts: 0, analysed: 0, reused: 0, analysedItems: 0 };

  const reset = () => {
    previous = undefined;
    partition = undefined;
    partResults = [];
    position = new Map();
    owners = new Map();
    findings = [];
    suppressed = [];
    paths = [];
    hopOf.clear();
    reachOf.clear();
    invocationOf.clear();
    setAsideOf.clear();
    wholeNodes = [];
    wholeOwner = undefined;
    contextNodes = [];
  };

  /** The whole design analysed at once; the next update starts afresh. */
  const full = (design: Design, why: string): Analysis => {
    reset();
    const partition = partitionDesign(design);
    stats = { parts: partition.parts.length, analysed: partition.parts.length, reused: 0, analysedItems: design.nodes.length + design.edges.length, full: why };
    return analyze(design, rules);
  };

  /** Ids whose usage or suppressions changed, or undefined when the change is not per id. */
  const changedIds = (before: Design, after: Design): Set<string> | undefined => {
    const ids = new Set<string>();
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (UNREAD.has(key)) continue;
      const a = (before as Record<string, unknown>)[key];
      const b = (after as Record<string, unknown>)[key];
      if (a === b) continue;
      if (key === 'usage' && !usageChanges(before.usage, after.usage, ids)) return undefined;
      else if (key === 'suppressions' && !suppressionChanges(before.suppressions, after.suppressions, ids)) return undefined;
      else if (key !== 'usage' && key !== 'suppressions') return undefined;
    }
    return ids;
  };

  /** The last partition, each part's result (same order), and every id's place in the design. */
  let partition: Partition | undefined;
  let partResults: PartResult[] = [];
  let position = new Map<string, number>();

  const update = (design: Design): Analysis => {
    if (design === previous && previous) return assemble(design);
    const forced = previous ? changedIds(previous, design) : undefined;
    if (!previous || !forced || !partition) return incrementalFrom(design, new Set(), true);
    // A node of a kind some rule reads everywhere changed: every part may read it.
    const context = contextKinds.size ? design.nodes.filter((n) => contextKinds.has(n.kind)) : [];
    if (context.length !== contextNodes.length || context.some((n, i) => n !== contextNodes[i])) return incrementalFrom(design, forced, true);
    const changed = sameStructure(previous, design, partition);
    if (changed) return fastFrom(design, forced, changed.map(([, now]) => now));
    return incrementalFrom(design, forced, false);
  };

  /** An edit that kept the structure: the parts of what changed are analysed again, nothing else is
   *  looked at (O(what changed), not O(design)). */
  function fastFrom(design: Design, forced: ReadonlySet<string>, changed: readonly (DesignNode | DesignEdge)[]): Analysis {
    const known = partition!;
    const dirty = new Set<number>();
    for (const item of changed) dirty.add(known.partOf.get(item.id)!);
    for (const id of forced) {
      const p = known.partOf.get(id);
      if (p !== undefined) dirty.add(p);
    }
    for (const p of dirty) partResults[p]!.alive = false;
    const fresh = analyseParts(design, known, [...dirty].sort((x, y) => x - y), contextNodes);
    if (!fresh.ok) return full(design, fresh.why);
    return finish(design, forced, false, fresh, { parts: known.parts.length, analysed: dirty.size, reused: known.parts.length - dirty.size, analysedItems: fresh.items }, false);
  }

  function incrementalFrom(design: Design, forced: ReadonlySet<string>, everything: boolean): Analysis {
    const next = partitionDesign(design);
    contextNodes = contextKinds.size ? design.nodes.filter((n) => contextKinds.has(n.kind)) : [];
    // An id used twice is a load problem; such a design is analysed whole (ids key every merge here).
    if (next.partOf.size !== design.nodes.length + design.edges.length) return full(design, 'an id is used twice');
    const results: (PartResult | undefined)[] = [];
    const dirty: number[] = [];
    next.parts.forEach((part, p) => {
      let result: PartResult | undefined;
      if (!everything) {
        for (const m of [...part.nodes, ...part.edges]) {
          const was = owners.get(m.id);
          if (!was || was.item !== m || forced.has(m.id) || (result && was.result !== result)) { result = undefined; break; }
          result = was.result;
        }
        if (result && (result.nodes !== part.nodes.length || result.edges !== part.edges.length)) result = undefined;
      }
      results.push(result);
      if (!result) dirty.push(p);
    });
    // Results of parts not reused are dead: their entries leave the merged lists.
    const live = new Set(results);
    for (const r of partResults) if (!live.has(r)) r.alive = false;
    // Entries of deleted nodes and edges, and every owner: rebuilt below.
    const gone = owners;
    owners = new Map();
    next.parts.forEach((part, p) => {
      const result = results[p];
      if (!result) return;
      for (const n of part.nodes) owners.set(n.id, { item: n, result });
      for (const e of part.edges) owners.set(e.id, { item: e, result });
    });
    for (const id of gone.keys()) {
      if (owners.has(id)) continue;
      hopOf.delete(id);
      reachOf.delete(id);
      invocationOf.delete(id);
      setAsideOf.delete(id);
    }
    partition = next;
    partResults = results as PartResult[];
    position = new Map();
    design.nodes.forEach((n, i) => position.set(n.id, i));
    design.edges.forEach((e, i) => position.set(e.id, design.nodes.length + i));
    const fresh = analyseParts(design, next, dirty, contextNodes);
    if (!fresh.ok) return full(design, fresh.why);
    return finish(design, forced, everything, fresh, { parts: next.parts.length, analysed: dirty.length, reused: next.parts.length - dirty.length, analysedItems: fresh.items }, true);
  }

  type Fresh = { ok: true; findings: Ordered<Finding>[]; suppressed: Ordered<SuppressedFinding>[]; paths: Ordered<RetryPath>[]; items: number } | { ok: false; why: string };

  /** Analyses the given parts together (one sub-design) and files the results under each part:
   *  partResults, owners, and the per-edge maps. */
  function analyseParts(design: Design, known: Partition, dirty: readonly number[], context: readonly DesignNode[]): Fresh {
    const out = { ok: true as const, findings: [] as Ordered<Finding>[], suppressed: [] as Ordered<SuppressedFinding>[], paths: [] as Ordered<RetryPath>[], items: 0 };
    if (!dirty.length) return out;
    const dirtyIds = new Set<string>();
    for (const p of dirty) {
      const part = known.parts[p]!;
      for (const n of part.nodes) dirtyIds.add(n.id);
      for (const e of part.edges) dirtyIds.add(e.id);
    }
    out.items = dirtyIds.size;
    // The dirty parts, with every node of the kinds some rule reads everywhere (contextKinds): what
    // is reported about those nodes comes from their own part; here they are only read.
    const sub: Design = dirty.length === known.parts.length
      ? { ...design, alternatives: [] }
      : { ...design, nodes: design.nodes.filter((n) => dirtyIds.has(n.id) || contextKinds.has(n.kind)), edges: design.edges.filter((e) => dirtyIds.has(e.id)), usage: usageFor(design.usage, dirtyIds, context), alternatives: [] };
    const { analysis, origins, retrySteps } = analyzeKeeping(sub, partRules, RETRY_TRACE_LIMIT);
    if (analysis.retryPathsTruncated || analysis.retryPathsOmitted > 0) return { ok: false, why: 'the retry-path trace reached its budget' };
    const batch: Batch = { steps: retrySteps };
    for (const p of dirty) {
      const part = known.parts[p]!;
      const result: PartResult = { nodes: part.nodes.length, edges: part.edges.length, batch, findings: [], suppressed: [], paths: [], alive: true };
      partResults[p] = result;
      for (const n of part.nodes) owners.set(n.id, { item: design.nodes[position.get(n.id)!]!, result });
      for (const e of part.edges) owners.set(e.id, { item: design.edges[position.get(e.id)! - design.nodes.length]!, result });
    }
    const ownerOf = (id: string): PartResult | undefined => (dirtyIds.has(id) ? partResults[known.partOf.get(id)!] : undefined);
    let seq = 0;
    const file = <T extends Finding>(list: readonly T[], into: Ordered<T>[], pick: (r: PartResult) => Ordered<T>[]): string | undefined => {
      for (const f of list) {
        if (f.ruleId !== RULE_ERROR_ID && f.target.id !== '*' && !dirtyIds.has(f.target.id)) continue;
        const owner = f.ruleId === RULE_ERROR_ID ? undefined : ownerOf(f.target.id);
        if (!owner) return `a finding on the design as a whole (${f.ruleId})`;
        const entry: Ordered<T> = { item: f, owner, anchor: f.target.id, pass: 0, key: 0, seq: seq++ };
        pick(owner).push(entry);
        into.push(entry);
      }
      return undefined;
    };
    const why = file(analysis.findings, out.findings, (r) => r.findings) ?? file(analysis.suppressed, out.suppressed, (r) => r.suppressed);
    if (why) return { ok: false, why };
    analysis.retryPaths.forEach((path, i) => {
      const origin: RetryPathOrigin = origins[i]!;
      const owner = ownerOf(origin.at);
      if (!owner) return;
      const entry: Ordered<RetryPath> = { item: path, owner, anchor: origin.at, pass: origin.pass, key: 0, seq: seq++ };
      owner.paths.push(entry);
      out.paths.push(entry);
    });
    for (const id of dirtyIds) {
      hopOf.delete(id);
      reachOf.delete(id);
      invocationOf.delete(id);
      setAsideOf.delete(id);
    }
    // Edges are only ever those of the dirty parts.
    for (const h of analysis.retryHops) hopOf.set(h.edge, h);
    for (const r of analysis.reachability) reachOf.set(r.edge, r);
    for (const [edge, model] of Object.entries(analysis.invocation)) invocationOf.set(edge, model);
    for (const s of analysis.setAside) setAsideOf.set(s.edge, s);
    return out;
  }

  /** The rules that weigh every node of some kinds together, the merge, the budgets. */
  function finish(design: Design, forced: ReadonlySet<string>, everything: boolean, fresh: Extract<Fresh, { ok: true }>, nextStats: SessionStats, moved: boolean): Analysis {
    const whole = wholeRules.length ? design.nodes.filter((n) => wholeKinds.has(n.kind)) : [];
    const wholeForced = forced.has('*') || whole.some((n) => forced.has(n.id));
    if (!wholeOwner || everything || wholeForced || whole.length !== wholeNodes.length || whole.some((n, i) => n !== wholeNodes[i])) {
      if (wholeOwner) wholeOwner.alive = false;
      const owner: PartResult = { nodes: 0, edges: 0, batch: { steps: 0 }, findings: [], suppressed: [], paths: [], alive: true };
      if (wholeRules.length) {
        const { analysis } = analyzeKeeping({ ...design, nodes: whole, edges: [], usage: usageFor(design.usage, new Set(whole.map((n) => n.id))), alternatives: [] }, wholeRules, RETRY_PATHS_SHOWN);
        let seq = 0;
        for (const f of analysis.findings) {
          const entry = { item: f, owner, anchor: f.target.id, pass: 0, key: 0, seq: seq++ };
          owner.findings.push(entry);
          fresh.findings.push(entry);
        }
        for (const f of analysis.suppressed) {
          const entry = { item: f, owner, anchor: f.target.id, pass: 0, key: 0, seq: seq++ };
          owner.suppressed.push(entry);
          fresh.suppressed.push(entry);
        }
      }
      wholeOwner = owner;
      wholeNodes = whole;
    }
    previous = design;
    // Paths from sources (pass 0) come before those from edges no walk covered (pass 1).
    const span = design.nodes.length + design.edges.length + 1;
    const place = (e: { anchor: string; pass: number }) => e.pass * span + (position.get(e.anchor) ?? -1);
    findings = mergeSorted(findings, fresh.findings, byFinding, place, moved);
    suppressed = mergeSorted(suppressed, fresh.suppressed, byFinding, place, moved);
    paths = mergeSorted(paths, fresh.paths, byPath, place, moved);
    stats = nextStats;

    // The trace's budgets are the whole design's: near them, the parts cannot stand for it.
    if (paths.length >= RETRY_TRACE_LIMIT) return full(design, 'the retry-path trace reached its budget');
    let steps = 0;
    for (const b of new Set(partResults.map((r) => r.batch))) steps += b.steps;
    if (steps >= MAX_STEPS) return full(design, 'the retry-path trace reached its step budget');
    return assemble(design);
  }

  /** The merged results, in `analyze`'s shape and order. */
  function assemble(design: Design): Analysis {
    const hops: RetryHop[] = [];
    const reachability: Reachability[] = [];
    const invocation: Record<string, InvocationModel> = {};
    const refused: SetAside[] = [];
    const belonging: SetAside[] = [];
    for (const e of design.edges) {
      const h = hopOf.get(e.id);
      if (h) hops.push(h);
      const r = reachOf.get(e.id);
      if (r) reachability.push(r);
      const m = invocationOf.get(e.id);
      if (m !== undefined) invocation[e.id] = m;
      const s = setAsideOf.get(e.id);
      if (s) (s.belongsTo === undefined ? refused : belonging).push(s);
    }
    const shown = paths.length > RETRY_PATHS_SHOWN ? paths.slice(0, RETRY_PATHS_SHOWN) : paths;
    return {
      findings: findings.map((f) => f.item),
      suppressed: suppressed.map((f) => f.item),
      invocation,
      retryPaths: shown.map((p) => p.item),
      retryPathsOmitted: paths.length - shown.length,
      retryPathsTruncated: false,
      retryHops: hops,
      reachability,
      setAside: [...refused, ...belonging],
    };
  }

  return {
    update,
    get stats() { return stats; },
  };
}

/** The ids of an item's links to other nodes and edges of the design (what the partition follows):
 *  an edit that keeps them keeps the partition. */
export function linksOf(item: DesignNode | DesignEdge, known: Partition): string {
  const parts: string[] = [(item as { kind: string }).kind];
  const { parent, from, to } = item as { parent?: string; from?: string; to?: string };
  if (parent !== undefined) parts.push(parent);
  if (from !== undefined) parts.push(from, to ?? '');
  for (const s of stringsIn(item.props)) if (known.partOf.has(s)) parts.push(s);
  return parts.join('\u0000');
}

/** The nodes and edges an edit replaced, each as [before, after], when it changed no link, id or
 *  order (a property edit, a rename …): then the partition and every place stay as they were.
 *  Undefined otherwise. */
export function sameStructure(before: Design, after: Design, known: Partition): [DesignNode | DesignEdge, DesignNode | DesignEdge][] | undefined {
  const changed: [DesignNode | DesignEdge, DesignNode | DesignEdge][] = [];
  const compare = <T extends DesignNode | DesignEdge>(a: readonly T[], b: readonly T[]): boolean => {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < b.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x === y) continue;
      if (x.id !== y.id || linksOf(x, known) !== linksOf(y, known)) return false;
      changed.push([x, y]);
    }
    return true;
  };
  return compare(before.nodes, after.nodes) && compare(before.edges, after.edges) ? changed : undefined;
}

/** The usage of the given ids only (each profile's entries for them), so a part's analysis walks
 *  its own entries, not the whole design's. */
export function usageFor(usage: Design['usage'], ids: ReadonlySet<string>, more: readonly DesignNode[] = []): Design['usage'] {
  const pick = <T>(record: Record<string, T>): Record<string, T> => {
    const out = Object.create(Object.getPrototypeOf(record) as object | null) as Record<string, T>;
    for (const id of ids) if (Object.hasOwn(record, id)) out[id] = record[id]!;
    for (const { id } of more) if (Object.hasOwn(record, id)) out[id] = record[id]!;
    return out;
  };
  const profiles = Object.create(Object.getPrototypeOf(usage.profiles) as object | null) as Design['usage']['profiles'];
  for (const [name, profile] of Object.entries(usage.profiles)) profiles[name] = { ...profile, nodes: pick(profile.nodes), edges: pick(profile.edges) };
  return { ...usage, profiles };
}

/** Adds the ids whose usage changed; false when the change is not per id (profiles, the active one). */
export function usageChanges(before: Design['usage'], after: Design['usage'], ids: Set<string>): boolean {
  const beforeKeys = Object.keys(before);
  const afterKeys = Object.keys(after);
  if (beforeKeys.length !== afterKeys.length) return false;
  for (const k of afterKeys) if (k !== 'profiles' && (before as Record<string, unknown>)[k] !== (after as Record<string, unknown>)[k]) return false;
  const names = Object.keys(after.profiles);
  if (names.length !== Object.keys(before.profiles).length) return false;
  for (const name of names) {
    if (!Object.hasOwn(before.profiles, name)) return false;
    const a = before.profiles[name]!;
    const b = after.profiles[name]!;
    if (a === b) continue;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (k !== 'nodes' && k !== 'edges' && (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
    for (const [x, y] of [[a.nodes, b.nodes], [a.edges, b.edges]] as const) {
      if (x === y) continue;
      for (const id of new Set([...Object.keys(x), ...Object.keys(y)])) if (x[id] !== y[id]) ids.add(id);
    }
  }
  return true;
}

/** Adds the targets whose suppressions changed ("*": the design as a whole). */
function suppressionChanges(before: Design['suppressions'], after: Design['suppressions'], ids: Set<string>): boolean {
  const key = (s: Design['suppressions'][number]) => JSON.stringify([s.ruleId, s.target, s.reason]);
  const a = new Map(before.map((s) => [key(s), s.target]));
  const b = new Map(after.map((s) => [key(s), s.target]));
  for (const [k, t] of a) if (!b.has(k)) ids.add(t);
  for (const [k, t] of b) if (!a.has(k)) ids.add(t);
  return true;
}

export { createCostSession, type CostSession, type CostSessionStats } from './cost';

import { analyze, analyzeKeeping, type Analysis, type SetAside } from '../analyze';
import { partitionDesign, type Part } from '../graph/components';
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
function mergeSorted<T>(kept: readonly Ordered<T>[], added: Ordered<T>[], cmp: (a: Ordered<T>, b: Ordered<T>) => number, keyOf: (e: Ordered<T>) => number): Ordered<T>[] {
  for (const e of added) e.key = keyOf(e);
  added.sort(cmp);
  const live: Ordered<T>[] = [];
  let sorted = true;
  for (const entry of kept) {
    if (!entry.owner.alive) continue;
    entry.key = keyOf(entry);
    if (live.length && cmp(live[live.length - 1]!, entry) > 0) sorted = false;
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

  const update = (design: Design): Analysis => {
    if (design === previous && previous) return assemble(design);
    const forced = previous ? changedIds(previous, design) : undefined;
    if (!previous || !forced) return incrementalFrom(design, new Set(), true);
    // A node of a kind some rule reads everywhere changed: every part may read it.
    const context = contextKinds.size ? design.nodes.filter((n) => contextKinds.has(n.kind)) : [];
    if (context.length !== contextNodes.length || context.some((n, i) => n !== contextNodes[i])) return incrementalFrom(design, forced, true);
    return incrementalFrom(design, forced, false);
  };

  function incrementalFrom(design: Design, forced: ReadonlySet<string>, everything: boolean): Analysis {
    const partition = partitionDesign(design);
    contextNodes = contextKinds.size ? design.nodes.filter((n) => contextKinds.has(n.kind)) : [];
    // An id used twice is a load problem; such a design is analysed whole (ids key every merge here).
    if (partition.partOf.size !== design.nodes.length + design.edges.length) return full(design, 'an id is used twice');
    const nextOwners = new Map<string, { item: DesignNode | DesignEdge; result: PartResult }>();
    const dirty: Part[] = [];
    let reused = 0;
    for (const part of partition.parts) {
      let result: PartResult | undefined;
      if (!everything) {
        const members: (DesignNode | DesignEdge)[] = [...part.nodes, ...part.edges];
        for (const m of members) {
          const was = owners.get(m.id);
          if (!was || was.item !== m || forced.has(m.id) || (result && was.result !== result)) { result = undefined; break; }
          result = was.result;
        }
        if (result && (result.nodes !== part.nodes.length || result.edges !== part.edges.length)) result = undefined;
      }
      if (result) {
        reused++;
        for (const n of part.nodes) nextOwners.set(n.id, { item: n, result });
        for (const e of part.edges) nextOwners.set(e.id, { item: e, result });
      } else dirty.push(part);
    }
    // Results of parts not reused are dead: their entries leave the merged lists.
    const live = new Set<PartResult>();
    for (const o of nextOwners.values()) live.add(o.result);
    for (const o of owners.values()) if (!live.has(o.result)) o.result.alive = false;

    // Positions in the design: the merged lists' order.
    const position = new Map<string, number>();
    design.nodes.forEach((n, i) => { if (!position.has(n.id)) position.set(n.id, i); });
    const edgeBase = design.nodes.length;
    design.edges.forEach((e, i) => { if (!position.has(e.id)) position.set(e.id, edgeBase + i); });

    const newFindings: Ordered<Finding>[] = [];
    const newSuppressed: Ordered<SuppressedFinding>[] = [];
    const newPaths: Ordered<RetryPath>[] = [];
    let analysedItems = 0;
    if (dirty.length) {
      const dirtyIds = new Set<string>();
      for (const part of dirty) {
        for (const n of part.nodes) dirtyIds.add(n.id);
        for (const e of part.edges) dirtyIds.add(e.id);
      }
      analysedItems = dirtyIds.size;
      // The dirty parts, with every node of the kinds some rule reads everywhere (contextKinds): what
      // is reported about those nodes comes from their own part; here they are only read.
      const sub: Design = dirty.length === partition.parts.length
        ? { ...design, alternatives: [] }
        : { ...design, nodes: design.nodes.filter((n) => dirtyIds.has(n.id) || contextKinds.has(n.kind)), edges: design.edges.filter((e) => dirtyIds.has(e.id)), usage: usageFor(design.usage, dirtyIds, contextNodes), alternatives: [] };
      const mine = (id: string) => dirtyIds.has(id);
      const { analysis, origins, retrySteps } = analyzeKeeping(sub, partRules, RETRY_TRACE_LIMIT);
      if (analysis.retryPathsTruncated || analysis.retryPathsOmitted > 0) return full(design, 'the retry-path trace reached its budget');
      const batch: Batch = { steps: retrySteps };
      const results = dirty.map((part): PartResult => ({ nodes: part.nodes.length, edges: part.edges.length, batch, findings: [], suppressed: [], paths: [], alive: true }));
      const byPart = new Map<Part, PartResult>(dirty.map((part, i) => [part, results[i]!]));
      const ownerOf = (id: string): PartResult | undefined => {
        const p = partition.partOf.get(id);
        return p === undefined ? undefined : byPart.get(partition.parts[p]!);
      };
      let seq = 0;
      for (const f of analysis.findings) {
        if (f.ruleId !== RULE_ERROR_ID && f.target.id !== '*' && !mine(f.target.id)) continue;
        const owner = f.ruleId === RULE_ERROR_ID ? undefined : ownerOf(f.target.id);
        if (!owner) return full(design, `a finding on the design as a whole (${f.ruleId})`);
        const entry = { item: f, owner, anchor: f.target.id, pass: 0, key: 0, seq: seq++ };
        owner.findings.push(entry);
        newFindings.push(entry);
      }
      for (const f of analysis.suppressed) {
        if (f.ruleId !== RULE_ERROR_ID && f.target.id !== '*' && !mine(f.target.id)) continue;
        const owner = f.ruleId === RULE_ERROR_ID ? undefined : ownerOf(f.target.id);
        if (!owner) return full(design, `a finding on the design as a whole (${f.ruleId})`);
        const entry = { item: f, owner, anchor: f.target.id, pass: 0, key: 0, seq: seq++ };
        owner.suppressed.push(entry);
        newSuppressed.push(entry);
      }
      analysis.retryPaths.forEach((p, i) => {
        const origin: RetryPathOrigin = origins[i]!;
        const owner = mine(origin.at) ? ownerOf(origin.at) : undefined;
        if (!owner) return;
        // Pass 0 (from sources) before pass 1 (from uncovered edges), each in design order.
        const entry = { item: p, owner, anchor: origin.at, pass: origin.pass, key: 0, seq: seq++ };
        owner.paths.push(entry);
        newPaths.push(entry);
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
      dirty.forEach((part, i) => {
        for (const n of part.nodes) nextOwners.set(n.id, { item: n, result: results[i]! });
        for (const e of part.edges) nextOwners.set(e.id, { item: e, result: results[i]! });
      });
    }
    // Entries of deleted nodes and edges.
    for (const id of owners.keys()) {
      if (nextOwners.has(id)) continue;
      hopOf.delete(id);
      reachOf.delete(id);
      invocationOf.delete(id);
      setAsideOf.delete(id);
    }

    // Rules that weigh every node of some kinds together: run again when one of those nodes changed.
    const whole = wholeRules.length ? design.nodes.filter((n) => wholeKinds.has(n.kind)) : [];
    const wholeForced = forced.has('*') || whole.some((n) => forced.has(n.id));
    if (!wholeOwner || everything || wholeForced || whole.length !== wholeNodes.length || whole.some((n, i) => n !== wholeNodes[i])) {
      if (wholeOwner) wholeOwner.alive = false;
      const fresh: PartResult = { nodes: 0, edges: 0, batch: { steps: 0 }, findings: [], suppressed: [], paths: [], alive: true };
      if (wholeRules.length) {
        const { analysis } = analyzeKeeping({ ...design, nodes: whole, edges: [], usage: usageFor(design.usage, new Set(whole.map((n) => n.id))), alternatives: [] }, wholeRules, RETRY_PATHS_SHOWN);
        let seq = 0;
        for (const f of analysis.findings) {
          const entry = { item: f, owner: fresh, anchor: f.target.id, pass: 0, key: 0, seq: seq++ };
          fresh.findings.push(entry);
          newFindings.push(entry);
        }
        for (const f of analysis.suppressed) {
          const entry = { item: f, owner: fresh, anchor: f.target.id, pass: 0, key: 0, seq: seq++ };
          fresh.suppressed.push(entry);
          newSuppressed.push(entry);
        }
      }
      wholeOwner = fresh;
      wholeNodes = whole;
    }

    owners = nextOwners;
    previous = design;
    // Paths from sources (pass 0) come before those from edges no walk covered (pass 1).
    const span = design.nodes.length + design.edges.length + 1;
    const place = (e: { anchor: string; pass: number }) => e.pass * span + (position.get(e.anchor) ?? -1);
    findings = mergeSorted(findings, newFindings, byFinding, place);
    suppressed = mergeSorted(suppressed, newSuppressed, byFinding, place);
    paths = mergeSorted(paths, newPaths, byPath, place);
    stats = { parts: partition.parts.length, analysed: dirty.length, reused, analysedItems };

    // The trace's budgets are the whole design's: near them, the parts cannot stand for it.
    if (paths.length >= RETRY_TRACE_LIMIT) return full(design, 'the retry-path trace reached its budget');
    let steps = 0;
    const batches = new Set<Batch>();
    for (const o of owners.values()) batches.add(o.result.batch);
    for (const b of batches) steps += b.steps;
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

/** The usage of the given ids only (each profile's entries for them), so a part's analysis walks
 *  its own entries, not the whole design's. */
function usageFor(usage: Design['usage'], ids: ReadonlySet<string>, more: readonly DesignNode[] = []): Design['usage'] {
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
function usageChanges(before: Design['usage'], after: Design['usage'], ids: Set<string>): boolean {
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

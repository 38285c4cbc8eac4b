import { partitionDesign, type Part, type Partition } from '../graph/components';
import type { Design, DesignEdge, DesignNode } from '../model/design';
import { own } from '../model/own';
import { sameStructure, usageChanges, usageFor } from './index';
import { assembleCost, costSettings, prepareCost, priceLines, type AssemblyMemo, type CostOptions, type CostReport, type CostSettings, type NodeLines, type PreparedCost } from '../pricing';

// Incremental cost (issue 15, bullet 2): after an edit, only the parts of the design the edit touched
// are priced again (core/graph/components.ts: nodes and edges linked by an edge, containment or an id
// reference — traffic flows only along those, and every estimator reads only its node's
// neighbourhood). The rest reuse their lines; then the whole design is put together again
// (assembleCost: tiered prices counted over the design in its order, the totals and the notes), which
// is linear in the lines and costs no estimator. The result equals `estimateCost(design, options)`
// exactly (test/core/incremental/cost.property.test.ts checks it after every step of random edits).

export interface CostSessionStats {
  parts: number;
  /** Parts priced again in this update, and their nodes. */
  priced: number;
  pricedNodes: number;
  reused: number;
  /** Why every part was priced again, if it was. */
  full?: string;
}

export interface CostSession {
  /** The estimate of `design`, equal to `estimateCost(design, options)`. Designs are immutable values:
   *  an unchanged node or edge keeps its object, which is how the session sees what an edit touched. */
  update(design: Design, options?: CostOptions): CostReport;
  readonly stats: CostSessionStats;
}

/** Design fields no estimate reads. `usage` is compared per node and edge (see `Entry`). */
const UNREAD = new Set(['nodes', 'edges', 'layout', 'alternatives', 'usage', 'suppressions']);

/** One part priced: its nodes and edges (objects), their usage in the profile priced, its lines. */
interface Entry {
  nodes: readonly DesignNode[];
  edges: readonly DesignEdge[];
  usage: readonly unknown[];
  prepared: PreparedCost;
  lines?: NodeLines[];
  /** The design-wide "any traffic" the lines were priced with. */
  anyTraffic?: boolean;
}

export function createCostSession(): CostSession {
  let previous: Design | undefined;
  let settingsKey = '';
  /** The last partition and each part's entry (same order), and each part's entry by its first node
   *  (or edge), for a new partition to find the parts it still has. */
  let partition: Partition | undefined;
  let byPart: Entry[] = [];
  let entries = new Map<DesignNode | DesignEdge, Entry>();
  /** Amounts made when the design was last put together, kept for the next (assembleCost). */
  const memo: AssemblyMemo = { tiered: new WeakMap(), running: new WeakMap() };
  let stats: CostSessionStats = { parts: 0, priced: 0, pricedNodes: 0, reused: 0 };

  /** Whether the design's fields an estimate reads (outside nodes, edges and usage) are unchanged. */
  const sameFields = (a: Design, b: Design): boolean => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!UNREAD.has(key) && (a as unknown as Record<string, unknown>)[key] !== (b as unknown as Record<string, unknown>)[key]) return false;
    }
    return true;
  };

  const prepare = (design: Design, settings: CostSettings, part: Part, usage: readonly unknown[]): Entry => {
    // The part with its own usage entries only: bounding and pricing walk the part, not the design.
    const ids = new Set([...part.nodes.map((n) => n.id), ...part.edges.map((e) => e.id)]);
    return { nodes: part.nodes, edges: part.edges, usage, prepared: prepareCost({ ...design, nodes: part.nodes, edges: part.edges, usage: usageFor(design.usage, ids), alternatives: [] }, settings) };
  };

  const update = (design: Design, options: CostOptions = {}): CostReport => {
    const settings: CostSettings = costSettings(design, options);
    const key = JSON.stringify([settings.region, settings.profile, settings.hoursPerMonth, settings.freeTier, settings.catalog.version]);
    let full: string | undefined;
    if (!previous) full = 'first estimate';
    else if (key !== settingsKey) full = 'other options (profile, Region, hours or free tier)';
    else if (!sameFields(previous, design)) full = 'a design field changed';
    if (full) {
      entries = new Map();
      partition = undefined;
      byPart = [];
    }
    const before = previous;
    previous = design;
    settingsKey = key;

    const profile = own(design.usage.profiles, settings.profile);
    const usageOf = (part: Part): unknown[] => [...part.nodes.map((n) => own(profile?.nodes, n.id)), ...part.edges.map((e) => own(profile?.edges, e.id))];
    let priced = 0;
    let pricedNodes = 0;
    const fresh = (part: Part): Entry => {
      priced++;
      pricedNodes += part.nodes.length;
      return prepare(design, settings, part, usageOf(part));
    };

    // An edit that changed no link, id or order (a property edit, a usage value, a rename): the parts
    // stay as they were, and only those holding what changed are priced again — found without
    // walking the design.
    const kept = before && partition ? sameStructure(before, design, partition) : undefined;
    const usageIds = new Set<string>();
    if (kept && partition && (before!.usage === design.usage || usageChanges(before!.usage, design.usage, usageIds))) {
      const dirty = new Set<number>();
      for (const [old, now] of kept) {
        const p = partition.partOf.get(now.id)!;
        const part = partition.parts[p]!;
        // A new list for the part: the entry keeps the old one to compare with.
        partition.parts[p] = 'from' in now
          ? { nodes: part.nodes, edges: part.edges.map((e) => (e === old ? (now as DesignEdge) : e)) }
          : { nodes: part.nodes.map((n) => (n === old ? (now as DesignNode) : n)), edges: part.edges };
        dirty.add(p);
      }
      for (const id of usageIds) {
        const p = partition.partOf.get(id);
        if (p !== undefined) dirty.add(p);
      }
      byPart = partition.parts.map((part, i) => (dirty.has(i) ? fresh(part) : byPart[i]!));
    } else {
      partition = partitionDesign(design);
      byPart = partition.parts.map((part) => {
        const known = entries.get(part.nodes[0] ?? part.edges[0]!);
        if (known && sameList(known.nodes, part.nodes) && sameList(known.edges, part.edges) && sameList(known.usage, usageOf(part))) return known;
        return fresh(part);
      });
    }
    entries = new Map(byPart.map((e) => [e.nodes[0] ?? e.edges[0]!, e]));

    // A line with no volume needs input unless the design has traffic elsewhere (needsInput.ts): when
    // that flips, every part's lines are made again.
    const anyTraffic = byPart.some((e) => e.prepared.hasTraffic);
    for (const e of byPart) {
      if (!e.lines || e.anyTraffic !== anyTraffic) {
        e.lines = priceLines(e.prepared, settings, anyTraffic);
        e.anyTraffic = anyTraffic;
      }
    }
    const parts = partition.parts.length;
    stats = { parts, priced, pricedNodes, reused: parts - priced, ...(full ? { full } : {}) };
    return assembleCost(design, settings, byPart.map((e) => ({ nodes: e.nodes, prepared: e.prepared, lines: e.lines! })), memo);
  };

  return {
    update,
    get stats() {
      return stats;
    },
  };
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

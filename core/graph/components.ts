import type { Design, DesignEdge, DesignNode } from '../model/design';

/** The design split into independent parts: two nodes are in one part when anything links them —
 *  an edge (either way), containment (`parent`), or any id one of them names in its props (the
 *  subnets and security groups of a function, a security group rule's peer group, a subnet's route
 *  table targets and `routeTableOf`, a destination's `via` edge …). Every relation the analysis
 *  reads is one of these, so what the rules, retry paths, reachability and traffic say about a part
 *  depends only on the part and on the design's own fields (region, account, usage, suppressions):
 *  core/incremental re-analyses only the parts an edit touched. The links are found generically —
 *  every string in a node's or edge's props that is the id of a node or edge of the design — so a
 *  new reference field needs no change here; a string that merely equals an id joins two parts
 *  that did not need joining, which costs speed, never correctness. */
export interface Partition {
  /** Each part's nodes and edges, each list in design order. An edge is in the part of its `from`
   *  node (of its `to` node when `from` is not a node of the design; in a part of its own when
   *  neither is). */
  parts: Part[];
  /** The part of every node id and edge id. */
  partOf: ReadonlyMap<string, number>;
}

export interface Part {
  nodes: DesignNode[];
  edges: DesignEdge[];
}

/** The strings in a props object (ids among them), computed once per props object (designs are immutable values:
 *  an unchanged node keeps its props object across edits). */
const stringsCache = new WeakMap<object, readonly string[]>();
const NONE: readonly string[] = Object.freeze([]);

export function stringsIn(props: unknown): readonly string[] {
  if (props === null || typeof props !== 'object') return NONE;
  const hit = stringsCache.get(props);
  if (hit) return hit;
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object' && depth < 32) {
      if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
      else for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], depth + 1);
    }
  };
  walk(props, 0);
  const result = out.length ? out : NONE;
  stringsCache.set(props, result);
  return result;
}

/** Splits a design into its independent parts (see Partition). O(nodes + edges + prop strings). */
export function partitionDesign(design: Design): Partition {
  const nodeIndex = new Map<string, number>();
  design.nodes.forEach((n, i) => { if (!nodeIndex.has(n.id)) nodeIndex.set(n.id, i); });
  const edgeIndex = new Map<string, number>();
  design.edges.forEach((e, i) => { if (!edgeIndex.has(e.id)) edgeIndex.set(e.id, i); });
  const nodeCount = design.nodes.length;
  // Union-find over nodes (0 … n-1) and edges (n … n+e-1), by size, with path halving.
  const up = new Int32Array(nodeCount + design.edges.length);
  const size = new Int32Array(up.length).fill(1);
  for (let i = 0; i < up.length; i++) up[i] = i;
  const find = (x: number): number => {
    while (up[x] !== x) {
      up[x] = up[up[x]!]!;
      x = up[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if (size[ra]! < size[rb]!) [ra, rb] = [rb, ra];
    up[rb] = ra;
    size[ra]! += size[rb]!;
  };
  /** The slot a referenced id stands for: a node, else an edge. */
  const slotOf = (id: string): number | undefined => {
    const n = nodeIndex.get(id);
    if (n !== undefined) return n;
    const e = edgeIndex.get(id);
    return e === undefined ? undefined : nodeCount + e;
  };
  design.nodes.forEach((n, i) => {
    // A duplicate id is one node to every look-up by id: all its copies are one part.
    union(i, nodeIndex.get(n.id)!);
    if (n.parent !== undefined) {
      const p = nodeIndex.get(n.parent);
      if (p !== undefined) union(i, p);
    }
    for (const s of stringsIn(n.props)) {
      const slot = slotOf(s);
      if (slot !== undefined) union(i, slot);
    }
  });
  design.edges.forEach((e, j) => {
    const slot = nodeCount + j;
    union(slot, nodeCount + edgeIndex.get(e.id)!);
    const from = nodeIndex.get(e.from);
    const to = nodeIndex.get(e.to);
    if (from !== undefined) union(slot, from);
    if (to !== undefined) union(slot, to);
    for (const s of stringsIn(e.props)) {
      const other = slotOf(s);
      if (other !== undefined) union(slot, other);
    }
  });
  const partOfRoot = new Map<number, number>();
  const parts: Part[] = [];
  const partOf = new Map<string, number>();
  const partFor = (slot: number): number => {
    const root = find(slot);
    let p = partOfRoot.get(root);
    if (p === undefined) {
      partOfRoot.set(root, (p = parts.length));
      parts.push({ nodes: [], edges: [] });
    }
    return p;
  };
  design.nodes.forEach((n, i) => {
    const p = partFor(i);
    parts[p]!.nodes.push(n);
    partOf.set(n.id, p);
  });
  design.edges.forEach((e, j) => {
    const p = partFor(nodeCount + j);
    parts[p]!.edges.push(e);
    partOf.set(e.id, p);
  });
  return { parts, partOf };
}

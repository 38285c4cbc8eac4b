import type { Design, DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../model/design';

/** Lookups over one design, built once per design object (designs are immutable values). */
export interface DesignIndex {
  design: Design;
  node(id: string): DesignNode | undefined;
  edge(id: string): DesignEdge | undefined;
  /** Lookups return shared, cached arrays: read them, never mutate them. */
  outgoing(id: string, kind?: DesignEdge['kind']): readonly DesignEdge[];
  incoming(id: string, kind?: DesignEdge['kind']): readonly DesignEdge[];
  children(id: string): readonly DesignNode[];
  /** The children of one kind (VPC endpoints of a VPC …), filtered once per (node, kind). */
  childrenOfKind<K extends DesignNode['kind']>(id: string, kind: K): readonly NodeOfKind<K>[];
  ofKind<K extends DesignNode['kind']>(kind: K): readonly NodeOfKind<K>[];
  /** Every edge of one kind, in design order. */
  edgesOfKind<K extends DesignEdge['kind']>(kind: K): readonly EdgeOfKind<K>[];
}

const cache = new WeakMap<Design, DesignIndex>();
const EMPTY: readonly DesignEdge[] = Object.freeze([]);
const EMPTY_NODES: readonly DesignNode[] = Object.freeze([]);

export function indexDesign(design: Design): DesignIndex {
  const hit = cache.get(design);
  if (hit) return hit;
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const edges = new Map(design.edges.map((e) => [e.id, e]));
  const out = new Map<string, DesignEdge[]>();
  const inc = new Map<string, DesignEdge[]>();
  const kids = new Map<string, DesignNode[]>();
  const byKind = new Map<string, DesignNode[]>();
  const push = <V>(m: Map<string, V[]>, k: string, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const edgesByKind = new Map<string, DesignEdge[]>();
  for (const e of design.edges) {
    push(out, e.from, e);
    push(inc, e.to, e);
    push(edgesByKind, e.kind, e);
  }
  for (const n of design.nodes) {
    if (n.parent) push(kids, n.parent, n);
    push(byKind, n.kind, n);
  }
  // Rules ask for the same neighbours many times per analysis: filter each (node, kind) once, kept
  // in a map per node (no key strings built on every look-up).
  const outByKind = new Map<string, Map<string, readonly DesignEdge[]>>();
  const incByKind = new Map<string, Map<string, readonly DesignEdge[]>>();
  const kidsByKind = new Map<string, Map<string, readonly DesignNode[]>>();
  const filter = (cache: Map<string, Map<string, readonly DesignEdge[]>>, id: string, list: readonly DesignEdge[] | undefined, kind?: DesignEdge['kind']): readonly DesignEdge[] => {
    if (!list) return EMPTY;
    if (!kind) return list;
    let perNode = cache.get(id);
    if (!perNode) cache.set(id, (perNode = new Map()));
    let hit = perNode.get(kind);
    if (!hit) perNode.set(kind, (hit = list.filter((e) => e.kind === kind)));
    return hit;
  };
  const index: DesignIndex = {
    design,
    node: (id) => nodes.get(id),
    edge: (id) => edges.get(id),
    outgoing: (id, kind) => filter(outByKind, id, out.get(id), kind),
    incoming: (id, kind) => filter(incByKind, id, inc.get(id), kind),
    children: (id) => kids.get(id) ?? EMPTY_NODES,
    childrenOfKind: <K extends DesignNode['kind']>(id: string, kind: K) => {
      let perNode = kidsByKind.get(id);
      if (!perNode) kidsByKind.set(id, (perNode = new Map()));
      let hit = perNode.get(kind);
      if (!hit) perNode.set(kind, (hit = (kids.get(id) ?? EMPTY_NODES).filter((n) => n.kind === kind)));
      return hit as readonly NodeOfKind<K>[];
    },
    ofKind: <K extends DesignNode['kind']>(kind: K) => (byKind.get(kind) ?? EMPTY_NODES) as readonly NodeOfKind<K>[],
    edgesOfKind: <K extends DesignEdge['kind']>(kind: K) => (edgesByKind.get(kind) ?? EMPTY) as readonly EdgeOfKind<K>[],
  };
  cache.set(design, index);
  return index;
}

/** The VPC a network-placed node lives in: its own parent chain, or (functions, ALBs …) the VPC of
 *  its first subnet. Undefined for nodes outside any VPC. */
export function vpcOf(index: DesignIndex, node: DesignNode): NodeOfKind<'vpc'> | undefined {
  let current: DesignNode | undefined = node;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.kind === 'vpc') return current;
    if (current.parent) {
      current = index.node(current.parent);
      continue;
    }
    const subnets = subnetIdsOf(current);
    current = subnets.length ? index.node(subnets[0]) : undefined;
  }
  return undefined;
}

/** Subnets a node is placed in (function VPC config, database subnet group, endpoint ENIs …). */
export function subnetIdsOf(node: DesignNode): string[] {
  if (node.kind === 'lambda') return node.props.vpc?.subnets ?? [];
  if (node.kind === 'natGateway') return node.parent ? [node.parent] : [];
  const props = node.props as { subnets?: unknown };
  return Array.isArray(props.subnets) ? (props.subnets as string[]) : [];
}

export { stronglyConnected } from './scc';

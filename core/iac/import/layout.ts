import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Design, DesignNode } from '../../model/design';

/** Automatic layout of a design (an imported one has no positions): ELK's layered algorithm, left to
 *  right, so event sources stand left of the functions they trigger and targets right of them. VPCs
 *  and subnets are containers; positions are relative to the parent container and containers get a
 *  width and height (the convention of core/commands/layout.ts and the canvas). */

/** The canvas's sizes (renderer/canvas/toFlow.ts): a resource card, and the room a container keeps
 *  for its title bar and border. */
export const NODE_SIZE = { width: 180, height: 54 } as const;
const CONTAINER_PADDING = '[top=52,left=24,bottom=24,right=24]';
export const CONTAINER_KINDS: readonly string[] = ['vpc', 'subnet'];

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '60',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

let engine: InstanceType<typeof ELK> | undefined;

/** Lays out every node; returns a new design (the input is not changed). */
export async function layoutDesign(design: Design): Promise<Design> {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const containerOf = (n: DesignNode): string | undefined => {
    const p = n.parent ? byId.get(n.parent) : undefined;
    return p && p.id !== n.id && CONTAINER_KINDS.includes(p.kind) && !isAncestor(n.id, p, byId) ? p.id : undefined;
  };
  const elkNodes = new Map<string, ElkNode>();
  for (const n of design.nodes) {
    elkNodes.set(n.id, CONTAINER_KINDS.includes(n.kind)
      ? { id: n.id, children: [], layoutOptions: { 'elk.padding': CONTAINER_PADDING } }
      : { id: n.id, width: NODE_SIZE.width, height: NODE_SIZE.height });
  }
  const root: ElkNode = { id: '__root__', layoutOptions: LAYOUT_OPTIONS, children: [], edges: [] };
  for (const n of design.nodes) {
    const parent = containerOf(n);
    (parent ? elkNodes.get(parent)! : root).children!.push(elkNodes.get(n.id)!);
  }
  // An empty container still needs a size.
  for (const n of design.nodes) {
    const e = elkNodes.get(n.id)!;
    if (e.children && e.children.length === 0) { delete e.children; e.width = 260; e.height = 160; }
  }
  const edges: ElkExtendedEdge[] = design.edges
    .filter((e) => byId.has(e.from) && byId.has(e.to) && e.from !== e.to)
    // Triggers point the way events flow: where edges form a cycle (a function writing to the bucket that
    // triggers it), ELK reverses a lower-priority edge, never a trigger.
    .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to], ...(e.kind === 'trigger' ? { layoutOptions: { 'elk.layered.priority.direction': '10' } } : {}) }));
  root.edges = edges;

  engine ??= new ELK();
  const laid = await engine.layout(root);

  const positions: Design['layout']['positions'] = {};
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      const container = CONTAINER_KINDS.includes(byId.get(child.id)?.kind ?? '');
      positions[child.id] = {
        x: Math.round(child.x ?? 0),
        y: Math.round(child.y ?? 0),
        ...(container ? { width: Math.round(child.width ?? 260), height: Math.round(child.height ?? 160) } : {}),
      };
      visit(child);
    }
  };
  visit(laid);
  return { ...design, layout: { ...design.layout, positions } };
}

/** True when `candidate` sits inside `id` (a parent cycle), which ELK's tree cannot express. */
function isAncestor(id: string, candidate: DesignNode, byId: Map<string, DesignNode>): boolean {
  const seen = new Set<string>();
  for (let cur: DesignNode | undefined = candidate; cur && !seen.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) {
    seen.add(cur.id);
    if (cur.parent === id) return true;
  }
  return false;
}

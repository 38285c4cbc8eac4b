import { describeEdge } from '../commands/edgeLabel';
import { indexDesign } from '../graph';
import type { Design, DesignNode } from '../model/design';
import { CONTAINER_KINDS, CONTAINER_MIN, CONTAINER_PADDING, placementOf, RESOURCE_SIZE } from '../model/placement';
import { placeNotes } from './notes';
import type { LayoutPositions } from './positions';
import { arrangeFlow, arrangeRow, arrangeSubnetGrid, beside, SPACING, stack, type Block, type FlowEdge, type Point, type Size, type SubnetCell } from './arrange';

/** Automatic layout of a design, or of some of its nodes: sources left, sinks right (ELK's layered
 *  algorithm), VPCs and subnets as containers sized to what they hold, subnets in Availability-Zone
 *  columns, every resource inside the container the placement rules draw it in
 *  (core/model/placement.ts). Positions come out relative to each node's draw parent, as the file
 *  stores them. Sticky notes follow afterwards (core/layout/notes.ts) and never change where the nodes
 *  go. Pure apart from ELK (no I/O); the same design gives the same layout. */

export { autoLayoutCommand, withLayout, type LaidOut, type LayoutPositions } from './positions';

export interface AutoLayoutOptions {
  /** Lay out only these nodes (and what is drawn inside them); everything else keeps its place and
   *  the group is put where its nodes were (their bounding box's top-left). Default: every node. */
  only?: readonly string[];
  /** Where the top-left of a canvas-level group goes. Default: where that group was (its bounding
   *  box's top-left), or (0, 0) when none of it had a position. */
  origin?: Point;
}

/** Members of a VPC that stay small and carry no flow: a compact row above the subnets. */
const ROW_KINDS = new Set(['securityGroup', 'internetGateway']);
const isRowMember = (n: DesignNode) => ROW_KINDS.has(n.kind) || (n.kind === 'vpcEndpoint' && n.props.endpointType === 'gateway');

/** Subnet tier from its route table: public (to an internet gateway) above private through NAT,
 *  above subnets with no route out. */
function subnetCell(node: DesignNode, byId: ReadonlyMap<string, DesignNode>): SubnetCell {
  if (node.kind !== 'subnet') return { az: '~', tier: 3, sortKey: node.id };
  const route = node.props.routeTable?.defaultRoute;
  const target = route ? byId.get(route)?.kind : undefined;
  const tier = target === 'internetGateway' ? 0 : target === 'natGateway' ? 1 : 2;
  return { az: node.props.az ?? 'a', tier, sortKey: `${cidrKey(node.props.cidr)} ${node.name}` };
}

/** "10.0.2.0/24" → a string that sorts as the address does. */
function cidrKey(cidr: string | undefined): string {
  const parts = (cidr ?? '').split('/')[0].split('.').map((p) => Number.parseInt(p, 10));
  return parts.length === 4 && parts.every((p) => Number.isInteger(p)) ? parts.map((p) => String(p).padStart(3, '0')).join('.') : `~${cidr ?? ''}`;
}

export async function autoLayout(design: Design, options: AutoLayoutOptions = {}): Promise<LayoutPositions> {
  const placement = placementOf(design);
  const byId = new Map<string, DesignNode>();
  for (const n of design.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const drawParent = (id: string) => placement.get(id)?.drawParent;
  const membersOf = new Map<string | undefined, string[]>();
  for (const id of byId.keys()) {
    const parent = drawParent(id);
    const list = membersOf.get(parent);
    if (list) list.push(id);
    else membersOf.set(parent, [id]);
  }

  // What is laid out: the chosen nodes and everything drawn inside them.
  const scope = new Set<string>();
  const addWithContents = (id: string, depth: number) => {
    if (scope.has(id) || depth > 64) return;
    scope.add(id);
    for (const child of membersOf.get(id) ?? []) addWithContents(child, depth + 1);
  };
  for (const id of options.only ?? byId.keys()) if (byId.has(id)) addWithContents(id, 0);

  const index = indexDesign(design);
  const labelOf = (edge: Design['edges'][number]) => {
    try {
      return describeEdge(index, edge);
    } catch {
      return edge.kind;
    }
  };
  /** The member of `members` that draws `id` (itself or a container it is drawn in). */
  const memberFor = (id: string, members: ReadonlySet<string>) => {
    let cur: string | undefined = id;
    for (let depth = 0; cur !== undefined && depth < 64; depth++, cur = drawParent(cur)) if (members.has(cur)) return cur;
    return undefined;
  };
  const flowEdges = (members: readonly string[]): FlowEdge[] => {
    const set = new Set(members);
    const out: FlowEdge[] = [];
    for (const e of design.edges) {
      const from = memberFor(e.from, set);
      const to = memberFor(e.to, set);
      if (from !== undefined && to !== undefined && from !== to) out.push({ from, to, trigger: e.kind === 'trigger', label: labelOf(e) });
    }
    return out;
  };

  const sizes = new Map<string, Size>();
  const sizeOf = (id: string): Size => sizes.get(id) ?? RESOURCE_SIZE;
  const positions: LayoutPositions = {};
  const cellOf = (id: string) => subnetCell(byId.get(id)!, byId);

  /** Arranges `members` as the contents of a container of `kind` (undefined: the canvas). */
  const arrange = async (members: string[], kind: string | undefined): Promise<Block> => {
    // Inner containers first: their sizes are what this level arranges.
    for (const id of members) if (CONTAINER_KINDS.includes(byId.get(id)!.kind)) await layOutContainer(id);
    if (kind !== 'vpc') return arrangeFlow(members, sizeOf, flowEdges(members), kind === undefined);
    const subnets = members.filter((id) => byId.get(id)!.kind === 'subnet');
    const row = members.filter((id) => isRowMember(byId.get(id)!));
    const rest = members.filter((id) => !subnets.includes(id) && !row.includes(id));
    const grid = arrangeSubnetGrid(subnets, sizeOf, cellOf);
    const flow = await arrangeFlow(rest, sizeOf, flowEdges(rest));
    // Resources in several subnets go under the subnets, or beside them when that keeps the VPC
    // closer to a square (it sits in a flow that runs left to right, so it should not be wide).
    const below = stack([grid, flow], SPACING.section);
    const right = beside(grid, flow, SPACING.section);
    const shape = (b: Block) => Math.abs(Math.log((b.width + 1) / (b.height + 1)));
    const core = shape(right) < shape(below) ? right : below;
    // The row may be a little wider than the subnets rather than wrap a third card.
    const rowBlock = arrangeRow(row, sizeOf, Math.max(core.width, Math.min(row.length, 3) * (RESOURCE_SIZE.width + SPACING.row) - SPACING.row));
    return stack([rowBlock, core], SPACING.section);
  };

  const layOutContainer = async (id: string): Promise<void> => {
    if (sizes.has(id)) return;
    sizes.set(id, CONTAINER_MIN); // a cycle stops here
    const block = await arrange(membersOf.get(id) ?? [], byId.get(id)!.kind);
    for (const [child, p] of block.positions) positions[child] = { x: p.x + CONTAINER_PADDING.left, y: p.y + CONTAINER_PADDING.top };
    sizes.set(id, {
      width: Math.max(CONTAINER_MIN.width, block.width + CONTAINER_PADDING.left + CONTAINER_PADDING.right),
      height: Math.max(CONTAINER_MIN.height, block.height + CONTAINER_PADDING.top + CONTAINER_PADDING.bottom),
    });
  };

  // The groups laid out: nodes of the scope whose draw parent is outside it, by draw parent.
  const groups = new Map<string | undefined, string[]>();
  for (const id of scope) {
    const parent = drawParent(id);
    if (parent !== undefined && scope.has(parent)) continue;
    const list = groups.get(parent);
    if (list) list.push(id);
    else groups.set(parent, [id]);
  }
  for (const [parent, roots] of groups) {
    const block = await arrange(roots, parent === undefined ? undefined : byId.get(parent)?.kind);
    const origin = parent === undefined && options.origin ? options.origin : anchorOf(design, roots, parent !== undefined);
    for (const [id, p] of block.positions) positions[id] = { x: p.x + origin.x, y: p.y + origin.y };
  }
  for (const [id, size] of sizes) if (positions[id]) positions[id] = { ...positions[id], width: size.width, height: size.height };
  // Sticky notes follow the nodes afterwards; they never change where the nodes go.
  Object.assign(positions, placeNotes(design, positions));
  return positions;
}

/** The top-left of the nodes' stored positions (relative to their common draw parent); inside a
 *  container, never above or left of its padding. */
function anchorOf(design: Design, ids: readonly string[], inContainer: boolean): Point {
  let x = Infinity;
  let y = Infinity;
  for (const id of ids) {
    const p = Object.hasOwn(design.layout.positions, id) ? design.layout.positions[id] : undefined;
    if (!p) continue;
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
  }
  const min = inContainer ? { x: CONTAINER_PADDING.left, y: CONTAINER_PADDING.top } : { x: 0, y: 0 };
  if (!Number.isFinite(x)) return min;
  return inContainer ? { x: Math.max(min.x, Math.round(x)), y: Math.max(min.y, Math.round(y)) } : { x: Math.round(x), y: Math.round(y) };
}

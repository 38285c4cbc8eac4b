import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { describeEdge } from '../../core/commands/edgeLabel';
import { indexDesign, type DesignIndex } from '../../core/graph';
import type { Design, DesignEdge, DesignNode } from '../../core/model/design';
import { own } from '../../core/model/own';
import { kindLabel } from '../../core/model/kinds';
import { containerSizes, placementOf, RESOURCE_SIZE as CARD_SIZE, securityGroupsOf, type Placement } from '../../core/model/placement';
import { NOTE_SIZE } from '../../core/commands/notes';
import { nodeDetail } from '../../core/diagram/nodeDetail';
import { isContainerKind } from '../kindStyle';
import type { IssueMark, PathsOverlay } from '../useAnalysis';

/** Sizes the canvas draws with (core/model/placement.ts), so layout maths and CSS agree. */
export const RESOURCE_SIZE = CARD_SIZE;
/** Stacking (React Flow's "manual" z-index mode): containers by depth at the bottom, then edges,
 *  then resources — an edge crossing a VPC stays visible and never hides a resource it passes. */
const EDGE_Z_INDEX = 10;
const RESOURCE_Z_INDEX = 20;

export interface ResourceNodeData extends Record<string, unknown> {
  node: DesignNode;
  kindLabel: string;
  /** One fact worth seeing without opening the inspector ("1024 MB · 10 s"). */
  detail: string;
  /** The worst finding or problem about this node, for the marker in its corner. */
  mark?: IssueMark;
  /** The node's monthly cost ("$" badges in the toolbar), when they are on. */
  cost?: CostBadge;
  /** Its security groups, drawn as chips on the card (a chip selects the group). */
  securityGroups?: readonly SecurityGroupChip[];
  /** It uses a security group that is selected: outlined. */
  usesSelectedGroup?: boolean;
}

export interface SecurityGroupChip { id: string; name: string }

/** A node's monthly cost on the canvas: the amount, "?" when a usage value is missing, "—" when
 *  nothing of it could be priced; `title` says why. */
export interface CostBadge { text: string; title: string; tone: 'priced' | 'needs' | 'unpriced' }

export interface DesignEdgeData extends Record<string, unknown> {
  edge: DesignEdge;
  /** Classes for the edge's label (its finding mark, the Paths overlay), drawn apart from the edge. */
  labelClass?: string;
}

export type ResourceFlowNode = Node<ResourceNodeData, 'resource' | 'container'>;
export type DesignFlowEdge = Edge<DesignEdgeData>;

/** A one-line summary per kind, shown under the name (core/diagram/nodeDetail.ts: the exported diagram shows the same). */
export { nodeDetail };

// Data objects are cached per design node (immer keeps unchanged nodes identical), so memoised
// node components re-render only for the nodes an edit touched.
const dataCache = new WeakMap<DesignNode, ResourceNodeData>();

const sameMark = (a?: IssueMark, b?: IssueMark) => a === b || (!!a && !!b && a.severity === b.severity && a.count === b.count && a.title === b.title);
const sameCost = (a?: CostBadge, b?: CostBadge) => a === b || (!!a && !!b && a.text === b.text && a.title === b.title && a.tone === b.tone);
const sameChips = (a: readonly SecurityGroupChip[] = [], b: readonly SecurityGroupChip[] = []) =>
  a.length === b.length && a.every((c, i) => c.id === b[i].id && c.name === b[i].name);

function dataFor(node: DesignNode, region: string, mark: IssueMark | undefined, cost?: CostBadge, groups?: readonly SecurityGroupChip[], usesSelectedGroup = false): ResourceNodeData {
  const hit = dataCache.get(node);
  if (hit && sameMark(hit.mark, mark) && sameCost(hit.cost, cost) && (node.kind !== 'subnet' || hit.detail.includes(region))
    && sameChips(hit.securityGroups, groups) && !!hit.usesSelectedGroup === usesSelectedGroup) return hit;
  const data: ResourceNodeData = {
    node, kindLabel: kindLabel(node.kind), detail: nodeDetail(node, region), ...(mark ? { mark } : {}), ...(cost ? { cost } : {}),
    ...(groups?.length ? { securityGroups: groups } : {}), ...(usesSelectedGroup ? { usesSelectedGroup } : {}),
  };
  dataCache.set(node, data);
  return data;
}

/** Parents before children (React Flow needs it), deepest containers last: depth along draw parents. */
function depthOf(id: string, placement: ReadonlyMap<string, Placement>): number {
  let depth = 0;
  for (let p = placement.get(id)?.drawParent; p !== undefined && depth < 16; p = placement.get(p)?.drawParent) depth++;
  return depth;
}

/** Where a node without a stored position goes: a grid below everything placed. */
function fallbackPositions(design: Design): Map<string, { x: number; y: number }> {
  const placed = Object.values(design.layout.positions);
  const baseY = placed.length ? Math.max(...placed.map((p) => p.y + (p.height ?? RESOURCE_SIZE.height))) + 80 : 0;
  const out = new Map<string, { x: number; y: number }>();
  let i = 0;
  for (const n of design.nodes) {
    if (own(design.layout.positions, n.id)) continue;
    out.set(n.id, { x: (i % 5) * 250, y: baseY + Math.floor(i / 5) * 130 });
    i++;
  }
  return out;
}

export interface FlowOptions {
  /** Findings and problems per node or edge id, for the marker on each. */
  marks?: ReadonlyMap<string, IssueMark>;
  /** Reachability and lost retry paths drawn on the edges ("Paths" in the toolbar). */
  paths?: PathsOverlay;
  /** Monthly cost per node id, drawn as a badge on each resource ("$" in the toolbar). */
  costs?: ReadonlyMap<string, CostBadge>;
  /** The selection: resources using a selected security group are outlined. */
  selectedNodes?: readonly string[];
  /** Container sizes to draw instead of fitting them to what they hold (frozen while a card is
   *  dragged, so a container does not grow under a card leaving it). */
  frozenSizes?: ReadonlyMap<string, { width: number; height: number }>;
  /** Nodes and edges related to the finding picked in the Findings panel (issue 14): highlighted
   *  beside the selected primary target. */
  related?: ReadonlySet<string>;
}

const REACH_TEXT = { yes: 'reachable', partial: 'partly reachable', no: 'unreachable' } as const;

/** The overlay's word on an edge, appended to its label so the colour is never the only signal. */
function pathsLabel(paths: PathsOverlay | undefined, id: string): { className: string; text: string } | undefined {
  const reach = paths?.reach.get(id);
  if (reach) return { className: `sd-reach-${reach}`, text: REACH_TEXT[reach] };
  if (paths?.lost.has(id)) return { className: 'sd-retry-lost', text: 'events lost' };
  return undefined;
}

/** Projects a design onto React Flow nodes and edges. A node is drawn in its DRAW parent
 *  (core/model/placement.ts: its subnet, its subnets' VPC, or its parent container) and its position
 *  is relative to it, as in the design's layout; a container is sized to its stored size or to fit
 *  what it holds. A resource in several subnets gets a dashed attachment line to each. */
export function toFlow(design: Design, options: FlowOptions = {}): { nodes: ResourceFlowNode[]; edges: DesignFlowEdge[] } {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const fallback = fallbackPositions(design);
  const positionOf = (id: string) => own(design.layout.positions, id) ?? fallback.get(id) ?? { x: 0, y: 0 };
  const placement = cachedPlacement(design);
  const validParent = (n: DesignNode) => placement.get(n.id)?.drawParent;

  // Container sizes (deepest first, so a VPC fits subnets already fitted to their contents): the
  // same numbers core uses to keep a card inside its container.
  const frozen = options.frozenSizes;
  // While a card is dragged every container has a frozen size: no fitting on each move.
  const allFrozen = !!frozen && design.nodes.every((n) => !isContainerKind(n.kind) || frozen.has(n.id));
  const fitted = allFrozen && frozen ? frozen : containerSizes(design, placement);
  const sizes: ReadonlyMap<string, { width: number; height: number }> = frozen && !allFrozen ? new Map([...fitted].map(([id, s]) => [id, frozen.get(id) ?? s])) : fitted;
  const depths = new Map(design.nodes.map((n) => [n.id, depthOf(n.id, placement)]));
  const ordered = [...design.nodes].sort((a, b) => (depths.get(a.id) ?? 0) - (depths.get(b.id) ?? 0));

  // Security groups on their resources' cards; a selected group outlines the resources using it.
  const selectedGroups = new Set((options.selectedNodes ?? []).filter((id) => byId.get(id)?.kind === 'securityGroup'));
  const groupsOf = (n: DesignNode): readonly SecurityGroupChip[] => {
    const ids = securityGroupsOf(n);
    if (!ids.length) return NO_CHIPS;
    return ids.flatMap((id) => {
      const g = byId.get(id);
      return g?.kind === 'securityGroup' ? [{ id, name: g.name }] : [];
    });
  };

  const nodes: ResourceFlowNode[] = ordered.map((n) => {
    const p = positionOf(n.id);
    const container = isContainerKind(n.kind);
    const parentId = validParent(n);
    const size = sizes.get(n.id);
    const depth = depths.get(n.id) ?? 0;
    const groups = container ? NO_CHIPS : groupsOf(n);
    const data = dataFor(n, design.region, options.marks?.get(n.id), options.costs?.get(n.id), groups, groups.some((g) => selectedGroups.has(g.id)));
    return stableNode(data, {
      id: n.id,
      type: container ? 'container' : 'resource',
      position: { x: p.x, y: p.y },
      data,
      ...(parentId ? { parentId } : {}),
      ...(size ? { width: size.width, height: size.height, style: { width: size.width, height: size.height } } : {}),
      ariaLabel: `${kindLabel(n.kind)} ${n.name}${parentId ? `, in ${byId.get(parentId)?.name}` : ''}${options.related?.has(n.id) ? ', related to the selected finding' : ''}`,
      className: `${container ? `sd-flow-container sd-flow-${n.kind}` : 'sd-flow-resource'}${options.related?.has(n.id) ? ' sd-related' : ''}`,
      zIndex: container ? depth : RESOURCE_Z_INDEX,
    });
  });

  // The design is indexed only when a label is not known: an edge's label reads the edge and the
  // kinds of its two ends (describeEdge, invocationModel), so it is kept while those are the same.
  let index: DesignIndex | undefined;
  const edges: DesignFlowEdge[] = design.edges
    .filter((e) => byId.has(e.from) && byId.has(e.to))
    .map((e) => {
      const from = byId.get(e.from) as DesignNode;
      const to = byId.get(e.to) as DesignNode;
      const severity = options.marks?.get(e.id)?.severity;
      const overlay = pathsLabel(options.paths, e.id);
      const related = !!options.related?.has(e.id);
      // Nothing the projection reads has changed: the same object, without building it again.
      const known = flowEdges.get(e);
      if (known && known.from === from && known.to === to && known.severity === severity && known.overlay === overlay?.className && known.related === related) return known.edge;
      let label = known && known.from.kind === from.kind && known.to.kind === to.kind ? known.label : undefined;
      if (label === undefined) label = describeEdge((index ??= indexDesign(design)), e);
      const edge = {
        id: e.id,
        type: 'routed',
        source: e.from,
        target: e.to,
        label: overlay ? `${label} · ${overlay.text}` : label,
        data: { edge: e, ...(severity || overlay ? { labelClass: [severity && `sd-edge-mark-${severity}`, overlay?.className].filter(Boolean).join(' ') } : {}) },
        className: ['sd-edge', `sd-edge-${e.kind}`, severity && `sd-edge-mark-${severity}`, overlay?.className, related && 'sd-edge-related'].filter(Boolean).join(' '),
        ariaLabel: `${kindLabel(from.kind)} ${from.name} ${e.kind} ${kindLabel(to.kind)} ${to.name}${severity ? `, has ${severity === 'error' ? 'errors' : 'warnings'}` : ''}${related ? ', related to the selected finding' : ''}`,
        markerEnd: ARROW,
        zIndex: EDGE_Z_INDEX,
      } as DesignFlowEdge;
      // An equal projection (a rename elsewhere, an equal mark) keeps the object React Flow has.
      const same = known && known.edge.label === edge.label && known.edge.className === edge.className && known.edge.ariaLabel === edge.ariaLabel
        && known.edge.data?.labelClass === edge.data?.labelClass && known.edge.source === edge.source && known.edge.target === edge.target;
      const out = same ? known.edge : edge;
      flowEdges.set(e, { from, to, severity, overlay: overlay?.className, related, label, edge: out });
      return out;
    });

  // Attachment lines: not connections of the design (not selectable, not deletable).
  for (const n of design.nodes) {
    for (const subnet of placement.get(n.id)?.attachments ?? []) {
      edges.push(stableAttachment(n, {
        id: `attach:${n.id}:${subnet}`,
        type: 'attach',
        source: n.id,
        target: subnet,
        targetHandle: 'attach',
        selectable: false,
        deletable: false,
        focusable: false,
        className: 'sd-attach-edge',
        ariaLabel: `${n.name} attached to ${byId.get(subnet)?.name ?? subnet}`,
        zIndex: EDGE_Z_INDEX,
      } as DesignFlowEdge));
    }
  }

  // Sticky notes (layout only), above the containers like cards.
  for (const note of design.layout.notes ?? []) {
    const p = own(design.layout.positions, note.id) ?? { x: 0, y: 0 };
    const width = p.width ?? NOTE_SIZE.width;
    const height = p.height ?? NOTE_SIZE.height;
    nodes.push(stableNode(note, {
      id: note.id, type: 'note', position: { x: p.x, y: p.y }, data: { note },
      width, height, style: { width, height }, ariaLabel: `Note ${note.text.split('\n')[0]}`.trim(),
      className: 'sd-flow-note', zIndex: RESOURCE_Z_INDEX,
    } as unknown as ResourceFlowNode));
  }

  return { nodes, edges };
}

const NO_CHIPS: readonly SecurityGroupChip[] = [];
const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18 };

// The same object for a node or edge the projection draws as before. React Flow keeps its internal
// node (measured size, handle positions) for a user node it has seen, and its memoised wrappers skip
// the nodes and edges whose objects did not change: an edit to one card re-renders that card, not
// all 1,800 cards and connections of a 1,000-node design. Keyed by what the projection is made from
// (a node's cached data, a design edge, a note): an edit makes new ones for what it touched.
const flowNodes = new WeakMap<object, ResourceFlowNode>();
/** Per design edge: what its projection was made from, its label, and the projection. */
const flowEdges = new WeakMap<DesignEdge, { from: DesignNode; to: DesignNode; severity?: string; overlay?: string; related: boolean; label: string; edge: DesignFlowEdge }>();
const attachments = new WeakMap<object, Map<string, DesignFlowEdge>>();

const sameSize = (a: ResourceFlowNode, b: ResourceFlowNode) => a.width === b.width && a.height === b.height;
function stableNode(key: object, next: ResourceFlowNode): ResourceFlowNode {
  const before = flowNodes.get(key);
  if (before && before.id === next.id && before.type === next.type && before.data === next.data && before.position.x === next.position.x && before.position.y === next.position.y
    && before.parentId === next.parentId && sameSize(before, next) && before.ariaLabel === next.ariaLabel && before.className === next.className && before.zIndex === next.zIndex) return before;
  flowNodes.set(key, next);
  return next;
}

function stableAttachment(node: DesignNode, next: DesignFlowEdge): DesignFlowEdge {
  let mine = attachments.get(node);
  if (!mine) attachments.set(node, (mine = new Map()));
  const before = mine.get(next.id);
  if (before && before.ariaLabel === next.ariaLabel) return before;
  mine.set(next.id, next);
  return next;
}

// Placement reads only the nodes, which a drag leaves identical (immer shares them): computed once
// per nodes array, not on every move of a drag (7 ms at 5,000 nodes).
const placementCache = new WeakMap<readonly DesignNode[], Map<string, Placement>>();
function cachedPlacement(design: Design): Map<string, Placement> {
  let hit = placementCache.get(design.nodes);
  if (!hit) {
    hit = placementOf(design);
    placementCache.set(design.nodes, hit);
  }
  return hit;
}

/** Ids of the attachment lines toFlow adds ("attach:<node>:<subnet>"): never design edges. */
export const isAttachEdgeId = (id: string): boolean => id.startsWith('attach:');

/** The flow-space box around these nodes (positions are relative to their parents, which come
 *  first); a card not measured yet counts at RESOURCE_SIZE. */
export function flowBounds(nodes: readonly ResourceFlowNode[]): { x: number; y: number; width: number; height: number } | undefined {
  const at = new Map<string, { x: number; y: number }>();
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of nodes) {
    const parent = n.parentId ? at.get(n.parentId) : undefined;
    const x = n.position.x + (parent?.x ?? 0);
    const y = n.position.y + (parent?.y ?? 0);
    at.set(n.id, { x, y });
    const width = n.measured?.width ?? n.width ?? RESOURCE_SIZE.width;
    const height = n.measured?.height ?? n.height ?? RESOURCE_SIZE.height;
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x + width); maxY = Math.max(maxY, y + height);
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : undefined;
}

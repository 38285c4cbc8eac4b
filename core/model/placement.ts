/** Where each resource is DRAWN, derived from the model only, so the picture and the model cannot
 *  disagree. AWS places a function, a database, a cache, a proxy, a load balancer, a Kafka cluster or
 *  an interface endpoint in subnets (its network interfaces live there), and each subnet in one
 *  Availability Zone of one VPC:
 *  - in exactly one subnet → drawn inside that subnet;
 *  - in several subnets of one VPC → drawn inside the VPC, with an attachment line to each subnet
 *    (https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html: "Lambda creates an ENI for
 *    each subnet in your function's VPC configuration");
 *  - in no subnet → inside its model `parent` when that is a VPC or subnet, else on the canvas.
 *  `layout.positions` are relative to the draw parent (schema version 2; version 1 files are
 *  migrated in migrations.ts).
 *
 *  The functions take a structural node shape so the migration can run them on raw JSON. */

/** The kinds the model puts in subnets, and where their subnet and security-group lists live in props. */
export const SUBNET_PLACED_KINDS: Readonly<Record<string, { subnets: readonly string[]; securityGroups: readonly string[] }>> = {
  lambda: { subnets: ['vpc', 'subnets'], securityGroups: ['vpc', 'securityGroups'] },
  rds: { subnets: ['subnets'], securityGroups: ['securityGroups'] },
  rdsProxy: { subnets: ['subnets'], securityGroups: ['securityGroups'] },
  elasticache: { subnets: ['subnets'], securityGroups: ['securityGroups'] },
  kafka: { subnets: ['subnets'], securityGroups: ['securityGroups'] },
  alb: { subnets: ['subnets'], securityGroups: ['securityGroups'] },
  vpcEndpoint: { subnets: ['subnets'], securityGroups: ['securityGroups'] },
};

/** The kinds drawn as containers that hold other nodes. */
export const CONTAINER_KINDS: readonly string[] = ['vpc', 'subnet'];

export interface PlacedNode { id: string; kind: string; parent?: string; props?: unknown }

export interface Placement {
  /** The VPC or subnet the node is drawn in; undefined: the canvas itself. */
  drawParent?: string;
  /** Subnets the node is in but not drawn inside (several subnets: drawn in the VPC with a line to each). */
  attachments: string[];
}

const stringsAt = (props: unknown, path: readonly string[]): string[] => {
  let v: unknown = props;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export const isSubnetPlaced = (kind: string): boolean => kind in SUBNET_PLACED_KINDS;

/** The subnet ids the model puts the node in (ids as written; some may not exist). */
export function subnetsOf(node: PlacedNode): string[] {
  const where = SUBNET_PLACED_KINDS[node.kind];
  return where ? stringsAt(node.props, where.subnets) : [];
}

/** The security-group ids attached to the node. */
export function securityGroupsOf(node: PlacedNode): string[] {
  const where = SUBNET_PLACED_KINDS[node.kind];
  return where ? stringsAt(node.props, where.securityGroups) : [];
}

/** Where every node is drawn. Never returns a cycle: a node whose chain of draw parents would lead
 *  back to itself is drawn on the canvas. */
export function placementOf(design: { nodes: readonly PlacedNode[] }): Map<string, Placement> {
  const byId = new Map<string, PlacedNode>();
  for (const n of design.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const isContainer = (id: string | undefined): id is string => id !== undefined && CONTAINER_KINDS.includes(byId.get(id)?.kind ?? '');
  const candidate = new Map<string, Placement>();
  for (const n of byId.values()) {
    const subnets = [...new Set(subnetsOf(n))].filter((id) => byId.get(id)?.kind === 'subnet');
    const parentOk = isContainer(n.parent) && n.parent !== n.id ? n.parent : undefined;
    if (subnets.length === 1) {
      candidate.set(n.id, { drawParent: subnets[0], attachments: [] });
      continue;
    }
    if (subnets.length > 1) {
      const vpcs = new Set(subnets.map((s) => byId.get(s)?.parent));
      const [vpc] = [...vpcs];
      const drawParent = vpcs.size === 1 && isContainer(vpc) && byId.get(vpc)?.kind === 'vpc' ? vpc : parentOk;
      candidate.set(n.id, { ...(drawParent ? { drawParent } : {}), attachments: subnets });
      continue;
    }
    candidate.set(n.id, { ...(parentOk ? { drawParent: parentOk } : {}), attachments: [] });
  }
  // Break cycles (a malformed file: a VPC inside its own subnet).
  for (const [id, p] of candidate) {
    const seen = new Set([id]);
    for (let at = p.drawParent; at !== undefined; at = candidate.get(at)?.drawParent) {
      if (seen.has(at)) {
        delete p.drawParent;
        break;
      }
      seen.add(at);
    }
  }
  return candidate;
}

export function drawParentOf(design: { nodes: readonly PlacedNode[] }, nodeId: string): string | undefined {
  return placementOf(design).get(nodeId)?.drawParent;
}

interface Pos { x: number; y: number; width?: number; height?: number }

/** Absolute canvas positions of every node with a stored position (the sum along its draw parents);
 *  a parent without a stored position counts as (0, 0). */
export function absolutePositions(
  design: { nodes: readonly PlacedNode[]; layout: { positions: Readonly<Record<string, Pos>> } },
  placement: ReadonlyMap<string, Placement> = placementOf(design),
): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const positions = design.layout.positions;
  const visit = (id: string, depth: number): { x: number; y: number } => {
    const hit = out.get(id);
    if (hit) return hit;
    const own = Object.hasOwn(positions, id) ? positions[id] : undefined;
    const p = { x: own?.x ?? 0, y: own?.y ?? 0 };
    const parent = placement.get(id)?.drawParent;
    const origin = parent !== undefined && depth < 64 ? visit(parent, depth + 1) : { x: 0, y: 0 };
    const abs = { x: p.x + origin.x, y: p.y + origin.y };
    out.set(id, abs);
    return abs;
  };
  for (const n of design.nodes) visit(n.id, 0);
  return out;
}

/** The room a container keeps around what it holds (its title bar at the top), and a resource card's
 *  size: the canvas draws with the same numbers (renderer/canvas/toFlow.ts). */
export const CONTAINER_PADDING = { top: 44, right: 24, bottom: 24, left: 24 } as const;
export const CONTAINER_MIN = { width: 260, height: 160 } as const;
export const RESOURCE_SIZE = { width: 180, height: 54 } as const;

/** Each container's drawn size: its stored size (at least the minimum), grown to fit what is drawn
 *  in it (deepest containers first). The canvas draws containers at exactly these sizes. */
export function containerSizes(
  design: { nodes: readonly PlacedNode[]; layout: { positions: Readonly<Record<string, Pos>> } },
  placement: ReadonlyMap<string, Placement> = placementOf(design),
  exclude: ReadonlySet<string> = new Set(),
): Map<string, { width: number; height: number }> {
  const positions = design.layout.positions;
  const children = new Map<string, string[]>();
  for (const n of design.nodes) {
    const parent = placement.get(n.id)?.drawParent;
    if (parent === undefined || exclude.has(n.id)) continue;
    const list = children.get(parent);
    if (list) list.push(n.id);
    else children.set(parent, [n.id]);
  }
  const kindOf = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const sizes = new Map<string, { width: number; height: number }>();
  const visit = (id: string, depth: number): { width: number; height: number } => {
    const hit = sizes.get(id);
    if (hit) return hit;
    const stored = Object.hasOwn(positions, id) ? positions[id] : undefined;
    let width = Math.max(stored?.width ?? 0, CONTAINER_MIN.width);
    let height = Math.max(stored?.height ?? 0, CONTAINER_MIN.height);
    sizes.set(id, { width, height }); // a cycle stops here
    for (const child of children.get(id) ?? []) {
      const p = Object.hasOwn(positions, child) ? positions[child] : undefined;
      if (!p) continue;
      const size = CONTAINER_KINDS.includes(kindOf.get(child) ?? '') && depth < 64 ? visit(child, depth + 1) : RESOURCE_SIZE;
      width = Math.max(width, p.x + size.width + CONTAINER_PADDING.right);
      height = Math.max(height, p.y + size.height + CONTAINER_PADDING.bottom);
    }
    const size = { width, height };
    sizes.set(id, size);
    return size;
  };
  for (const n of design.nodes) if (CONTAINER_KINDS.includes(n.kind)) visit(n.id, 0);
  return sizes;
}

/** Whether a box at `p` (relative to a container of `box` size) lies wholly inside it. */
export function fitsInside(p: { x: number; y: number }, size: { width: number; height: number }, box: { width: number; height: number }): boolean {
  return p.x >= 0 && p.y >= 0 && p.x + size.width <= box.width && p.y + size.height <= box.height;
}

/** A position relative to a container of `box` size, moved inside it with padding. */
export function clampInside(p: { x: number; y: number }, box: { width: number; height: number }, size: { width: number; height: number } = RESOURCE_SIZE): { x: number; y: number } {
  const maxX = Math.max(CONTAINER_PADDING.left, box.width - size.width - CONTAINER_PADDING.right);
  const maxY = Math.max(CONTAINER_PADDING.top, box.height - size.height - CONTAINER_PADDING.bottom);
  return {
    x: Math.round(Math.min(Math.max(p.x, CONTAINER_PADDING.left), maxX)),
    y: Math.round(Math.min(Math.max(p.y, CONTAINER_PADDING.top), maxY)),
  };
}

/** Rewrites `after`'s positions (in place) for every node whose draw parent differs from `before`'s:
 *  it keeps its absolute canvas position when it lies wholly inside its new container as drawn
 *  (without it), and is moved inside with padding otherwise (never left half outside). Nodes new in `after`, or without a
 *  stored position, are left alone. Returns the ids moved. */
export function rebasePositions(
  before: { nodes: readonly PlacedNode[]; layout: { positions: Readonly<Record<string, Pos>> } },
  after: { nodes: readonly PlacedNode[]; layout: { positions: Record<string, Pos> } },
): string[] {
  const was = placementOf(before);
  const now = placementOf(after);
  const changed = after.nodes.filter((n) => was.has(n.id) && Object.hasOwn(after.layout.positions, n.id) && was.get(n.id)?.drawParent !== now.get(n.id)?.drawParent);
  if (!changed.length) return [];
  const absBefore = absolutePositions(before, was);
  // Parents first, so a node's new origin is final when it is placed.
  const depth = (id: string) => {
    let d = 0;
    for (let p = now.get(id)?.drawParent; p !== undefined && d < 64; p = now.get(p)?.drawParent) d++;
    return d;
  };
  changed.sort((a, b) => depth(a.id) - depth(b.id));
  const sizes = containerSizes(after, now, new Set(changed.map((n) => n.id)));
  for (const n of changed) {
    const abs = absBefore.get(n.id) ?? { x: 0, y: 0 };
    const parent = now.get(n.id)?.drawParent;
    const origin = parent === undefined ? { x: 0, y: 0 } : absolutePositions(after, now).get(parent) ?? { x: 0, y: 0 };
    const rel = { x: abs.x - origin.x, y: abs.y - origin.y };
    const old = Object.hasOwn(after.layout.positions, n.id) ? after.layout.positions[n.id] : undefined;
    const size = CONTAINER_KINDS.includes(n.kind) ? sizes.get(n.id) ?? CONTAINER_MIN : RESOURCE_SIZE;
    const box = parent === undefined ? undefined : sizes.get(parent) ?? CONTAINER_MIN;
    const placed = !box || fitsInside(rel, size, box) ? { x: Math.round(rel.x), y: Math.round(rel.y) } : clampInside(rel, box, size);
    after.layout.positions[n.id] = { ...old, x: placed.x, y: placed.y };
  }
  return changed.map((n) => n.id);
}

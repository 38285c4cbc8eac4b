import type { Design, DesignNode } from '../../core/model/design';
import { own as ownValue } from '../../core/model/own';
import {
  absolutePositions, clampInside, CONTAINER_KINDS, CONTAINER_PADDING, containerSizes, isSubnetPlaced, placementOf,
  RESOURCE_SIZE, subnetsOf, type Placement,
} from '../../core/model/placement';
import { PARENT_KINDS } from '../../core/model/references';

/** What a drop on the canvas means for where a node is placed, decided from the model and the
 *  boxes the user saw (container sizes frozen at drag start, so a container never grows under the
 *  card leaving it). Pure: Canvas.tsx turns a plan into commands and popups. */

export interface Point { x: number; y: number }
export interface Size { width: number; height: number }
export interface Box extends Point, Size {}

export interface SubnetChoice { id: string; name: string; az: string; isPrivate: boolean }

export type DropPlan =
  /** Nothing to change beyond the drag's own moves. */
  | { type: 'none' }
  /** Stays in its container, moved fully inside it (`position` relative to the container). */
  | { type: 'settle'; position: Point; notice?: string }
  /** Put it in these subnets at once (it was in none, or in another VPC's). */
  | { type: 'attach'; subnets: string[] }
  /** Dropped on a subnet of the VPC it is already in: add this subnet, or only this one? */
  | { type: 'askSubnet'; subnet: string; current: string[] }
  /** Dropped on a VPC's free area: which of its subnets? */
  | { type: 'askVpc'; vpc: string; choices: SubnetChoice[]; preselected: string[] }
  /** Dragged out of every VPC while in one. */
  | { type: 'detach' }
  /** Kinds placed by their model parent (NAT gateway in a subnet, subnet in a VPC, rule on a bus). */
  | { type: 'setParent'; parent: string | null };

const inside = (p: Point, b: Box) => p.x >= b.x && p.y >= b.y && p.x <= b.x + b.width && p.y <= b.y + b.height;
const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
const centreOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Each container's box on the canvas (absolute), at the given sizes (else as the model sizes it). */
export function containerBoxes(design: Design, sizes?: ReadonlyMap<string, Size>, placement: ReadonlyMap<string, Placement> = placementOf(design)): Map<string, Box> {
  const abs = absolutePositions(design, placement);
  const fitted = containerSizes(design, placement);
  const out = new Map<string, Box>();
  for (const n of design.nodes) {
    if (!CONTAINER_KINDS.includes(n.kind)) continue;
    const p = abs.get(n.id) ?? { x: 0, y: 0 };
    const size = sizes?.get(n.id) ?? fitted.get(n.id) ?? RESOURCE_SIZE;
    out.set(n.id, { x: p.x, y: p.y, width: size.width, height: size.height });
  }
  return out;
}

/** The node and everything drawn inside it (a container is never dropped into itself). */
function drawnSubtree(nodeId: string, placement: ReadonlyMap<string, Placement>): Set<string> {
  const out = new Set([nodeId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, p] of placement) {
      if (!out.has(id) && p.drawParent !== undefined && out.has(p.drawParent)) {
        out.add(id);
        grew = true;
      }
    }
  }
  return out;
}

/** The container kinds a node of `kind` can be dropped into. */
function droppableKinds(kind: string): string[] {
  return isSubnetPlaced(kind) ? ['subnet', 'vpc'] : PARENT_KINDS[kind] ?? [];
}

/** The smallest box of an allowed kind containing `point`; with `box`, failing that, the one the
 *  box overlaps most (a palette drop partly over a container goes inside it). */
function targetAt(design: Design, kinds: readonly string[], point: Point, boxes: ReadonlyMap<string, Box>, exclude: ReadonlySet<string>, box?: Box): DesignNode | undefined {
  let best: { node: DesignNode; area: number } | undefined;
  let most: { node: DesignNode; area: number } | undefined;
  for (const n of design.nodes) {
    const b = boxes.get(n.id);
    if (!b || exclude.has(n.id) || !kinds.includes(n.kind)) continue;
    if (inside(point, b) && (!best || b.width * b.height < best.area)) best = { node: n, area: b.width * b.height };
    const o = box ? overlap(box, b) : 0;
    if (o > 0 && (!most || o > most.area)) most = { node: n, area: o };
  }
  return best?.node ?? most?.node;
}

/** Boxes of the resource nodes a kind may be dropped onto that are not containers (an event rule
 *  onto its event bus), from absolute positions at the card size. */
function resourceBoxes(design: Design, kinds: readonly string[], placement: ReadonlyMap<string, Placement>): Map<string, Box> {
  const abs = absolutePositions(design, placement);
  const out = new Map<string, Box>();
  for (const n of design.nodes) {
    if (!kinds.includes(n.kind) || CONTAINER_KINDS.includes(n.kind)) continue;
    const p = abs.get(n.id);
    if (p) out.set(n.id, { ...p, ...RESOURCE_SIZE });
  }
  return out;
}

const isPrivateSubnet = (design: Design, subnet: DesignNode): boolean => {
  const route = subnet.kind === 'subnet' ? subnet.props.routeTable.defaultRoute : null;
  // Private: the default route does not go to an internet gateway (a NAT gateway, or none at all).
  return !route || design.nodes.find((n) => n.id === route)?.kind !== 'internetGateway';
};

/** A VPC's subnets (by AZ, then name) and the ones to offer ticked: one private subnet per AZ. */
export function subnetChoices(design: Design, vpcId: string): { choices: SubnetChoice[]; preselected: string[] } {
  const choices = design.nodes
    .filter((n) => n.kind === 'subnet' && n.parent === vpcId)
    .map((n) => ({ id: n.id, name: n.name, az: n.kind === 'subnet' ? n.props.az : '', isPrivate: isPrivateSubnet(design, n) }))
    .sort((a, b) => a.az.localeCompare(b.az) || a.name.localeCompare(b.name));
  const perAz = new Map<string, string>();
  for (const c of choices) if (c.isPrivate && !perAz.has(c.az)) perAz.set(c.az, c.id);
  return { choices, preselected: [...perAz.values()] };
}

/** The VPC a subnet-placed node is in: its subnets' VPC, else its parent when that is a VPC. */
function vpcOf(design: Design, node: DesignNode): string | undefined {
  const subnet = design.nodes.find((n) => n.kind === 'subnet' && subnetsOf(node).includes(n.id));
  if (subnet?.parent) return subnet.parent;
  return design.nodes.find((n) => n.id === node.parent)?.kind === 'vpc' ? node.parent : undefined;
}

/** What dropping `nodeId` with its box at `box` (absolute, as dragged) means. `sizes`: the
 *  container sizes the user saw during the drag. */
export function planDrop(design: Design, nodeId: string, box: Box, sizes?: ReadonlyMap<string, Size>): DropPlan {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) return { type: 'none' };
  const placement = placementOf(design);
  const boxes = containerBoxes(design, sizes, placement);
  const exclude = drawnSubtree(nodeId, placement);
  const centre = centreOf(box);
  const kinds = droppableKinds(node.kind);
  const all = new Map([...boxes, ...resourceBoxes(design, kinds, placement)]);
  const target = kinds.length ? targetAt(design, kinds, centre, all, exclude) : undefined;
  const parentId = placement.get(nodeId)?.drawParent;
  const parentBox = parentId !== undefined ? boxes.get(parentId) : undefined;
  const parentName = design.nodes.find((n) => n.id === parentId)?.name ?? '';
  const settle = (notice?: string): DropPlan => {
    if (!parentBox) return { type: 'none' };
    const rel = { x: box.x - parentBox.x, y: box.y - parentBox.y };
    const position = clampInside(rel, parentBox, box);
    if (position.x === Math.round(rel.x) && position.y === Math.round(rel.y) && !notice) return { type: 'none' };
    return { type: 'settle', position, ...(notice ? { notice } : {}) };
  };

  // Still in the container it is drawn in: made to fit fully inside it.
  if (parentBox && target?.id === parentId) return settle();
  // Centre out of its container (or of the VPC around it), box still over it: not taken out by accident.
  for (let at = parentId, depth = 0; at !== undefined && depth < 16; at = placement.get(at)?.drawParent, depth++) {
    const around = boxes.get(at);
    if (around && !inside(centre, around) && overlap(box, around) > 0) {
      return settle(`Drag ${node.name} fully out to take it out of ${design.nodes.find((n) => n.id === at)?.name ?? at}.`);
    }
  }

  if (isSubnetPlaced(node.kind)) {
    const current = subnetsOf(node).filter((id) => design.nodes.some((n) => n.id === id && n.kind === 'subnet'));
    const vpc = vpcOf(design, node);
    if (target?.kind === 'subnet') {
      if (!current.length || target.parent !== vpc) return { type: 'attach', subnets: [target.id] };
      return { type: 'askSubnet', subnet: target.id, current };
    }
    if (target?.kind === 'vpc') {
      // In this VPC already, dropped beside its subnet: it stays in its subnet.
      if (target.id === vpc) return settle(`${node.name} stays in ${parentName}: drop it on another subnet, or outside the VPC to take it out.`);
      return { type: 'askVpc', vpc: target.id, ...subnetChoices(design, target.id) };
    }
    return current.length || vpc ? { type: 'detach' } : { type: 'none' };
  }
  if (!kinds.length) return { type: 'none' };
  // A parent that is not drawn around it (an event rule's bus) changes only by a drop onto another
  // one: moving the card elsewhere must not silently take it off its bus.
  if (!kinds.some((k) => CONTAINER_KINDS.includes(k))) return target && target.id !== node.parent ? { type: 'setParent', parent: target.id } : { type: 'none' };
  const next = target?.id ?? null;
  return next === (node.parent ?? null) ? { type: 'none' } : { type: 'setParent', parent: next };
}

/** After a placement change: the node's position relative to its (new) container so that it sits
 *  fully inside it, or undefined when it already does or is on the canvas. `abs`: where the user
 *  dropped it. */
export function settleInside(design: Design, nodeId: string, abs: Point, size: Size, sizes?: ReadonlyMap<string, Size>): Point | undefined {
  const placement = placementOf(design);
  const parentId = placement.get(nodeId)?.drawParent;
  if (parentId === undefined) return undefined;
  const parentBox = containerBoxes(design, sizes, placement).get(parentId);
  if (!parentBox) return undefined;
  const rel = { x: abs.x - parentBox.x, y: abs.y - parentBox.y };
  const position = clampInside(rel, parentBox, size);
  const stored = ownValue(design.layout.positions, nodeId);
  return stored && stored.x === position.x && stored.y === position.y ? undefined : position;
}

export interface PalettePlacement {
  /** The model parent (kinds placed by parent). */
  parent?: string;
  /** Subnets to put a subnet-placed kind in. */
  subnets?: string[];
  /** Top-left relative to where it will be drawn. */
  position: Point;
  /** Said to the user when the drop chose for them (a function dropped on a VPC). */
  notice?: string;
}

/** Where a new node of `kind` dropped with its centre at `point` goes: into the container under it
 *  (or the one its box is partly over), fully inside; a subnet-placed kind into the subnet, or on a
 *  VPC's free area into one private subnet per AZ. */
export function planPaletteDrop(design: Design, kind: string, point: Point, sizes?: ReadonlyMap<string, Size>): PalettePlacement {
  const size = CONTAINER_KINDS.includes(kind) ? { width: 260, height: 160 } : RESOURCE_SIZE;
  const topLeft = { x: Math.round(point.x - size.width / 2), y: Math.round(point.y - size.height / 2) };
  const kinds = droppableKinds(kind);
  if (!kinds.length) return { position: topLeft };
  const placement = placementOf(design);
  const boxes = containerBoxes(design, sizes, placement);
  const all = new Map([...boxes, ...resourceBoxes(design, kinds, placement)]);
  const target = targetAt(design, kinds, point, all, new Set(), { ...topLeft, ...size });
  if (!target) return { position: topLeft };
  const within = (id: string): Point => {
    const b = boxes.get(id);
    return b ? clampInside({ x: topLeft.x - b.x, y: topLeft.y - b.y }, b, size) : topLeft;
  };
  if (!isSubnetPlaced(kind)) return { parent: target.id, position: CONTAINER_KINDS.includes(target.kind) ? within(target.id) : topLeft };
  if (target.kind === 'subnet') return { subnets: [target.id], position: within(target.id) };
  // On a VPC's free area: kinds with a VPC parent (a database) just go in the VPC; a function, which
  // has no parent, goes in one private subnet per AZ (AWS's advice for a function in a VPC:
  // https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html).
  if ((PARENT_KINDS[kind] ?? []).includes('vpc')) return { parent: target.id, position: within(target.id) };
  const { choices, preselected } = subnetChoices(design, target.id);
  const subnets = preselected.length ? preselected : choices.slice(0, 1).map((c) => c.id);
  if (!subnets.length) return { position: topLeft, notice: `${target.name} has no subnets yet: add one to put the function in the VPC.` };
  const names = subnets.map((id) => choices.find((c) => c.id === id)?.name ?? id).join(', ');
  return {
    subnets,
    position: subnets.length === 1 ? within(subnets[0]) : within(target.id),
    notice: `Placed in ${names} (one private subnet per Availability Zone); change it in the inspector.`,
  };
}

/** Kinds AWS accepts only in subnets of at least two Availability Zones: a new one dropped on a
 *  subnet asks, with a subnet of the same kind (private or public) in each other AZ ticked too.
 *  ALB: "[Application Load Balancers] You must specify subnets from at least two Availability Zones"
 *  (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html);
 *  RDS: "Each DB subnet group should have subnets in at least two Availability Zones"
 *  (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Subnets). */
export const NEEDS_TWO_AZS: readonly string[] = ['alb', 'rds'];

/** A palette drop that asks which subnets, as a drag onto a VPC does. */
export interface PaletteQuestion {
  vpc: string;
  choices: SubnetChoice[];
  /** Ticked when the question opens: the default `planPaletteDrop` would have chosen. */
  preselected: string[];
  /** Where the new card waits while the question is open: its top-left on the canvas (absolute,
   *  unplaced), and the drop point (its centre) the question is shown at. */
  position: Point;
  point: Point;
}

/** Whether a new node of `kind` dropped at `point` should ask where it goes (the same question a
 *  drag onto a VPC asks), and with what ticked: any subnet-placed kind on a VPC's free area (one
 *  private subnet per AZ ticked), a kind in NEEDS_TWO_AZS on a subnet (that subnet and one of the
 *  same kind per other AZ). undefined: the drop places it at once (`planPaletteDrop`). */
export function paletteDropQuestion(design: Design, kind: string, point: Point, sizes?: ReadonlyMap<string, Size>): PaletteQuestion | undefined {
  if (!isSubnetPlaced(kind)) return undefined;
  const position = { x: Math.round(point.x - RESOURCE_SIZE.width / 2), y: Math.round(point.y - RESOURCE_SIZE.height / 2) };
  const placement = placementOf(design);
  const target = targetAt(design, ['subnet', 'vpc'], point, containerBoxes(design, sizes, placement), new Set(), { ...position, ...RESOURCE_SIZE });
  if (target?.kind === 'vpc') {
    const { choices, preselected } = subnetChoices(design, target.id);
    if (!choices.length) return undefined;
    return { vpc: target.id, choices, preselected: preselected.length ? preselected : [choices[0].id], position, point };
  }
  if (target?.kind !== 'subnet' || !target.parent || !NEEDS_TWO_AZS.includes(kind)) return undefined;
  const { choices } = subnetChoices(design, target.parent);
  const dropped = choices.find((c) => c.id === target.id);
  if (!dropped) return undefined;
  const ticked = [dropped.id];
  const azs = new Set([dropped.az]);
  for (const c of choices) {
    if (!azs.has(c.az) && c.isPrivate === dropped.isPrivate) {
      azs.add(c.az);
      ticked.push(c.id);
    }
  }
  return { vpc: target.parent, choices, preselected: ticked, position, point };
}

/** Whether container `id` resized to `box` (its position relative to where it is drawn, as React
 *  Flow reports it, and its size) still holds everything drawn in it with the padding around it.
 *  Growing is always allowed; from the left or top edge the contents keep their place on the
 *  canvas, so their relative positions shift by the move. A card already closer to the edge than
 *  the padding is not made a reason to refuse, only not allowed closer. */
export function resizeKeepsContents(design: Design, id: string, box: Box): boolean {
  const own = ownValue(design.layout.positions, id);
  if (!own) return true;
  const placement = placementOf(design);
  const fitted = containerSizes(design, placement);
  const drawn = fitted.get(id) ?? { width: 0, height: 0 };
  const dx = box.x - own.x;
  const dy = box.y - own.y;
  for (const n of design.nodes) {
    if (placement.get(n.id)?.drawParent !== id) continue;
    const p = ownValue(design.layout.positions, n.id);
    if (!p) continue;
    const size = fitted.get(n.id) ?? RESOURCE_SIZE;
    const x = p.x - dx;
    const y = p.y - dy;
    if (x < Math.min(CONTAINER_PADDING.left, p.x) || y < Math.min(CONTAINER_PADDING.top, p.y)) return false;
    if (box.width < drawn.width && x + size.width + CONTAINER_PADDING.right > box.width) return false;
    if (box.height < drawn.height && y + size.height + CONTAINER_PADDING.bottom > box.height) return false;
  }
  return true;
}

/** The keyboard's way to place a resource ("N"): the subnets of its VPC (else of the design's
 *  first VPC by name) to tick, its own subnets ticked, or one private subnet per AZ when it has
 *  none; or why it cannot be placed. */
export function keyboardPlacement(design: Design, nodeId: string):
  { vpc: string; choices: SubnetChoice[]; preselected: string[]; attached: boolean } | { reason: string } {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node || !isSubnetPlaced(node.kind)) return { reason: 'Select one function, database, proxy, cache, Kafka cluster, load balancer or interface endpoint to place it in subnets.' };
  const vpc = vpcOf(design, node) ?? design.nodes.filter((n) => n.kind === 'vpc').sort((a, b) => a.name.localeCompare(b.name))[0]?.id;
  if (!vpc) return { reason: `There is no VPC to place ${node.name} in: add one from the palette first.` };
  const { choices, preselected } = subnetChoices(design, vpc);
  const own = subnetsOf(node).filter((id) => choices.some((c) => c.id === id));
  return { vpc, choices, preselected: own.length ? own : preselected, attached: own.length > 0 || vpcOf(design, node) !== undefined };
}

/** For the highlight while a card is dragged: the container (or bus) a drop at a centre point would
 *  go to. The boxes are computed once, at drag start (containers do not move during a drag). */
export function dropTargetFinder(design: Design, nodeId: string, sizes?: ReadonlyMap<string, Size>): (centre: Point) => string | undefined {
  const node = design.nodes.find((n) => n.id === nodeId);
  const kinds = node ? droppableKinds(node.kind) : [];
  if (!node || !kinds.length) return () => undefined;
  const placement = placementOf(design);
  const all = new Map([...containerBoxes(design, sizes, placement), ...resourceBoxes(design, kinds, placement)]);
  const exclude = drawnSubtree(nodeId, placement);
  return (centre) => targetAt(design, kinds, centre, all, exclude)?.id;
}

import { describeEdge } from '../commands/edgeLabel';
import { NOTE_SIZE } from '../commands/notes';
import { placeLabels, wrapLabel, type LabelPlace } from '../geometry/labels';
import { routeEdges, type Box, type Rect, type Route } from '../geometry/route';
import { indexDesign } from '../graph';
import { withLayout } from '../layout/positions';
import type { Design, DesignEdge, DesignNode, Note } from '../model/design';
import { absolutePositions, CONTAINER_KINDS, CONTAINER_MIN, CONTAINER_PADDING, containerSizes, placementOf, RESOURCE_SIZE, type Placement } from '../model/placement';

/** The diagram's geometry, from the model alone (no DOM): where every card, container, note, edge and
 *  label goes, in the canvas's absolute coordinates. Same numbers as the canvas: cards RESOURCE_SIZE,
 *  containers `containerSizes`, routes `routeEdges` with the containers' title bars kept clear, labels
 *  `placeLabels` with the label box the canvas estimates where it has no text measure. */

/** The label font on the canvas at zoom 1 (renderer/canvas/RoutedEdge.tsx LABEL_BASE), and the
 *  width it wraps at (15 em). */
export const LABEL_FONT = 12;
const WRAP_EMS = 15;
/** A container's title bar, which routes avoid when they can. */
const TITLE_BAR = 40;

/** Estimated text width: no font metrics in core, so a width per character (a little generous, as
 *  RoutedEdge's fallback: an estimate must never be narrower than what is drawn). */
export const textWidth = (text: string, fontSize: number, bold = false): number => [...text].length * fontSize * (bold ? 0.62 : 0.58);
/** The narrower average used to fit names into a card (an overestimate would cut names the canvas
 *  shows whole). */
export const fitWidth = (text: string, fontSize: number, bold = false): number => [...text].length * fontSize * (bold ? 0.56 : 0.52);

export interface SceneNode { node: DesignNode; box: Rect; container: boolean; depth: number }
export interface SceneEdge { edge: DesignEdge; label: string; route: Route; place?: LabelPlace & { lines: string[] }; labelBox?: Rect }
export interface SceneAttachment { id: string; node: string; subnet: string; route: Route }
export interface SceneNote { note: Note; box: Rect }

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  attachments: SceneAttachment[];
  notes: SceneNote[];
  /** What the drawing covers (labels, chips and notes included). */
  bounds: Rect;
  /** Whether the design was laid out automatically (it had no saved positions). */
  autoLaidOut: boolean;
}

/** Nodes drawn for `only`: those ids, plus every container they are drawn in. Throws naming the
 *  first id that is not a node of the design. */
export function selectionClosure(design: Design, only: readonly string[], placement: ReadonlyMap<string, Placement>): Set<string> {
  const ids = new Set(design.nodes.map((n) => n.id));
  const unknown = only.filter((id) => !ids.has(id));
  if (unknown.length) throw new Error(`no node with id ${unknown.map((id) => `"${id}"`).join(', ')} in design "${design.name}"`);
  const out = new Set<string>();
  for (const id of only) {
    let depth = 0;
    for (let at: string | undefined = id; at !== undefined && !out.has(at) && depth < 64; at = placement.get(at)?.drawParent, depth++) out.add(at);
  }
  return out;
}

/** Coordinates and sizes beyond this many px are not a drawing's. */
const MAX_COORDINATE = 1_000_000;
const sanePosition = (p: { x: number; y: number; width?: number; height?: number }): boolean =>
  [p.x, p.y, p.width ?? 0, p.height ?? 0].every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE);

/** The design with every node placed: laid out automatically when none has a saved position; nodes
 *  missing a position among placed ones are laid out as a group below what is placed. */
async function withPositions(input: Design): Promise<{ design: Design; auto: boolean }> {
  // A place or size no drawing could have (1e89 px, from a damaged file) counts as missing: laid out
  // again rather than routed across, or drawn as, a picture too big to exist.
  const positions = Object.fromEntries(Object.entries(input.layout.positions).filter(([, p]) => sanePosition(p)));
  const dropped = Object.keys(positions).length !== Object.keys(input.layout.positions).length;
  const design = dropped ? { ...input, layout: { ...input.layout, positions } } : input;
  const missing = design.nodes.filter((n) => !Object.hasOwn(positions, n.id)).map((n) => n.id);
  if (!missing.length) return { design, auto: dropped };
  // Loaded only when needed: the app draws laid-out designs and keeps ELK in its layout worker.
  const { autoLayout } = await import('../layout/autoLayout');
  if (missing.length === design.nodes.length) return { design: withLayout(design, await autoLayout(design)), auto: true };
  const abs = absolutePositions(design);
  const sizes = containerSizes(design);
  let bottom = 0;
  for (const n of design.nodes) {
    if (!Object.hasOwn(positions, n.id)) continue;
    bottom = Math.max(bottom, (abs.get(n.id)?.y ?? 0) + (sizes.get(n.id)?.height ?? RESOURCE_SIZE.height));
  }
  return { design: withLayout(design, await autoLayout(design, { only: missing, origin: { x: 0, y: bottom + 80 } })), auto: true };
}

const union = (rects: readonly Rect[]): Rect => {
  if (!rects.length) return { x: 0, y: 0, width: 0, height: 0 };
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.width));
  const y1 = Math.max(...rects.map((r) => r.y + r.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
};

/** Height security-group chips hang below a card (renderer/styles/containment.css: bottom −10 px). */
export const CHIP_OVERHANG = 10;

export async function buildScene(input: Design, only?: readonly string[]): Promise<Scene> {
  const { design, auto } = await withPositions(input);
  const placement = placementOf(design);
  const drawn = only ? selectionClosure(design, only, placement) : undefined;
  const keep = (id: string) => !drawn || drawn.has(id);
  const abs = absolutePositions(design, placement);
  const sizes = containerSizes(design, placement);

  const depthOf = (id: string) => {
    let d = 0;
    for (let p = placement.get(id)?.drawParent; p !== undefined && d < 64; p = placement.get(p)?.drawParent) d++;
    return d;
  };
  const seen = new Set<string>();
  const nodes: SceneNode[] = [];
  for (const n of design.nodes) {
    if (seen.has(n.id) || !keep(n.id)) continue;
    seen.add(n.id);
    const p = abs.get(n.id) ?? { x: 0, y: 0 };
    const container = CONTAINER_KINDS.includes(n.kind);
    const size = container ? sizes.get(n.id) ?? RESOURCE_SIZE : RESOURCE_SIZE;
    nodes.push({ node: n, box: { x: p.x, y: p.y, width: size.width, height: size.height }, container, depth: depthOf(n.id) });
  }
  // A container drawn only because something selected is in it is cut down to what is drawn in it
  // (deepest first), keeping every card where it is.
  if (only) {
    const chosen = new Set(only);
    for (const s of [...nodes].sort((a, b) => b.depth - a.depth)) {
      if (!s.container || chosen.has(s.node.id)) continue;
      const inside = nodes.filter((c) => placement.get(c.node.id)?.drawParent === s.node.id).map((c) => (c.container ? c.box : { ...c.box, height: c.box.height + CHIP_OVERHANG }));
      if (!inside.length) continue;
      const u = union(inside);
      const width = Math.max(CONTAINER_MIN.width, u.width + CONTAINER_PADDING.left + CONTAINER_PADDING.right);
      s.box = { x: u.x - CONTAINER_PADDING.left, y: u.y - CONTAINER_PADDING.top, width, height: u.height + CONTAINER_PADDING.top + CONTAINER_PADDING.bottom };
    }
  }
  const byId = new Map(nodes.map((s) => [s.node.id, s]));
  const cards: Box[] = nodes.filter((s) => !s.container).map((s) => ({ id: s.node.id, ...s.box }));
  const containers: Box[] = nodes.filter((s) => s.container).map((s) => ({ id: s.node.id, ...s.box }));
  const soft = containers.map((c) => ({ x: c.x, y: c.y, width: c.width, height: Math.min(TITLE_BAR, c.height) }));

  const designEdges = design.edges.filter((e) => byId.has(e.from) && byId.has(e.to) && !byId.get(e.from)?.container && !byId.get(e.to)?.container);
  const attachments: { id: string; node: string; subnet: string }[] = [];
  for (const s of nodes) {
    for (const subnet of placement.get(s.node.id)?.attachments ?? []) {
      if (byId.has(subnet) && !s.container) attachments.push({ id: `attach:${s.node.id}:${subnet}`, node: s.node.id, subnet });
    }
  }
  const routes = new Map(routeEdges({
    boxes: cards,
    targets: containers,
    soft,
    edges: [...designEdges.map((e) => ({ id: e.id, source: e.from, target: e.to })), ...attachments.map((a) => ({ id: a.id, source: a.node, target: a.subnet }))],
  }).map((r) => [r.id, r]));

  // Labels: the canvas's text, its size estimate (one line, or two where long), placed off the cards.
  const index = indexDesign(design);
  const perChar = textWidth('x', LABEL_FONT);
  const requests = designEdges.flatMap((e) => {
    const route = routes.get(e.id);
    if (!route) return [];
    const text = describeEdge(index, e);
    const preferred = wrapLabel(text, WRAP_EMS * LABEL_FONT, perChar);
    const shapes = [preferred, ...(preferred.length === 1 ? [wrapLabel(text, 0, 1)] : [])].filter((l, k, all) => k === 0 || l.length !== all[0].length);
    const chip = e.kind === 'deadLetter' ? textWidth('DLQ', LABEL_FONT * 0.8) + LABEL_FONT * 0.9 : 0;
    const labelSizes = shapes.map((lines) => ({
      width: (Math.max(...lines.map((l) => textWidth(l, LABEL_FONT))) + chip) * 1.08 + LABEL_FONT * 0.8 + 4,
      height: lines.length * LABEL_FONT * 1.25 + LABEL_FONT * 0.2 + 2,
    }));
    return [{ id: e.id, text, points: route.points, sizes: labelSizes, shapes }];
  });
  const placed = new Map(placeLabels(requests, cards, 4).map((p) => [p.id, p]));
  const requestOf = new Map(requests.map((r) => [r.id, r]));
  const edges: SceneEdge[] = designEdges.flatMap((e) => {
    const route = routes.get(e.id);
    if (!route) return [];
    const req = requestOf.get(e.id);
    const place = placed.get(e.id);
    if (!req || !place) return [{ edge: e, label: req?.text ?? '', route }];
    const size = req.sizes[place.size];
    return [{
      edge: e, label: req.text, route,
      place: { ...place, lines: req.shapes[place.size] },
      labelBox: { x: place.x - size.width / 2, y: place.y - size.height / 2, width: size.width, height: size.height },
    }];
  });

  // Sticky notes: all of them for the whole design; none for a selection (they belong to no node).
  const notes: SceneNote[] = drawn ? [] : (design.layout.notes ?? []).map((note) => {
    const p = Object.hasOwn(design.layout.positions, note.id) ? design.layout.positions[note.id] : { x: 0, y: 0 };
    return { note, box: { x: p.x, y: p.y, width: p.width ?? NOTE_SIZE.width, height: p.height ?? NOTE_SIZE.height } };
  });

  const bounds = union([
    ...nodes.map((s) => (s.container ? s.box : { ...s.box, height: s.box.height + CHIP_OVERHANG })),
    ...edges.flatMap((e) => (e.labelBox ? [e.labelBox] : [])),
    ...[...routes.values()].flatMap((r) => r.points.map((p) => ({ x: p.x, y: p.y, width: 0, height: 0 }))),
    ...notes.map((n) => n.box),
  ]);
  return {
    nodes: nodes.sort((a, b) => Number(b.container) - Number(a.container) || a.depth - b.depth),
    edges,
    attachments: attachments.flatMap((a) => {
      const route = routes.get(a.id);
      return route ? [{ ...a, route }] : [];
    }),
    notes,
    bounds,
    autoLaidOut: auto,
  };
}

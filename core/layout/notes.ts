import { NOTE_SIZE } from '../commands/notes';
import type { Design } from '../model/design';
import { absolutePositions, CONTAINER_KINDS, containerSizes, placementOf, RESOURCE_SIZE } from '../model/placement';
import { withLayout, type LayoutPositions } from './positions';

/** Where sticky notes go when an auto-layout moves the nodes. Notes never change where the nodes go
 *  (the layout is computed without them; a design without notes is laid out exactly as before).
 *
 *  A note is usually written about the card beside it, so each note follows the node it was nearest
 *  to, keeping its offset from that node. Nearest: the smallest gap between the note's box and a
 *  card, or a container's outline (a note inside a VPC near its border is about the VPC, a note
 *  inside it next to a card is about the card). Where the note would then cover a card, cross a
 *  container's border or lie on a note already placed, it goes instead to a column right of the
 *  laid-out design, top to bottom in the order the notes were (top to bottom, then left to right). */

interface Rect { x: number; y: number; width: number; height: number }

/** Between the design's right edge and the column of notes that could not stay by their node. */
export const NOTE_COLUMN_GAP = 40;
/** Between notes stacked in that column. */
export const NOTE_STACK_GAP = 16;

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, box: Rect) => a.x >= box.x && a.y >= box.y && a.x + a.width <= box.x + box.width && a.y + a.height <= box.y + box.height;

/** How far apart two boxes are (0 when they touch or overlap); for a container holding the note, how far the note is from its outline. */
function gap(note: Rect, box: Rect, container: boolean): number {
  if (container && inside(note, box)) return Math.min(note.x - box.x, note.y - box.y, box.x + box.width - note.x - note.width, box.y + box.height - note.y - note.height);
  const dx = Math.max(0, box.x - (note.x + note.width), note.x - (box.x + box.width));
  const dy = Math.max(0, box.y - (note.y + note.height), note.y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

/** Every node's box on the canvas (positions add up along draw parents), containers at their drawn size. */
function boxes(design: Design): Map<string, Rect & { container: boolean }> {
  const placement = placementOf(design);
  const abs = absolutePositions(design, placement);
  const sizes = containerSizes(design, placement);
  const out = new Map<string, Rect & { container: boolean }>();
  for (const n of design.nodes) {
    const container = CONTAINER_KINDS.includes(n.kind);
    out.set(n.id, { ...(abs.get(n.id) ?? { x: 0, y: 0 }), ...(container ? sizes.get(n.id) ?? RESOURCE_SIZE : RESOURCE_SIZE), container });
  }
  return out;
}

/** The notes' new places (absolute, with their stored size kept) after the nodes take `laidOut`; `{}` for a design without notes. */
export function placeNotes(design: Design, laidOut: LayoutPositions): LayoutPositions {
  const notes = design.layout.notes ?? [];
  if (!notes.length || !design.nodes.length) return {};
  const before = boxes(design);
  const after = boxes(withLayout(design, laidOut));
  const noteRect = (id: string): Rect => {
    const p = Object.hasOwn(design.layout.positions, id) ? design.layout.positions[id] : undefined;
    return { x: p?.x ?? 0, y: p?.y ?? 0, width: p?.width ?? NOTE_SIZE.width, height: p?.height ?? NOTE_SIZE.height };
  };
  const placed: Rect[] = [];
  const blocked = (r: Rect) => [...after.values()].some((b) => overlaps(r, b) && !(b.container && inside(r, b))) || placed.some((p) => overlaps(r, p));

  const out: LayoutPositions = {};
  const put = (id: string, r: Rect) => {
    const stored = Object.hasOwn(design.layout.positions, id) ? design.layout.positions[id] : undefined;
    out[id] = { x: r.x, y: r.y, ...(stored?.width !== undefined ? { width: stored.width } : {}), ...(stored?.height !== undefined ? { height: stored.height } : {}) };
    placed.push(r);
  };
  const homeless: { id: string; was: Rect }[] = [];
  for (const note of notes) {
    const was = noteRect(note.id);
    let anchor: string | undefined;
    let best = Infinity;
    for (const [id, b] of before) {
      const g = gap(was, b, b.container);
      if (g < best) [anchor, best] = [id, g];
    }
    const from = anchor !== undefined ? before.get(anchor)! : undefined;
    const to = anchor !== undefined ? after.get(anchor)! : undefined;
    const next = from && to ? { ...was, x: Math.round(was.x + to.x - from.x), y: Math.round(was.y + to.y - from.y) } : was;
    if (blocked(next)) homeless.push({ id: note.id, was });
    else put(note.id, next);
  }
  if (!homeless.length) return out;
  const all = [...after.values(), ...placed];
  const x = Math.max(...all.map((b) => b.x + b.width)) + NOTE_COLUMN_GAP;
  let y = Math.min(...[...after.values()].map((b) => b.y));
  homeless.sort((a, b) => a.was.y - b.was.y || a.was.x - b.was.x);
  for (const { id, was } of homeless) {
    put(id, { ...was, x, y });
    y += was.height + NOTE_STACK_GAP;
  }
  return out;
}

import type { Point, Rect } from './route';

/** Where each edge's label goes: on the longest stretch of its route where the label's box covers
 *  no node and no label placed before it. Candidates are the middles (and quarter points) of the
 *  route's segments, longest segment first; when none is free, the one overlapping least. */

export interface LabelRequest { id: string; points: readonly Point[]; width: number; height: number }
export interface LabelPlace { id: string; x: number; y: number; /** Its box covers nothing. */ free: boolean }

const overlap = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

/** Places labels in the order given (put the important ones first). `boxes` are every node box a
 *  label must not cover (the ends included: a label over its own node hides the node's name). */
export function placeLabels(labels: readonly LabelRequest[], boxes: readonly Rect[], gap = 3): LabelPlace[] {
  const placed: Rect[] = [];
  const out: LabelPlace[] = [];
  for (const label of labels) {
    const pts = label.points;
    if (pts.length < 2) continue;
    const segments = pts.slice(1).map((b, k) => ({ a: pts[k], b, length: Math.abs(b.x - pts[k].x) + Math.abs(b.y - pts[k].y) }))
      .sort((p, q) => q.length - p.length);
    let best: { x: number; y: number; cost: number } | undefined;
    for (const { a, b } of segments) {
      for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
        const c = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
        const r = { x: c.x - label.width / 2 - gap, y: c.y - label.height / 2 - gap, width: label.width + 2 * gap, height: label.height + 2 * gap };
        let cost = 0;
        for (const box of boxes) cost += overlap(r, box) * 4;
        for (const other of placed) cost += overlap(r, other);
        if (!best || cost < best.cost) best = { ...c, cost };
        if (cost === 0) break;
      }
      if (best?.cost === 0) break;
    }
    if (!best) continue;
    placed.push({ x: best.x - label.width / 2, y: best.y - label.height / 2, width: label.width, height: label.height });
    out.push({ id: label.id, x: best.x, y: best.y, free: best.cost === 0 });
  }
  return out;
}

/** A label longer than `maxWidth` (in the same unit as `charWidth`) split into two lines at the
 *  space nearest its middle; a label with no space stays one line. Never an ellipsis. */
export function wrapLabel(text: string, maxWidth: number, charWidth: number): string[] {
  if (text.length * charWidth <= maxWidth) return [text];
  const middle = text.length / 2;
  let cut = -1;
  for (let i = 0; i < text.length; i++) if (text[i] === ' ' && (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle))) cut = i;
  return cut < 0 ? [text] : [text.slice(0, cut).trimEnd(), text.slice(cut + 1).trimStart()];
}

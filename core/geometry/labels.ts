import type { Point, Rect } from './route';

/** Where each edge's label goes: on the longest stretch of its route where the label's box covers
 *  no node and no label placed before it. Candidates, in order of preference: the middles (then
 *  quarter points) of the route's segments, longest segment first, in each of the label's shapes
 *  (one line, then two); then the same points with the label just beside the line. The first free
 *  candidate wins; when none is free, the one overlapping least. */

export interface LabelSize { width: number; height: number }
export interface LabelRequest { id: string; points: readonly Point[]; /** Shapes to try, preferred first. */ sizes: readonly LabelSize[] }
export interface LabelPlace {
  id: string; x: number; y: number;
  /** Which of the request's sizes it took. */ size: number;
  /** Its box covers nothing. */ free: boolean;
  /** The point of the route it labels (differs from x, y when it stands beside the line). */
  anchor: Point;
}

const overlap = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

/** Rects bucketed in a uniform grid, so a query looks only at those near it (1,000 labels among
 *  1,000 cards would otherwise compare every pair). A rect spanning more than MAX_SPAN cells a side
 *  (a card 1e9 px wide from a damaged file), or placed where cell numbers lose precision, is kept
 *  aside and compared with every query: no work or memory grows with the coordinates (issue 13). */
const MAX_SPAN = 64;
class RectIndex {
  private cells = new Map<string, Rect[]>();
  private oversized: Rect[] = [];
  private all: Rect[] = [];
  constructor(private readonly size = 256) {}
  /** The cell range of a rect, or undefined when it is too large (or too far out) to bucket. */
  private range(r: Rect): [number, number, number, number] | undefined {
    const i0 = Math.floor(r.x / this.size); const i1 = Math.floor((r.x + r.width) / this.size);
    const j0 = Math.floor(r.y / this.size); const j1 = Math.floor((r.y + r.height) / this.size);
    const ok = [i0, i1, j0, j1].every((v) => Number.isSafeInteger(v)) && i1 - i0 <= MAX_SPAN && j1 - j0 <= MAX_SPAN;
    return ok ? [i0, i1, j0, j1] : undefined;
  }
  private keys([i0, i1, j0, j1]: [number, number, number, number]): string[] {
    const out: string[] = [];
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) out.push(`${i},${j}`);
    return out;
  }
  add(r: Rect): void {
    this.all.push(r);
    const range = this.range(r);
    if (!range) { this.oversized.push(r); return; }
    for (const k of this.keys(range)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(r); else this.cells.set(k, [r]);
    }
  }
  near(r: Rect): Set<Rect> {
    const range = this.range(r);
    if (!range) return new Set(this.all);
    const out = new Set<Rect>(this.oversized);
    for (const k of this.keys(range)) for (const x of this.cells.get(k) ?? []) out.add(x);
    return out;
  }
}

/** Places labels in the order given (put the important ones first). `boxes` are every node box a
 *  label must not cover (the ends included: a label over its own node hides the node's name). */
export function placeLabels(labels: readonly LabelRequest[], boxes: readonly Rect[], gap = 3): LabelPlace[] {
  const cards = new RectIndex();
  for (const b of boxes) cards.add(b);
  const placed = new RectIndex();
  const out: LabelPlace[] = [];
  for (const label of labels) {
    const pts = label.points;
    if (pts.length < 2 || !label.sizes.length) continue;
    const segments = pts.slice(1).map((b, k) => ({ a: pts[k], b, length: Math.abs(b.x - pts[k].x) + Math.abs(b.y - pts[k].y) }))
      .sort((p, q) => q.length - p.length);
    let best: { x: number; y: number; size: number; cost: number; anchor: Point } | undefined;
    let anchor: Point = pts[0];
    const tryAt = (x: number, y: number, size: number, preference: number) => {
      const s = label.sizes[size];
      const r = { x: x - s.width / 2 - gap, y: y - s.height / 2 - gap, width: s.width + 2 * gap, height: s.height + 2 * gap };
      let cost = 0;
      for (const box of cards.near(r)) cost += overlap(r, box) * 4;
      for (const other of placed.near(r)) cost += overlap(r, other);
      const score = cost === 0 ? 0 : cost + preference;
      if (!best || score < best.cost) best = { x, y, size, cost: score, anchor };
      return cost === 0;
    };
    search: for (const beside of [false, true]) {
      for (const { a, b } of segments) {
        const horizontal = Math.abs(a.y - b.y) < 0.01;
        for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
          for (let size = 0; size < label.sizes.length; size++) {
            const c = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
            anchor = c;
            if (!beside) {
              if (tryAt(c.x, c.y, size, size)) break search;
              continue;
            }
            const s = label.sizes[size];
            // Just beside the line, then farther out (clear of the cards the line runs between).
            const step = (horizontal ? s.height : s.width) / 2 + gap + 2;
            for (const reach of [1, 2, 3, 4, 6]) {
              for (const sign of [-1, 1]) {
                const off = sign * step * reach;
                if (tryAt(horizontal ? c.x : c.x + off, horizontal ? c.y + off : c.y, size, 2 + size + reach)) break search;
              }
            }
          }
        }
      }
    }
    if (!best) continue;
    const s = label.sizes[best.size];
    placed.add({ x: best.x - s.width / 2, y: best.y - s.height / 2, width: s.width, height: s.height });
    out.push({ id: label.id, x: best.x, y: best.y, size: best.size, free: best.cost === 0, anchor: best.anchor });
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

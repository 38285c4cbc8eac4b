/** Orthogonal edge routing that keeps connections off the boxes they do not join.
 *
 *  For each edge, A* runs over a sparse orthogonal grid: its lines are the boxes' sides, the sides
 *  pushed out by a margin, the ports, and a frame around the search window. A step along a grid line
 *  costs its length, more inside a box's margin or a soft area (a container's title bar), and a
 *  prohibitive amount through a box, so a route always exists but crosses a box only when no way
 *  round exists (boxes that overlap). A bend costs `bendPenalty`. Each edge may leave its source from
 *  any side and enter its target from any side (right → left preferred: the canvas reads left to
 *  right). Afterwards, edges sharing a side of a box get their own ports along it, and segments
 *  that share a channel are pushed apart so they never draw over each other.
 *
 *  Pure: absolute boxes in, polylines out. The canvas runs it in a worker. */

export interface Point { x: number; y: number }
export interface Rect { x: number; y: number; width: number; height: number }
/** A box edges must not cross (a resource card). */
export interface Box extends Rect { id: string }
export interface RouteEdge { id: string; source: string; target: string }
export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface RouteInput {
  boxes: readonly Box[];
  edges: readonly RouteEdge[];
  /** Boxes an edge may end on without being obstacles to others (a subnet an attachment line goes
   *  to): such an edge ends on the point of the box's border nearest its source. */
  targets?: readonly Box[];
  /** Areas to keep out of when there is another way (container title bars). */
  soft?: readonly Rect[];
  /** Clearance kept around boxes where there is room (default 14). */
  margin?: number;
  /** What a bend costs, in pixels of length (default 30). */
  bendPenalty?: number;
}

export interface Route {
  id: string;
  /** From a point on the source box's border to a point on the target box's border; every segment
   *  horizontal or vertical. */
  points: Point[];
  sourceSide: Side;
  targetSide: Side;
  /** The route could not avoid crossing some box (the boxes overlap or leave no gap). */
  crossesBox: boolean;
}

const SIDES: readonly Side[] = ['right', 'left', 'bottom', 'top'];
const OUT: Record<Side, Point> = { right: { x: 1, y: 0 }, left: { x: -1, y: 0 }, bottom: { x: 0, y: 1 }, top: { x: 0, y: -1 } };
/** Direction codes for the search: +x, -x, +y, -y. */
const DX = [1, -1, 0, 0];
const DY = [0, 0, 1, -1];
const dirOf = (side: Side): number => SIDES.indexOf(side); // same order as DX/DY
const SIDE_PENALTY = 60;
const MARGIN_COST = 3;
const SOFT_COST = 6;
const HARD_COST = 400;
const HARD_STEP = 20_000;
/** A search window whose grid would be larger is not searched (memory: 12 bytes × 4 per point). */
const MAX_GRID_POINTS = 1_000_000;

const OPPOSITE: Record<Side, Side> = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' };
/** The side of r nearest to p (p outside r), as a line from p would reach it. */
const nearestSide = (r: Rect, p: Point): Side => {
  const d: [Side, number][] = [['left', r.x - p.x], ['right', p.x - r.x - r.width], ['top', r.y - p.y], ['bottom', p.y - r.y - r.height]];
  d.sort((m, n) => n[1] - m[1]);
  return d[0][0];
};

const portOn = (b: Rect, side: Side): Point => side === 'right' ? { x: b.x + b.width, y: b.y + b.height / 2 }
  : side === 'left' ? { x: b.x, y: b.y + b.height / 2 }
  : side === 'bottom' ? { x: b.x + b.width / 2, y: b.y + b.height } : { x: b.x + b.width / 2, y: b.y };

const inside = (p: Point, r: Rect): boolean => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;
const intersects = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const grow = (r: Rect, m: number): Rect => ({ x: r.x - m, y: r.y - m, width: r.width + 2 * m, height: r.height + 2 * m });

/** Does the segment a–b (axis-parallel) pass through the interior of r? */
export function segmentCrosses(a: Point, b: Point, r: Rect): boolean {
  const x0 = Math.min(a.x, b.x); const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y); const y1 = Math.max(a.y, b.y);
  if (x0 === x1) return x0 > r.x && x0 < r.x + r.width && y0 < r.y + r.height && y1 > r.y;
  if (y0 === y1) return y0 > r.y && y0 < r.y + r.height && x0 < r.x + r.width && x1 > r.x;
  // Not axis-parallel (never produced here): test the bounding boxes.
  return intersects({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, r);
}

/** A binary min-heap of state ids keyed by f. */
class Heap {
  private ids: number[] = [];
  private keys: number[] = [];
  get size(): number { return this.ids.length; }
  push(id: number, key: number): void {
    const { ids, keys } = this;
    let i = ids.length;
    ids.push(id); keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      ids[i] = ids[p]; keys[i] = keys[p]; i = p;
    }
    ids[i] = id; keys[i] = key;
  }
  peekKey(): number { return this.keys[0]; }
  pop(): number {
    const { ids, keys } = this;
    const top = ids[0];
    const lastId = ids.pop() as number; const lastKey = keys.pop() as number;
    const n = ids.length;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1; const r = l + 1;
        let m = i; let mk = lastKey;
        if (l < n && keys[l] < mk) { m = l; mk = keys[l]; }
        if (r < n && keys[r] < mk) m = r;
        if (m === i) break;
        ids[i] = ids[m]; keys[i] = keys[m]; i = m;
      }
      ids[i] = lastId; keys[i] = lastKey;
    }
    return top;
  }
}

const sortedUnique = (values: number[]): number[] => {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of values) if (!out.length || v - out[out.length - 1] > 0.01) out.push(v);
  return out;
};
const indexIn = (lines: readonly number[], v: number): number => {
  let lo = 0; let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] < v - 0.01) lo = mid + 1; else hi = mid;
  }
  return lo;
};

interface Terminal { side: Side; port: Point; stub: Point; penalty: number }

/** One edge's route over the grid of the boxes that matter in `window`. */
function search(window: Rect, boxes: readonly Box[], soft: readonly Rect[], margin: number, bend: number, from: Terminal[], to: Terminal[]): { points: Point[]; from: Terminal; to: Terminal; cost: number } | undefined {
  const within = (p: Point) => p.x >= window.x && p.x <= window.x + window.width && p.y >= window.y && p.y <= window.y + window.height;
  from = from.filter((t) => within(t.stub));
  to = to.filter((t) => within(t.stub));
  if (!from.length || !to.length) return undefined;
  const near = boxes.filter((b) => intersects(grow(b, margin), window));
  const softNear = soft.filter((r) => intersects(r, window));
  const xsRaw = [window.x, window.x + window.width];
  const ysRaw = [window.y, window.y + window.height];
  for (const b of near) {
    xsRaw.push(b.x, b.x + b.width, b.x - margin, b.x + b.width + margin);
    ysRaw.push(b.y, b.y + b.height, b.y - margin, b.y + b.height + margin);
  }
  for (const r of softNear) { xsRaw.push(r.x, r.x + r.width); ysRaw.push(r.y, r.y + r.height); }
  for (const t of [...from, ...to]) { xsRaw.push(t.stub.x); ysRaw.push(t.stub.y); }
  const xs = sortedUnique(xsRaw.filter((x) => x >= window.x && x <= window.x + window.width));
  const ys = sortedUnique(ysRaw.filter((y) => y >= window.y && y <= window.y + window.height));
  const X = xs.length; const Y = ys.length;
  if (X * Y > MAX_GRID_POINTS) return undefined;
  // Cost multipliers of the elementary segments: h[j*(X-1)+i] from (i,j) to (i+1,j); v[i*(Y-1)+j] from (i,j) to (i,j+1).
  const h = new Float32Array(Y * (X - 1)).fill(1);
  const v = new Float32Array(X * (Y - 1)).fill(1);
  const mark = (r: Rect, cost: number) => {
    const i0 = indexIn(xs, r.x); const i1 = indexIn(xs, r.x + r.width);
    const j0 = indexIn(ys, r.y); const j1 = indexIn(ys, r.y + r.height);
    for (let j = j0; j <= j1; j++) {
      if (ys[j] <= r.y || ys[j] >= r.y + r.height) continue;
      for (let i = Math.max(i0, 0); i < i1 && i < X - 1; i++) {
        if (xs[i] >= r.x && xs[i + 1] <= r.x + r.width) h[j * (X - 1) + i] = Math.max(h[j * (X - 1) + i], cost);
      }
    }
    for (let i = i0; i <= i1; i++) {
      if (xs[i] <= r.x || xs[i] >= r.x + r.width) continue;
      for (let j = Math.max(j0, 0); j < j1 && j < Y - 1; j++) {
        if (ys[j] >= r.y && ys[j + 1] <= r.y + r.height) v[i * (Y - 1) + j] = Math.max(v[i * (Y - 1) + j], cost);
      }
    }
  };
  for (const r of softNear) mark(r, SOFT_COST);
  for (const b of near) mark(grow(b, margin), MARGIN_COST);
  for (const b of near) mark(b, HARD_COST);

  const N = X * Y * 4;
  const g = new Float64Array(N).fill(Infinity);
  const parent = new Int32Array(N).fill(-1);
  const heap = new Heap();
  const goals = to.map((t) => ({ t, i: indexIn(xs, t.stub.x), j: indexIn(ys, t.stub.y), inward: dirOf(t.side) ^ 1 }));
  const h0 = (i: number, j: number) => {
    let best = Infinity;
    for (const goal of goals) best = Math.min(best, Math.abs(xs[i] - xs[goal.i]) + Math.abs(ys[j] - ys[goal.j]));
    return best;
  };
  const starts = new Map<number, Terminal>();
  for (const f of from) {
    const i = indexIn(xs, f.stub.x); const j = indexIn(ys, f.stub.y);
    const s = (j * X + i) * 4 + dirOf(f.side);
    if (f.penalty < g[s]) { g[s] = f.penalty; starts.set(s, f); heap.push(s, f.penalty + h0(i, j)); }
  }
  let best = Infinity; let bestState = -1; let bestGoal: (typeof goals)[number] | undefined;
  while (heap.size && heap.peekKey() < best) {
    const s = heap.pop();
    const d = s & 3; const cell = s >> 2; const i = cell % X; const j = (cell - i) / X;
    const gs = g[s];
    for (const goal of goals) {
      if (goal.i !== i || goal.j !== j) continue;
      const total = gs + goal.t.penalty + (d === goal.inward ? 0 : d === (goal.inward ^ 1) ? 2 * bend : bend);
      if (total < best) { best = total; bestState = s; bestGoal = goal; }
    }
    for (let nd = 0; nd < 4; nd++) {
      if (nd === (d ^ 1)) continue; // no U-turn on the spot
      const ni = i + DX[nd]; const nj = j + DY[nd];
      if (ni < 0 || nj < 0 || ni >= X || nj >= Y) continue;
      const mult = nd < 2 ? h[j * (X - 1) + Math.min(i, ni)] : v[i * (Y - 1) + Math.min(j, nj)];
      const len = nd < 2 ? Math.abs(xs[ni] - xs[i]) : Math.abs(ys[nj] - ys[j]);
      const step = len * mult + (mult >= HARD_COST ? HARD_STEP : 0) + (nd === d ? 0 : bend);
      const ns = (nj * X + ni) * 4 + nd;
      const ng = gs + step;
      if (ng < g[ns]) { g[ns] = ng; parent[ns] = s; heap.push(ns, ng + h0(ni, nj)); }
    }
  }
  if (bestState < 0 || !bestGoal) return undefined;
  const cells: Point[] = [];
  let s = bestState;
  for (; parent[s] >= 0; s = parent[s]) { const c = s >> 2; cells.push({ x: xs[c % X], y: ys[Math.floor(c / X)] }); }
  const c0 = s >> 2;
  cells.push({ x: xs[c0 % X], y: ys[Math.floor(c0 / X)] });
  cells.reverse();
  const start = starts.get(s) as Terminal;
  return { points: simplify([start.port, ...cells, bestGoal.t.port]), from: start, to: bestGoal.t, cost: best };
}

/** Drops repeated points and the middle of three collinear ones. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) || (Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))) out.pop();
    out.push(p);
  }
  return out;
}

/** The point of each side of `b` nearest to `toward`, kept 12 px from the corners. */
const nearestOn = (b: Rect, side: Side, toward: Point): Point => {
  const clampTo = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(Math.max(v, lo), hi));
  const x = clampTo(toward.x, b.x + 12, b.x + b.width - 12);
  const y = clampTo(toward.y, b.y + 12, b.y + b.height - 12);
  return side === 'left' ? { x: b.x, y } : side === 'right' ? { x: b.x + b.width, y } : side === 'top' ? { x, y: b.y } : { x, y: b.y + b.height };
};

function terminals(b: Rect, sides: readonly Side[], margin: number, preferred: Side, toward?: Point): Terminal[] {
  return sides.map((side) => {
    const port = toward ? nearestOn(b, side, toward) : portOn(b, side);
    const o = OUT[side];
    return { side, port, stub: { x: port.x + o.x * margin, y: port.y + o.y * margin }, penalty: side === preferred ? 0 : SIDE_PENALTY };
  });
}

const clip = (r: Rect, frame: Rect): Rect => {
  const x0 = Math.max(r.x, frame.x); const y0 = Math.max(r.y, frame.y);
  return { x: x0, y: y0, width: Math.min(r.x + r.width, frame.x + frame.width) - x0, height: Math.min(r.y + r.height, frame.y + frame.height) - y0 };
};

const boundsOf = (rects: readonly Rect[]): Rect => {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  for (const r of rects) { x0 = Math.min(x0, r.x); y0 = Math.min(y0, r.y); x1 = Math.max(x1, r.x + r.width); y1 = Math.max(y1, r.y + r.height); }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
};

const crossesAny = (points: readonly Point[], boxes: readonly Rect[], skip: ReadonlySet<Rect>): boolean => {
  for (let k = 0; k + 1 < points.length; k++) for (const b of boxes) if (!skip.has(b) && segmentCrosses(points[k], points[k + 1], b)) return true;
  return false;
};

/** Strict-interior tests let a leg start on its own box's side, so nothing needs skipping after the search. */
const NO_SKIP: ReadonlySet<Rect> = new Set();

/** Routes every edge whose two ends are among the boxes; the others are left out. */
export function routeEdges(input: RouteInput): Route[] {
  const margin = input.margin ?? 14;
  const bend = input.bendPenalty ?? 30;
  const soft = input.soft ?? [];
  const byId = new Map(input.boxes.map((b) => [b.id, b]));
  const containers = new Map((input.targets ?? []).map((b) => [b.id, b]));
  const all = input.boxes;
  const drawn = [...all, ...containers.values()];
  const frame = grow(boundsOf(drawn.length ? drawn : [{ x: 0, y: 0, width: 0, height: 0 }]), margin * 3);
  const routes: Route[] = [];
  for (const e of input.edges) {
    const a = byId.get(e.source);
    const container = byId.has(e.target) ? undefined : containers.get(e.target);
    const b = byId.get(e.target) ?? container;
    if (!a || !b) continue;
    const self = a === b;
    const centre = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
    // To a container: the nearest side of it, leaving the card on the side facing it.
    const facing = container ? nearestSide(container, centre) : 'left';
    const from = terminals(a, self ? ['right'] : SIDES, margin, container ? OPPOSITE[facing] : 'right');
    const to = terminals(b, self ? ['top'] : SIDES, margin, facing, container ? centre : undefined);
    // Search near the two ends first; wider windows, up to the whole drawing, while that cannot
    // avoid every box.
    const skip = new Set<Rect>([a, b]);
    const pad = Math.max(160, margin * 6);
    let found: ReturnType<typeof search>;
    for (const window of [grow(boundsOf([a, b]), pad), grow(boundsOf([a, b]), pad * 4), frame]) {
      const next = search(clip(window, frame), all, soft, margin, bend, from, to);
      if (next && (!found || next.cost < found.cost)) found = next;
      if (found && !crossesAny(found.points, all, skip)) break;
    }
    if (!found) continue;
    routes.push({ id: e.id, points: found.points, sourceSide: found.from.side, targetSide: found.to.side, crossesBox: crossesAny(found.points, all, skip) });
  }
  spreadPorts(routes, input.edges, byId, all);
  // A port moved level with the next bend leaves a zero-length segment, which the channel
  // separation would otherwise take for a horizontal one and bend diagonally.
  for (const route of routes) route.points = simplify(route.points);
  separateChannels(routes, all, margin);
  return routes;
}

/** Edges leaving or entering one side of one box get ports of their own along it (ordered so they
 *  do not cross each other), instead of all meeting at the side's middle. */
function spreadPorts(routes: Route[], edges: readonly RouteEdge[], byId: ReadonlyMap<string, Box>, boxes: readonly Box[]): void {
  const edgeOf = new Map(edges.map((e) => [e.id, e]));
  const groups = new Map<string, { route: Route; end: 'source' | 'target' }[]>();
  for (const route of routes) {
    const e = edgeOf.get(route.id) as RouteEdge;
    if (route.points.length < 3) continue; // a straight run: moving one end would bend it
    for (const [end, id, side] of [['source', e.source, route.sourceSide], ['target', e.target, route.targetSide]] as const) {
      const key = `${id}\u0000${side}`;
      groups.set(key, [...(groups.get(key) ?? []), { route, end }]);
    }
  }
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const [id, side] = key.split('\u0000') as [string, Side];
    const box = byId.get(id);
    if (!box) continue; // a container an attachment line ends on: its port is already where the line meets it
    const vertical = side === 'left' || side === 'right';
    const along = (m: (typeof members)[number]) => {
      const pts = m.route.points;
      const next = m.end === 'source' ? pts[2] : pts[pts.length - 3];
      return vertical ? next.y : next.x;
    };
    members.sort((p, q) => along(p) - along(q));
    const length = vertical ? box.height : box.width;
    const gap = Math.min(16, length / (members.length + 1));
    const mid = vertical ? box.y + box.height / 2 : box.x + box.width / 2;
    members.forEach((m, k) => {
      const at = mid + (k - (members.length - 1) / 2) * gap;
      const pts = m.route.points;
      const [p0, p1] = m.end === 'source' ? [0, 1] : [pts.length - 1, pts.length - 2];
      const moved = pts.map((p, n) => (n === p0 || n === p1 ? (vertical ? { x: p.x, y: at } : { x: at, y: p.y }) : p));
      // Its own two boxes count too: a port moved along one side can pull the first leg through the
      // other end's box (fast-check found a source port slid level with the target box).
      if (m.route.crossesBox || !crossesAny(moved, boxes, NO_SKIP)) m.route.points = moved;
    });
  }
}

/** Interior segments lying on the same line and overlapping are pushed apart, a few pixels each,
 *  so that two edges sharing a channel stay two visible lines. A push that would cross a box is not
 *  made. */
function separateChannels(routes: Route[], boxes: readonly Box[], margin: number): void {
  type Seg = { route: Route; k: number; horizontal: boolean; at: number; lo: number; hi: number };
  const lines = new Map<string, Seg[]>();
  for (const route of routes) {
    const pts = route.points;
    for (let k = 1; k + 2 < pts.length; k++) {
      const a = pts[k]; const b = pts[k + 1];
      if (Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01) continue; // no direction to push across
      const horizontal = Math.abs(a.y - b.y) < 0.01;
      const at = horizontal ? a.y : a.x;
      const seg = { route, k, horizontal, at, lo: Math.min(horizontal ? a.x : a.y, horizontal ? b.x : b.y), hi: Math.max(horizontal ? a.x : a.y, horizontal ? b.x : b.y) };
      const key = `${horizontal ? 'h' : 'v'}${Math.round(at)}`;
      lines.set(key, [...(lines.get(key) ?? []), seg]);
    }
  }
  const limit = Math.max(2, margin - 3);
  for (const segs of lines.values()) {
    if (segs.length < 2) continue;
    segs.sort((p, q) => p.lo - q.lo);
    // Clusters of segments overlapping along the line.
    let cluster: Seg[] = [];
    let reach = -Infinity;
    const flush = () => {
      if (cluster.length > 1) {
        const step = Math.min(6, (2 * limit) / (cluster.length - 1));
        cluster.forEach((s, n) => {
          const offset = (n - (cluster.length - 1) / 2) * step;
          const pts = s.route.points.map((p) => ({ ...p }));
          for (const idx of [s.k, s.k + 1]) { if (s.horizontal) pts[idx].y += offset; else pts[idx].x += offset; }
          const touched = pts.slice(Math.max(0, s.k - 1), s.k + 3);
          if (!crossesAny(touched, boxes, NO_SKIP) && isOrthogonal(touched)) s.route.points = pts;
        });
      }
      cluster = [];
    };
    for (const s of segs) {
      if (s.lo >= reach) flush();
      cluster.push(s);
      reach = Math.max(reach, s.hi);
    }
    flush();
  }
}

const isOrthogonal = (pts: readonly Point[]): boolean =>
  pts.every((p, i) => i === 0 || Math.abs(p.x - pts[i - 1].x) < 0.01 || Math.abs(p.y - pts[i - 1].y) < 0.01);

/** Is p strictly inside any of the rects? (Used by label placement and the tests.) */
export const insideAny = (p: Point, rects: readonly Rect[]): boolean => rects.some((r) => inside(p, r));

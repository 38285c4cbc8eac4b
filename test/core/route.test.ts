import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels, wrapLabel } from '../../core/geometry/labels';
import { routeEdges, segmentCrosses, type Box, type Point, type Rect, type Route, type Side } from '../../core/geometry/route';

const box = (id: string, x: number, y: number, width = 180, height = 60): Box => ({ id, x, y, width, height });

/** Every segment horizontal or vertical. */
const orthogonal = (points: readonly Point[]) => points.slice(1).every((b, k) => Math.abs(b.x - points[k].x) < 1e-6 || Math.abs(b.y - points[k].y) < 1e-6);
/** Is p on side `side` of r (within a pixel)? */
function onSide(p: Point, r: Rect, side: Side): boolean {
  const within = (v: number, lo: number, hi: number) => v >= lo - 1e-6 && v <= hi + 1e-6;
  switch (side) {
    case 'left': return Math.abs(p.x - r.x) < 1e-6 && within(p.y, r.y, r.y + r.height);
    case 'right': return Math.abs(p.x - r.x - r.width) < 1e-6 && within(p.y, r.y, r.y + r.height);
    case 'top': return Math.abs(p.y - r.y) < 1e-6 && within(p.x, r.x, r.x + r.width);
    case 'bottom': return Math.abs(p.y - r.y - r.height) < 1e-6 && within(p.x, r.x, r.x + r.width);
  }
}
const crossings = (route: Route, boxes: readonly Box[], ends: readonly string[]) =>
  boxes.filter((b) => !ends.includes(b.id) && route.points.slice(1).some((p, k) => segmentCrosses(route.points[k], p, b))).map((b) => b.id);

describe('routeEdges', () => {
  it('goes around a box standing between the two ends instead of through it (the VPC template: function → partner API past the database)', () => {
    const boxes = [box('fn', 0, 100), box('db', 300, 100), box('api', 600, 100)];
    const [route] = routeEdges({ boxes, edges: [{ id: 'e', source: 'fn', target: 'api' }] });
    expect(route.crossesBox).toBe(false);
    expect(crossings(route, boxes, ['fn', 'api'])).toEqual([]);
    expect(orthogonal(route.points)).toBe(true);
    // It has to leave the straight line to pass the database.
    expect(route.points.some((p) => p.y < 100 || p.y > 160)).toBe(true);
  });

  it('a straight right → left run when nothing is in the way', () => {
    const boxes = [box('a', 0, 0), box('b', 400, 0)];
    const [route] = routeEdges({ boxes, edges: [{ id: 'e', source: 'a', target: 'b' }] });
    expect(route.points).toEqual([{ x: 180, y: 30 }, { x: 400, y: 30 }]);
    expect([route.sourceSide, route.targetSide]).toEqual(['right', 'left']);
  });

  it('enters a target that lies behind the source from another side, never through the source', () => {
    const boxes = [box('a', 400, 0), box('b', 0, 0)];
    const [route] = routeEdges({ boxes, edges: [{ id: 'e', source: 'a', target: 'b' }] });
    expect(crossings(route, boxes, [])).toEqual([]);
    expect(onSide(route.points[0], boxes[0], route.sourceSide)).toBe(true);
    expect(onSide(route.points[route.points.length - 1], boxes[1], route.targetSide)).toBe(true);
  });

  it('keeps out of a soft area (a container title bar) when a way round exists', () => {
    const boxes = [box('a', 0, 0), box('b', 500, 0)];
    const bar = { x: 250, y: -200, width: 100, height: 400 };
    const [route] = routeEdges({ boxes, edges: [{ id: 'e', source: 'a', target: 'b' }], soft: [bar] });
    const hard = routeEdges({ boxes: [...boxes, { id: 'bar', ...bar }], edges: [{ id: 'e', source: 'a', target: 'b' }] })[0];
    // The title bar is crossed only when it would cost more to go round it: here it spans the whole
    // gap, so the soft route crosses it while a hard box of the same size is gone round.
    expect(crossings(hard, [{ id: 'bar', ...bar }], [])).toEqual([]);
    expect(route.points.length).toBeLessThan(hard.points.length);
  });

  it('gives edges sharing a side of a box ports of their own and parallel runs their own lines', () => {
    const boxes = [box('src', 0, 200), box('t1', 500, 0), box('t2', 500, 200), box('t3', 500, 400)];
    const routes = routeEdges({ boxes, edges: ['t1', 't2', 't3'].map((t) => ({ id: t, source: 'src', target: t })) });
    const starts = routes.map((r) => `${r.points[0].x},${r.points[0].y}`);
    expect(new Set(starts).size).toBe(3);
    // No two routes draw over each other: no collinear overlapping interior segments.
    const segs = routes.flatMap((r) => r.points.slice(1).map((b, k) => ({ id: r.id, a: r.points[k], b })));
    for (const s of segs) for (const t of segs) {
      if (s.id >= t.id) continue;
      const sameV = s.a.x === s.b.x && t.a.x === t.b.x && s.a.x === t.a.x;
      const sameH = s.a.y === s.b.y && t.a.y === t.b.y && s.a.y === t.a.y;
      if (sameV) expect(Math.min(Math.max(s.a.y, s.b.y), Math.max(t.a.y, t.b.y)) - Math.max(Math.min(s.a.y, s.b.y), Math.min(t.a.y, t.b.y))).toBeLessThanOrEqual(0);
      if (sameH) expect(Math.min(Math.max(s.a.x, s.b.x), Math.max(t.a.x, t.b.x)) - Math.max(Math.min(s.a.x, s.b.x), Math.min(t.a.x, t.b.x))).toBeLessThanOrEqual(0);
    }
  });

  it('routes a self-loop out of the right side and into the top', () => {
    const boxes = [box('a', 0, 0)];
    const [route] = routeEdges({ boxes, edges: [{ id: 'e', source: 'a', target: 'a' }] });
    expect([route.sourceSide, route.targetSide]).toEqual(['right', 'top']);
    expect(crossings(route, boxes, [])).toEqual([]);
  });

  it('ends an attachment line on the nearest border of its subnet box, around the cards in between', () => {
    // A function drawn in the VPC above the database, its subnet below both.
    const boxes = [box('fn', 100, 0), box('db', 100, 120)];
    const subnet = { id: 'sn', x: 0, y: 260, width: 600, height: 200 };
    const [route] = routeEdges({ boxes, targets: [subnet], edges: [{ id: 'attach', source: 'fn', target: 'sn' }] });
    expect(route.targetSide).toBe('top');
    expect(onSide(route.points[route.points.length - 1], subnet, 'top')).toBe(true);
    expect(crossings(route, boxes, ['fn'])).toEqual([]);
  });

  it('leaves out an edge whose end has no box, and says when overlapping boxes cannot be avoided', () => {
    const boxes = [box('a', 0, 0), box('b', 400, 0)];
    const routes = routeEdges({ boxes, edges: [{ id: 'gone', source: 'a', target: 'x' }, { id: 'e', source: 'a', target: 'b' }] });
    expect(routes.map((r) => r.id)).toEqual(['e']);
    // b lies inside c, a outside it: there is no way round c.
    const enclosed = [box('a', 0, 0), box('b', 500, 100), box('c', 400, 0, 400, 300)];
    const inside = routeEdges({ boxes: enclosed, edges: [{ id: 'e', source: 'a', target: 'b' }] })[0];
    expect(inside.crossesBox).toBe(true);
    expect(inside.points.length).toBeGreaterThanOrEqual(2);
  });

  // Random drawings: boxes in a jittered grid with at least `gap` between neighbours, random edges.
  const drawing = fc.record({
    cols: fc.integer({ min: 2, max: 6 }),
    rows: fc.integer({ min: 1, max: 5 }),
    jitter: fc.array(fc.record({ dx: fc.integer({ min: -40, max: 40 }), dy: fc.integer({ min: -25, max: 25 }), w: fc.integer({ min: 60, max: 200 }), h: fc.integer({ min: 40, max: 90 }), skip: fc.boolean() }), { minLength: 30, maxLength: 30 }),
    pairs: fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { minLength: 1, maxLength: 12 }),
  }).map(({ cols, rows, jitter, pairs }) => {
    const boxes: Box[] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const j = jitter[r * cols + c];
      if (j.skip && boxes.length > 2) continue;
      // Cells of 320×200 with boxes at most 200×90 moved by ≤40/25: neighbours stay ≥ 40 px apart.
      boxes.push({ id: `b${r * cols + c}`, x: c * 320 + 40 + j.dx, y: r * 200 + 30 + j.dy, width: j.w, height: j.h });
    }
    const edges = pairs.map(([s, t], k) => ({ id: `e${k}`, source: boxes[s % boxes.length].id, target: boxes[t % boxes.length].id }));
    return { boxes, edges };
  });

  it('spreading two ports on one side never pulls a leg through the other end\'s box (fast-check counterexample, seed -964768596)', () => {
    const boxes = [box('b0', 40, 18, 60, 40), box('b1', 360, 30, 60, 84), box('b2', 40, 230, 60, 40), box('b3', 360, 230, 60, 40)];
    const edges = [{ id: 'e0', source: 'b2', target: 'b1' }, { id: 'e1', source: 'b1', target: 'b0' }, { id: 'e2', source: 'b1', target: 'b0' }];
    for (const route of routeEdges({ boxes, edges })) expect(crossings(route, boxes, []), route.id).toEqual([]);
  });

  it('a port spread level with the next bend leaves no diagonal step (fast-check counterexample, seed -253918231)', () => {
    const boxes = [box('b0', 40, 30, 60, 40), box('b1', 360, 30, 60, 40), box('b2', 680, 30, 60, 40), box('b3', 1000, 30, 60, 40), box('b4', 1320, 30, 60, 40), box('b6', 360, 221, 110, 50), box('b7', 680, 252, 60, 40)];
    const edges = [{ id: 'e0', source: 'b7', target: 'b6' }, { id: 'e1', source: 'b3', target: 'b6' }, { id: 'e2', source: 'b0', target: 'b0' }];
    for (const route of routeEdges({ boxes, edges })) {
      expect(orthogonal(route.points), JSON.stringify(route.points)).toBe(true);
      expect(crossings(route, boxes, []), route.id).toEqual([]);
    }
  });

  it('property: no segment of any route passes through a box other than its two ends, every segment is orthogonal', () => {
    fc.assert(fc.property(drawing, ({ boxes, edges }) => {
      const routes = routeEdges({ boxes, edges });
      expect(routes).toHaveLength(edges.length);
      for (const route of routes) {
        const e = edges.find((x) => x.id === route.id)!;
        expect(orthogonal(route.points)).toBe(true);
        expect(crossings(route, boxes, [e.source, e.target])).toEqual([]);
        expect(route.crossesBox).toBe(false);
        // Not through its own ends either, other than at the ports.
        const own = boxes.filter((b) => b.id === e.source || b.id === e.target);
        expect(crossings(route, own, [])).toEqual([]);
      }
    }), { numRuns: 60 });
  });

  it('property: routes start on a side of the source box and end on a side of the target box', () => {
    fc.assert(fc.property(drawing, ({ boxes, edges }) => {
      for (const route of routeEdges({ boxes, edges })) {
        const e = edges.find((x) => x.id === route.id)!;
        const s = boxes.find((b) => b.id === e.source)!;
        const t = boxes.find((b) => b.id === e.target)!;
        expect(onSide(route.points[0], s, route.sourceSide)).toBe(true);
        expect(onSide(route.points[route.points.length - 1], t, route.targetSide)).toBe(true);
      }
    }), { numRuns: 60 });
  });
});

describe('placeLabels', () => {
  it('puts a label on the longest segment, clear of boxes', () => {
    const points = [{ x: 0, y: 0 }, { x: 0, y: 40 }, { x: 400, y: 40 }, { x: 400, y: 60 }];
    const [place] = placeLabels([{ id: 'e', points, sizes: [{ width: 60, height: 14 }] }], []);
    expect(place).toMatchObject({ x: 200, y: 40, free: true });
  });

  it('moves a label off a node standing over the middle of the segment, and off an earlier label', () => {
    const points = [{ x: 0, y: 0 }, { x: 600, y: 0 }];
    const node = { x: 250, y: -30, width: 100, height: 60 };
    const [a, b] = placeLabels([{ id: 'a', points, sizes: [{ width: 80, height: 14 }] }, { id: 'b', points, sizes: [{ width: 80, height: 14 }] }], [node]);
    for (const p of [a, b]) {
      expect(p.free).toBe(true);
      expect(p.x + 40 <= node.x || p.x - 40 >= node.x + node.width).toBe(true);
    }
    expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(80);
  });

  it('takes the two-line shape when one line does not fit between two close cards, and steps beside the line when neither does', () => {
    // Cards 90 px apart, a straight run between them.
    const cards = [{ x: 0, y: 0, width: 180, height: 60 }, { x: 270, y: 0, width: 180, height: 60 }];
    const points = [{ x: 180, y: 30 }, { x: 270, y: 30 }];
    const [two] = placeLabels([{ id: 'e', points, sizes: [{ width: 110, height: 16 }, { width: 60, height: 32 }] }], cards);
    expect(two).toMatchObject({ x: 225, y: 30, size: 1, free: true });
    const [beside] = placeLabels([{ id: 'e', points: [{ x: 180, y: 30 }, { x: 240, y: 30 }, { x: 240, y: 200 }, { x: 270, y: 200 }], sizes: [{ width: 110, height: 16 }] }], cards);
    expect(beside.free).toBe(true);
    const r = { x: beside.x - 55, y: beside.y - 8, width: 110, height: 16 };
    for (const c of cards) expect(r.x >= c.x + c.width || r.x + r.width <= c.x || r.y >= c.y + c.height || r.y + r.height <= c.y).toBe(true);
  });

  it('wraps a long label into two lines at the space nearest its middle, never cutting it', () => {
    expect(wrapLabel('reads', 100, 7)).toEqual(['reads']);
    expect(wrapLabel('connects on 5432 · partly reachable', 150, 7)).toEqual(['connects on 5432 ·', 'partly reachable']);
    expect(wrapLabel('x'.repeat(40), 150, 7)).toEqual(['x'.repeat(40)]);
  });
});

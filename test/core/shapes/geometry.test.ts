import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../core/geometry/labels';
import { routeEdges } from '../../../core/geometry/route';
import { parseDesign } from '../../../core/model';
import { MAX_COORDINATE } from '../../../core/model/layoutBounds';

/* Issue 13: an absurd coordinate (a card at y = -8.7e89, 1e9 px wide) ran label placement and
 * routing out of memory. Geometry now takes any finite input without work or memory growing with
 * the coordinates, and a design file's places beyond ±1,000,000 px load as range problems, clamped. */

const coordinate = fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.constantFrom(1e9, -8.7e89, 1e19, 2 ** 53));
const size = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.double({ min: 1, max: 1e300, noNaN: true }), fc.constantFrom(1e9, 1e89));
const box = fc.record({ x: coordinate, y: coordinate, width: size, height: size });

describe('geometry on any finite coordinates', () => {
  it('routes and places labels for boxes anywhere and of any size, within a bound', { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.array(box, { minLength: 2, maxLength: 6 }), (rects) => {
      const boxes = rects.map((r, i) => ({ id: `b${i}`, ...r }));
      const edges = boxes.slice(1).map((b, i) => ({ id: `e${i}`, source: boxes[i].id, target: b.id }));
      const routes = routeEdges({ boxes, edges });
      expect(routes.length).toBeLessThanOrEqual(edges.length);
      const labels = placeLabels(routes.map((r) => ({ id: r.id, points: r.points, sizes: [{ width: 60, height: 14 }, { width: 34, height: 28 }] })), boxes);
      expect(labels.length).toBeLessThanOrEqual(routes.length);
      for (const l of labels) expect(typeof l.x).toBe('number');
    }), { seed: 13, numRuns: 150 });
  });

  it('places a label beside a card 1e9 px wide and one at y = -8.7e89 (they ran out of memory)', { timeout: 10_000 }, () => {
    const boxes = [{ id: 'a', x: 0, y: 0, width: 100, height: 60 }, { id: 'b', x: 400, y: 0, width: 100, height: 60 }, { id: 'wide', x: -5e8, y: 200, width: 1e9, height: 60 }, { id: 'far', x: 0, y: -8.7e89, width: 100, height: 60 }];
    const labels = placeLabels([{ id: 'l', points: [{ x: 100, y: 30 }, { x: 400, y: 30 }], sizes: [{ width: 60, height: 14 }] }], boxes);
    expect(labels).toHaveLength(1);
    expect(labels[0].free).toBe(true);
    expect(labels[0].y).toBeLessThan(200);
  });
});

describe('places beyond ±1,000,000 px in a design file', () => {
  const doc = (positions: Record<string, unknown>) => JSON.stringify({
    format: 'serverless-design', schemaVersion: 2, name: 'far', region: 'us-east-1',
    nodes: [{ id: 'fn', kind: 'lambda', name: 'resize' }, { id: 'q', kind: 'sqsQueue', name: 'jobs' }],
    edges: [], layout: { positions },
  });

  it('are range problems naming the card and the JSON path, and are clamped to the bound', () => {
    const parsed = parseDesign(doc({ fn: { x: 12, y: -8.7e89 }, q: { x: 1e7, y: 40, width: 1e9, height: 80 } }));
    if (!parsed.ok) throw new Error('did not load');
    expect(parsed.problems.map((p) => [p.code, p.path, p.target?.name])).toEqual([
      ['range', '$.layout.positions.fn.y', 'resize'],
      ['range', '$.layout.positions.q.x', 'jobs'],
      ['range', '$.layout.positions.q.width', 'jobs'],
    ]);
    expect(parsed.problems[0].message).toBe('y is -8.7e+89 px; a place on the canvas is within ±1,000,000 px, so it was moved to -1,000,000');
    expect(parsed.design.layout.positions.fn).toEqual({ x: 12, y: -MAX_COORDINATE });
    expect(parsed.design.layout.positions.q).toEqual({ x: MAX_COORDINATE, y: 40, width: MAX_COORDINATE, height: 80 });
  });

  it('leave a design within the bound untouched', () => {
    const parsed = parseDesign(doc({ fn: { x: -1_000_000, y: 1_000_000, width: 200, height: 80 } }));
    if (!parsed.ok) throw new Error('did not load');
    expect(parsed.problems).toEqual([]);
    expect(parsed.design.layout.positions.fn).toEqual({ x: -1_000_000, y: 1_000_000, width: 200, height: 80 });
  });
});

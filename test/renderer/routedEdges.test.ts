import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { createDesign } from '../../core/model';
import { toFlow } from '../../renderer/canvas/toFlow';
import { labelFontSize, LABEL_BASE, LABEL_MAX, LABEL_READABLE, LABEL_UNREADABLE, roundedPath } from '../../renderer/canvas/RoutedEdge';
import { RouteClient } from '../../renderer/canvas/routeClient';

const box = (id: string, x: number) => ({ id, x, y: 0, width: 180, height: 54 });

describe('RouteClient', () => {
  it('answers only the newest request: an older one still waiting resolves to null', async () => {
    const client = new RouteClient(null); // no worker: routes in place, same stale rule
    const input = { boxes: [box('a', 0), box('b', 400)], targets: [], soft: [], edges: [{ id: 'e', source: 'a', target: 'b' }] };
    const first = client.route(input);
    const second = client.route({ ...input, boxes: [box('a', 0), box('b', 600)] });
    expect(await first).toBeNull();
    const routes = await second;
    expect(routes?.map((r) => r.points[r.points.length - 1])).toEqual([{ x: 600, y: 27 }]);
  });

  it('falls back to routing in place when the worker cannot start', async () => {
    const client = new RouteClient(() => { throw new Error('no workers here'); });
    const routes = await client.route({ boxes: [box('a', 0), box('b', 400)], targets: [], soft: [], edges: [{ id: 'e', source: 'a', target: 'b' }] });
    expect(routes).toHaveLength(1);
  });
});

describe('edge labels', () => {
  it('keep a readable size on screen while zooming out, up to a limit, then become unreadable (hidden)', () => {
    expect(labelFontSize(1)).toBe(LABEL_BASE);
    for (const zoom of [0.9, 0.7, 0.5, 0.44]) expect(labelFontSize(zoom) * zoom).toBeGreaterThanOrEqual(LABEL_READABLE);
    expect(labelFontSize(0.2)).toBe(LABEL_MAX);
    expect(labelFontSize(0.2) * 0.2).toBeLessThan(LABEL_UNREADABLE);
  });

  it('draw a route with rounded corners that still passes through its ends', () => {
    const d = roundedPath([{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 50 }]);
    expect(d.startsWith('M 0 0')).toBe(true);
    expect(d.endsWith('L 100 50')).toBe(true);
    expect(d).toContain('Q 100 0');
  });
});

describe('toFlow for routing', () => {
  it('draws design connections as routed edges, and gives their labels the finding and Paths classes', () => {
    const h = new History(createDesign('Routes'));
    h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', name: 'Jobs', position: { x: 0, y: 0 } });
    h.apply({ type: 'addNode', kind: 'lambda', id: 'fn', name: 'Worker', position: { x: 300, y: 0 } });
    h.apply({ type: 'connect', from: 'q', to: 'fn', kind: 'trigger', id: 'e1' });
    const plain = toFlow(h.design).edges;
    expect(plain.map((e) => [e.id, e.type, e.data?.labelClass])).toEqual([['e1', 'routed', undefined]]);
    const marked = toFlow(h.design, {
      marks: new Map([['e1', { severity: 'warning', count: 1, title: 'x' }]]),
      paths: { reach: new Map(), lost: new Map([['e1', 'dropped']]) },
    }).edges;
    expect(marked[0].data?.labelClass).toBe('sd-edge-mark-warning sd-retry-lost');
  });
});

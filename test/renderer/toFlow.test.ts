import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { createDesign } from '../../core/model';
import { flowBounds, RESOURCE_SIZE, toFlow } from '../../renderer/canvas/toFlow';

function vpcDesign() {
  const h = new History(createDesign('Net'));
  h.apply({ type: 'addNode', kind: 'natGateway', id: 'nat', position: { x: 20, y: 50 } });
  h.apply({ type: 'addNode', kind: 'vpc', id: 'vpc', name: 'App VPC', position: { x: 100, y: 100 } });
  h.apply({ type: 'addNode', kind: 'subnet', id: 'sn', name: 'Public A', parent: 'vpc', position: { x: 30, y: 50 } });
  h.apply({ type: 'setParent', nodeId: 'nat', parent: 'sn' });
  h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', name: 'Jobs', position: { x: 0, y: 0 } });
  h.apply({ type: 'addNode', kind: 'lambda', id: 'fn', name: 'Worker', position: { x: 300, y: 0 } });
  h.apply({ type: 'addNode', kind: 'snsTopic', id: 't', name: 'Events', position: { x: 600, y: 0 } });
  h.apply({ type: 'connect', from: 'q', to: 'fn', kind: 'trigger', id: 'e1' });
  h.apply({ type: 'connect', from: 'fn', to: 't', kind: 'access', id: 'e2', props: { mode: 'publish' } });
  return h.design;
}

describe('toFlow', () => {
  it('flowBounds: the box an opened design is fitted to before it is drawn, nested places added up', () => {
    const { nodes } = toFlow(vpcDesign());
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const vpc = byId.get('vpc')!;
    const b = flowBounds(nodes)!;
    // The queue at (0, 0) is the top-left; the topic at x 600 (a card, not measured: RESOURCE_SIZE)
    // or the VPC (at 100 + its width) is the right; the NAT gateway sits at vpc + subnet + its own place.
    expect(b.x).toBe(0);
    expect(b.y).toBe(0);
    expect(b.width).toBe(Math.max(600 + RESOURCE_SIZE.width, 100 + (vpc.width ?? 0)));
    expect(b.height).toBe(Math.max(RESOURCE_SIZE.height, 100 + (vpc.height ?? 0)));
    const nat = flowBounds(nodes.filter((n) => ['vpc', 'sn', 'nat'].includes(n.id)).map((n) => (n.id === 'nat' ? { ...n, measured: { width: 300, height: 90 } } : n)))!;
    const sn = byId.get('sn')!;
    const natNode = byId.get('nat')!;
    // A measured size counts over the estimate.
    expect(nat.x + nat.width).toBeGreaterThanOrEqual(100 + sn.position.x + natNode.position.x + 300);
    expect(flowBounds([])).toBeUndefined();
  });

  it('draws VPCs and subnets as containers, parents before children', () => {
    const { nodes } = toFlow(vpcDesign());
    const ids = nodes.map((n) => n.id);
    expect(ids.indexOf('vpc')).toBeLessThan(ids.indexOf('sn'));
    expect(ids.indexOf('sn')).toBeLessThan(ids.indexOf('nat'));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('vpc')?.type).toBe('container');
    expect(byId.get('sn')).toMatchObject({ type: 'container', parentId: 'vpc', position: { x: 30, y: 50 } });
    expect(byId.get('nat')).toMatchObject({ type: 'resource', parentId: 'sn' });
    expect(byId.get('fn')?.parentId).toBeUndefined();
  });

  it('sizes containers to hold what they contain', () => {
    const { nodes } = toFlow(vpcDesign());
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const nat = byId.get('nat');
    const sn = byId.get('sn');
    const vpc = byId.get('vpc');
    expect(sn?.width).toBeGreaterThanOrEqual((nat?.position.x ?? 0) + RESOURCE_SIZE.width);
    expect(sn?.height).toBeGreaterThanOrEqual((nat?.position.y ?? 0) + RESOURCE_SIZE.height);
    expect(vpc?.width).toBeGreaterThanOrEqual((sn?.position.x ?? 0) + (sn?.width ?? 0));
  });

  it('labels edges with their kind and, for triggers, the invocation model', () => {
    const { edges } = toFlow(vpcDesign());
    expect(edges.map((e) => [e.source, e.target, e.label])).toEqual([['q', 'fn', 'trigger · poll'], ['fn', 't', 'access · publish']]);
    expect(edges[0].ariaLabel).toBe('SQS queue Jobs trigger Lambda function Worker');
  });

  it('keeps node data identical for unchanged nodes, so memoised nodes skip re-rendering', () => {
    const h = new History(vpcDesign());
    const before = toFlow(h.design);
    h.apply({ type: 'rename', nodeId: 'fn', name: 'Renamed' });
    const after = toFlow(h.design);
    const data = (flow: typeof before, id: string) => flow.nodes.find((n) => n.id === id)?.data;
    expect(data(after, 'q')).toBe(data(before, 'q'));
    expect(data(after, 'fn')).not.toBe(data(before, 'fn'));
    expect(data(after, 'fn')?.node.name).toBe('Renamed');
  });

  it('hands back the same node and edge objects for what an edit left alone, new ones for what it changed', () => {
    // React Flow keeps its internal node for a user node object it has seen: an edit re-renders the
    // cards and connections it touched, not all of them (issue 15).
    const h = new History(vpcDesign());
    const before = toFlow(h.design);
    h.apply({ type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 1024 });
    const after = toFlow(h.design);
    const node = (flow: typeof before, id: string) => flow.nodes.find((n) => n.id === id);
    const edge = (flow: typeof before, id: string) => flow.edges.find((e) => e.id === id);
    for (const id of ['q', 't', 'vpc', 'sn', 'nat']) expect(node(after, id), id).toBe(node(before, id));
    expect(node(after, 'fn')).not.toBe(node(before, 'fn'));
    expect(node(after, 'fn')?.data.detail).toMatch(/1024 MB/);
    // The edges' design objects are unchanged, and so are their labels: the same objects.
    expect(edge(after, 'e1')).toBe(edge(before, 'e1'));
    expect(edge(after, 'e2')).toBe(edge(before, 'e2'));
    // A mark on an edge, a move and a rename are changes: new objects for those only.
    const marked = toFlow(h.design, { marks: new Map([['e1', { severity: 'error', count: 1, title: '1 finding' }]]) });
    expect(edge(marked, 'e1')).not.toBe(edge(after, 'e1'));
    expect(edge(marked, 'e1')?.className).toContain('sd-edge-mark-error');
    expect(edge(marked, 'e2')).toBe(edge(after, 'e2'));
    h.apply({ type: 'move', positions: { q: { x: 40, y: 40 } } });
    const moved = toFlow(h.design, { marks: new Map([['e1', { severity: 'error', count: 1, title: '1 finding' }]]) });
    expect(node(moved, 'q')).not.toBe(node(after, 'q'));
    expect(node(moved, 'q')?.position).toEqual({ x: 40, y: 40 });
    expect(node(moved, 't')).toBe(node(after, 't'));
    h.apply({ type: 'rename', nodeId: 't', name: 'Renamed' });
    const renamed = toFlow(h.design, { marks: new Map([['e1', { severity: 'error', count: 1, title: '1 finding' }]]) });
    expect(edge(renamed, 'e2')).not.toBe(edge(moved, 'e2'));
    expect(edge(renamed, 'e2')?.ariaLabel).toContain('Renamed');
  });

  it('places nodes without a stored position and carries issue marks', () => {
    const d = vpcDesign();
    const noLayout = { ...d, layout: { positions: {} } };
    const mark = { severity: 'error' as const, count: 2, title: '2 findings' };
    const { nodes } = toFlow(noLayout, { marks: new Map([['fn', mark]]) });
    const positions = new Set(nodes.filter((n) => !n.parentId).map((n) => `${n.position.x},${n.position.y}`));
    expect(positions.size).toBe(nodes.filter((n) => !n.parentId).length);
    expect(nodes.find((n) => n.id === 'fn')?.data.mark).toEqual(mark);
    expect(nodes.find((n) => n.id === 'q')?.data.mark).toBeUndefined();
  });

  it('keeps node data when an equal mark comes from a new analysis', () => {
    const d = vpcDesign();
    const before = toFlow(d, { marks: new Map([['fn', { severity: 'warning', count: 1, title: '1 finding' }]]) });
    const after = toFlow(d, { marks: new Map([['fn', { severity: 'warning', count: 1, title: '1 finding' }]]) });
    expect(after.nodes.find((n) => n.id === 'fn')?.data).toBe(before.nodes.find((n) => n.id === 'fn')?.data);
  });

  it('marks edges with findings, and with the Paths overlay says reachability and lost events in words', () => {
    const d = vpcDesign();
    const { edges } = toFlow(d, {
      marks: new Map([['e1', { severity: 'error', count: 1, title: '1 finding' }]]),
      paths: { reach: new Map([['e2', 'partial']]), lost: new Map([['e1', 'no redrive policy']]) },
    });
    const [trigger, access] = edges;
    expect(trigger.className).toContain('sd-edge-mark-error');
    expect(trigger.className).toContain('sd-retry-lost');
    expect(trigger.label).toBe('trigger · poll · events lost');
    expect(trigger.ariaLabel).toContain('has errors');
    expect(access.className).toContain('sd-reach-partial');
    expect(access.label).toBe('access · publish · partly reachable');
    expect(toFlow(d).edges.map((e) => e.label)).toEqual(['trigger · poll', 'access · publish']);
  });
});

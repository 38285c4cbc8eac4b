import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolutePosition, History, perform, type Command } from '../../core/commands';
import { createDesign, type Design } from '../../core/model';
import { MIGRATIONS } from '../../core/model/migrations';
import { parseDesign, restoreDesign } from '../../core/model/parse';
import { placementOf, rebasePositions } from '../../core/model/placement';

const ok = (design: Design, command: Command): Design => {
  const r = perform(design, command);
  if (r.refused) throw new Error(r.refused);
  return r.design;
};

/** A VPC with two private subnets (AZ a above AZ b), a function on the canvas and a database in the VPC. */
function network(): Design {
  let d = createDesign('net');
  d = ok(d, { type: 'addNode', kind: 'vpc', id: 'vpc', position: { x: 400, y: 0 } });
  d = ok(d, { type: 'resize', nodeId: 'vpc', width: 700, height: 600 });
  d = ok(d, { type: 'addNode', kind: 'subnet', id: 'a', parent: 'vpc', position: { x: 40, y: 60 }, props: { az: 'a', cidr: '10.0.1.0/24' } });
  d = ok(d, { type: 'resize', nodeId: 'a', width: 300, height: 160 });
  d = ok(d, { type: 'addNode', kind: 'subnet', id: 'b', parent: 'vpc', position: { x: 40, y: 380 }, props: { az: 'b', cidr: '10.0.2.0/24' } });
  d = ok(d, { type: 'resize', nodeId: 'b', width: 300, height: 160 });
  d = ok(d, { type: 'addNode', kind: 'lambda', id: 'fn', name: 'Quotes', position: { x: 0, y: 100 } });
  d = ok(d, { type: 'addNode', kind: 'rds', id: 'db', parent: 'vpc', position: { x: 400, y: 260 } });
  return d;
}

const lambdaVpc = (d: Design) => {
  const fn = d.nodes.find((n) => n.id === 'fn');
  return fn?.kind === 'lambda' ? fn.props.vpc : undefined;
};

describe('placementOf: where the model says each resource is drawn', () => {
  it('draws a resource in its one subnet, in the VPC when it spans several (with a line to each), else in its parent', () => {
    let d = network();
    expect(placementOf(d).get('fn')).toEqual({ attachments: [] });
    expect(placementOf(d).get('db')).toEqual({ drawParent: 'vpc', attachments: [] });
    d = ok(d, { type: 'attachToSubnets', nodeId: 'fn', subnets: ['a'] });
    expect(placementOf(d).get('fn')).toEqual({ drawParent: 'a', attachments: [] });
    d = ok(d, { type: 'attachToSubnets', nodeId: 'fn', subnets: ['b'], mode: 'add' });
    expect(placementOf(d).get('fn')).toEqual({ drawParent: 'vpc', attachments: ['a', 'b'] });
  });

  it('never draws a cycle, whatever the file says', () => {
    const looped = placementOf({ nodes: [
      { id: 'v', kind: 'vpc', parent: 's' }, { id: 's', kind: 'subnet', parent: 'v' },
      { id: 'f', kind: 'lambda', props: { vpc: { subnets: ['s', 'nope', 7], securityGroups: [] } } },
    ] });
    const chainLength = (id: string) => {
      let n = 0;
      for (let p = looped.get(id)?.drawParent; p !== undefined; p = looped.get(p)?.drawParent) if (++n > 5) break;
      return n;
    };
    expect(['v', 's', 'f'].map(chainLength).every((n) => n <= 2)).toBe(true);
    expect(looped.get('f')?.drawParent).toBe('s');
  });
});

describe('attachToSubnets / detachFromNetwork', () => {
  it('puts a function in a subnet with a security group made for it, and keeps it where it was on the canvas', () => {
    let d = network();
    d = ok(d, { type: 'move', positions: { fn: { x: 480, y: 120 } } }); // over subnet a (absolute 440..740, 60..220)
    const r = perform(d, { type: 'attachToSubnets', nodeId: 'fn', subnets: ['a'] });
    expect(r.refused).toBeUndefined();
    const sg = r.design.nodes.find((n) => n.kind === 'securityGroup');
    expect(sg).toMatchObject({ name: 'Quotes SG', parent: 'vpc' });
    expect(r.created).toEqual([sg?.id]);
    expect(lambdaVpc(r.design)).toEqual({ subnets: ['a'], securityGroups: [sg?.id] });
    expect(absolutePosition(r.design, 'fn')).toEqual({ x: 480, y: 120 });
    expect(r.design.layout.positions.fn).toEqual({ x: 40, y: 60 });
    // The design still loads cleanly: no dangling reference, no schema error.
    expect(restoreDesign(r.design).problems.filter((p) => p.code !== 'range')).toEqual([]);
  });

  it('moves a resource that was far away inside its new container', () => {
    const d = ok(network(), { type: 'attachToSubnets', nodeId: 'fn', subnets: ['b'] });
    const p = d.layout.positions.fn;
    expect(p.x).toBeGreaterThanOrEqual(24);
    expect(p.y).toBeGreaterThanOrEqual(44);
    expect(p.x + 180).toBeLessThanOrEqual(300);
    expect(p.y + 54).toBeLessThanOrEqual(160);
  });

  it('reuses the function\'s own security group and refuses subnets of two VPCs or a non-subnet', () => {
    let d = network();
    d = ok(d, { type: 'addNode', kind: 'securityGroup', id: 'sg', name: 'Quotes SG', parent: 'vpc', position: { x: 400, y: 500 } });
    d = ok(d, { type: 'attachToSubnets', nodeId: 'fn', subnets: ['a', 'b'] });
    expect(lambdaVpc(d)).toEqual({ subnets: ['a', 'b'], securityGroups: ['sg'] });
    let other = ok(d, { type: 'addNode', kind: 'vpc', id: 'vpc2', position: { x: 0, y: 900 } });
    other = ok(other, { type: 'addNode', kind: 'subnet', id: 'c', parent: 'vpc2', position: { x: 40, y: 60 } });
    expect(perform(other, { type: 'attachToSubnets', nodeId: 'fn', subnets: ['a', 'c'] }).refused).toMatch(/one VPC/);
    expect(perform(other, { type: 'attachToSubnets', nodeId: 'fn', subnets: ['vpc'] }).refused).toMatch(/not a subnet/);
    expect(perform(other, { type: 'attachToSubnets', nodeId: 'fn', subnets: [] }).refused).toMatch(/at least one subnet/);
    expect(perform(other, { type: 'attachToSubnets', nodeId: 'a', subnets: ['b'] }).refused).toMatch(/not placed in subnets/);
  });

  it('places a database in one subnet and back across two; detaching takes it out of the VPC', () => {
    let d = ok(network(), { type: 'attachToSubnets', nodeId: 'db', subnets: ['b'] });
    expect(placementOf(d).get('db')?.drawParent).toBe('b');
    d = ok(d, { type: 'attachToSubnets', nodeId: 'db', subnets: ['a'], mode: 'add' });
    expect(placementOf(d).get('db')).toEqual({ drawParent: 'vpc', attachments: ['b', 'a'] });
    const before = absolutePosition(d, 'db');
    d = ok(d, { type: 'detachFromNetwork', nodeId: 'db' });
    const db = d.nodes.find((n) => n.id === 'db');
    expect(db?.parent).toBeUndefined();
    expect(db?.kind === 'rds' && db.props.subnets).toEqual([]);
    expect(absolutePosition(d, 'db')).toEqual(before);
  });

  it('is one undo step, and undo puts the card back where it was', () => {
    const h = new History(network());
    const start = h.design;
    h.apply({ type: 'attachToSubnets', nodeId: 'fn', subnets: ['a'] });
    expect(h.undoLabel).toBe('Place in subnet');
    h.undo();
    expect(h.design).toEqual(start);
  });

  it('an inspector edit of the subnets moves the card too (the rebase follows any command)', () => {
    let d = ok(network(), { type: 'attachToSubnets', nodeId: 'fn', subnets: ['a', 'b'] });
    const sg = lambdaVpc(d)?.securityGroups ?? [];
    d = ok(d, { type: 'setProp', nodeId: 'fn', path: ['vpc'], value: { subnets: ['b'], securityGroups: sg } });
    expect(placementOf(d).get('fn')?.drawParent).toBe('b');
    // Deleting its subnet detaches the function (dropReferences) and it lands on the canvas where it was.
    const abs = absolutePosition(d, 'fn');
    d = ok(d, { type: 'removeNodes', ids: ['b'] });
    expect(lambdaVpc(d)).toBeNull();
    expect(absolutePosition(d, 'fn')).toEqual(abs);
  });

  it('a setting edit skips the rebase only where it cannot move a card: every setProp lands where a forced rebase puts it', () => {
    // perform() rebases only setProp paths that are, or hold, the node's subnet list (a 1,000-node
    // edit of a memory saved ~60 ms). Any skip it makes must change nothing a rebase would change.
    let start = ok(network(), { type: 'attachToSubnets', nodeId: 'fn', subnets: ['a'] });
    start = ok(start, { type: 'attachToSubnets', nodeId: 'db', subnets: ['b'] });
    const sg = lambdaVpc(start)?.securityGroups ?? [];
    const edit = fc.oneof(
      fc.record({ type: fc.constant('setProp' as const), nodeId: fc.constant('fn'), path: fc.constant(['vpc', 'subnets']), value: fc.subarray(['a', 'b']) }),
      fc.record({ type: fc.constant('setProp' as const), nodeId: fc.constant('fn'), path: fc.constant(['vpc']), value: fc.subarray(['a', 'b'], { minLength: 1 }).map((subnets) => ({ subnets, securityGroups: sg })) }),
      fc.record({ type: fc.constant('setProp' as const), nodeId: fc.constant('fn'), path: fc.constantFrom(['memoryMb'], ['timeoutSeconds']), value: fc.integer({ min: 128, max: 900 }) }),
      fc.record({ type: fc.constant('setProp' as const), nodeId: fc.constant('db'), path: fc.constantFrom(['subnets'], ['securityGroups']), value: fc.subarray(['a', 'b', 'sg']) }),
      fc.record({ type: fc.constant('setProp' as const), nodeId: fc.constantFrom('a', 'b'), path: fc.constant(['az']), value: fc.constantFrom('a', 'b', 'c') }),
    );
    let containerChanges = 0;
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      let d = start;
      for (const e of edits) {
        const r = perform(d, e as Command);
        if (r.refused) continue;
        // The rebase perform() would have made had it not skipped it: a no-op after a rebase too.
        const forced = { nodes: r.design.nodes, layout: { positions: structuredClone(r.design.layout.positions) } };
        rebasePositions(d, forced);
        expect(r.design.layout.positions).toEqual(forced.layout.positions);
        if (placementOf(r.design).get(e.nodeId)?.drawParent !== placementOf(d).get(e.nodeId)?.drawParent) containerChanges++;
        d = r.design;
      }
    }), { numRuns: 200 });
    // The edits did move cards between containers (the property is not vacuous).
    expect(containerChanges).toBeGreaterThan(20);
    // A memory edit leaves the layout object as it was (no rebase pass wrote to it).
    const r = perform(start, { type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 1024 });
    expect(r.design.layout).toBe(start.layout);
  });

  it('property: any sequence of placement edits keeps every placed card inside its container, and a valid design', () => {
    const step = fc.oneof(
      fc.record({ type: fc.constant('attachToSubnets' as const), nodeId: fc.constantFrom('fn', 'db'), subnets: fc.subarray(['a', 'b'], { minLength: 1 }), mode: fc.constantFrom('replace' as const, 'add' as const) }),
      fc.record({ type: fc.constant('detachFromNetwork' as const), nodeId: fc.constantFrom('fn', 'db') }),
      fc.record({ type: fc.constant('move' as const), positions: fc.record({ fn: fc.record({ x: fc.integer({ min: -500, max: 1500 }), y: fc.integer({ min: -500, max: 1500 }) }) }) }),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
      let d = network();
      for (const s of steps) {
        const before = placementOf(d);
        const r = perform(d, s as Command);
        if (r.refused) continue;
        const after = placementOf(r.design);
        d = r.design;
        // A card that changed container is inside it (moves may take it anywhere; the canvas asks then).
        for (const id of ['fn', 'db']) {
          const parent = after.get(id)?.drawParent;
          if (parent === undefined || before.get(id)?.drawParent === parent) continue;
          const p = d.layout.positions[id];
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeGreaterThanOrEqual(0);
        }
      }
      expect(restoreDesign(d).problems.filter((p) => p.code === 'structure' || p.code === 'connection')).toEqual([]);
    }));
  });
});

describe('migration to schema version 2', () => {
  it('keeps a version-1 VPC function where it was drawn and puts it inside the VPC it is now drawn in', () => {
    const v1 = {
      format: 'serverless-design', schemaVersion: 1, name: 'v1',
      nodes: [
        { id: 'vpc', kind: 'vpc', name: 'VPC' },
        { id: 'a', kind: 'subnet', name: 'A', parent: 'vpc', props: { az: 'a', cidr: '10.0.1.0/24' } },
        { id: 'b', kind: 'subnet', name: 'B', parent: 'vpc', props: { az: 'b', cidr: '10.0.2.0/24' } },
        { id: 'sg', kind: 'securityGroup', name: 'SG', parent: 'vpc' },
        { id: 'inside', kind: 'lambda', name: 'Inside', props: { vpc: { subnets: ['a'], securityGroups: ['sg'] } } },
        { id: 'outside', kind: 'lambda', name: 'Outside', props: { vpc: { subnets: ['a', 'b'], securityGroups: ['sg'] } } },
      ],
      layout: { positions: { vpc: { x: 500, y: 0, width: 800, height: 600 }, a: { x: 40, y: 60, width: 400, height: 200 }, b: { x: 40, y: 300 }, inside: { x: 600, y: 100 }, outside: { x: 0, y: 0 } } },
      alternatives: [{ name: 'B', nodes: [{ id: 'vpc', kind: 'vpc', name: 'VPC' }, { id: 'a', kind: 'subnet', name: 'A', parent: 'vpc' }, { id: 'sg', kind: 'securityGroup', name: 'SG', parent: 'vpc' }, { id: 'f', kind: 'lambda', name: 'F', props: { vpc: { subnets: ['a'], securityGroups: ['sg'] } } }], layout: { positions: { vpc: { x: 100, y: 100 }, a: { x: 10, y: 50 }, f: { x: 200, y: 200 } } } }],
    };
    const r = parseDesign(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.design.schemaVersion).toBe(2);
    // In subnet a (absolute 540, 60): kept where it was, now relative to the subnet.
    expect(r.design.layout.positions.inside).toEqual({ x: 60, y: 40 });
    expect(absolutePosition(r.design, 'inside')).toEqual({ x: 600, y: 100 });
    // Drawn left of the VPC before; now inside it, with padding.
    expect(r.design.layout.positions.outside).toEqual({ x: 24, y: 44 });
    // Half outside its 260-wide subnet at (90, 50): snapped fully inside.
    expect(r.design.alternatives[0].layout.positions.f).toEqual({ x: 56, y: 50 });
    // The migration is registered with a title and description (the file-format docs list them).
    expect(MIGRATIONS[1]).toMatchObject({ version: 2 });
  });

  it('never throws on shapes it does not expect', () => {
    for (const doc of [{}, { nodes: 'x', layout: 3 }, { nodes: [null, 1, { id: 'f', kind: 'lambda', props: { vpc: 'no' } }], layout: { positions: { f: 'x' } } }, { alternatives: [null, { layout: null }] }]) {
      expect(() => MIGRATIONS[1].apply(doc)).not.toThrow();
    }
  });
});

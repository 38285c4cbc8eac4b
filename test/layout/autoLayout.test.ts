import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { autoLayout, autoLayoutCommand, withLayout } from '../../core/layout/autoLayout';
import { createNode, type Design } from '../../core/model/design';
import { placementOf } from '../../core/model/placement';
import { TEMPLATES, template, checkLayout, overlap, rects } from './checkLayout';

const vpcTemplate = () => template('vpc-rds-external-api.design.json');

/** Every node moved to a spot of a small grid, overlapping and out of order (what a user's drags can
 *  leave), containers shrunk to their minimum. */
function scrambled(design: Design): Design {
  const positions: Design['layout']['positions'] = {};
  design.nodes.forEach((n, i) => { positions[n.id] = { x: ((i * 7) % 5) * 40, y: ((i * 3) % 4) * 30 }; });
  return { ...design, layout: { ...design.layout, positions } };
}

describe('autoLayout', () => {
  it.each(TEMPLATES)('lays out %s: nothing overlaps, everything inside its draw parent, triggers left to right', async (file) => {
    const design = scrambled(template(file));
    expect(checkLayout(design).length).toBeGreaterThan(0); // the check can fail: the scramble fails it
    const laid = withLayout(design, await autoLayout(design));
    expect(checkLayout(laid)).toEqual([]);
  });

  it('draws the VPC template as AWS builds it: AZ a left of AZ b, public above private, the multi-subnet function and database in the VPC under the subnets', async () => {
    const design = scrambled(vpcTemplate());
    const laid = withLayout(design, await autoLayout(design));
    const r = rects(laid);
    const [pubA, pubB, privA, privB] = ['sn-public-a', 'sn-public-b', 'sn-private-a', 'sn-private-b'].map((id) => r.get(id)!);
    // AZ columns: every subnet of AZ a ends left of every subnet of AZ b; same column, same x.
    expect(pubA.x + pubA.width).toBeLessThan(pubB.x);
    expect(privA.x + privA.width).toBeLessThan(privB.x);
    expect(pubA.x).toBe(privA.x);
    expect(pubB.x).toBe(privB.x);
    // Tiers: public above private in each AZ.
    expect(pubA.y + pubA.height).toBeLessThan(privA.y);
    expect(pubB.y + pubB.height).toBeLessThan(privB.y);
    // The function and the database (each in two subnets) are drawn in the VPC, in no subnet's box.
    const placement = placementOf(laid);
    for (const id of ['fn-quotes', 'db']) {
      expect(placement.get(id)?.drawParent).toBe('vpc');
      for (const s of [pubA, pubB, privA, privB]) expect(overlap(r.get(id)!, s)).toBe(false);
    }
    // Security groups and the internet gateway in one compact row above the subnets.
    const row = ['igw', 'sg-fn', 'sg-db'].map((id) => r.get(id)!);
    expect(new Set(row.map((b) => b.y)).size).toBe(1);
    expect(row[0].y + row[0].height).toBeLessThan(pubA.y);
    // Sources left, sinks right: the API left of the VPC, the partner API right of it.
    expect(r.get('api-quotes')!.x + 180).toBeLessThan(r.get('vpc')!.x);
    expect(r.get('ext-partner')!.x).toBeGreaterThan(r.get('vpc')!.x + r.get('vpc')!.width);
  });

  it('sizes containers to what they hold (a stored oversize VPC shrinks)', async () => {
    const design = vpcTemplate();
    const big = { ...design, layout: { ...design.layout, positions: { ...design.layout.positions, vpc: { x: 0, y: 0, width: 5000, height: 5000 } } } };
    const laid = await autoLayout(big);
    expect(laid.vpc.width).toBeLessThan(1200);
    expect(laid.vpc.height).toBeLessThan(1000);
    expect(checkLayout(withLayout(big, laid))).toEqual([]);
  });

  it('is deterministic: the same design gives the same layout', async () => {
    const design = scrambled(template('sns-fan-out.design.json'));
    expect(await autoLayout(design)).toEqual(await autoLayout(design));
  });

  it('keeps triggers left to right in a cycle (a function writing to the bucket that triggers it)', async () => {
    const bucket = createNode('s3Bucket', 'bucket', 'Uploads');
    const fn = createNode('lambda', 'fn', 'Resize');
    const design: Design = { ...vpcTemplate(), nodes: [fn, bucket], edges: [], layout: { positions: {} } as Design['layout'] };
    design.edges = [
      { id: 'w', kind: 'access', from: 'fn', to: 'bucket', props: { mode: 'write' } } as Design['edges'][number],
      { id: 't', kind: 'trigger', from: 'bucket', to: 'fn', props: {} } as Design['edges'][number],
    ];
    const r = rects(withLayout(design, await autoLayout(design)));
    expect(r.get('bucket')!.x).toBeLessThan(r.get('fn')!.x);
  });

  it('lays out only the selection: everything else keeps its place, the group lands at the selection\'s top-left', async () => {
    const design = template('sns-fan-out.design.json');
    const chosen = ['q-fulfilment', 'fn-fulfilment', 'tbl-shipments', 'q-fulfilment-dlq'];
    // The chosen four piled up at (1000, 900)…(1060, 930).
    const positions = { ...design.layout.positions };
    chosen.forEach((id, i) => { positions[id] = { x: 1000 + i * 20, y: 900 + i * 10 }; });
    const piled = { ...design, layout: { ...design.layout, positions } };
    const laid = await autoLayout(piled, { only: chosen });
    expect(Object.keys(laid).sort()).toEqual([...chosen].sort());
    const after = withLayout(piled, laid);
    for (const n of design.nodes) if (!chosen.includes(n.id)) expect(after.layout.positions[n.id]).toEqual(piled.layout.positions[n.id]);
    expect(Math.min(...chosen.map((id) => laid[id].x))).toBe(1000);
    expect(Math.min(...chosen.map((id) => laid[id].y))).toBe(900);
    const r = rects(after);
    for (const a of chosen) for (const b of chosen) if (a < b) expect(overlap(r.get(a)!, r.get(b)!), `${a} / ${b}`).toBe(false);
    expect(r.get('q-fulfilment')!.x).toBeLessThan(r.get('fn-fulfilment')!.x);
  });

  it('lays out a selected VPC with what it holds, relative to the VPC, and leaves the rest', async () => {
    const design = scrambled(vpcTemplate());
    const laid = await autoLayout(design, { only: ['vpc'] });
    expect(laid['sn-public-a']).toBeDefined(); // contents come along
    expect(laid['api-quotes']).toBeUndefined();
    expect(laid.vpc).toMatchObject({ x: design.layout.positions.vpc.x, y: design.layout.positions.vpc.y });
    const after = withLayout(design, laid);
    const problems = checkLayout(after).filter((p) => !/api-quotes|ext-partner|aws-secrets/.test(p));
    expect(problems).toEqual([]);
  });

  it('applies as one undoable step labelled "Auto-layout" that undo takes back whole', async () => {
    const design = scrambled(vpcTemplate());
    const history = new History(design);
    const command = autoLayoutCommand(design, await autoLayout(design));
    expect(command).toMatchObject({ type: 'batch', label: 'Auto-layout' });
    const result = history.apply(command!);
    expect(result.refused).toBeUndefined();
    expect(checkLayout(history.design)).toEqual([]);
    expect(history.undoLabel).toBe('Auto-layout');
    history.undo();
    expect(history.design.layout.positions).toEqual(design.layout.positions);
    expect(history.canUndo).toBe(false);
    // Laying out a laid-out design changes nothing: no command.
    const again = withLayout(design, await autoLayout(design));
    expect(autoLayoutCommand(again, await autoLayout(again))).toBeUndefined();
  });

  it('does not fail on a malformed design (a VPC inside its own subnet, a dangling edge)', async () => {
    const design = vpcTemplate();
    const broken: Design = {
      ...design,
      nodes: design.nodes.map((n) => (n.id === 'vpc' ? { ...n, parent: 'sn-public-a' } as typeof n : n)),
      edges: [...design.edges, { id: 'x', kind: 'access', from: 'fn-quotes', to: 'gone', props: { mode: 'read' } } as Design['edges'][number]],
    };
    const laid = await autoLayout(broken);
    expect(Object.keys(laid)).toEqual(expect.arrayContaining(broken.nodes.map((n) => n.id)));
  });
});

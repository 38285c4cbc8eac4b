import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absolutePosition, History } from '../../core/commands';
import type { Design } from '../../core/model';
import { parseDesign } from '../../core/model/parse';
import { placementOf, subnetsOf } from '../../core/model/placement';
import { dropTargetFinder, keyboardPlacement, planDrop, planPaletteDrop, resizeKeepsContents, settleInside, subnetChoices } from '../../renderer/canvas/dropPlan';
import { isAttachEdgeId, RESOURCE_SIZE, toFlow } from '../../renderer/canvas/toFlow';

/** The VPC template: Quote service and the database each in both private subnets (drawn in the VPC). */
function vpcTemplate(): Design {
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'vpc-rds-external-api.design.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the VPC template does not parse');
  return parsed.design;
}

/** A card's box at an absolute point (top-left). */
const cardAt = (x: number, y: number) => ({ x, y, ...RESOURCE_SIZE });
/** A card's box centred on a point. */
const cardCentredOn = (x: number, y: number) => cardAt(x - RESOURCE_SIZE.width / 2, y - RESOURCE_SIZE.height / 2);

function boxOf(design: Design, id: string) {
  const flow = toFlow(design);
  const n = flow.nodes.find((x) => x.id === id);
  const abs = absolutePosition(design, id);
  return { ...abs, width: n?.width ?? RESOURCE_SIZE.width, height: n?.height ?? RESOURCE_SIZE.height };
}

const centre = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** A point of the VPC's free area (no subnet, no card within a card's half-size of it), found on the
 *  laid-out template rather than hard-coded, so a re-layout of the template keeps the tests meaningful. */
function vpcFreePoint(design: Design): { x: number; y: number } {
  const vpc = boxOf(design, 'vpc');
  const others = design.nodes.filter((n) => n.id !== 'vpc').map((n) => boxOf(design, n.id));
  const half = { x: RESOURCE_SIZE.width / 2, y: RESOURCE_SIZE.height / 2 };
  for (let y = vpc.y + 44 + half.y; y <= vpc.y + vpc.height - half.y; y += 4) {
    for (let x = vpc.x + half.x; x <= vpc.x + vpc.width - half.x; x += 4) {
      const clear = others.every((b) => x + half.x <= b.x || x - half.x >= b.x + b.width || y + half.y <= b.y || y - half.y >= b.y + b.height);
      if (clear) return { x, y };
    }
  }
  // Any point not in a subnet will do for the tests that only need the centre in the free area.
  for (let y = vpc.y + 44; y < vpc.y + vpc.height; y += 2) {
    for (let x = vpc.x + 2; x < vpc.x + vpc.width; x += 2) {
      const inSubnet = design.nodes.filter((n) => n.kind === 'subnet').map((n) => boxOf(design, n.id))
        .some((b) => x >= b.x - 2 && x <= b.x + b.width + 2 && y >= b.y - 2 && y <= b.y + b.height + 2);
      const onCard = others.some((b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
      if (!inSubnet && !onCard) return { x, y };
    }
  }
  throw new Error('the VPC template has no free area in its VPC');
}

describe('toFlow draws where the model places a resource', () => {
  it('a resource in two subnets is drawn in their VPC with a dashed attachment to each subnet', () => {
    const design = vpcTemplate();
    const { nodes, edges } = toFlow(design);
    const fn = nodes.find((n) => n.id === 'fn-quotes');
    expect(fn?.parentId).toBe('vpc');
    expect(nodes.find((n) => n.id === 'db')?.parentId).toBe('vpc');
    const attach = edges.filter((e) => isAttachEdgeId(e.id));
    expect(attach.map((e) => e.id).sort()).toEqual([
      'attach:db:sn-private-a', 'attach:db:sn-private-b', 'attach:fn-quotes:sn-private-a', 'attach:fn-quotes:sn-private-b',
    ]);
    const a = attach.find((e) => e.id === 'attach:fn-quotes:sn-private-a');
    expect(a).toMatchObject({ source: 'fn-quotes', target: 'sn-private-a', type: 'attach', selectable: false, deletable: false, ariaLabel: 'Quote service attached to Private subnet A' });
    expect(a?.label).toBeUndefined();
    expect(a?.markerEnd).toBeUndefined();
  });

  it('a resource in one subnet is drawn inside that subnet, and the subnet grows to hold it', () => {
    const h = new History(vpcTemplate());
    expect(h.apply({ type: 'attachToSubnets', nodeId: 'fn-quotes', subnets: ['sn-private-a'] }).refused).toBeUndefined();
    const { nodes, edges } = toFlow(h.design);
    const fn = nodes.find((n) => n.id === 'fn-quotes');
    const subnet = nodes.find((n) => n.id === 'sn-private-a');
    expect(fn?.parentId).toBe('sn-private-a');
    expect(edges.some((e) => e.id.startsWith('attach:fn-quotes'))).toBe(false);
    expect(subnet?.width).toBeGreaterThanOrEqual((fn?.position.x ?? 0) + RESOURCE_SIZE.width);
    expect(subnet?.height).toBeGreaterThanOrEqual((fn?.position.y ?? 0) + RESOURCE_SIZE.height);
    expect(nodes.findIndex((n) => n.id === 'sn-private-a')).toBeLessThan(nodes.findIndex((n) => n.id === 'fn-quotes'));
  });

  it('shows a resource its security groups as chips, and outlines the users of a selected group', () => {
    const design = vpcTemplate();
    const plain = toFlow(design).nodes;
    expect(plain.find((n) => n.id === 'fn-quotes')?.data.securityGroups).toEqual([{ id: 'sg-fn', name: 'Quote service SG' }]);
    expect(plain.find((n) => n.id === 'db')?.data.securityGroups).toEqual([{ id: 'sg-db', name: 'Database SG' }]);
    expect(plain.find((n) => n.id === 'api-quotes')?.data.securityGroups).toBeUndefined();
    const selected = toFlow(design, { selectedNodes: ['sg-fn'] }).nodes;
    expect(selected.find((n) => n.id === 'fn-quotes')?.data.usesSelectedGroup).toBe(true);
    expect(selected.find((n) => n.id === 'db')?.data.usesSelectedGroup).toBeUndefined();
  });

  it('draws containers at frozen sizes while a card is dragged (they do not grow under it)', () => {
    const design = vpcTemplate();
    const frozen = new Map([['sn-private-a', { width: 300, height: 180 }]]);
    const moved = { ...design, layout: { ...design.layout, positions: { ...design.layout.positions, 'fn-quotes': { x: 2000, y: 2000 } } } };
    const grown = toFlow(moved).nodes.find((n) => n.id === 'vpc');
    expect(grown?.width).toBeGreaterThan(2000);
    expect(toFlow(moved, { frozenSizes: new Map([...frozen, ['vpc', { width: 1020, height: 860 }]]) }).nodes.find((n) => n.id === 'vpc')?.width).toBe(1020);
  });
});

describe('planDrop: what a drop means', () => {
  it('a function in two private subnets dropped on a public subnet of the same VPC asks Add or Only', () => {
    const design = vpcTemplate();
    const c = centre(boxOf(design, 'sn-public-a'));
    expect(planDrop(design, 'fn-quotes', cardCentredOn(c.x, c.y))).toEqual({ type: 'askSubnet', subnet: 'sn-public-a', current: ['sn-private-a', 'sn-private-b'] });
  });

  it('dragged out of every VPC it is detached; dropped in its VPC free area it stays', () => {
    const design = vpcTemplate();
    expect(planDrop(design, 'fn-quotes', cardAt(-900, -900))).toEqual({ type: 'detach' });
    const fn = absolutePosition(design, 'fn-quotes');
    // Nudged 10 px right and up: still in the VPC's free area, nowhere near a subnet or its edge.
    expect(planDrop(design, 'fn-quotes', cardAt(fn.x + 10, fn.y - 10))).toEqual({ type: 'none' });
  });

  it('a function in no subnet dropped on a subnet goes in it at once; on a VPC free area it asks, one private subnet per AZ ticked', () => {
    const h = new History(vpcTemplate());
    h.apply({ type: 'addNode', kind: 'lambda', id: 'fn-new', name: 'New fn', position: { x: -600, y: 0 } });
    const design = h.design;
    const a = centre(boxOf(design, 'sn-private-a'));
    expect(planDrop(design, 'fn-new', cardCentredOn(a.x, a.y))).toEqual({ type: 'attach', subnets: ['sn-private-a'] });
    const free = vpcFreePoint(design);
    const plan = planDrop(design, 'fn-new', cardCentredOn(free.x, free.y));
    expect(plan).toMatchObject({ type: 'askVpc', vpc: 'vpc', preselected: ['sn-private-a', 'sn-private-b'] });
    if (plan.type === 'askVpc') expect(plan.choices.map((c) => [c.id, c.isPrivate])).toEqual([
      ['sn-private-a', true], ['sn-public-a', false], ['sn-private-b', true], ['sn-public-b', false],
    ]);
  });

  it('a card dropped with its centre inside its subnet but partly out snaps fully inside', () => {
    const h = new History(vpcTemplate());
    h.apply({ type: 'attachToSubnets', nodeId: 'fn-quotes', subnets: ['sn-private-a'] });
    const design = h.design;
    const subnet = boxOf(design, 'sn-private-a');
    const plan = planDrop(design, 'fn-quotes', cardAt(subnet.x - 60, subnet.y + 80));
    expect(plan).toEqual({ type: 'settle', position: { x: 24, y: 80 } });
  });

  it('a card whose centre left its subnet but whose box still overlaps it goes back in, with a word why', () => {
    const h = new History(vpcTemplate());
    h.apply({ type: 'attachToSubnets', nodeId: 'fn-quotes', subnets: ['sn-private-a'] });
    const design = h.design;
    const subnet = boxOf(design, 'sn-private-a');
    const plan = planDrop(design, 'fn-quotes', cardAt(subnet.x - 150, subnet.y + 80));
    expect(plan).toEqual({ type: 'settle', position: { x: 24, y: 80 }, notice: 'Drag Quote service fully out to take it out of Private subnet A.' });
  });

  it('a card in a subnet dropped with its centre out of the VPC but its box still over the VPC goes back into its subnet', () => {
    const h = new History(vpcTemplate());
    h.apply({ type: 'attachToSubnets', nodeId: 'fn-quotes', subnets: ['sn-private-a'] });
    const vpc = boxOf(h.design, 'vpc');
    // Level with the VPC's bottom strip, below the subnet: the card's box overlaps only the VPC.
    const subnet = boxOf(h.design, 'sn-private-a');
    const y = subnet.y + subnet.height + 8;
    expect(y + RESOURCE_SIZE.height).toBeLessThan(vpc.y + vpc.height);
    const plan = planDrop(h.design, 'fn-quotes', cardAt(vpc.x - 150, y));
    expect(plan).toMatchObject({ type: 'settle', notice: 'Drag Quote service fully out to take it out of Quotes VPC.' });
    // Fully out: taken out.
    expect(planDrop(h.design, 'fn-quotes', cardAt(vpc.x - 200, y))).toEqual({ type: 'detach' });
  });

  it('a NAT gateway (placed by its parent) dragged out of its subnet and the VPC leaves them', () => {
    const design = vpcTemplate();
    expect(planDrop(design, 'nat-a', cardAt(-900, -900))).toEqual({ type: 'setParent', parent: null });
  });

  it('an event rule moved anywhere keeps its bus; dropped onto another bus it moves to it', () => {
    const h = new History(vpcTemplate());
    h.apply({ type: 'addNode', kind: 'eventBus', id: 'bus-1', name: 'Orders bus', position: { x: -900, y: 0 } });
    h.apply({ type: 'addNode', kind: 'eventBus', id: 'bus-2', name: 'Audit bus', position: { x: -900, y: 300 } });
    h.apply({ type: 'addNode', kind: 'eventRule', id: 'rule', name: 'Big orders', parent: 'bus-1', position: { x: -600, y: 0 } });
    expect(planDrop(h.design, 'rule', cardAt(-600, 600))).toEqual({ type: 'none' });
    expect(planDrop(h.design, 'rule', cardAt(-890, 310))).toEqual({ type: 'setParent', parent: 'bus-2' });
    expect(planDrop(h.design, 'rule', cardAt(-890, 10))).toEqual({ type: 'none' });
  });

  it('containers sized as the user saw them decide, not the model grown under the card', () => {
    const design = vpcTemplate();
    const vpc = boxOf(design, 'vpc');
    const moved = { ...design, layout: { ...design.layout, positions: { ...design.layout.positions, 'fn-quotes': { x: vpc.width + 300, y: 100 } } } };
    // Without the frozen sizes the VPC would have grown to hold the card: it would never leave.
    expect(planDrop(moved, 'fn-quotes', cardAt(vpc.x + vpc.width + 300, vpc.y + 100))).not.toEqual({ type: 'detach' });
    expect(planDrop(moved, 'fn-quotes', cardAt(vpc.x + vpc.width + 300, vpc.y + 100), new Map([['vpc', { width: vpc.width, height: vpc.height }]]))).toEqual({ type: 'detach' });
  });
});

describe('settleInside and palette drops', () => {
  it('after a placement change the card sits fully inside its new container', () => {
    const h = new History(vpcTemplate());
    h.apply({ type: 'addNode', kind: 'lambda', id: 'fn-new', name: 'New fn', position: { x: -600, y: 0 } });
    const subnet = boxOf(h.design, 'sn-private-a');
    const dropped = { x: subnet.x - 40, y: subnet.y + 60 };
    h.apply({ type: 'attachToSubnets', nodeId: 'fn-new', subnets: ['sn-private-a'] });
    expect(settleInside(h.design, 'fn-new', dropped, RESOURCE_SIZE)).toEqual({ x: 24, y: 60 });
  });

  it('a function from the palette dropped on a subnet goes in it; on the VPC free area in one private subnet per AZ', () => {
    const design = vpcTemplate();
    const a = boxOf(design, 'sn-private-a');
    const onSubnet = planPaletteDrop(design, 'lambda', { x: a.x + 20, y: a.y + a.height / 2 });
    expect(onSubnet.subnets).toEqual(['sn-private-a']);
    // Half over the subnet's left edge: fully inside.
    expect(onSubnet.position.x).toBe(24);
    const point = vpcFreePoint(design);
    const free = planPaletteDrop(design, 'lambda', point);
    expect(free).toMatchObject({ subnets: ['sn-private-a', 'sn-private-b'] });
    expect(free.notice).toContain('Private subnet A, Private subnet B');
    expect(planPaletteDrop(design, 'rds', point)).toMatchObject({ parent: 'vpc' });
    expect(planPaletteDrop(design, 'sqsQueue', { x: a.x + 50, y: a.y + 50 }).parent).toBeUndefined();
  });

  it('the palette batch (add, then place) puts the new function in the subnet, drawn inside it', () => {
    const h = new History(vpcTemplate());
    const a = boxOf(h.design, 'sn-private-a');
    // In the middle of the subnet's free room, so nothing needs snapping.
    const at = { x: a.x + a.width / 2, y: a.y + 44 + (a.height - 44) / 2 };
    const placement = planPaletteDrop(h.design, 'lambda', at);
    const result = h.apply({ type: 'batch', label: 'Add Lambda function', commands: [
      { type: 'addNode', kind: 'lambda', id: 'fn-new', position: placement.position },
      { type: 'attachToSubnets', nodeId: 'fn-new', subnets: placement.subnets ?? [] },
    ] });
    expect(result.refused).toBeUndefined();
    const fn = h.design.nodes.find((n) => n.id === 'fn-new');
    expect(fn && subnetsOf(fn)).toEqual(['sn-private-a']);
    expect(placementOf(h.design).get('fn-new')?.drawParent).toBe('sn-private-a');
    const abs = absolutePosition(h.design, 'fn-new');
    expect(abs.x + RESOURCE_SIZE.width / 2).toBeCloseTo(at.x, 0);
    expect(abs.y + RESOURCE_SIZE.height / 2).toBeCloseTo(at.y, 0);
    expect(h.undoLabel).toBe('Add Lambda function');
  });

  it('offers no private subnet ticked when a VPC has none', () => {
    const h = new History(vpcTemplate());
    h.apply({ type: 'removeNodes', ids: ['sn-private-a', 'sn-private-b'] });
    expect(subnetChoices(h.design, 'vpc').preselected).toEqual([]);
  });
});

describe('resizeKeepsContents: a container never shrinks over what it holds', () => {
  it('Public subnet A (NAT gateway A at 60,70 in a 300×180 box) grows freely and shrinks only to its contents', () => {
    const design = vpcTemplate();
    const at = design.layout.positions['sn-public-a'];
    const nat = design.layout.positions['nat-a'];
    const box = (dx: number, dy: number, width: number, height: number) => ({ x: at.x + dx, y: at.y + dy, width, height });
    expect(resizeKeepsContents(design, 'sn-public-a', box(0, 0, 400, 260))).toBe(true);
    // From the right: down to the card plus padding, not past it.
    expect(resizeKeepsContents(design, 'sn-public-a', box(0, 0, nat.x + RESOURCE_SIZE.width + 24, 180))).toBe(true);
    expect(resizeKeepsContents(design, 'sn-public-a', box(0, 0, nat.x + RESOURCE_SIZE.width + 10, 180))).toBe(false);
    // From the left: the left edge may come up to the padding before the card, not closer.
    expect(resizeKeepsContents(design, 'sn-public-a', box(nat.x - 24, 0, 300 - (nat.x - 24), 180))).toBe(true);
    expect(resizeKeepsContents(design, 'sn-public-a', box(nat.x - 10, 0, 300 - (nat.x - 10), 180))).toBe(false);
    // From the top: the title bar's room (44) stays above the card.
    expect(resizeKeepsContents(design, 'sn-public-a', box(0, nat.y - 44, 300, 180 - (nat.y - 44)))).toBe(true);
    expect(resizeKeepsContents(design, 'sn-public-a', box(0, nat.y - 30, 300, 180 - (nat.y - 30)))).toBe(false);
  });
});

describe('keyboardPlacement (N)', () => {
  it('offers the VPC of the resource with its own subnets ticked; for one in no VPC the first VPC with private subnets ticked; else says why', () => {
    const h = new History(vpcTemplate());
    expect(keyboardPlacement(h.design, 'fn-quotes')).toMatchObject({ vpc: 'vpc', preselected: ['sn-private-a', 'sn-private-b'], attached: true });
    h.apply({ type: 'attachToSubnets', nodeId: 'fn-quotes', subnets: ['sn-public-b'] });
    expect(keyboardPlacement(h.design, 'fn-quotes')).toMatchObject({ preselected: ['sn-public-b'], attached: true });
    h.apply({ type: 'addNode', kind: 'lambda', id: 'fn-new', name: 'New fn', position: { x: -600, y: 0 } });
    expect(keyboardPlacement(h.design, 'fn-new')).toMatchObject({ vpc: 'vpc', preselected: ['sn-private-a', 'sn-private-b'], attached: false });
    expect(keyboardPlacement(h.design, 'api-quotes')).toEqual({ reason: expect.stringContaining('to place it in subnets') });
    h.apply({ type: 'removeNodes', ids: ['vpc'] });
    expect(keyboardPlacement(h.design, 'fn-new')).toEqual({ reason: 'There is no VPC to place New fn in: add one from the palette first.' });
  });
});

describe('dropTargetFinder (the outline while dragging)', () => {
  it('names the smallest container under the centre a drop would go to, never the card itself', () => {
    const design = vpcTemplate();
    const find = dropTargetFinder(design, 'fn-quotes');
    expect(find(centre(boxOf(design, 'sn-public-a')))).toBe('sn-public-a');
    expect(find(vpcFreePoint(design))).toBe('vpc');
    expect(find({ x: -5000, y: -5000 })).toBeUndefined();
    // A subnet is never dropped into itself, and a queue into nothing.
    expect(dropTargetFinder(design, 'sn-public-a')(centre(boxOf(design, 'sn-public-a')))).toBe('vpc');
    expect(dropTargetFinder(design, 'api-quotes')(centre(boxOf(design, 'sn-public-a')))).toBeUndefined();
  });
});

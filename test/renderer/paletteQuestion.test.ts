import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absolutePosition, History } from '../../core/commands';
import type { Design } from '../../core/model';
import { parseDesign } from '../../core/model/parse';
import { paletteDropQuestion, planPaletteDrop } from '../../renderer/canvas/dropPlan';
import { RESOURCE_SIZE, toFlow } from '../../renderer/canvas/toFlow';

/** The VPC template: two AZs, a private and a public subnet in each. */
function vpcTemplate(): Design {
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'vpc-rds-external-api.design.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the VPC template does not parse');
  return parsed.design;
}

function boxOf(design: Design, id: string) {
  const n = toFlow(design).nodes.find((x) => x.id === id);
  return { ...absolutePosition(design, id), width: n?.width ?? RESOURCE_SIZE.width, height: n?.height ?? RESOURCE_SIZE.height };
}
const middle = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** A point in the VPC under no other box (the drop goes to the smallest container under its centre). */
function vpcFreePoint(design: Design) {
  const vpc = boxOf(design, 'vpc');
  const others = design.nodes.filter((n) => n.id !== 'vpc').map((n) => boxOf(design, n.id));
  for (let y = vpc.y + 44; y < vpc.y + vpc.height - 4; y += 4) {
    for (let x = vpc.x + 4; x < vpc.x + vpc.width - 4; x += 4) {
      if (others.every((b) => x < b.x - 4 || x > b.x + b.width + 4 || y < b.y - 4 || y > b.y + b.height + 4)) return { x, y };
    }
  }
  throw new Error('no free point in the VPC');
}

describe('a palette drop that asks where it goes', () => {
  it('on a VPC: every subnet-placed kind asks, with one private subnet per AZ ticked (what the drop did without asking)', () => {
    const design = vpcTemplate();
    const point = vpcFreePoint(design);
    for (const kind of ['lambda', 'rds', 'elasticache', 'alb']) {
      const ask = paletteDropQuestion(design, kind, point);
      expect(ask?.vpc, kind).toBe('vpc');
      expect(ask?.preselected, kind).toEqual(['sn-private-a', 'sn-private-b']);
      expect(ask?.choices.map((c) => c.id).sort(), kind).toEqual(['sn-private-a', 'sn-private-b', 'sn-public-a', 'sn-public-b']);
    }
    expect(paletteDropQuestion(design, 'lambda', point)?.preselected).toEqual(planPaletteDrop(design, 'lambda', point).subnets);
    // The card waits centred on the drop point, unplaced.
    expect(paletteDropQuestion(design, 'lambda', point)?.position).toEqual({ x: Math.round(point.x - RESOURCE_SIZE.width / 2), y: Math.round(point.y - RESOURCE_SIZE.height / 2) });
  });

  it('on a subnet: a load balancer or a database (AWS wants two AZs) asks with a subnet of the same kind in the other AZ ticked; a function goes straight in', () => {
    const design = vpcTemplate();
    const publicA = middle(boxOf(design, 'sn-public-a'));
    expect(paletteDropQuestion(design, 'alb', publicA)?.preselected).toEqual(['sn-public-a', 'sn-public-b']);
    const privateB = middle(boxOf(design, 'sn-private-b'));
    expect(paletteDropQuestion(design, 'rds', privateB)?.preselected).toEqual(['sn-private-b', 'sn-private-a']);
    expect(paletteDropQuestion(design, 'lambda', privateB)).toBeUndefined();
    expect(planPaletteDrop(design, 'lambda', privateB).subnets).toEqual(['sn-private-b']);
  });

  it('never asks for kinds placed otherwise, off every VPC, or in a VPC without subnets', () => {
    const design = vpcTemplate();
    expect(paletteDropQuestion(design, 'sqsQueue', vpcFreePoint(design))).toBeUndefined();
    const vpc = boxOf(design, 'vpc');
    expect(paletteDropQuestion(design, 'lambda', { x: vpc.x - 400, y: vpc.y - 400 })).toBeUndefined();
    const h = new History(design);
    h.apply({ type: 'removeNodes', ids: ['sn-private-a', 'sn-private-b', 'sn-public-a', 'sn-public-b'] });
    expect(paletteDropQuestion(h.design, 'lambda', middle(boxOf(h.design, 'vpc')))).toBeUndefined();
  });
});

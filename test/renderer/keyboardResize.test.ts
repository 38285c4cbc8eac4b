import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { parseDesign } from '../../core/model/parse';
import { containerSizes } from '../../core/model/placement';
import { keyboardResize } from '../../renderer/canvas/keyboardResize';

const template = () => {
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'vpc-rds-external-api.design.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the VPC template does not parse');
  return parsed.design;
};

describe('keyboardResize (Alt+arrows on a selected VPC or subnet)', () => {
  it('moves the right or bottom edge by the step, as one resize command', () => {
    const h = new History(template());
    const before = containerSizes(h.design).get('sn-public-a');
    const plan = keyboardResize(h.design, ['sn-public-a'], 20, 0);
    if ('reason' in plan) throw new Error(plan.reason);
    h.apply(plan.command);
    expect(containerSizes(h.design).get('sn-public-a')).toEqual({ width: (before?.width ?? 0) + 20, height: before?.height });
    expect(h.undoLabel).toBe('Resize');
  });

  it('never makes a container smaller than what it holds: shrinking stops at the fit, then says why', () => {
    const h = new History(template());
    const vpc = containerSizes(h.design).get('vpc');
    // Far more than the VPC's free room: it stops where its subnets still fit.
    const plan = keyboardResize(h.design, ['vpc'], -5000, -5000);
    if ('command' in plan) h.apply(plan.command);
    const smallest = containerSizes(h.design).get('vpc');
    expect(smallest?.width).toBeLessThanOrEqual(vpc?.width ?? 0);
    const again = keyboardResize(h.design, ['vpc'], -20, -20);
    expect(again).toEqual({ reason: 'Quotes VPC cannot get smaller: what it holds would no longer fit.' });
    // What the resize handles allow agrees: a step smaller would cut a subnet.
    const grown = keyboardResize(h.design, ['vpc'], 20, 20);
    expect('command' in grown).toBe(true);
  });

  it('resizes nothing else', () => {
    expect(keyboardResize(template(), ['fn-quotes'], 20, 0)).toEqual({ reason: 'Select a VPC or subnet to resize it with Alt+arrow keys.' });
    expect(keyboardResize(template(), [], 20, 0)).toHaveProperty('reason');
  });
});

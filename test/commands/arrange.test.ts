import { describe, expect, it } from 'vitest';
import { arrangeCommand, arrangeRefusal, History } from '../../core/commands';
import { createDesign, type Design } from '../../core/model/design';

/** Three cards on the canvas at uneven places, and one inside a VPC. */
function scattered(): Design {
  const h = new History(createDesign('Arrange'));
  h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'a', position: { x: 10, y: 100 } });
  h.apply({ type: 'addNode', kind: 'lambda', id: 'b', position: { x: 300, y: 40 } });
  h.apply({ type: 'addNode', kind: 'dynamoTable', id: 'c', position: { x: 900, y: 260 } });
  h.apply({ type: 'addNode', kind: 'vpc', id: 'vpc', position: { x: 0, y: 600 } });
  h.apply({ type: 'addNode', kind: 'subnet', id: 'sn', parent: 'vpc', position: { x: 20, y: 40 } });
  return h.design;
}

const card = { width: 180, height: 54 };
const sizes = new Map([['a', card], ['b', card], ['c', { width: 240, height: 80 }]]);

function apply(d: Design, ids: string[], mode: Parameters<typeof arrangeCommand>[2]) {
  const r = arrangeCommand(d, ids, mode, sizes);
  if ('refused' in r) throw new Error(r.refused);
  const h = new History(d);
  h.apply(r.command);
  return h;
}

describe('align and distribute', () => {
  it('align left puts every left edge on the leftmost; right and centre use each width', () => {
    const d = scattered();
    const left = apply(d, ['a', 'b', 'c'], 'left').design.layout.positions;
    expect([left.a.x, left.b.x, left.c.x]).toEqual([10, 10, 10]);
    expect([left.a.y, left.b.y, left.c.y]).toEqual([100, 40, 260]);
    const right = apply(d, ['a', 'b', 'c'], 'right').design.layout.positions;
    expect([right.a.x + 180, right.b.x + 180, right.c.x + 240]).toEqual([1140, 1140, 1140]);
    const centre = apply(d, ['a', 'b', 'c'], 'centre').design.layout.positions;
    expect(new Set([centre.a.x + 90, centre.b.x + 90, centre.c.x + 120]).size).toBe(1);
  });

  it('align top / middle / bottom', () => {
    const d = scattered();
    const top = apply(d, ['a', 'b'], 'top').design.layout.positions;
    expect([top.a.y, top.b.y]).toEqual([40, 40]);
    const bottom = apply(d, ['a', 'c'], 'bottom').design.layout.positions;
    expect([bottom.a.y + 54, bottom.c.y + 80]).toEqual([340, 340]);
    const middle = apply(d, ['a', 'c'], 'middle').design.layout.positions;
    expect(middle.a.y + 27).toBe(middle.c.y + 40);
  });

  it('distribute horizontally leaves equal gaps between neighbours', () => {
    const d = scattered();
    const p = apply(d, ['c', 'a', 'b'], 'horizontal').design.layout.positions;
    const gap1 = p.b.x - (p.a.x + 180);
    const gap2 = p.c.x - (p.b.x + 180);
    expect(Math.abs(gap1 - gap2)).toBeLessThanOrEqual(1);
    expect(p.a.x).toBe(10);
  });

  it('is one undo step that restores every position', () => {
    const d = scattered();
    const h = apply(d, ['a', 'b', 'c'], 'vertical');
    expect(h.undoLabel).toBe('Distribute vertically');
    h.undo();
    expect(h.design).toEqual(d);
  });

  it('refuses too small a selection and nodes in different containers, saying why', () => {
    const d = scattered();
    expect(arrangeRefusal(d, ['a'], 'left')).toMatch(/Select 2 or more/);
    expect(arrangeRefusal(d, ['a', 'b'], 'horizontal')).toMatch(/Select 3 or more/);
    expect(arrangeRefusal(d, ['a', 'sn'], 'left')).toMatch(/different containers/);
    expect(arrangeRefusal(d, ['a', 'b'], 'left')).toBeUndefined();
  });

  it('selected sticky notes are aligned and distributed with the cards (one undo step)', () => {
    const h = new History(scattered());
    h.apply({ type: 'addNote', id: 'note-1', position: { x: 500, y: 400 }, width: 200, height: 100 });
    const d = h.design;
    expect(arrangeRefusal(d, ['a', 'note-1'], 'left')).toBeUndefined();
    const left = apply(d, ['a', 'b', 'note-1'], 'left').design.layout.positions;
    expect([left.a.x, left.b.x, left['note-1'].x]).toEqual([10, 10, 10]);
    expect(left['note-1']).toMatchObject({ y: 400, width: 200, height: 100 });
    const bottom = apply(d, ['a', 'note-1'], 'bottom').design.layout.positions;
    expect([bottom.a.y + 54, bottom['note-1'].y + 100]).toEqual([500, 500]);
    const spread = apply(d, ['a', 'c', 'note-1'], 'horizontal');
    const p = spread.design.layout.positions;
    expect(Math.abs((p['note-1'].x - (p.a.x + 180)) - (p.c.x - (p['note-1'].x + 200)))).toBeLessThanOrEqual(1);
    spread.undo();
    expect(spread.design).toEqual(d);
  });

  it('a note is aligned with cards inside a container in that container\'s coordinates (its own stay absolute)', () => {
    const h = new History(scattered());
    h.apply({ type: 'addNote', id: 'note-1', position: { x: 700, y: 900 } });
    const d = h.design;
    // The subnet is drawn at vpc (0, 600) + (20, 40) = (20, 640) on the canvas, the note 260 lower.
    const r = arrangeCommand(d, ['sn', 'note-1'], 'top', sizes);
    if ('refused' in r) throw new Error(r.refused);
    const after = new History(d);
    after.apply(r.command);
    expect(after.design.layout.positions.sn).toMatchObject({ x: 20, y: 40 });
    expect(after.design.layout.positions['note-1']).toMatchObject({ x: 700, y: 640 });
  });

  it('a note alone is not enough to align, and notes do not excuse cards in different containers', () => {
    const h = new History(scattered());
    h.apply({ type: 'addNote', id: 'note-1', position: { x: 700, y: 900 } });
    expect(arrangeRefusal(h.design, ['note-1'], 'left')).toMatch(/Select 2 or more/);
    expect(arrangeRefusal(h.design, ['a', 'sn', 'note-1'], 'left')).toMatch(/different containers/);
  });
});

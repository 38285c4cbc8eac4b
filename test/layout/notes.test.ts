import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { autoLayout, autoLayoutCommand, withLayout } from '../../core/layout/autoLayout';
import { NOTE_COLUMN_GAP } from '../../core/layout/notes';
import type { Design } from '../../core/model/design';
import { CONTAINER_KINDS } from '../../core/model/placement';
import { TEMPLATES, template, overlap, rects, type Rect } from './checkLayout';


/** Every node on a small grid, overlapping (as in autoLayout.test.ts). */
function scrambled(design: Design): Design {
  const positions: Design['layout']['positions'] = {};
  design.nodes.forEach((n, i) => { positions[n.id] = { x: ((i * 7) % 5) * 40, y: ((i * 3) % 4) * 30 }; });
  return { ...design, layout: { ...design.layout, positions } };
}

function withNotes(design: Design, notes: { id: string; x: number; y: number; width?: number; height?: number }[]): Design {
  const positions = { ...design.layout.positions };
  for (const n of notes) positions[n.id] = { x: n.x, y: n.y, width: n.width ?? 200, height: n.height ?? 100 };
  return { ...design, layout: { ...design.layout, positions, notes: notes.map((n) => ({ id: n.id, text: `about ${n.id}` })) } };
}

const noteRect = (d: Design, id: string): Rect => {
  const p = d.layout.positions[id];
  return { x: p.x, y: p.y, width: p.width ?? 200, height: p.height ?? 100 };
};

/** What a person would see wrong: a note over a card, across a container's border, or on another note. */
function noteProblems(d: Design): string[] {
  const r = rects(d);
  const problems: string[] = [];
  const notes = (d.layout.notes ?? []).map((n) => n.id);
  for (const id of notes) {
    const box = noteRect(d, id);
    for (const node of d.nodes) {
      const b = r.get(node.id)!;
      const within = box.x >= b.x && box.y >= b.y && box.x + box.width <= b.x + b.width && box.y + box.height <= b.y + b.height;
      if (overlap(box, b) && !(CONTAINER_KINDS.includes(node.kind) && within)) problems.push(`${id} covers ${node.id}`);
    }
    for (const other of notes) if (other > id && overlap(box, noteRect(d, other))) problems.push(`${id} and ${other} overlap`);
  }
  return problems;
}

describe('auto-layout and sticky notes', () => {
  it('a note changes nothing about where the nodes go (VPC template, scrambled)', async () => {
    const design = scrambled(template('vpc-rds-external-api.design.json'));
    const without = await autoLayout(design);
    const noted = await autoLayout(withNotes(design, [{ id: 'note-1', x: 60, y: 40 }, { id: 'note-2', x: 2000, y: 900 }]));
    expect(Object.keys(without).some((id) => id.startsWith('note-'))).toBe(false);
    const nodesOnly = Object.fromEntries(Object.entries(noted).filter(([id]) => !id.startsWith('note-')));
    expect(JSON.stringify(nodesOnly)).toBe(JSON.stringify(without));
    expect(Object.keys(noted).filter((id) => id.startsWith('note-')).sort()).toEqual(['note-1', 'note-2']);
  });

  it('a note beside a card follows that card, at the same offset', async () => {
    const base = scrambled(template('vpc-rds-external-api.design.json'));
    base.layout.positions['ext-partner'] = { x: 1600, y: 0 };
    const design = withNotes(base, [{ id: 'note-1', x: 1800, y: 10 }]);
    const laid = withLayout(design, await autoLayout(design));
    const card = laid.layout.positions['ext-partner'];
    expect(card.x === 1600 && card.y === 0).toBe(false); // the card moved
    expect(laid.layout.positions['note-1']).toEqual({ x: card.x + 200, y: card.y + 10, width: 200, height: 100 });
    expect(noteProblems(laid)).toEqual([]);
  });

  it.each(TEMPLATES)('%s: notes on the scrambled pile end up covering no card and no other note', async (file) => {
    const base = scrambled(template(file));
    const design = withNotes(base, [{ id: 'note-1', x: 20, y: 20 }, { id: 'note-2', x: 60, y: 50, width: 300, height: 160 }, { id: 'note-3', x: 400, y: 0 }]);
    expect(noteProblems(design).length).toBeGreaterThan(0); // the check can fail: the pile fails it
    const laid = withLayout(design, await autoLayout(design));
    expect(noteProblems(laid)).toEqual([]);
    expect(laid.layout.positions['note-2']).toMatchObject({ width: 300, height: 160 });
  });

  it('notes that cannot stay by their node stack in a column right of the design, in the order they were', async () => {
    const base = scrambled(template('sns-fan-out.design.json'));
    const design = withNotes(base, [{ id: 'note-b', x: 30, y: 60 }, { id: 'note-a', x: 10, y: 10 }]);
    const laid = withLayout(design, await autoLayout(design));
    const right = Math.max(...[...rects(laid).values()].map((b) => b.x + b.width));
    const a = laid.layout.positions['note-a'];
    const b = laid.layout.positions['note-b'];
    expect(a.x).toBe(right + NOTE_COLUMN_GAP);
    expect(b.x).toBe(a.x);
    expect(b.y).toBeGreaterThanOrEqual(a.y + 100);
  });

  it('laying out a selection leaves a note by a card outside it where it was', async () => {
    const base = template('vpc-rds-external-api.design.json');
    const api = base.layout.positions['api-quotes'];
    const design = withNotes(base, [{ id: 'note-1', x: api.x, y: api.y - 140 }]);
    const laid = withLayout(design, await autoLayout(design, { only: ['ext-partner', 'aws-secrets'] }));
    expect(laid.layout.positions['note-1']).toEqual(design.layout.positions['note-1']);
  });

  it('applies with the nodes as one undoable step', async () => {
    const design = withNotes(scrambled(template('rest-api.design.json')), [{ id: 'note-1', x: 20, y: 20 }]);
    const command = autoLayoutCommand(design, await autoLayout(design));
    expect(command).toBeDefined();
    const h = new History(design);
    h.apply(command!);
    expect(noteProblems(h.design)).toEqual([]);
    expect(h.undoLabel).toBe('Auto-layout');
    h.undo();
    expect(h.design).toEqual(design);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { copyFragment, History, parseFragment, perform, serializeFragment } from '../../core/commands';
import { exportSam } from '../../core/iac/sam/index';
import { parseDesign } from '../../core/model/parse';
import { serializeDesign } from '../../core/model/serialize';
import { estimateCost } from '../../core/pricing/estimate';
import { sampleDesign } from './fixtures';

describe('sticky notes', () => {
  it('add, edit, move, resize and delete, each one undo step, saved in the file and read back', () => {
    const h = new History(sampleDesign());
    const added = h.apply({ type: 'addNote', position: { x: 40, y: 500 }, text: 'Ask the DBA\nabout failover' });
    expect(added.created).toEqual(['note-1']);
    h.apply({ type: 'editNote', id: 'note-1', text: 'Failover tested in March' });
    h.apply({ type: 'move', positions: { 'note-1': { x: 60, y: 520 } } });
    h.apply({ type: 'resize', nodeId: 'note-1', width: 260, height: 140 });
    const reread = parseDesign(serializeDesign(h.design));
    expect(reread.ok && reread.design.layout.notes).toEqual([{ id: 'note-1', text: 'Failover tested in March' }]);
    expect(reread.ok && reread.design.layout.positions['note-1']).toEqual({ x: 60, y: 520, width: 260, height: 140 });
    h.apply({ type: 'removeNotes', ids: ['note-1'] });
    expect(h.design.layout.notes ?? []).toEqual([]);
    expect(h.design.layout.positions['note-1']).toBeUndefined();
    expect(h.undoLabel).toBe('Delete note');
    for (let i = 0; i < 5; i++) h.undo();
    expect(h.design).toEqual(sampleDesign());
  });

  it('an unknown note is refused with its id', () => {
    expect(perform(sampleDesign(), { type: 'editNote', id: 'note-9', text: 'x' }).refused).toMatch(/no note "note-9"/);
  });

  it('never reaches the findings, the SAM export or the cost', () => {
    const design = sampleDesign();
    const withNote = perform(design, { type: 'addNote', position: { x: 0, y: 0 }, text: 'Orders handler must be idempotent' }).design;
    expect(analyze(withNote).findings).toEqual(analyze(design).findings);
    expect(exportSam(withNote).files).toEqual(exportSam(design).files);
    expect(JSON.stringify(estimateCost(withNote))).toEqual(JSON.stringify(estimateCost(design)));
  });

  it('is copied and pasted with the resources, under a new id, and survives the clipboard text', () => {
    let d = sampleDesign();
    d = perform(d, { type: 'addNote', position: { x: 100, y: 100 }, text: 'hot path' }).design;
    const parsed = parseFragment(serializeFragment(copyFragment(d, { nodes: ['q', 'note-1'] })));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = perform(d, { type: 'paste', fragment: parsed.fragment, offset: { x: 24, y: 24 } });
    expect(r.design.layout.notes?.map((n) => n.text)).toEqual(['hot path', 'hot path']);
    const copy = r.design.layout.notes?.[1].id ?? '';
    expect(copy).not.toBe('note-1');
    expect(r.created).toContain(copy);
    expect(r.design.layout.positions[copy]).toMatchObject({ x: 124, y: 124 });
  });
});

// A file from before notes loads with none.
it('a file without notes loads with none', () => {
  const r = parseDesign(readFileSync(new URL('../../templates/rest-api.design.json', import.meta.url), 'utf8'));
  expect(r.ok && r.design.layout.notes).toBeUndefined();
});

import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { createDesign } from '../../core/model';
import { sampleDesign } from './fixtures';

describe('History', () => {
  it('undoes and redoes every kind of command back to the same design', () => {
    const h = new History(sampleDesign());
    const start = h.design;
    const steps = [
      { type: 'addNode', kind: 'snsTopic', id: 'topic', position: { x: 1, y: 2 } },
      { type: 'connect', from: 'fn', to: 'topic', kind: 'access', props: { mode: 'publish' } },
      { type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 2048 },
      { type: 'setEdgeProp', edgeId: 't1', path: ['batchSize'], value: 5 },
      { type: 'rename', nodeId: 'q', name: 'Jobs' },
      { type: 'move', positions: { q: { x: 40, y: 40 } } },
      { type: 'addNode', kind: 'natGateway', id: 'nat', position: { x: 300, y: 300 } },
      { type: 'setParent', nodeId: 'nat', parent: 'sn' },
      { type: 'removeEdges', ids: ['t1'] },
      { type: 'removeNodes', ids: ['vpc'] },
      { type: 'setDesign', name: 'Renamed', region: 'ap-northeast-1' },
    ] as const;
    const after: unknown[] = [];
    for (const step of steps) {
      expect(h.apply(step).refused).toBeUndefined();
      after.push(h.design);
    }
    const end = h.design;
    for (let i = steps.length - 1; i >= 0; i--) {
      expect(h.design).toEqual(after[i]);
      expect(h.undo()).toBe(true);
    }
    expect(h.design).toEqual(start);
    expect(h.undo()).toBe(false);
    for (let i = 0; i < steps.length; i++) {
      expect(h.redo()).toBe(true);
      expect(h.design).toEqual(after[i]);
    }
    expect(h.design).toEqual(end);
    expect(h.redo()).toBe(false);
  });

  it('squashes a drag into one undo step', () => {
    const h = new History(sampleDesign());
    const start = h.design;
    for (let i = 1; i <= 30; i++) h.apply({ type: 'move', positions: { fn: { x: 300 + i, y: i } }, gesture: 'drag-1' });
    expect(h.design.layout.positions.fn).toEqual({ x: 330, y: 30 });
    expect(h.undo()).toBe(true);
    expect(h.design).toEqual(start);
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe(true);
    expect(h.design.layout.positions.fn).toEqual({ x: 330, y: 30 });
  });

  it('keeps two drags, or drags of different nodes, as separate steps', () => {
    const h = new History(sampleDesign());
    h.apply({ type: 'move', positions: { fn: { x: 1, y: 1 } }, gesture: 'a' });
    h.apply({ type: 'move', positions: { fn: { x: 2, y: 2 } }, gesture: 'b' });
    h.apply({ type: 'move', positions: { q: { x: 3, y: 3 } }, gesture: 'b' });
    h.undo();
    expect(h.design.layout.positions.fn).toEqual({ x: 2, y: 2 });
    h.undo();
    expect(h.design.layout.positions.fn).toEqual({ x: 1, y: 1 });
  });

  it('squashes a new node dragged right after it was added without losing the add', () => {
    const h = new History(createDesign('x'));
    h.apply({ type: 'addNode', kind: 'lambda', id: 'fn', position: { x: 0, y: 0 } });
    h.apply({ type: 'move', positions: { fn: { x: 5, y: 5 } }, gesture: 'g' });
    h.apply({ type: 'move', positions: { fn: { x: 9, y: 9 } }, gesture: 'g' });
    h.undo();
    expect(h.design.layout.positions.fn).toEqual({ x: 0, y: 0 });
    h.undo();
    expect(h.design.nodes).toEqual([]);
  });

  it('does not record ignored edits, and they do not clear redo', () => {
    const h = new History(sampleDesign());
    h.apply({ type: 'rename', nodeId: 'fn', name: 'A' });
    h.undo();
    const version = h.version;
    h.apply({ type: 'setViewport', viewport: { x: 1, y: 2, zoom: 1.5 } });
    expect(h.design.layout.viewport).toEqual({ x: 1, y: 2, zoom: 1.5 });
    expect(h.version).toBe(version);
    expect(h.canRedo).toBe(true);
    expect(h.canUndo).toBe(false);
  });

  it('records nothing for a refused command', () => {
    const h = new History(sampleDesign());
    const before = h.design;
    const r = h.apply({ type: 'connect', from: 'fn', to: 'q', kind: 'trigger' });
    expect(r.refused).toBeDefined();
    expect(h.design).toBe(before);
    expect(h.canUndo).toBe(false);
  });

  it('tracks a version for the unsaved-changes marker', () => {
    const h = new History(sampleDesign());
    const saved = h.version;
    h.apply({ type: 'rename', nodeId: 'fn', name: 'B' });
    expect(h.version).not.toBe(saved);
    h.undo();
    expect(h.version).toBe(saved);
    h.apply({ type: 'rename', nodeId: 'fn', name: 'C' });
    const other = h.version;
    h.undo();
    h.apply({ type: 'rename', nodeId: 'fn', name: 'D' });
    expect(h.version).not.toBe(other);
  });

  it('drops the oldest steps beyond its limit', () => {
    const h = new History(sampleDesign(), { limit: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) h.apply({ type: 'rename', nodeId: 'fn', name });
    let undone = 0;
    while (h.undo()) undone++;
    expect(undone).toBe(3);
    expect(h.design.nodes.find((n) => n.id === 'fn')?.name).toBe('b');
  });

  it('labels steps for menus', () => {
    const h = new History(sampleDesign());
    h.apply({ type: 'addNode', kind: 'lambda', position: { x: 0, y: 0 } });
    expect(h.undoLabel).toBe('Add Lambda function');
    h.undo();
    expect(h.redoLabel).toBe('Add Lambda function');
  });
});

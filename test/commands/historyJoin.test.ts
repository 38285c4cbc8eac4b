import { describe, expect, it } from 'vitest';
import { absolutePosition, History } from '../../core/commands';
import { sampleDesign } from './fixtures';

/** A drop that places the dragged card (drag moves + attach) is one undo step; a cancelled drop is none. */
describe('History { join: gesture }', () => {
  it('merges a drop into the drag it ends: one undo step, labelled by the drop, undone to before the drag', () => {
    const h = new History(sampleDesign());
    const start = h.design;
    for (let i = 1; i <= 5; i++) h.apply({ type: 'move', positions: { fn: { x: 40 + i, y: 360 + i } }, gesture: 'drag-1' });
    const dropped = absolutePosition(h.design, 'fn');
    h.apply({ type: 'attachToSubnets', nodeId: 'fn', subnets: ['sn'] }, { join: 'drag-1' });
    expect(h.design.nodes.find((n) => n.id === 'fn')?.props).toMatchObject({ vpc: { subnets: ['sn'] } });
    // The card stays where it was dropped, now relative to the subnet.
    expect(absolutePosition(h.design, 'fn')).toEqual(dropped);
    expect(h.undoLabel).toBe('Place in subnet');
    expect(h.undo()).toBe(true);
    expect(h.design).toEqual(start);
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe(true);
    expect(h.design.nodes.find((n) => n.id === 'fn')?.props).toMatchObject({ vpc: { subnets: ['sn'] } });
  });

  it('removes the step when the join brings the design back to where the drag started (a cancelled drop)', () => {
    const h = new History(sampleDesign());
    h.apply({ type: 'rename', nodeId: 'q', name: 'Jobs' });
    const before = h.design;
    const versionBefore = h.version;
    h.apply({ type: 'move', positions: { fn: { x: 10, y: 10 } }, gesture: 'drag-2' });
    h.apply({ type: 'move', positions: { fn: { x: 300, y: 0 } } }, { join: 'drag-2' });
    expect(h.design).toEqual(before);
    expect(h.version).toBe(versionBefore);
    expect(h.undoLabel).toBe('Rename');
  });

  it('never merges into a step of another gesture: with none of its own on top it records a new step', () => {
    const h = new History(sampleDesign());
    h.apply({ type: 'rename', nodeId: 'q', name: 'Jobs' });
    h.apply({ type: 'attachToSubnets', nodeId: 'fn', subnets: ['sn'] }, { join: 'drag-9' });
    expect(h.undoLabel).toBe('Place in subnet');
    h.undo();
    expect(h.undoLabel).toBe('Rename');
    expect(h.design.nodes.find((n) => n.id === 'q')?.name).toBe('Jobs');
  });

  it('keeps the commands of one resize gesture (move + resize batches) as one step', () => {
    const h = new History(sampleDesign());
    const start = h.design;
    for (let i = 1; i <= 4; i++) {
      h.apply({ type: 'batch', label: 'Resize', commands: [
        { type: 'move', positions: { vpc: { x: -i * 10, y: 300 } } },
        { type: 'resize', nodeId: 'vpc', width: 300 + i * 10, height: 200 },
      ] }, { join: 'resize-1' });
    }
    expect(h.design.layout.positions.vpc).toMatchObject({ x: -40, width: 340 });
    h.undo();
    expect(h.design).toEqual(start);
    expect(h.canUndo).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createDesign, createNode, type Design } from '../../core/model/design';
import { autoLayoutLabel, interpolate, selectedDesignNodes } from '../../renderer/canvas/useAutoLayout';
import { LayoutClient } from '../../renderer/iac/layoutClient';
import type { LayoutRequest, LayoutResponse } from '../../renderer/iac/layoutMessages';

describe('Auto-layout glide', () => {
  const from = { a: { x: 0, y: 100 }, vpc: { x: 10, y: 10, width: 800, height: 600 }, still: { x: 5, y: 5 } };
  const to = { a: { x: 200, y: 0 }, vpc: { x: 30, y: 10, width: 400, height: 300 }, fresh: { x: 50, y: 60 } };

  it('starts where the nodes were and ends where the layout puts them, sizes included', () => {
    expect(interpolate(from, to, 0)).toEqual({ ...from, fresh: { x: 50, y: 60 } });
    expect(interpolate(from, to, 1)).toEqual({ a: { x: 200, y: 0 }, vpc: { x: 30, y: 10, width: 400, height: 300 }, still: { x: 5, y: 5 }, fresh: { x: 50, y: 60 } });
  });

  it('is part-way in between, and leaves nodes the layout does not move alone', () => {
    const half = interpolate(from, to, 0.5);
    expect(half.a).toEqual({ x: 100, y: 50 });
    expect(half.vpc).toEqual({ x: 20, y: 10, width: 600, height: 450 });
    expect(half.still).toBe(from.still);
  });

  it('says what it will lay out', () => {
    expect(autoLayoutLabel(0)).toBe('Auto-layout');
    expect(autoLayoutLabel(1)).toBe('Auto-layout');
    expect(autoLayoutLabel(2)).toBe('Auto-layout selection');
  });

  it('counts the selected cards, not sticky notes: one card and a note lay out the whole design', () => {
    const design = { nodes: [{ id: 'fn' }, { id: 'q' }] } as unknown as Design;
    expect(selectedDesignNodes(design, ['fn', 'note-1'])).toEqual(['fn']);
    expect(autoLayoutLabel(selectedDesignNodes(design, ['fn', 'note-1']).length)).toBe('Auto-layout');
    expect(autoLayoutLabel(selectedDesignNodes(design, ['fn', 'q', 'note-1']).length)).toBe('Auto-layout selection');
  });
});

describe('LayoutClient.autoLayout', () => {
  class FakeWorker {
    onmessage: ((e: MessageEvent<LayoutResponse>) => void) | null = null;
    onerror: ((e: ErrorEvent) => void) | null = null;
    requests: LayoutRequest[] = [];
    postMessage(r: LayoutRequest) { this.requests.push(r); }
    terminate() {}
  }

  it('asks the worker for the selection\'s positions, and the newest request wins', async () => {
    const worker = new FakeWorker();
    const client = new LayoutClient(() => worker as unknown as Worker);
    const first = client.autoLayout(createDesign('X'));
    const second = client.autoLayout(createDesign('X'), ['a', 'b']);
    expect(worker.requests.map((r) => [r.task, 'only' in r ? r.only : undefined])).toEqual([['autoLayout', undefined], ['autoLayout', ['a', 'b']]]);
    worker.onmessage?.({ data: { id: worker.requests[1]!.id, ok: true, positions: { a: { x: 1, y: 2 } } } } as unknown as MessageEvent<LayoutResponse>);
    worker.onmessage?.({ data: { id: worker.requests[0]!.id, ok: true, positions: { a: { x: 9, y: 9 } } } } as unknown as MessageEvent<LayoutResponse>);
    expect(await first).toBeNull();
    expect(await second).toEqual({ a: { x: 1, y: 2 } });
  });

  it('lays out in place where there is no Worker', async () => {
    const design = createDesign('Y');
    design.nodes = [createNode('sqsQueue', 'q', 'Orders'), createNode('lambda', 'fn', 'Worker')];
    design.edges = [{ id: 't', kind: 'trigger', from: 'q', to: 'fn', props: {} } as Design['edges'][number]];
    const positions = await new LayoutClient(null).autoLayout(design);
    expect(positions?.q.x).toBeLessThan(positions?.fn.x ?? -1);
  });
});

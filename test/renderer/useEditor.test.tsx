// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createDesign, parseDesign, serializeDesign } from '../../core/model';
import type { Host } from '../../renderer/host';
import { suggestedFileName, useEditor, type Notices } from '../../renderer/useEditor';

function setup() {
  const host: Host = {
    platform: 'linux',
    openDesign: vi.fn(),
    saveDesign: vi.fn(async (_text: string, name: string, handle?: string) => ({ name, handle: handle ?? 'h' })),
    saveDesignAs: vi.fn(async () => ({ name: 'picked.design.json', handle: 'h-picked' })),
    onMenuCommand: () => () => undefined,
    setTitle: vi.fn(),
    takeStartupFile: async () => null,
    openTemplate: async () => null,
    exportFiles: async () => null,
    saveExportFile: async () => null,
    recentFiles: async () => [],
    openRecent: async () => null,
    reopensRecent: true,
  };
  const notices: Notices = { error: vi.fn(), info: vi.fn(), problems: vi.fn() };
  const { result } = renderHook(() => useEditor(host, notices));
  return { host, notices, result };
}

describe('useEditor', () => {
  it('keeps the current design when a file cannot be read, and reports where it is broken', () => {
    const { result, notices } = setup();
    act(() => void result.current.dispatch({ type: 'addNode', kind: 'lambda', id: 'fn', position: { x: 0, y: 0 } }));
    const before = result.current.design;
    act(() => void result.current.openText('bad.design.json', '{"format":"serverless-design","schemaVersion":1,"name":"x","nodes":[{"id":"a","kind":"nope","name":"A"}]}'));
    expect(result.current.design).toBe(before);
    expect(result.current.dirty).toBe(true);
    expect(notices.problems).toHaveBeenCalledWith('Cannot open bad.design.json', expect.stringContaining('unchanged'), [expect.objectContaining({ path: '$.nodes[0].kind' })]);
  });

  it('saves as first, then saves through the handle; the unsaved marker follows the history', async () => {
    const { result, host } = setup();
    act(() => void result.current.dispatch({ type: 'addNode', kind: 'sqsQueue', id: 'q', position: { x: 0, y: 0 } }));
    expect(result.current.dirty).toBe(true);
    await act(async () => void (await result.current.save(false)));
    expect(host.saveDesignAs).toHaveBeenCalledWith(expect.any(String), 'untitled-design.design.json');
    const saved = parseDesign(vi.mocked(host.saveDesignAs).mock.calls[0][0]);
    expect(saved.ok && saved.design.nodes.map((n) => n.id)).toEqual(['q']);
    expect(result.current.dirty).toBe(false);
    expect(result.current.file).toEqual({ name: 'picked.design.json', handle: 'h-picked' });

    act(() => void result.current.dispatch({ type: 'rename', nodeId: 'q', name: 'Jobs' }));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.undo());
    expect(result.current.dirty).toBe(false);
    act(() => result.current.redo());
    await act(async () => void (await result.current.save(false)));
    expect(host.saveDesign).toHaveBeenCalledWith(expect.any(String), 'picked.design.json', 'h-picked');
    expect(result.current.dirty).toBe(false);
  });

  it('reports a refused edit and a failed save without losing anything', async () => {
    const { result, notices, host } = setup();
    act(() => void result.current.dispatch({ type: 'rename', nodeId: 'missing', name: 'x' }));
    expect(notices.error).toHaveBeenCalledWith('There is no node "missing" in this design.');
    vi.mocked(host.saveDesignAs).mockRejectedValueOnce(new Error('disk full'));
    act(() => void result.current.dispatch({ type: 'addNode', kind: 'lambda', position: { x: 0, y: 0 } }));
    await act(async () => void (await result.current.save(true)));
    expect(notices.error).toHaveBeenLastCalledWith('Could not save: disk full');
    expect(result.current.dirty).toBe(true);
  });

  it('opens a readable file, resetting history and selection, and lists its repairs', () => {
    const { result } = setup();
    const text = serializeDesign({ ...createDesign('Other'), edges: [{ id: 'e', kind: 'invoke', from: 'a', to: 'b', props: { mode: 'sync' } }] });
    act(() => result.current.setSelection({ nodes: ['x'], edges: [] }));
    act(() => void result.current.openText('other.design.json', text, 'h1'));
    expect(result.current.design.name).toBe('Other');
    expect(result.current.canUndo).toBe(false);
    expect(result.current.selection).toEqual({ nodes: [], edges: [] });
    expect(result.current.problems.some((p) => p.repair)).toBe(true);
    expect(result.current.file).toEqual({ name: 'other.design.json', handle: 'h1' });
  });

  it('suggests a file name from the design name', () => {
    expect(suggestedFileName('Orders pipeline (v2)')).toBe('orders-pipeline-v2.design.json');
    expect(suggestedFileName('***')).toBe('design.design.json');
  });
});

// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiskChange, Host } from '../../renderer/host';
import { createElectronHost } from '../../renderer/host-electron';
import type { DesignerBridge } from '../../renderer/bridge';
import { DiskChangedWatcher, type DiskChangeEditor } from '../../renderer/panels/DiskChangedDialog';

afterEach(cleanup);

/** A host whose disk-change events the test raises. */
function fakeHost() {
  let listener: ((c: DiskChange) => void) | undefined;
  const host = { onDiskChanged: (cb: (c: DiskChange) => void) => { listener = cb; return () => { listener = undefined; }; } } as unknown as Host;
  return { host, raise: (c: DiskChange) => act(() => listener?.(c)), subscribed: () => listener !== undefined };
}

function fakeEditor(dirty = false, parses = true) {
  const editor = { file: { name: 'orders.design.json', handle: 'h-1' }, dirty, openText: vi.fn((_name: string, _text: string, _handle?: string) => parses), markUnsaved: vi.fn(() => undefined) };
  return editor satisfies DiskChangeEditor;
}

const changed: DiskChange = { kind: 'changed', handle: 'h-1', name: 'orders.design.json', text: '{"theirs":true}' };

describe('the open design changed on disk', () => {
  it('asks; Reload from disk opens the file\'s version with the same handle and the dialog goes', () => {
    const { host, raise } = fakeHost();
    const editor = fakeEditor();
    render(<DiskChangedWatcher host={host} editor={editor} />);
    expect(screen.queryByTestId('disk-changed-dialog')).toBeNull();
    raise(changed);
    expect(screen.getByRole('dialog', { name: 'orders.design.json changed on disk' })).toBeTruthy();
    expect(screen.queryByText(/discards your unsaved changes/)).toBeNull();
    fireEvent.click(screen.getByTestId('disk-reload'));
    expect(editor.openText).toHaveBeenCalledWith('orders.design.json', '{"theirs":true}', 'h-1');
    expect(editor.markUnsaved).not.toHaveBeenCalled();
    expect(screen.queryByTestId('disk-changed-dialog')).toBeNull();
  });

  it('Keep mine (focused first, also Escape) keeps the design and marks it unsaved, so closing asks and Save overwrites', () => {
    const { host, raise } = fakeHost();
    const editor = fakeEditor();
    render(<DiskChangedWatcher host={host} editor={editor} />);
    raise(changed);
    expect(document.activeElement).toBe(screen.getByTestId('disk-keep-mine'));
    expect(screen.getByText(/next Save replaces the file's version \(which is then kept as orders\.design\.json\.bak\)/)).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(editor.markUnsaved).toHaveBeenCalledTimes(1);
    expect(editor.openText).not.toHaveBeenCalled();
    expect(screen.queryByTestId('disk-changed-dialog')).toBeNull();
    raise({ ...changed, text: '{"again":true}' });
    fireEvent.click(screen.getByTestId('disk-keep-mine'));
    expect(editor.markUnsaved).toHaveBeenCalledTimes(2);
  });

  it('with unsaved changes, says that reloading discards them', () => {
    const { host, raise } = fakeHost();
    render(<DiskChangedWatcher host={host} editor={fakeEditor(true)} />);
    raise(changed);
    expect(screen.getByText(/discards your unsaved changes/)).toBeTruthy();
  });

  it('a file\'s version that does not read as a design leaves the design here, counted as unsaved', () => {
    const { host, raise } = fakeHost();
    const editor = fakeEditor(false, false);
    render(<DiskChangedWatcher host={host} editor={editor} />);
    raise(changed);
    fireEvent.click(screen.getByTestId('disk-reload'));
    expect(editor.openText).toHaveBeenCalled();
    expect(editor.markUnsaved).toHaveBeenCalled();
  });

  it('a change to a file that is no longer the open one is ignored', () => {
    const { host, raise } = fakeHost();
    render(<DiskChangedWatcher host={host} editor={fakeEditor()} />);
    raise({ ...changed, handle: 'h-old' });
    expect(screen.queryByTestId('disk-changed-dialog')).toBeNull();
  });

  it('a deleted or moved file: the design stays open and counts as unsaved', () => {
    const { host, raise } = fakeHost();
    const editor = fakeEditor();
    render(<DiskChangedWatcher host={host} editor={editor} />);
    raise({ kind: 'removed', handle: 'h-1', name: 'orders.design.json' });
    expect(screen.getByRole('dialog', { name: 'orders.design.json was deleted or moved' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('disk-keep-mine'));
    expect(editor.markUnsaved).toHaveBeenCalled();
    expect(editor.openText).not.toHaveBeenCalled();
  });

  it('the desktop host passes the bridge\'s events through; a host without them (browser, older preload) has none', () => {
    const calls: string[] = [];
    const bridge = {
      platform: 'linux',
      onMenuCommand: () => () => undefined,
      onDiskChanged: () => { calls.push('disk'); return () => undefined; },
      onOpenRequested: () => { calls.push('open'); return () => undefined; },
    } as unknown as DesignerBridge;
    const host = createElectronHost(bridge);
    host.onDiskChanged?.(() => undefined);
    host.onOpenRequested?.(() => undefined);
    expect(calls).toEqual(['disk', 'open']);
    const older = createElectronHost({ platform: 'linux', onMenuCommand: () => () => undefined } as unknown as DesignerBridge);
    expect(older.onDiskChanged).toBeUndefined();
    expect(older.onOpenRequested).toBeUndefined();
  });
});

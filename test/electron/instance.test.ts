import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { DesignerBridge } from '../../renderer/bridge';

vi.mock('electron', () => ({}));

const { claimSingleInstance, createOpenHandler, designPathFromArgv, discardQuestion, PendingOpen } = await import('../../electron/instance');

/** A stand-in for Electron's `app`: records its listeners so a test can raise the events. */
function fakeApp(locked: boolean, isPackaged = true) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    isPackaged,
    requestSingleInstanceLock: vi.fn(() => locked),
    quit: vi.fn(),
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) => {
      listeners.set(name, fn);
    }),
  };
}

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  const win = {
    calls,
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return win as typeof win & BrowserWindow;
}

const tempDesign = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-instance-'));
  writeFileSync(join(dir, 'orders.design.json'), '{}');
  return dir;
};

describe('designPathFromArgv', () => {
  it('finds the .json design after the executable, resolved against the launch\'s folder', () => {
    const dir = tempDesign();
    expect(designPathFromArgv(['/opt/sd/serverless-designer', 'orders.design.json'], { packaged: true, cwd: dir })).toBe(join(dir, 'orders.design.json'));
    // Unpackaged, argv[1] is the app folder.
    expect(designPathFromArgv(['electron', '.', 'orders.design.json'], { packaged: false, cwd: dir })).toBe(join(dir, 'orders.design.json'));
  });

  it('skips the switches Chromium adds to a second instance and a file that does not exist', () => {
    const dir = tempDesign();
    const argv = ['/opt/sd/serverless-designer', '--allow-file-access-from-files', '--original-process-start-time=1', join(dir, 'ORDERS.JSON'), join(dir, 'orders.design.json')];
    // ORDERS.JSON does not exist (the file system here is case-sensitive or not: either way the first .json decides).
    const found = designPathFromArgv(argv, { packaged: true, cwd: '/', exists: (p) => p.endsWith('orders.design.json') });
    expect(found).toBeUndefined();
    expect(designPathFromArgv(argv.filter((a) => !a.endsWith('ORDERS.JSON')), { packaged: true, cwd: '/' })).toBe(join(dir, 'orders.design.json'));
    expect(designPathFromArgv(['/opt/sd/serverless-designer', '--inspect'], { packaged: true })).toBeUndefined();
    expect(designPathFromArgv(['/opt/sd/serverless-designer', 'missing.json'], { packaged: true, cwd: dir })).toBeUndefined();
  });
});

describe('claimSingleInstance', () => {
  it('a second launch that cannot get the lock quits and registers nothing', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app as never, { window: () => undefined, open: vi.fn() })).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listeners.size).toBe(0);
  });

  it('second-instance focuses the running window (restoring it) and opens the other launch\'s file', () => {
    const app = fakeApp(true);
    const win = fakeWindow(true);
    const open = vi.fn();
    expect(claimSingleInstance(app as never, { window: () => win, open })).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    const dir = tempDesign();
    app.listeners.get('second-instance')?.({}, ['/opt/sd/serverless-designer', '--flag', 'orders.design.json'], dir);
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
    expect(open).toHaveBeenCalledWith(join(dir, 'orders.design.json'));
  });

  it('a second launch without a file only focuses the window', () => {
    const app = fakeApp(true);
    const win = fakeWindow();
    const open = vi.fn();
    claimSingleInstance(app as never, { window: () => win, open });
    app.listeners.get('second-instance')?.({}, ['/opt/sd/serverless-designer'], '/');
    expect(win.calls).toEqual(['show', 'focus']);
    expect(open).not.toHaveBeenCalled();
  });

  it('macOS open-file is taken over (default prevented) and opened, also with no window yet', () => {
    const app = fakeApp(true);
    const open = vi.fn();
    claimSingleInstance(app as never, { window: () => undefined, open });
    const event = { preventDefault: vi.fn() };
    app.listeners.get('open-file')?.(event, '/Users/me/orders.design.json');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith('/Users/me/orders.design.json');
  });
});

describe('opening a handed-over file', () => {
  function setup(options: { win?: ReturnType<typeof fakeWindow>; edited?: boolean; agree?: boolean; ready?: boolean }) {
    const pending = new PendingOpen();
    const deps = {
      pending,
      window: () => options.win,
      edited: () => options.edited ?? false,
      confirmDiscard: vi.fn(async () => options.agree ?? false),
      notify: vi.fn(),
      ready: () => options.ready ?? true,
      createWindow: vi.fn(),
    };
    return { pending, deps, open: createOpenHandler(deps) };
  }

  it('with no unsaved changes, the renderer is told to take the file, which it gets once', async () => {
    const win = fakeWindow();
    const { pending, deps, open } = setup({ win });
    await open('/d/orders.design.json');
    expect(deps.confirmDiscard).not.toHaveBeenCalled();
    expect(deps.notify).toHaveBeenCalledWith(win);
    expect(pending.take()).toBe('/d/orders.design.json');
    expect(pending.take()).toBeUndefined();
  });

  it('with unsaved changes it asks first; Cancel leaves the design and drops the request', async () => {
    const win = fakeWindow();
    const { pending, deps, open } = setup({ win, edited: true, agree: false });
    await open('/d/orders.design.json');
    expect(deps.confirmDiscard).toHaveBeenCalledWith(win, '/d/orders.design.json');
    expect(deps.notify).not.toHaveBeenCalled();
    expect(pending.take()).toBeUndefined();
  });

  it('with unsaved changes and "Discard and Open", the file is opened', async () => {
    const win = fakeWindow();
    const { pending, deps, open } = setup({ win, edited: true, agree: true });
    await open('/d/orders.design.json');
    expect(deps.notify).toHaveBeenCalled();
    expect(pending.take()).toBe('/d/orders.design.json');
  });

  it('with no window (macOS, all closed) a window is opened and takes the file at start; before ready it just waits', async () => {
    const ready = setup({});
    await ready.open('/d/a.design.json');
    expect(ready.deps.createWindow).toHaveBeenCalled();
    expect(ready.pending.take()).toBe('/d/a.design.json');
    const early = setup({ ready: false });
    await early.open('/d/b.design.json');
    expect(early.deps.createWindow).not.toHaveBeenCalled();
    expect(early.pending.take()).toBe('/d/b.design.json');
  });

  it('the question names the file, and Cancel is the default', () => {
    const q = discardQuestion('/d/orders.design.json');
    expect(q.message).toContain('orders.design.json');
    expect(q.buttons[q.defaultId]).toBe('Cancel');
    expect(q.cancelId).toBe(q.defaultId);
  });
});

describe('the preload passes open requests and disk changes on, without the IPC event', () => {
  it('forwards sd:open-requested and well-formed sd:disk-changed payloads only, and unsubscribes', async () => {
    vi.resetModules();
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const exposed: Record<string, unknown> = {};
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (_name: string, api: Record<string, unknown>) => Object.assign(exposed, api) },
      ipcRenderer: {
        invoke: vi.fn(), send: vi.fn(),
        on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, fn),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    }));
    await import('../../electron/preload');
    const bridge = exposed as unknown as DesignerBridge;
    const opened = vi.fn();
    const offOpen = bridge.onOpenRequested?.(opened);
    listeners.get('sd:open-requested')?.({ sender: 'secret' });
    expect(opened).toHaveBeenCalledWith();
    const changes: unknown[] = [];
    const offDisk = bridge.onDiskChanged?.((c) => changes.push(c));
    const disk = listeners.get('sd:disk-changed');
    disk?.({}, { kind: 'changed', handle: 'h', name: 'a.json', text: '{}' });
    disk?.({}, { kind: 'changed', handle: 'h', name: 'a.json' });
    disk?.({}, { kind: 'removed', handle: 'h', name: 'a.json' });
    disk?.({}, null);
    expect(changes).toEqual([{ kind: 'changed', handle: 'h', name: 'a.json', text: '{}' }, { kind: 'removed', handle: 'h', name: 'a.json' }]);
    offOpen?.();
    offDisk?.();
    expect([...listeners.keys()]).toEqual([]);
    vi.doUnmock('electron');
  });
});

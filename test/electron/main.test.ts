import { beforeAll, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's main-process API: records what main.ts wires up.
const electron = vi.hoisted(() => {
  let ready: () => void = () => undefined;
  const windows: { options: Record<string, unknown>; loaded?: string; background?: string; on: Map<string, (...a: unknown[]) => void>; contentsOn: Map<string, (...a: unknown[]) => void>; sent: unknown[][] }[] = [];
  class BrowserWindow {
    webContents: { send: (...a: unknown[]) => void; on: (name: string, fn: (...a: unknown[]) => void) => void; reload: () => void };
    record: (typeof windows)[number];
    constructor(options: Record<string, unknown>) {
      const record: (typeof windows)[number] = { options, on: new Map(), contentsOn: new Map(), sent: [] };
      this.record = record;
      this.webContents = { send: (...a) => record.sent.push(a), on: (name, fn) => record.contentsOn.set(name, fn), reload: () => undefined };
      windows.push(record);
    }
    isDestroyed() { return false; }
    show() {}
    focus() {}
    once() { return this; }
    on(name: string, fn: (...a: unknown[]) => void) { this.record.on.set(name, fn); return this; }
    loadURL(url: string) { this.record.loaded = url; return Promise.resolve(); }
    setTitle() {}
    setBackgroundColor(color: string) { this.record.background = color; }
    isMinimized() { return false; }
  }
  return {
    windows,
    resolveReady: () => ready(),
    app: {
      whenReady: () => new Promise<void>((r) => { ready = r; }),
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => true,
      on: vi.fn(),
      quit: vi.fn(),
      isPackaged: false,
      getAppPath: () => '/opt/app',
      getPath: (name: string) => `/home/me/.config/${name}`,
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBoxSync: vi.fn(), showMessageBox: vi.fn(() => new Promise(() => undefined)) },
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    // The OS is dark; themeSource overrides it as Electron's nativeTheme does.
    nativeTheme: {
      themeSource: 'system' as 'system' | 'light' | 'dark',
      get shouldUseDarkColors() { return this.themeSource !== 'light'; },
    },
  };
});

vi.mock('electron', () => electron);

beforeAll(async () => {
  await import('../../electron/main');
  electron.resolveReady();
  await new Promise((r) => setTimeout(r, 0));
});

describe('electron/main wiring', () => {
  it('registers app:// as a privileged scheme before ready and serves the bundle through it', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.windows[0].loaded).toBe('app://bundle/index.html');
  });

  it('creates the window sandboxed and isolated, and enables the sandbox app-wide', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0].options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((electron.windows[0].options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
  });

  it('hardens every web contents and denies permissions', () => {
    expect(electron.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const deny = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0][0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const cb = vi.fn();
    deny({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('registers only sd: IPC channels and an application menu', () => {
    const channels = [...electron.ipcMain.handle.mock.calls, ...electron.ipcMain.on.mock.calls].map((c) => c[0] as string);
    expect(channels.length).toBeGreaterThanOrEqual(5);
    expect(channels.every((c) => c.startsWith('sd:'))).toBe(true);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('the app window\'s theme choice becomes nativeTheme.themeSource and the window background', () => {
    const setTheme = electron.ipcMain.on.mock.calls.find((c) => c[0] === 'sd:set-theme')?.[1] as (e: unknown, r: unknown) => void;
    const app = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    setTheme(app, { theme: 'light' });
    expect(electron.nativeTheme.themeSource).toBe('light');
    expect(electron.windows[0].background).toBe('#f4f6f9');
    setTheme(app, { theme: 'system' });
    expect(electron.nativeTheme.themeSource).toBe('system');
    expect(electron.windows[0].background).toBe('#0f141a');
    setTheme({ senderFrame: { url: 'https://evil.example/', parent: null } }, { theme: 'light' });
    expect(electron.nativeTheme.themeSource).toBe('system');
  });

  it('asks before closing a window with unsaved changes', () => {
    const setTitle = electron.ipcMain.on.mock.calls.find((c) => c[0] === 'sd:set-title')?.[1] as (e: unknown, r: unknown) => void;
    setTitle({ senderFrame: { url: 'app://bundle/index.html', parent: null } }, { title: '● x', edited: true });
    electron.dialog.showMessageBoxSync.mockReturnValue(2);
    const event = { preventDefault: vi.fn() };
    electron.windows[0].on.get('close')?.(event);
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalled();
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('while the page is gone, a menu command (Save) is answered with the crash box and closing does not ask to save', () => {
    const win = electron.windows[0];
    const menu = electron.Menu.buildFromTemplate.mock.calls[0][0] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    const save = menu.find((m) => m.label === 'File')?.submenu?.find((i) => i.label === 'Save');
    save?.click?.();
    expect(win.sent).toEqual([['sd:menu-command', 'save']]);
    win.contentsOn.get('render-process-gone')?.({}, { reason: 'crashed', exitCode: 11 });
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    save?.click?.();
    expect(win.sent).toHaveLength(1);
    expect((electron.dialog.showMessageBox.mock.calls[0] as unknown[])[1]).toMatchObject({ message: 'The design window stopped working: it crashed, exit code 11.' });
    const setTitle = electron.ipcMain.on.mock.calls.find((c) => c[0] === 'sd:set-title')?.[1] as (e: unknown, r: unknown) => void;
    setTitle({ senderFrame: { url: 'app://bundle/index.html', parent: null } }, { title: '● x', edited: true });
    electron.dialog.showMessageBoxSync.mockClear();
    const event = { preventDefault: vi.fn() };
    win.on.get('close')?.(event);
    expect(electron.dialog.showMessageBoxSync).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('a second launch with a design hands it to this window: the renderer is told, and takes it once', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sd-main-'));
    writeFileSync(join(dir, 'second.design.json'), JSON.stringify({ format: 'not a design' }));
    const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    const setTitle = electron.ipcMain.on.mock.calls.find((c) => c[0] === 'sd:set-title')?.[1] as (e: unknown, r: unknown) => void;
    setTitle(trusted, { title: 'x', edited: false });
    const secondInstance = electron.app.on.mock.calls.find((c) => c[0] === 'second-instance')?.[1] as (e: unknown, argv: string[], cwd: string) => void;
    const win = electron.windows[0];
    const before = win.sent.length;
    secondInstance({}, ['electron', '.', '--some-chromium-switch', 'second.design.json'], dir);
    await new Promise((r) => setTimeout(r, 0));
    expect(win.sent.slice(before)).toEqual([['sd:open-requested']]);
    const take = electron.ipcMain.handle.mock.calls.find((c) => c[0] === 'sd:take-startup-file')?.[1] as (e: unknown) => Promise<{ ok: boolean; value: { name: string } | null }>;
    expect((await take(trusted)).value).toMatchObject({ name: 'second.design.json' });
    expect((await take(trusted)).value).toBeNull();
  });
});

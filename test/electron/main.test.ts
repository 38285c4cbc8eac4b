import { beforeAll, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's main-process API: records what main.ts wires up.
const electron = vi.hoisted(() => {
  let ready: () => void = () => undefined;
  const windows: { options: Record<string, unknown>; loaded?: string; background?: string; on: Map<string, (...a: unknown[]) => void> }[] = [];
  class BrowserWindow {
    webContents = { send: () => undefined };
    record: (typeof windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, on: new Map() };
      windows.push(this.record);
    }
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
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBoxSync: vi.fn() },
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
});

import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { BlessedPaths } = await import('../../electron/files');
const { createIpcHandlers } = await import('../../electron/ipc');
const { CHANNELS } = await import('../../electron/ipc-contract');
const { applyNativeTheme, WINDOW_BACKGROUND } = await import('../../electron/theme');
const { createElectronHost } = await import('../../renderer/host-electron');

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } } as never;

/** Electron's nativeTheme on a dark desktop: themeSource overrides the OS. */
const fakeNativeTheme = () => ({
  themeSource: 'system' as 'system' | 'light' | 'dark',
  get shouldUseDarkColors() { return this.themeSource !== 'light'; },
});

describe('sd:set-theme (the in-app theme for native menus, dialogs and the window)', () => {
  it('passes System / Light / Dark from the app window, and nothing else', () => {
    const themes: string[] = [];
    const h = createIpcHandlers({
      blessed: new BlessedPaths([]), pickFileToOpen: async () => undefined, pickFileToSave: async () => undefined,
      setTitle: () => undefined, takeStartupPath: () => undefined, setTheme: (t) => themes.push(t),
    });
    const send = (event: never, ...args: unknown[]) => h.send[CHANNELS.setTheme](event, ...args);
    send(trusted, { theme: 'dark' });
    send(trusted, { theme: 'system' });
    send(trusted, { theme: 'light' });
    for (const bad of [{ theme: 'blue' }, { theme: 'dark', extra: 1 }, { theme: 1 }, 'dark', null, {}]) send(trusted, bad);
    send(trusted, { theme: 'dark' }, { theme: 'light' });
    send({ senderFrame: { url: 'https://evil.example/', parent: null } } as never, { theme: 'dark' });
    send({ senderFrame: { url: 'app://bundle/index.html', parent: {} } } as never, { theme: 'dark' });
    expect(themes).toEqual(['dark', 'system', 'light']);
  });

  it('sets nativeTheme.themeSource and the window background of the theme in effect', () => {
    const nativeTheme = fakeNativeTheme();
    const win = { setBackgroundColor: vi.fn() };
    applyNativeTheme(nativeTheme, win, 'light');
    expect(nativeTheme.themeSource).toBe('light');
    expect(win.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUND.light);
    applyNativeTheme(nativeTheme, win, 'system');
    expect(nativeTheme.themeSource).toBe('system');
    expect(win.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUND.dark);
    // No window (yet, or closed): the theme source is still set.
    applyNativeTheme(nativeTheme, undefined, 'dark');
    applyNativeTheme(nativeTheme, { setBackgroundColor: () => { throw new Error('destroyed'); }, isDestroyed: () => true }, 'light');
    expect(nativeTheme.themeSource).toBe('light');
  });

  it('the desktop host sends the choice over the bridge; a bridge without it gives a host without it', () => {
    const setTheme = vi.fn();
    type Bridge = Parameters<typeof createElectronHost>[0];
    const base = { platform: 'linux', onMenuCommand: () => () => undefined } as unknown as Bridge;
    createElectronHost({ ...base, setTheme } as Bridge).setTheme?.('dark');
    expect(setTheme).toHaveBeenCalledWith({ theme: 'dark' });
    expect(createElectronHost(base).setTheme).toBeUndefined();
  });
});

import type { BrowserWindow, MessageBoxOptions, RenderProcessGoneDetails } from 'electron';

/** A renderer that stops again within this long after a reload is in a crash loop. */
export const CRASH_LOOP_MS = 30_000;
/** After this many quick deaths in a row, Reload is no longer offered (only Close). */
export const MAX_QUICK_RELOADS = 2;
/** The 'render-process-gone' that follows ending a hung page (Reload on "not responding") is expected this soon. */
const KILL_GRACE_MS = 5_000;

/** The window parts the guard uses (a BrowserWindow; tests pass a stand-in). */
export interface GuardedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
}

export interface GuardDeps {
  /** Electron's dialog.showMessageBox (window-modal; `signal` closes it as if cancelled). */
  showMessageBox(win: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  now?(): number;
  /** Told when the page dies (main forgets a pending "close after saving": that save is not coming). */
  onGone?(): void;
}

export interface RendererGuard {
  /** True while the page is gone (crashed, killed, out of memory) and not yet reloaded. */
  isGone(): boolean;
  /** Shows the "stopped working" box again (a menu command that needs the page while it is gone). */
  explain(): Promise<void>;
}

const REASONS: Record<RenderProcessGoneDetails['reason'], string> = {
  'clean-exit': 'exited',
  'abnormal-exit': 'exited unexpectedly',
  killed: 'was killed (by the system or another program)',
  crashed: 'crashed',
  oom: 'ran out of memory',
  'launch-failed': 'could not start',
  'integrity-failure': 'failed a code integrity check',
  'memory-eviction': 'was closed by the system to free memory',
};

/** What the user is told, for a reason Electron gives. */
export function goneMessage(details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>): string {
  return `The design window stopped working: it ${REASONS[details.reason] ?? `stopped (${details.reason})`}, exit code ${details.exitCode}.`;
}

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

/** Watches the window's page and answers when it dies or hangs, with a native box:
 *  - gone (crashed, killed, out of memory…): Reload (the page starts again and offers the
 *    autosaved draft) or Close. If it dies again within CRASH_LOOP_MS of a reload, the box says
 *    so and defaults to Close; after MAX_QUICK_RELOADS such deaths in a row only Close is offered.
 *  - unresponsive: Keep waiting (default), Reload (the hung page is ended, then reloaded) or Close;
 *    the box goes away by itself when the page becomes responsive again.
 *  A 'clean-exit' of a window being destroyed is the app closing, not a crash. */
export function guardRenderer(win: GuardedWindow, deps: GuardDeps): RendererGuard {
  const now = deps.now ?? Date.now;
  let gone: RenderProcessGoneDetails | undefined;
  let lastReloadAt: number | undefined;
  let quickDeaths = 0;
  let killedHungPageAt: number | undefined;
  let unresponsiveBox: AbortController | undefined;
  let goneBox: Promise<void> | undefined;
  const box = (options: MessageBoxOptions) => deps.showMessageBox(win as unknown as BrowserWindow, options);

  const reload = () => {
    gone = undefined;
    lastReloadAt = now();
    win.webContents.reload();
  };

  const askAfterGone = async (details: RenderProcessGoneDetails, sinceReload: number | undefined): Promise<void> => {
    const looping = quickDeaths > 0;
    const offerReload = quickDeaths < MAX_QUICK_RELOADS;
    const detail = [
      looping && sinceReload !== undefined ? `It stopped again ${seconds(sinceReload)} s after reloading${quickDeaths > 1 ? ` (${quickDeaths} times in a row)` : ''}, so reloading is unlikely to help.` : '',
      offerReload ? 'Reload starts the page again; it offers back your latest changes from the autosaved draft.' : 'Reload is not offered again. Your latest changes stay in the autosaved draft: start the app again later and it offers them back.',
      'Close closes the window; the autosaved draft is kept.',
    ].filter(Boolean).join(' ');
    const buttons = offerReload ? ['Reload', 'Close'] : ['Close'];
    const { response } = await box({
      type: 'error', title: 'Serverless Designer', buttons, defaultId: offerReload && !looping ? 0 : buttons.length - 1, cancelId: buttons.length - 1, noLink: true,
      message: goneMessage(details), detail,
    });
    if (win.isDestroyed() || gone !== details) return;
    if (buttons[response] === 'Reload') reload();
    else win.destroy();
  };

  const showGone = () => {
    if (!gone) return Promise.resolve();
    goneBox ??= askAfterGone(gone, lastReloadAt === undefined ? undefined : now() - lastReloadAt).finally(() => {
      goneBox = undefined;
    });
    return goneBox;
  };

  win.webContents.on('render-process-gone', (_event, details) => {
    if (win.isDestroyed() || details.reason === 'clean-exit') return;
    unresponsiveBox?.abort();
    if (killedHungPageAt !== undefined && now() - killedHungPageAt < KILL_GRACE_MS) {
      // The user chose Reload on a hung page: this is that page ending (the reload is under way).
      killedHungPageAt = undefined;
      return;
    }
    killedHungPageAt = undefined;
    const sinceReload = lastReloadAt === undefined ? undefined : now() - lastReloadAt;
    quickDeaths = sinceReload !== undefined && sinceReload < CRASH_LOOP_MS ? quickDeaths + 1 : 0;
    gone = details;
    deps.onGone?.();
    void showGone();
  });

  win.on('unresponsive', () => {
    if (gone || unresponsiveBox || win.isDestroyed()) return;
    const controller = new AbortController();
    unresponsiveBox = controller;
    const buttons = ['Keep waiting', 'Reload', 'Close'];
    void box({
      type: 'warning', title: 'Serverless Designer', buttons, defaultId: 0, cancelId: 0, noLink: true, signal: controller.signal,
      message: 'The design window is not responding.',
      detail: 'It may be busy with a large design. Keep waiting lets it finish; this box closes by itself when it responds. Reload ends the page and starts it again (it offers back your latest changes from the autosaved draft). Close closes the window.',
    }).then(({ response }) => {
      unresponsiveBox = undefined;
      if (controller.signal.aborted || win.isDestroyed()) return;
      if (buttons[response] === 'Reload') {
        // Electron: end the hung process, then reload() at once to start the page in a new one.
        killedHungPageAt = now();
        win.webContents.forcefullyCrashRenderer();
        reload();
      } else if (buttons[response] === 'Close') {
        win.destroy();
      }
    });
  });

  win.on('responsive', () => {
    unresponsiveBox?.abort();
    unresponsiveBox = undefined;
  });

  return { isGone: () => gone !== undefined, explain: showGone };
}

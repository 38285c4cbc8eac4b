import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { App, BrowserWindow } from 'electron';

/** A design path in a command line (`serverless-designer-app orders.design.json`): the first
 *  argument after the executable (and, unpackaged, the app folder) that is not a switch and ends
 *  in .json, resolved against the launch's working directory; undefined when there is none or it
 *  does not exist. Chromium adds its own `--switches` to a second instance's argv: they are skipped. */
export function designPathFromArgv(argv: readonly string[], options: { packaged: boolean; cwd?: string; exists?: (path: string) => boolean }): string | undefined {
  const args = argv.slice(options.packaged ? 1 : 2);
  const candidate = args.find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.json'));
  if (!candidate) return undefined;
  const path = resolve(options.cwd ?? process.cwd(), candidate);
  return (options.exists ?? existsSync)(path) ? path : undefined;
}

/** What the running instance does with a file another launch (or the macOS Finder) asks it to open. */
export interface OpenRequests {
  /** The app window, when there is one. */
  window(): BrowserWindow | undefined;
  /** Opens the path: in the running window (asking about unsaved work first), or in a new window. */
  open(path: string): void;
}

/** Brings the window to the front (restoring it when minimised). */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** One instance of the app: a second launch hands its file to this one and quits. Returns false
 *  in the second instance (which has already asked to quit); the first registers:
 *  - 'second-instance': focus the window; a design path in the other launch's argv (resolved
 *    against its working directory) is opened here;
 *  - 'open-file' (macOS: a file dropped on the Dock icon or opened from Finder, also before the
 *    app is ready): opened the same way. */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on' | 'isPackaged'>, requests: OpenRequests): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow(requests.window());
    const path = designPathFromArgv(argv, { packaged: app.isPackaged, cwd: workingDirectory });
    if (path) requests.open(path);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    focusWindow(requests.window());
    requests.open(resolve(path));
  });
  return true;
}

/** The one file waiting to be opened: the command line's at start, later one another launch
 *  handed over. The renderer takes it (`sd:take-startup-file`) at start, and again whenever main
 *  tells it one is waiting (`sd:open-requested`). The newest request wins. */
export class PendingOpen {
  private path: string | undefined;

  constructor(initial?: string) {
    this.path = initial;
  }

  set(path: string): void {
    this.path = path;
  }

  /** The waiting path, once. */
  take(): string | undefined {
    const path = this.path;
    this.path = undefined;
    return path;
  }
}

/** The question asked before another launch's file replaces a design with unsaved changes (the
 *  same one Open… asks in the app). */
export const discardQuestion = (path: string) => ({
  type: 'warning' as const,
  buttons: [`Discard and Open ${basename(path)}`, 'Cancel'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  message: `Open ${basename(path)} and discard your unsaved changes?`,
  detail: 'Another launch asked to open this design here. Cancel keeps your design open; save it first, then open the file again.',
});

export interface OpenHandlerDeps {
  pending: PendingOpen;
  window(): BrowserWindow | undefined;
  /** Whether the design in the window has unsaved changes (the renderer reports it with the title). */
  edited(): boolean;
  /** Asks before discarding unsaved changes (a native box with discardQuestion); true to go on. */
  confirmDiscard(win: BrowserWindow, path: string): Promise<boolean>;
  /** Tells the renderer a file is waiting (it takes it like the startup file). */
  notify(win: BrowserWindow): void;
  /** Whether the app is ready (before that, the file waits for the first window). */
  ready(): boolean;
  /** Opens a window (macOS keeps the app running with none); it takes the file at start. */
  createWindow(): void;
}

/** The `open` of OpenRequests: before the app is ready or with no window, the file waits for the
 *  window's start-up; with a window, unsaved changes are asked about first (Cancel leaves
 *  everything as it was and drops the request), then the renderer is told to take the file. */
export function createOpenHandler(deps: OpenHandlerDeps): (path: string) => Promise<void> {
  return async (path) => {
    const win = deps.window();
    if (!win || win.isDestroyed()) {
      deps.pending.set(path);
      if (deps.ready()) deps.createWindow();
      return;
    }
    if (deps.edited() && !(await deps.confirmDiscard(win, path))) return;
    deps.pending.set(path);
    deps.notify(win);
  };
}

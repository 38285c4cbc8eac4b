import { basename, join, resolve } from 'node:path';
import { app, BrowserWindow, clipboard, ClipboardItem as NativeClipboardItem, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell, type FileFilter } from 'electron';
import { guardRenderer, type RendererGuard } from './crash';
import { BlessedPaths } from './files';
import { claimSingleInstance, createOpenHandler, designPathFromArgv, discardQuestion, PendingOpen } from './instance';
import { DraftFiles } from './drafts';
import { createIpcHandlers, registerIpcHandlers } from './ipc';
import { DesignWatcher } from './watch';
import { CHANNELS, type MenuCommand } from './ipc-contract';
import { menuTemplate } from './menu';
import { RecentFiles } from './recent';
import { applyNativeTheme } from './theme';
import { APP_ENTRY, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler, hardenSession, hardenWebContents, windowOptions } from './window';

// Wiring only: every decision lives in a tested module (window, files, ipc, menu).

const DESIGN_FILTERS = [{ name: 'Serverless designs', extensions: ['json'] }];
const EXPORT_FILTERS: Record<'svg' | 'png' | 'html' | 'md', FileFilter> = {
  svg: { name: 'SVG images', extensions: ['svg'] }, png: { name: 'PNG images', extensions: ['png'] },
  html: { name: 'HTML reports', extensions: ['html'] }, md: { name: 'Markdown', extensions: ['md'] },
};
const TEMPLATE_FILTERS = [{ name: 'SAM, CloudFormation and CDK templates', extensions: ['yaml', 'yml', 'json', 'template'] }, { name: 'All files', extensions: ['*'] }];
const rendererRoot = resolve(__dirname, '..', 'dist-web');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let window: BrowserWindow | undefined;
let edited = false;
let closeAfterSave = false;
/** Autosaved drafts (electron/drafts.ts), set once the app is ready. */
let drafts: DraftFiles | undefined;
// The page's health (electron/crash.ts): crashed or hung pages get a native box, never a dead window.
let renderer: RendererGuard | undefined;
// The command line's design, later one another launch (or Finder) hands over: electron/instance.ts.
const pendingOpen = new PendingOpen(designPathFromArgv(process.argv, { packaged: app.isPackaged }));

// The open design changed on disk by another program: the renderer asks Reload from disk / Keep
// mine (electron/watch.ts; the app's own saves are told to it around the write, so never count).
const watcher = new DesignWatcher((change) => {
  if (!renderer?.isGone()) window?.webContents.send(CHANNELS.diskChanged, change);
});

// While the page is gone, a menu command (Save among them) is answered with the "stopped working" box.
const sendMenuCommand = (command: MenuCommand) => {
  if (renderer?.isGone()) void renderer.explain();
  else window?.webContents.send(CHANNELS.menuCommand, command);
};

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs')));
  win.once('ready-to-show', () => win.show());
  renderer = guardRenderer(win, {
    showMessageBox: (parent, options) => dialog.showMessageBox(parent, options),
    onGone: () => {
      closeAfterSave = false;
    },
  });
  // Unsaved changes: ask before closing (the renderer reports `edited` with every title change).
  win.on('close', (event) => {
    // A page that is gone cannot save: closing keeps its autosaved draft, nothing more to ask.
    if (!edited || renderer?.isGone()) return;
    event.preventDefault();
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning', buttons: ['Save', "Don't Save", 'Cancel'], defaultId: 0, cancelId: 2, noLink: true,
      message: 'Save the changes to this design before closing?', detail: 'Your changes are lost if you close without saving.',
    });
    if (choice === 1) {
      edited = false;
      // "Don't Save" throws the changes away: their draft too (never offered back at the next start).
      void (drafts?.removeWritten() ?? Promise.resolve()).finally(() => win.close());
    } else if (choice === 0) {
      closeAfterSave = true;
      sendMenuCommand('save');
    }
  });
  win.on('closed', () => {
    window = undefined;
    renderer = undefined;
  });
  void win.loadURL(APP_ENTRY);
  return win;
}

// One window per app: a second launch focuses it and opens its file here (asking about unsaved
// work first); so does macOS's open-file (Finder, the Dock), which may come before ready.
const openRequested = createOpenHandler({
  pending: pendingOpen,
  window: () => window,
  edited: () => edited,
  confirmDiscard: async (win, path) => (await dialog.showMessageBox(win, discardQuestion(path))).response === 0,
  notify: (win) => win.webContents.send(CHANNELS.openRequested),
  ready: () => app.isReady(),
  createWindow: () => {
    window = createWindow();
  },
});

if (claimSingleInstance(app, { window: () => window, open: (path) => void openRequested(path) })) {
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererRoot));
    // Never write into the app itself or its data. (Unpackaged, the app path is the repository,
    // where saving a template is legitimate; its build output stays protected.)
    const builtRoots = [rendererRoot, __dirname];
    const blessed = new BlessedPaths([app.getPath('userData'), ...builtRoots, ...(app.isPackaged ? [app.getAppPath()] : [])], undefined, {
      writing: (path, text) => watcher.writing(path, text),
      written: (path, handle, text, ok) => {
        watcher.written(path);
        if (ok) void watcher.track(path, handle, text);
      },
    });
    registerIpcHandlers(ipcMain, createIpcHandlers({
      blessed,
      recent: new RecentFiles(join(app.getPath('userData'), 'recent-files.json')),
      drafts: (drafts = new DraftFiles(join(app.getPath('userData'), 'drafts'))),
      pickFileToOpen: async () => {
        if (!window) return undefined;
        const r = await dialog.showOpenDialog(window, { title: 'Open design', properties: ['openFile'], filters: DESIGN_FILTERS });
        return r.canceled ? undefined : r.filePaths[0];
      },
      pickFileToSave: async (suggestedName, nearPath) => {
        if (!window) return undefined;
        const r = await dialog.showSaveDialog(window, { title: 'Save design', defaultPath: join(nearPath ?? app.getPath('documents'), suggestedName), filters: DESIGN_FILTERS, properties: ['showOverwriteConfirmation', 'createDirectory'] });
        return r.canceled ? undefined : r.filePath;
      },
      pickTemplateToOpen: async () => {
        if (!window) return undefined;
        const r = await dialog.showOpenDialog(window, { title: 'Import template', properties: ['openFile'], filters: TEMPLATE_FILTERS });
        return r.canceled ? undefined : r.filePaths[0];
      },
      pickTemplateToSave: async (suggestedName, nearPath) => {
        if (!window) return undefined;
        const r = await dialog.showSaveDialog(window, { title: 'Export SAM template', defaultPath: join(nearPath ?? app.getPath('documents'), suggestedName), filters: [{ name: 'SAM templates', extensions: ['yaml', 'yml'] }], properties: ['showOverwriteConfirmation', 'createDirectory'] });
        return r.canceled ? undefined : r.filePath;
      },
      pickFolder: async (suggestedName, nearPath) => {
        if (!window) return undefined;
        const r = await dialog.showOpenDialog(window, { title: 'Export CDK app into a folder', buttonLabel: 'Export here', defaultPath: join(nearPath ?? app.getPath('documents'), suggestedName), properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
        return r.canceled ? undefined : r.filePaths[0];
      },
      pickExportFile: async (suggestedName, kind, nearPath) => {
        if (!window) return undefined;
        const r = await dialog.showSaveDialog(window, { title: kind === 'html' || kind === 'md' ? 'Export report' : 'Export image', defaultPath: join(nearPath ?? app.getPath('documents'), suggestedName), filters: [EXPORT_FILTERS[kind]], properties: ['showOverwriteConfirmation', 'createDirectory'] });
        return r.canceled ? undefined : r.filePath;
      },
      writeClipboardImage: (png) => clipboard.write([new NativeClipboardItem({ 'image/png': new Blob([Buffer.from(png)], { type: 'image/png' }) })]),
      confirmNonEmptyFolder: async (path) => {
        if (!window) return false;
        const r = await dialog.showMessageBox(window, {
          type: 'warning', buttons: ['Cancel', 'Write into it'], defaultId: 0, cancelId: 0, noLink: true,
          message: `${basename(path)} is not empty.`, detail: 'The CDK app\'s files replace files of the same name there (each previous version is kept as .bak). An empty folder is safer.',
        });
        return r.response === 1;
      },
      openExternal: (url) => {
        void shell.openExternal(url);
      },
      setTheme: (theme) => applyNativeTheme(nativeTheme, window, theme),
      setTitle: (title, isEdited) => {
        edited = isEdited;
        window?.setTitle(title);
        if (process.platform === 'darwin') window?.setDocumentEdited(isEdited);
        if (closeAfterSave && !isEdited) {
          closeAfterSave = false;
          window?.close();
        }
      },
      takeStartupPath: () => pendingOpen.take(),
      onDesignOpened: (_path, handle, text) => {
        const real = blessed.resolve(handle);
        if (real) void watcher.track(real, handle, text);
      },
      onSaveSettled: (saved) => {
        if (!saved) closeAfterSave = false;
      },
    }));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendMenuCommand, process.platform, !app.isPackaged)));
    window = createWindow();
    app.on('activate', () => {
      if (!window) window = createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

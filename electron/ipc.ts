import { basename, dirname } from 'node:path';
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { BlessedPaths, FileOps } from './files';
import { atomicWrite, folderHasEntries, nodeFileOps, readDesignFile, readTemplateFile, writeFolderExport, writeSamExport } from './files';
import {
  CHANNEL_PREFIX, CHANNELS, copyImageRequest, putDraftRequest, removeDraftRequest, exportCdkRequest, saveExportFileRequest, exportSamRequest, noArguments, openExternalRequest, openRecentRequest, saveDesignAsRequest, saveDesignRequest, setThemeRequest, setTitleRequest,
  type ExportedFiles, type ExportFileKind, type IpcResult, type OpenedFile, type RecentFile, type SavedFile,
} from './ipc-contract';
import type { RecentFiles } from './recent';
import { APP_HOST, APP_SCHEME } from './window';

/** What the handlers need from the app; main.ts passes Electron's dialogs, tests pass fakes. */
export interface IpcDeps {
  blessed: BlessedPaths;
  /** A path the user picked to open, or undefined when they cancelled. */
  pickFileToOpen(): Promise<string | undefined>;
  /** A path the user picked to save to (the dialog asks before replacing), or undefined. */
  pickFileToSave(suggestedName: string, nearPath?: string): Promise<string | undefined>;
  setTitle(title: string, edited: boolean): void;
  /** Opens a validated https link in the system browser (shell.openExternal). */
  openExternal?(url: string): void;
  /** The in-app theme choice for native parts (nativeTheme.themeSource; electron/theme.ts). */
  setTheme?(theme: 'system' | 'light' | 'dark'): void;
  /** Import and export (File → Import…, Export SAM…, Export CDK…); each resolves undefined when
   *  the user cancelled. Absent: the channel answers that this build cannot do it. */
  pickTemplateToOpen?(): Promise<string | undefined>;
  /** Where to save template.yaml (the dialog asks before replacing it). */
  pickTemplateToSave?(suggestedName: string, nearPath?: string): Promise<string | undefined>;
  /** A folder for a CDK app (the dialog may create one). */
  pickFolder?(suggestedName: string, nearPath?: string): Promise<string | undefined>;
  /** Where to save an exported image or report (the dialog asks before replacing a file). */
  pickExportFile?(suggestedName: string, kind: ExportFileKind, nearPath?: string): Promise<string | undefined>;
  /** Puts PNG bytes on the system clipboard (clipboard.writeImage). */
  writeClipboardImage?(png: Uint8Array): Promise<void>;
  /** Asked when the folder already has files: true to write into it anyway. */
  confirmNonEmptyFolder?(path: string): Promise<boolean>;
  /** A path passed on the command line, handed out once. */
  takeStartupPath(): string | undefined;
  /** A design was opened (read, parsed, blessed): electron/watch.ts watches it for changes by other programs. */
  onDesignOpened?(path: string, handle: string, text: string): void;
  /** Called after every save attempt with whether it wrote the file (closing after "Save"). */
  onSaveSettled?(saved: boolean): void;
  /** Autosaved drafts in the user-data folder (electron/drafts.ts DraftFiles). Absent: the
   *  channels answer that this build does not autosave. */
  drafts?: { list(): Promise<unknown[]>; put(id: string, draft: unknown): Promise<void>; remove(id: string): Promise<void> };
  /** Designs opened or saved, kept across sessions (the welcome screen's Recent files). Absent: an empty list. */
  recent?: RecentFiles;
  ops?: FileOps;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The sender must be the app's own main frame, served from app://bundle (VS Code's validatedIpcMain). */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

const fail = (message: string): IpcResult<never> => ({ ok: false, message });
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function parseArgs<T>(schema: z.ZodType<T>, args: unknown[]): { ok: true; value: T } | { ok: false; message: string } {
  if (args.length !== 1) return { ok: false, message: 'expected exactly one argument' };
  const parsed = schema.safeParse(args[0]);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ') };
}

export type InvokeHandler = (event: SenderEvent, ...args: unknown[]) => Promise<IpcResult<unknown>>;

/** The handlers, by channel. Each is thin: check sender and payload, then call files.ts. */
export function createIpcHandlers(deps: IpcDeps): { invoke: Record<string, InvokeHandler>; send: Record<string, (event: SenderEvent, ...args: unknown[]) => void> } {
  const ops = deps.ops ?? nodeFileOps;
  const lastPath: { value?: string } = {};

  const openPath = async (path: string): Promise<OpenedFile> => {
    const file = await readDesignFile(path, ops);
    // A file that does not parse gets no handle: this session can never write over it.
    const handle = file.parses ? await deps.blessed.bless(path) : undefined;
    if (file.parses) {
      if (handle) deps.onDesignOpened?.(path, handle, file.text);
      lastPath.value = path;
      await deps.recent?.add(path);
    }
    return { name: file.name, text: file.text, ...(handle ? { handle } : {}) };
  };

  const saveTo = async (path: string, text: string): Promise<SavedFile> => {
    const handle = await deps.blessed.bless(path);
    const written = await deps.blessed.writeDesign(handle, text);
    lastPath.value = written;
    await deps.recent?.add(written);
    return { name: basename(written), handle };
  };

  const settle = <T>(result: IpcResult<T | null>): IpcResult<T | null> => {
    deps.onSaveSettled?.(result.ok && result.value !== null);
    return result;
  };

  const saveAs = async (text: string, suggestedName: string): Promise<IpcResult<SavedFile | null>> => {
    const path = await deps.pickFileToSave(suggestedName, lastPath.value ? dirname(lastPath.value) : undefined);
    if (!path) return { ok: true, value: null };
    return { ok: true, value: await saveTo(path, text) };
  };

  const lastExport: { value?: string } = {};
  const missing = (what: string) => fail(`${what} is not available in this build`);

  const guarded = (handler: (args: unknown[]) => Promise<IpcResult<unknown>>): InvokeHandler => async (event, ...args) => {
    if (!isTrustedSender(event)) return fail('refused: the request did not come from the app window');
    try {
      return await handler(args);
    } catch (err) {
      return fail(errorText(err));
    }
  };

  return {
    invoke: {
      [CHANNELS.openDesign]: guarded(async (args) => {
        const none = parseArgs(noArguments, [args]);
        if (!none.ok) return fail(none.message);
        const path = await deps.pickFileToOpen();
        return { ok: true, value: path ? await openPath(path) : null };
      }),
      [CHANNELS.takeStartupFile]: guarded(async (args) => {
        const none = parseArgs(noArguments, [args]);
        if (!none.ok) return fail(none.message);
        const path = deps.takeStartupPath();
        return { ok: true, value: path ? await openPath(path) : null };
      }),
      [CHANNELS.saveDesign]: guarded(async (args) => {
        const request = parseArgs(saveDesignRequest, args);
        if (!request.ok) return settle(fail(request.message));
        const { text, suggestedName, handle } = request.value;
        try {
          if (!handle) return settle(await saveAs(text, suggestedName));
          const path = await deps.blessed.writeDesign(handle, text);
          lastPath.value = path;
          await deps.recent?.add(path);
          return settle({ ok: true, value: { name: basename(path), handle } });
        } catch (err) {
          return settle(fail(errorText(err)));
        }
      }),
      [CHANNELS.recentFiles]: guarded(async (args): Promise<IpcResult<RecentFile[]>> => {
        const none = parseArgs(noArguments, [args]);
        if (!none.ok) return fail(none.message);
        return { ok: true, value: deps.recent ? await deps.recent.list() : [] };
      }),
      [CHANNELS.openRecent]: guarded(async (args) => {
        const request = parseArgs(openRecentRequest, args);
        if (!request.ok) return fail(request.message);
        if (!deps.recent) return missing('Recent files');
        // The same read, size check and blessing as Open…; a file that is gone leaves the list.
        return { ok: true, value: await openPath(await deps.recent.pathToOpen(request.value.handle)) };
      }),
      [CHANNELS.openTemplate]: guarded(async (args) => {
        const none = parseArgs(noArguments, [args]);
        if (!none.ok) return fail(none.message);
        if (!deps.pickTemplateToOpen) return missing('Import');
        const path = await deps.pickTemplateToOpen();
        // Never blessed: an import reads the template and never writes back to it.
        return { ok: true, value: path ? await readTemplateFile(path, ops) : null };
      }),
      [CHANNELS.exportSam]: guarded(async (args): Promise<IpcResult<ExportedFiles | null>> => {
        const request = parseArgs(exportSamRequest, args);
        if (!request.ok) return fail(request.message);
        if (!deps.pickTemplateToSave) return missing('Export');
        const near = lastExport.value ?? (lastPath.value ? dirname(lastPath.value) : undefined);
        const path = await deps.pickTemplateToSave(request.value.suggestedName, near);
        if (!path) return { ok: true, value: null };
        await deps.blessed.bless(path); // refuses the app's own folders
        const result = await writeSamExport(path, request.value.files, ops);
        lastExport.value = dirname(path);
        return { ok: true, value: { name: basename(path), ...result } };
      }),
      [CHANNELS.exportCdk]: guarded(async (args): Promise<IpcResult<ExportedFiles | null>> => {
        const request = parseArgs(exportCdkRequest, args);
        if (!request.ok) return fail(request.message);
        if (!deps.pickFolder) return missing('Export');
        const near = lastExport.value ?? (lastPath.value ? dirname(lastPath.value) : undefined);
        const folder = await deps.pickFolder(request.value.suggestedName, near);
        if (!folder) return { ok: true, value: null };
        await deps.blessed.bless(folder);
        if (await folderHasEntries(folder, ops)) {
          const agreed = deps.confirmNonEmptyFolder ? await deps.confirmNonEmptyFolder(folder) : false;
          if (!agreed) return { ok: true, value: null };
        }
        const result = await writeFolderExport(folder, request.value.files, ops);
        lastExport.value = dirname(folder);
        return { ok: true, value: { name: basename(folder), ...result } };
      }),
      [CHANNELS.saveExportFile]: guarded(async (args): Promise<IpcResult<{ name: string } | null>> => {
        const request = parseArgs(saveExportFileRequest, args);
        if (!request.ok) return fail(request.message);
        if (!deps.pickExportFile) return missing('Export image / report');
        const { kind, suggestedName, text, bytes } = request.value;
        const near = lastExport.value ?? (lastPath.value ? dirname(lastPath.value) : undefined);
        const path = await deps.pickExportFile(suggestedName, kind, near);
        if (!path) return { ok: true, value: null };
        await deps.blessed.bless(path); // refuses the app's own folders
        await atomicWrite(path, bytes ?? text ?? '', ops);
        lastExport.value = dirname(path);
        return { ok: true, value: { name: basename(path) } };
      }),
      [CHANNELS.copyImage]: guarded(async (args): Promise<IpcResult<null>> => {
        const request = parseArgs(copyImageRequest, args);
        if (!request.ok) return fail(request.message);
        if (!deps.writeClipboardImage) return missing('Copy image');
        await deps.writeClipboardImage(request.value.png);
        return { ok: true, value: null };
      }),
      [CHANNELS.listDrafts]: guarded(async (args): Promise<IpcResult<unknown[]>> => {
        const none = parseArgs(noArguments, [args]);
        if (!none.ok) return fail(none.message);
        if (!deps.drafts) return missing('Autosave');
        return { ok: true, value: await deps.drafts.list() };
      }),
      [CHANNELS.putDraft]: guarded(async (args): Promise<IpcResult<null>> => {
        const request = parseArgs(putDraftRequest, args);
        if (!request.ok) return fail(request.message);
        if (!deps.drafts) return missing('Autosave');
        await deps.drafts.put(request.value.draft.id, request.value.draft);
        return { ok: true, value: null };
      }),
      [CHANNELS.removeDraft]: guarded(async (args): Promise<IpcResult<null>> => {
        const request = parseArgs(removeDraftRequest, args);
        if (!request.ok) return fail(request.message);
        if (!deps.drafts) return missing('Autosave');
        await deps.drafts.remove(request.value.id);
        return { ok: true, value: null };
      }),
      [CHANNELS.saveDesignAs]: guarded(async (args) => {
        const request = parseArgs(saveDesignAsRequest, args);
        if (!request.ok) return settle(fail(request.message));
        try {
          return settle(await saveAs(request.value.text, request.value.suggestedName));
        } catch (err) {
          return settle(fail(errorText(err)));
        }
      }),
    },
    send: {
      [CHANNELS.setTitle]: (event, ...args) => {
        if (!isTrustedSender(event)) return;
        const request = parseArgs(setTitleRequest, args);
        if (request.ok) deps.setTitle(request.value.title, request.value.edited);
      },
      [CHANNELS.openExternal]: (event, ...args) => {
        if (!isTrustedSender(event)) return;
        const request = parseArgs(openExternalRequest, args);
        if (request.ok) deps.openExternal?.(request.value.url);
      },
      [CHANNELS.setTheme]: (event, ...args) => {
        if (!isTrustedSender(event)) return;
        const request = parseArgs(setThemeRequest, args);
        if (request.ok) deps.setTheme?.(request.value.theme);
      },
    },
  };
}

/** Registers the handlers; refuses to register a channel without the `sd:` prefix. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'on'>, handlers: ReturnType<typeof createIpcHandlers>): void {
  for (const [channel, handler] of Object.entries(handlers.invoke)) {
    if (!channel.startsWith(CHANNEL_PREFIX)) throw new Error(`IPC channel ${channel} lacks the ${CHANNEL_PREFIX} prefix`);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => handler(event, ...args));
  }
  for (const [channel, handler] of Object.entries(handlers.send)) {
    if (!channel.startsWith(CHANNEL_PREFIX)) throw new Error(`IPC channel ${channel} lacks the ${CHANNEL_PREFIX} prefix`);
    ipcMain.on(channel, (event: IpcMainEvent, ...args: unknown[]) => handler(event, ...args));
  }
}


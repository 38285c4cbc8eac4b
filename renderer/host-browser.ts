import type { SavedFile } from './bridge';
import { idbBackend } from './drafts/store';
import type { ExportRequest, Host } from './host';
import { zipFiles } from './iac/zip';

/** Names of the designs opened or saved in this browser, newest first (localStorage). */
export const RECENT_KEY = 'sd-recent-files';
const RECENT_MAX = 8;

export function readRecentNames(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string' && n.length > 0 && n.length <= 255).slice(0, RECENT_MAX) : [];
  } catch {
    return []; // unreadable: start a new list
  }
}

export function rememberRecentName(name: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify([name, ...readRecentNames(storage).filter((n) => n !== name)].slice(0, RECENT_MAX)));
  } catch {
    // Storage full or unavailable: the list is a convenience.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The parts of the File System Access API Save uses (Chromium-based browsers have it; others
 *  do not, and Save downloads instead). */
interface WritableFile { write(data: string): Promise<void>; close(): Promise<void>; abort?(): Promise<void> }
export interface SaveFileHandle { readonly name: string; createWritable(): Promise<WritableFile> }
type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<SaveFileHandle>;

function savePicker(win: Window | undefined): SavePicker | undefined {
  const picker = (win as unknown as { showSaveFilePicker?: SavePicker } | undefined)?.showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(win) : undefined;
}

/** Writes the whole text and resolves only once the browser has committed it (close()); a
 *  failed write is aborted, so the file keeps what it had, and the error reaches the caller. */
export async function writeToHandle(handle: SaveFileHandle, text: string): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
  } catch (err) {
    await writable.abort?.().catch(() => undefined);
    throw err;
  }
  await writable.close();
}

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

/** The browser host: Open reads a file picked in a file input. Save writes the file itself where
 *  the browser has the File System Access API (marked saved only once the write is committed, and
 *  the next Save goes to the same file), and downloads it elsewhere (which a page cannot confirm,
 *  so the app says "Downloaded"). A page cannot reopen a file by its path, so "Recent files" are
 *  names, and opening one asks for it. */
export function createBrowserHost(doc: Document = document): Host {
  const win = doc.defaultView ?? undefined;
  /** Files picked with the save picker in this page, by the handle given to the editor. */
  const fileHandles = new Map<string, SaveFileHandle>();
  let handleSeq = 0;
  const saveAs = async (text: string, suggestedName: string): Promise<SavedFile | null> => {
    const picker = savePicker(win);
    if (!picker) return saved({ ...download(doc, text, suggestedName), downloaded: true });
    let handle: SaveFileHandle;
    try {
      handle = await picker({ suggestedName, types: [{ description: 'Serverless Designer design', accept: { 'application/json': ['.json'] } }] });
    } catch (err) {
      if (isAbort(err)) return null; // the user closed the picker
      // The browser refused the picker (no user gesture, a policy): download instead, and say so.
      return saved({ ...download(doc, text, suggestedName), downloaded: true });
    }
    await writeToHandle(handle, text);
    const key = `fs-${++handleSeq}`;
    fileHandles.set(key, handle);
    return saved({ name: handle.name, handle: key });
  };
  const saveDesign = async (text: string, suggestedName: string, handle?: string): Promise<SavedFile | null> => {
    const file = handle ? fileHandles.get(handle) : undefined;
    if (!file) return saveAs(text, suggestedName);
    await writeToHandle(file, text);
    return saved({ name: file.name, handle: handle as string });
  };
  const drafts = hasIndexedDb(win) ? idbBackend() : undefined;
  const openDesign = async () => {
    const opened = await pickFile(doc, '.json,application/json', 'open-file-input');
    if (opened) rememberRecentName(opened.name);
    return opened;
  };
  function saved(result: SavedFile): SavedFile {
    rememberRecentName(result.name);
    return result;
  }
  return {
    platform: 'browser',
    openDesign,
    recentFiles: async () => readRecentNames().map((name) => ({ name, handle: name })),
    openRecent: () => openDesign(),
    reopensRecent: false,
    openTemplate: () => pickFile(doc, '.yaml,.yml,.json,.template,.template.json,application/json,application/yaml,text/yaml', 'open-template-input'),
    exportFiles: async (request) => exportDownload(doc, request),
    saveExportFile: async ({ kind, suggestedName, data }) => ({ name: download(doc, data, suggestedName, EXPORT_TYPES[kind]).name }),
    saveDesign,
    saveDesignAs: saveAs,
    ...(drafts ? { drafts } : {}),
    onMenuCommand: () => () => undefined,
    setTitle: (title) => {
      doc.title = title;
    },
    takeStartupFile: async () => null,
  };
}

function hasIndexedDb(win: Window | undefined): boolean {
  try {
    return win !== undefined && typeof win.indexedDB?.open === 'function';
  } catch {
    return false; // a sandboxed frame throws on access
  }
}

const EXPORT_TYPES = { svg: 'image/svg+xml', png: 'image/png', html: 'text/html', md: 'text/markdown' } as const;

function pickFile(doc: Document, accept: string, testId: string): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.dataset.testid = testId;
    const finish = (result: { name: string; text: string } | null) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(null);
      file.text().then((text) => finish({ name: file.name, text }), () => finish(null));
    });
    input.addEventListener('cancel', () => finish(null));
    doc.body.append(input);
    input.click();
  });
}

/** SAM: template.yaml alone, or a .zip of it with the placeholder handlers (`zip`); CDK: a .zip of
 *  the app. The .zip is named after the suggested name (`orders-cdk.zip`). */
function exportDownload(doc: Document, { format, files, suggestedName, zip }: ExportRequest) {
  if (format === 'sam' && !zip) {
    const template = files[0];
    if (!template) throw new Error('the export has no template');
    download(doc, template.content, suggestedName, 'application/yaml');
    return { name: suggestedName, written: 1, kept: [] };
  }
  const name = suggestedName.endsWith('.zip') ? suggestedName : `${suggestedName.replace(/\.ya?ml$/, '')}.zip`;
  const bytes = zipFiles(files);
  download(doc, bytes, name, 'application/zip');
  return { name, written: files.length, kept: [] };
}

function download(doc: Document, data: string | Uint8Array<ArrayBuffer>, name: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, handle: name };
}

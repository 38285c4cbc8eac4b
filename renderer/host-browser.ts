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

/** The browser host: Open reads a file picked in a file input, Save downloads the file. A page
 *  cannot reopen a file by its path, so "Recent files" are names, and opening one asks for it. */
export function createBrowserHost(doc: Document = document): Host {
  const openDesign = async () => {
    const opened = await pickFile(doc, '.json,application/json', 'open-file-input');
    if (opened) rememberRecentName(opened.name);
    return opened;
  };
  const saved = (result: { name: string; handle: string }) => {
    rememberRecentName(result.name);
    return result;
  };
  return {
    platform: 'browser',
    openDesign,
    recentFiles: async () => readRecentNames().map((name) => ({ name, handle: name })),
    openRecent: () => openDesign(),
    reopensRecent: false,
    openTemplate: () => pickFile(doc, '.yaml,.yml,.json,.template,.template.json,application/json,application/yaml,text/yaml', 'open-template-input'),
    exportFiles: async (request) => exportDownload(doc, request),
    saveExportFile: async ({ kind, suggestedName, data }) => ({ name: download(doc, data, suggestedName, EXPORT_TYPES[kind]).name }),
    saveDesign: async (text, suggestedName) => saved(download(doc, text, suggestedName)),
    saveDesignAs: async (text, suggestedName) => saved(download(doc, text, suggestedName)),
    onMenuCommand: () => () => undefined,
    setTitle: (title) => {
      doc.title = title;
    },
    takeStartupFile: async () => null,
  };
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

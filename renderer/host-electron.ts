import type { DesignerBridge, DiskChange, IpcResult } from './bridge';
import type { DraftBackend } from './drafts/store';
import type { Host } from './host';

declare global {
  interface Window {
    serverlessDesigner?: DesignerBridge;
  }
}

export const hasElectronBridge = (): boolean => typeof window !== 'undefined' && window.serverlessDesigner !== undefined;

const unwrap = async <T>(call: Promise<IpcResult<T>>): Promise<T> => {
  const result = await call;
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

/** The desktop host over the preload's bridge. */
export function createElectronHost(bridge: DesignerBridge = window.serverlessDesigner as DesignerBridge): Host {
  const copyImage = bridge.copyImage?.bind(bridge);
  const { listDrafts, putDraft, removeDraft } = bridge;
  // Drafts in the user-data folder (electron/drafts.ts), through the bridge.
  const drafts: DraftBackend | undefined = listDrafts && putDraft && removeDraft
    ? {
      list: () => unwrap(listDrafts()),
      set: async (_id, draft) => void (await unwrap(putDraft({ draft: { id: draft.id, name: draft.name, text: draft.text, time: draft.time, ...(draft.fileName ? { fileName: draft.fileName } : {}) } }))),
      delete: async (id) => void (await unwrap(removeDraft({ id }))),
    }
    : undefined;
  return {
    platform: bridge.platform,
    openDesign: () => unwrap(bridge.openDesign()),
    saveDesign: (text, suggestedName, handle) => unwrap(bridge.saveDesign(handle ? { text, suggestedName, handle } : { text, suggestedName })),
    saveDesignAs: (text, suggestedName) => unwrap(bridge.saveDesignAs({ text, suggestedName })),
    onMenuCommand: (callback) => bridge.onMenuCommand(callback),
    ...(bridge.onOpenRequested ? { onOpenRequested: (callback: () => void) => bridge.onOpenRequested?.(callback) ?? (() => undefined) } : {}),
    ...(bridge.onDiskChanged ? { onDiskChanged: (callback: (change: DiskChange) => void) => bridge.onDiskChanged?.(callback) ?? (() => undefined) } : {}),
    setTitle: (title, edited) => bridge.setTitle({ title, edited }),
    takeStartupFile: () => unwrap(bridge.takeStartupFile()),
    openTemplate: () => unwrap(bridge.openTemplate()),
    exportFiles: ({ format, files, suggestedName }) => {
      const request = { files: files.map(({ path, content }) => ({ path, content })), suggestedName };
      return unwrap(format === 'sam' ? bridge.exportSam(request) : bridge.exportCdk(request));
    },
    saveExportFile: async ({ kind, suggestedName, data }) => {
      if (!bridge.saveExportFile) throw new Error('this version of the desktop app cannot save exports; update it');
      return unwrap(bridge.saveExportFile(typeof data === 'string' ? { kind, suggestedName, text: data } : { kind, suggestedName, bytes: data }));
    },
    ...(copyImage ? { copyImage: async (png: Uint8Array<ArrayBuffer>) => void (await unwrap(copyImage({ png }))) } : {}),
    recentFiles: () => unwrap(bridge.recentFiles()),
    openRecent: (handle) => unwrap(bridge.openRecent({ handle })),
    reopensRecent: true,
    ...(drafts ? { drafts } : {}),
    ...(bridge.openExternal ? { openExternal: (url: string) => bridge.openExternal?.({ url }) } : {}),
    ...(bridge.setTheme ? { setTheme: (theme: 'system' | 'light' | 'dark') => bridge.setTheme?.({ theme }) } : {}),
  };
}

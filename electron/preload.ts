import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, MENU_COMMANDS, type DesignerBridge, type DiskChange, type MenuCommand } from './ipc-contract';

// One method per operation; no raw ipcRenderer, no Node, and callbacks never see the IPC event.
const bridge: DesignerBridge = {
  platform: process.platform,
  openDesign: () => ipcRenderer.invoke(CHANNELS.openDesign),
  saveDesign: (request) => ipcRenderer.invoke(CHANNELS.saveDesign, request),
  saveDesignAs: (request) => ipcRenderer.invoke(CHANNELS.saveDesignAs, request),
  setTitle: (request) => ipcRenderer.send(CHANNELS.setTitle, request),
  takeStartupFile: () => ipcRenderer.invoke(CHANNELS.takeStartupFile),
  openExternal: (request) => ipcRenderer.send(CHANNELS.openExternal, request),
  setTheme: (request) => ipcRenderer.send(CHANNELS.setTheme, request),
  openTemplate: () => ipcRenderer.invoke(CHANNELS.openTemplate),
  exportSam: (request) => ipcRenderer.invoke(CHANNELS.exportSam, request),
  exportCdk: (request) => ipcRenderer.invoke(CHANNELS.exportCdk, request),
  saveExportFile: (request) => ipcRenderer.invoke(CHANNELS.saveExportFile, request),
  copyImage: (request) => ipcRenderer.invoke(CHANNELS.copyImage, request),
  recentFiles: () => ipcRenderer.invoke(CHANNELS.recentFiles),
  openRecent: (request) => ipcRenderer.invoke(CHANNELS.openRecent, request),
  listDrafts: () => ipcRenderer.invoke(CHANNELS.listDrafts),
  putDraft: (request) => ipcRenderer.invoke(CHANNELS.putDraft, request),
  removeDraft: (request) => ipcRenderer.invoke(CHANNELS.removeDraft, request),
  onMenuCommand: (callback) => {
    const listener = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) callback(command as MenuCommand);
    };
    ipcRenderer.on(CHANNELS.menuCommand, listener);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menuCommand, listener);
    };
  },
  onOpenRequested: (callback) => {
    const listener = () => callback();
    ipcRenderer.on(CHANNELS.openRequested, listener);
    return () => {
      ipcRenderer.removeListener(CHANNELS.openRequested, listener);
    };
  },
  onDiskChanged: (callback) => {
    const listener = (_event: unknown, change: unknown) => {
      const c = change as Partial<DiskChange> | null;
      if (c && typeof c.handle === 'string' && typeof c.name === 'string' && (c.kind === 'removed' || (c.kind === 'changed' && typeof c.text === 'string'))) callback(c as DiskChange);
    };
    ipcRenderer.on(CHANNELS.diskChanged, listener);
    return () => {
      ipcRenderer.removeListener(CHANNELS.diskChanged, listener);
    };
  },
};

contextBridge.exposeInMainWorld('serverlessDesigner', Object.freeze(bridge));

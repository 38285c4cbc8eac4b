import type { DiskChange, ExportedFiles, ExportFile, ExportFileKind, MenuCommand, OpenedFile, RecentFile, SavedFile } from './bridge';
import type { DraftBackend } from './drafts/store';
import { createBrowserHost } from './host-browser';
import { createElectronHost, hasElectronBridge } from './host-electron';

export type { DiskChange, ExportedFiles, ExportFile, ExportFileKind, MenuCommand, OpenedFile, RecentFile, SavedFile };

/** An export to hand to the host: SAM (files[0] is template.yaml) or a CDK app. `zip`: in the
 *  browser, SAM as a .zip with its handlers instead of the template alone (the desktop always
 *  writes the handlers beside the template). */
export interface ExportRequest { format: 'sam' | 'cdk'; files: readonly ExportFile[]; suggestedName: string; zip?: boolean }

/** A diagram image or review report to save: text (SVG, HTML, Markdown) or bytes (PNG). */
export interface SaveExportRequest { kind: ExportFileKind; suggestedName: string; data: string | Uint8Array<ArrayBuffer> }

/** Everything the renderer needs from the machine it runs on. Files and menus go through here
 *  only: the desktop implementation talks to electron/preload, the browser one uses file inputs
 *  and downloads (`npm run web`, end-to-end tests). Methods throw an Error with a message a
 *  person can read when the operation fails; null means the user cancelled. */
export interface Host {
  /** 'browser', or the desktop OS (process.platform). */
  readonly platform: string;
  openDesign(): Promise<OpenedFile | null>;
  /** Saves over the file behind `handle`; without one, asks where (like Save As). */
  saveDesign(text: string, suggestedName: string, handle?: string): Promise<SavedFile | null>;
  saveDesignAs(text: string, suggestedName: string): Promise<SavedFile | null>;
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** Desktop: another launch (or macOS Finder) handed this window a design and the user agreed to
   *  leave the current one; take it with takeStartupFile. Absent in the browser. */
  onOpenRequested?(callback: () => void): () => void;
  /** Desktop: the open design's file changed on disk (another program wrote, replaced or deleted
   *  it; the app's own saves never count). Absent in the browser. */
  onDiskChanged?(callback: (change: DiskChange) => void): () => void;
  setTitle(title: string, edited: boolean): void;
  /** A design passed on the command line, once; null in the browser. */
  takeStartupFile(): Promise<OpenedFile | null>;
  /** A template to import (.yaml, .yml, .json, .template.json); null when cancelled. */
  openTemplate(): Promise<OpenedFile | null>;
  /** Writes (desktop: SAM to a picked template path, CDK to a picked folder) or downloads
   *  (browser: template.yaml or a .zip) an export; null when cancelled. */
  exportFiles(request: ExportRequest): Promise<ExportedFiles | null>;
  /** Saves an exported image or report: desktop, a save dialog and the file written; browser, a
   *  download. Resolves the file name, or null when cancelled. */
  saveExportFile(request: SaveExportRequest): Promise<{ name: string } | null>;
  /** Puts a PNG on the system clipboard through the desktop (whose permission policy refuses the
   *  page's navigator.clipboard). Absent in the browser, which uses navigator.clipboard.write. */
  copyImage?(png: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Opens an https link outside the app. Absent in the browser, where a `target=_blank` link
   *  opens a new tab by itself. */
  openExternal?(url: string): void;
  /** The theme choice (System / Light / Dark) for the host's native parts: the desktop's menus,
   *  dialogs and window background follow it (Electron nativeTheme); absent in the browser. */
  setTheme?(choice: 'system' | 'light' | 'dark'): void;
  /** Designs opened or saved recently, newest first (the welcome screen's "Recent files"). */
  recentFiles(): Promise<RecentFile[]>;
  /** Desktop: opens the recent file itself (throws, naming it, when it is gone; it then leaves the
   *  list). Browser: a page cannot reopen a file by path, so this asks for the file (null when cancelled). */
  openRecent(handle: string): Promise<OpenedFile | null>;
  /** Whether `openRecent` reopens the file itself (desktop) or asks for it (browser). */
  readonly reopensRecent: boolean;
  /** Where autosaved drafts live (renderer/drafts): IndexedDB in the browser, the user-data folder
   *  on the desktop. Absent where neither is available: then nothing is autosaved, and the app
   *  says so once. */
  readonly drafts?: DraftBackend;
}

export function createHost(): Host {
  return hasElectronBridge() ? createElectronHost() : createBrowserHost();
}

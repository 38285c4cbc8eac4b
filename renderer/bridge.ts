/** The contract between the renderer and the desktop preload, as plain types (no imports), so
 *  both sides compile against one definition: electron/ipc-contract.ts adds the channel names and
 *  the zod schemas main validates with; renderer/host-electron.ts consumes `DesignerBridge`. */

export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'undo', 'redo', 'delete', 'importTemplate', 'exportSam', 'exportCdk', 'duplicateAlternative', 'toggleCostBadges', 'toggleTheme', 'autoLayout',
  'copy', 'cut', 'paste', 'duplicate', 'selectAll', 'showShortcuts', 'zoomToFit', 'zoomToSelection', 'toggleSnap',
  'alignLeft', 'alignCentre', 'alignRight', 'alignTop', 'alignMiddle', 'alignBottom', 'distributeHorizontal', 'distributeVertical', 'placeInSubnets',
  'searchFindings', 'focusPaletteSearch', 'addNote', 'selectRelated', 'exportImage', 'copyImage', 'exportReport', 'printReport'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface OpenedFile { name: string; text: string; handle?: string }
/** `downloaded`: the browser was handed the file as a download, which a page cannot confirm. */
export interface SavedFile { name: string; handle: string; downloaded?: boolean }
/** A design opened or saved recently. `handle` is opaque (desktop: a token main maps to the path;
 *  browser: the name); `detail` says where it is (the folder), when known. */
export interface RecentFile { name: string; handle: string; detail?: string }
export interface OpenRecentRequest { handle: string }

export interface SaveDesignRequest { text: string; suggestedName: string; handle?: string }
export interface SaveDesignAsRequest { text: string; suggestedName: string }
export interface SetTitleRequest { title: string; edited: boolean }
/** A draft id (crypto.randomUUID): letters, digits and dashes only, so main can name a file after
 *  it in its own drafts folder and nowhere else. One definition for the renderer's store, the IPC
 *  schema and main's drafts folder. */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
/** An autosaved draft as the renderer's draft store writes it (renderer/drafts/store.ts Draft). */
export interface DraftRecord { id: string; name: string; text: string; time: number; fileName?: string }
export interface PutDraftRequest { draft: DraftRecord }
export interface RemoveDraftRequest { id: string }
/** The in-app theme choice, for what the desktop draws itself (menus, dialogs, the window's
 *  background, native scrollbars): Electron's nativeTheme.themeSource. */
export interface SetThemeRequest { theme: 'system' | 'light' | 'dark' }

/** One file of an infrastructure-as-code export: a relative path with forward slashes, no `..`. */
export interface ExportFile { path: string; content: string }
/** SAM: files[0] is the template, written where the user picks; the others (placeholder handlers)
 *  beside it, never over an existing file. CDK: every file under the folder the user picks. */
export interface ExportFilesRequest { files: ExportFile[]; suggestedName: string }
/** What an export wrote: the file or folder name, how many files, and the paths left alone
 *  because a file was already there. */
export interface ExportedFiles { name: string; written: number; kept: string[] }

/** A diagram image or review report to save where the user picks (File → Export image…, Export
 *  report…): text for SVG, HTML and Markdown, bytes for PNG. */
export type ExportFileKind = 'svg' | 'png' | 'html' | 'md';
export interface SaveExportFileRequest { kind: ExportFileKind; suggestedName: string; text?: string; bytes?: Uint8Array }
/** PNG bytes for the system clipboard (the desktop's permission policy refuses navigator.clipboard). */
export interface CopyImageRequest { png: Uint8Array }

/** main → renderer: the open design's file was changed on disk by another program (`changed`,
 *  with its new text) or deleted or moved away (`removed`). `handle` is the file's handle, so a
 *  renderer that has since opened another design ignores it. */
export type DiskChange = { kind: 'changed'; handle: string; name: string; text: string } | { kind: 'removed'; handle: string; name: string };

/** Errors cross IPC as data (a thrown error reaches the renderer with only its message). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** What the preload exposes as `window.serverlessDesigner`: one method per operation. */
export interface DesignerBridge {
  readonly platform: string;
  openDesign(): Promise<IpcResult<OpenedFile | null>>;
  saveDesign(request: SaveDesignRequest): Promise<IpcResult<SavedFile | null>>;
  saveDesignAs(request: SaveDesignAsRequest): Promise<IpcResult<SavedFile | null>>;
  setTitle(request: SetTitleRequest): void;
  takeStartupFile(): Promise<IpcResult<OpenedFile | null>>;
  /** A SAM / CloudFormation / CDK-synthesised template picked in an open dialog (never blessed:
   *  importing never writes back to it). */
  openTemplate(): Promise<IpcResult<OpenedFile | null>>;
  exportSam(request: ExportFilesRequest): Promise<IpcResult<ExportedFiles | null>>;
  exportCdk(request: ExportFilesRequest): Promise<IpcResult<ExportedFiles | null>>;
  /** Designs opened or saved recently (newest first), kept by main across sessions. */
  recentFiles(): Promise<IpcResult<RecentFile[]>>;
  /** Opens a recent design; a file that is gone fails with a message and leaves the list. */
  openRecent(request: OpenRecentRequest): Promise<IpcResult<OpenedFile | null>>;
  /** Opens an https link (a rule's AWS documentation, a price's source) in the system browser.
   *  Optional until the desktop side provides it; the window itself never navigates. */
  openExternal?(request: { url: string }): void;
  /** The theme picked in the app (System / Light / Dark), so native parts follow it. Optional
   *  like openExternal: an older preload lacks it. */
  setTheme?(request: SetThemeRequest): void;
  /** Saves an exported image or report (a save dialog, then an atomic write); null when cancelled.
   *  Optional like openExternal: an older preload lacks it. */
  saveExportFile?(request: SaveExportFileRequest): Promise<IpcResult<{ name: string } | null>>;
  /** Puts a PNG on the system clipboard. */
  copyImage?(request: CopyImageRequest): Promise<IpcResult<null>>;
  /** Autosaved drafts in the user-data folder (electron/drafts.ts): every stored draft (checked by
   *  the renderer before use), write one, remove one. Optional like openExternal. */
  listDrafts?(): Promise<IpcResult<unknown[]>>;
  putDraft?(request: PutDraftRequest): Promise<IpcResult<null>>;
  removeDraft?(request: RemoveDraftRequest): Promise<IpcResult<null>>;
  /** Returns a function that removes the listener. The callback never sees the IPC event. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** main → renderer: another launch (or macOS Finder) asked to open a design here and the user
   *  agreed to leave the current one: take it with takeStartupFile. Optional: an older preload lacks it. */
  onOpenRequested?(callback: () => void): () => void;
  /** main → renderer: the open design changed on disk (electron/watch.ts). Optional like onOpenRequested. */
  onDiskChanged?(callback: (change: DiskChange) => void): () => void;
}

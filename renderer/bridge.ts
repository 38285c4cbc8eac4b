/** The contract between the renderer and the desktop preload, as plain types (no imports), so
 *  both sides compile against one definition: electron/ipc-contract.ts adds the channel names and
 *  the zod schemas main validates with; renderer/host-electron.ts consumes `DesignerBridge`. */

export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'undo', 'redo', 'delete'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface OpenedFile { name: string; text: string; handle?: string }
export interface SavedFile { name: string; handle: string }

export interface SaveDesignRequest { text: string; suggestedName: string; handle?: string }
export interface SaveDesignAsRequest { text: string; suggestedName: string }
export interface SetTitleRequest { title: string; edited: boolean }

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
  /** Opens an https link (a rule's AWS documentation, a price's source) in the system browser.
   *  Optional until the desktop side provides it; the window itself never navigates. */
  openExternal?(request: { url: string }): void;
  /** Returns a function that removes the listener. The callback never sees the IPC event. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}

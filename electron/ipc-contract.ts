import { z } from 'zod';
import { MENU_COMMANDS, type SaveDesignAsRequest, type SaveDesignRequest, type SetTitleRequest } from '../renderer/bridge';

export { MENU_COMMANDS };
export type { DesignerBridge, IpcResult, MenuCommand, OpenedFile, SavedFile } from '../renderer/bridge';

export const CHANNEL_PREFIX = 'sd:';

/** Every channel between the renderer and main. Main refuses any name without the prefix. */
export const CHANNELS = {
  openDesign: 'sd:open-design',
  saveDesign: 'sd:save-design',
  saveDesignAs: 'sd:save-design-as',
  setTitle: 'sd:set-title',
  takeStartupFile: 'sd:take-startup-file',
  openExternal: 'sd:open-external',
  /** main → renderer: a menu item was chosen. */
  menuCommand: 'sd:menu-command',
} as const;

/** 20 MB: far above any real design, low enough that a runaway renderer cannot flood main. */
export const MAX_DESIGN_CHARS = 20 * 1024 * 1024;

const fileName = z.string().min(1).max(255).refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', { message: 'expected a file name, not a path' });
/** An opaque token main issued for a path the user picked; the renderer never sends a path. */
const handle = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'expected a file handle issued by this app' });
const designText = z.string().max(MAX_DESIGN_CHARS);

export const saveDesignRequest: z.ZodType<SaveDesignRequest> = z.strictObject({ text: designText, suggestedName: fileName, handle: handle.optional() });
export const saveDesignAsRequest: z.ZodType<SaveDesignAsRequest> = z.strictObject({ text: designText, suggestedName: fileName });
export const setTitleRequest: z.ZodType<SetTitleRequest> = z.strictObject({ title: z.string().max(500), edited: z.boolean() });
/** Links the app may hand to the system browser: https only, a DNS host name (no IP address, no
 *  localhost), no credentials — rule documentation and price sources, never arbitrary schemes. */
export const externalUrl = z.string().max(2048).refine((text) => {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' && !u.username && !u.password && /^(?!localhost$)([a-z0-9-]+\.)+[a-z]{2,}$/i.test(u.hostname);
  } catch {
    return false;
  }
}, { message: 'only https links to a named host open in the browser' });
export const openExternalRequest = z.strictObject({ url: externalUrl });

/** Channels that take no argument get exactly none. */
export const noArguments = z.tuple([]);
export const menuCommandSchema = z.enum(MENU_COMMANDS);

import { z } from 'zod';
import { DRAFT_ID_PATTERN, MENU_COMMANDS, type CopyImageRequest, type PutDraftRequest, type RemoveDraftRequest, type ExportFilesRequest, type SaveExportFileRequest, type SaveDesignAsRequest, type SaveDesignRequest, type SetThemeRequest, type SetTitleRequest } from '../renderer/bridge';

export { DRAFT_ID_PATTERN, MENU_COMMANDS };
export type { DesignerBridge, DiskChange, ExportedFiles, ExportFileKind, ExportFilesRequest, IpcResult, MenuCommand, OpenedFile, RecentFile, SavedFile } from '../renderer/bridge';

export const CHANNEL_PREFIX = 'sd:';

/** Every channel between the renderer and main. Main refuses any name without the prefix. */
export const CHANNELS = {
  openDesign: 'sd:open-design',
  saveDesign: 'sd:save-design',
  saveDesignAs: 'sd:save-design-as',
  setTitle: 'sd:set-title',
  takeStartupFile: 'sd:take-startup-file',
  openExternal: 'sd:open-external',
  openTemplate: 'sd:open-template',
  exportSam: 'sd:export-sam',
  exportCdk: 'sd:export-cdk',
  recentFiles: 'sd:recent-files',
  openRecent: 'sd:open-recent',
  /** Export image… / Export report…: a save dialog, then the SVG, PNG, HTML or Markdown written. */
  saveExportFile: 'sd:save-export-file',
  /** Copy image: a PNG onto the system clipboard. */
  copyImage: 'sd:copy-image',
  /** The in-app theme choice → nativeTheme.themeSource. */
  setTheme: 'sd:set-theme',
  /** Autosaved drafts (electron/drafts.ts): list, write, remove. */
  listDrafts: 'sd:list-drafts',
  putDraft: 'sd:put-draft',
  removeDraft: 'sd:remove-draft',
  /** main → renderer: a menu item was chosen. */
  menuCommand: 'sd:menu-command',
  /** main → renderer: another launch handed over a design; take it with takeStartupFile (electron/instance.ts). */
  openRequested: 'sd:open-requested',
  /** main → renderer: the open design changed on disk ({ kind, handle, name, text? }; electron/watch.ts). */
  diskChanged: 'sd:disk-changed',
} as const;

/** 20 MB: far above any real design, low enough that a runaway renderer cannot flood main. */
export const MAX_DESIGN_CHARS = 20 * 1024 * 1024;

const fileName = z.string().min(1).max(255).refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', { message: 'expected a file name, not a path' });
/** An opaque token main issued for a path the user picked; the renderer never sends a path. */
const handle = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'expected a file handle issued by this app' });
const designText = z.string().max(MAX_DESIGN_CHARS);

/** A recent-file handle main issued (`r-` and a UUID); never a path. */
export const openRecentRequest = z.strictObject({ handle: z.string().regex(/^r-[0-9a-f-]{36}$/, { message: 'expected a recent-file handle issued by this app' }) });
export const saveDesignRequest: z.ZodType<SaveDesignRequest> = z.strictObject({ text: designText, suggestedName: fileName, handle: handle.optional() });
export const saveDesignAsRequest: z.ZodType<SaveDesignAsRequest> = z.strictObject({ text: designText, suggestedName: fileName });
export const setTitleRequest: z.ZodType<SetTitleRequest> = z.strictObject({ title: z.string().max(500), edited: z.boolean() });
/** Exactly Electron's nativeTheme.themeSource values. */
export const setThemeRequest: z.ZodType<SetThemeRequest> = z.strictObject({ theme: z.enum(['system', 'light', 'dark']) });
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

/** A template read for import: above CloudFormation's own 1 MB limit, so the importer (not main)
 *  says what that limit is, yet low enough that main never reads a huge file into memory.
 *  (Template size quota: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html) */
export const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;
/** An export: at most this many files and this much text in all (a 1,000-node design's CDK app
 *  is well under 2,000 files and 10 MB). */
export const MAX_EXPORT_FILES = 5000;
export const MAX_EXPORT_CHARS = 50 * 1024 * 1024;

/** A path inside the export: relative, forward slashes, no `.`/`..` segment, no drive letter or
 *  backslash, plain characters only; so main can join it under the folder the user picked. */
export const exportPath = z.string().min(1).max(400).refine((p) => /^[A-Za-z0-9._@+-]+(\/[A-Za-z0-9._@+-]+)*$/.test(p) && p.split('/').every((seg) => seg !== '.' && seg !== '..'), {
  message: 'expected a relative path with forward slashes and no ".." (e.g. lib/orders-stack.ts)',
});
const exportFiles = z.array(z.strictObject({ path: exportPath, content: z.string().max(MAX_EXPORT_CHARS) })).min(1).max(MAX_EXPORT_FILES)
  .refine((files) => new Set(files.map((f) => f.path.toLowerCase())).size === files.length, { message: 'two files have the same path' })
  .refine((files) => files.reduce((n, f) => n + f.content.length, 0) <= MAX_EXPORT_CHARS, { message: `the export is larger than ${MAX_EXPORT_CHARS / 1048576} MB` });
/** SAM: files[0] is the template (written where the user picks); CDK: a folder name is suggested. */
export const exportSamRequest: z.ZodType<ExportFilesRequest> = z.strictObject({ files: exportFiles, suggestedName: fileName })
  .refine((r) => /\.ya?ml$/i.test(r.files[0]?.path ?? '') && !r.files[0]?.path.includes('/'), { message: 'files[0] must be the template (template.yaml)' });
export const exportCdkRequest: z.ZodType<ExportFilesRequest> = z.strictObject({ files: exportFiles, suggestedName: fileName });

/** Channels that take no argument get exactly none. */
export const noArguments = z.tuple([]);

/** A draft id the renderer made (renderer/bridge.ts DRAFT_ID_PATTERN). */
const draftId = z.string().regex(DRAFT_ID_PATTERN, { message: 'expected a draft id (letters, digits, dashes)' });
export const putDraftRequest: z.ZodType<PutDraftRequest> = z.strictObject({
  draft: z.strictObject({ id: draftId, name: z.string().max(1000), text: designText, time: z.number().finite().nonnegative(), fileName: fileName.optional() }),
});
export const removeDraftRequest: z.ZodType<RemoveDraftRequest> = z.strictObject({ id: draftId });
export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** An exported image or report: far above a 2× PNG of a 1,000-node design (a few MB), low enough
 *  that a runaway renderer cannot flood main. */
export const MAX_EXPORT_FILE_BYTES = 64 * 1024 * 1024;
const pngBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength > 0 && v.byteLength <= MAX_EXPORT_FILE_BYTES, { message: `expected PNG bytes (at most ${MAX_EXPORT_FILE_BYTES / 1048576} MB)` })
  .refine((b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x), { message: 'expected a PNG (the bytes lack its signature)' });
/** Text (SVG, HTML, Markdown) or bytes (PNG), matching the kind, and a name with that extension. */
export const saveExportFileRequest: z.ZodType<SaveExportFileRequest> = z.strictObject({
  kind: z.enum(['svg', 'png', 'html', 'md']),
  suggestedName: fileName,
  text: z.string().max(MAX_EXPORT_FILE_BYTES).optional(),
  bytes: pngBytes.optional(),
}).refine((r) => (r.kind === 'png' ? r.bytes !== undefined && r.text === undefined : r.text !== undefined && r.bytes === undefined), { message: 'a PNG is sent as bytes, SVG, HTML and Markdown as text' })
  .refine((r) => r.suggestedName.toLowerCase().endsWith(`.${r.kind}`), { message: 'the suggested name must end with the kind (.svg, .png, .html, .md)' });
export const copyImageRequest: z.ZodType<CopyImageRequest> = z.strictObject({ png: pngBytes });

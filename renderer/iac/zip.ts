import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportFile } from '../bridge';

/** Every entry's modification time: fixed, so the same export zips to the same bytes. (The zip
 *  format's DOS time cannot say 1970; 1980-01-01 is its earliest date.) */
export const ZIP_MTIME = new Date('1980-01-01T00:00:00Z');

/** The files of an export as one .zip, in the order given, paths as they are (`bin/app.ts`). */
export function zipFiles(files: readonly ExportFile[]): Uint8Array<ArrayBuffer> {
  const tree: Zippable = {};
  for (const f of files) tree[f.path] = [strToU8(f.content), { mtime: ZIP_MTIME }];
  return zipSync(tree, { level: 6, mtime: ZIP_MTIME });
}

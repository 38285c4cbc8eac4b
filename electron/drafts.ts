import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { nodeFileOps, type FileOps } from './files';
import { DRAFT_ID_PATTERN, MAX_DESIGN_CHARS } from './ipc-contract';

/** Autosaved drafts on the desktop: one JSON file per window session in the user-data folder
 *  (`<userData>/drafts/<id>.json`; folder 0700, files 0600), written atomically (a temp file, fsync,
 *  rename; no .bak copies as a design save keeps: a draft is rewritten at every pause). The
 *  renderer's draft store (renderer/drafts) decides what a draft is and when to write it; this
 *  side only keeps the files and refuses what is not a draft: an id other than ours (no path can
 *  be formed from it), more than the largest design plus its metadata, a link or a folder. */
export const DRAFT_ID = DRAFT_ID_PATTERN;
/** A draft file is the design text plus a few short fields. */
export const MAX_DRAFT_FILE_BYTES = MAX_DESIGN_CHARS * 3 + 64 * 1024;

export class DraftFiles {
  /** The drafts written in this run of the app (the window's own; not those a crash left before). */
  private readonly written = new Set<string>();

  constructor(private readonly dir: string, private readonly ops: FileOps = nodeFileOps) {}

  private pathOf(id: string): string {
    if (!DRAFT_ID.test(id)) throw new Error('refused: not a draft id');
    return join(this.dir, `${id}.json`);
  }

  /** Every draft that can be read: a file that is not a regular file, too big, or not JSON is
   *  skipped (and left alone for a person to look at), never half-read. */
  async list(): Promise<unknown[]> {
    const names = await this.ops.readdir(this.dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    const out: unknown[] = [];
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!DRAFT_ID.test(id)) continue;
      const path = join(this.dir, name);
      const info = await this.ops.lstat(path).catch(() => undefined);
      if (!info?.isFile() || info.size > MAX_DRAFT_FILE_BYTES) continue;
      try {
        const value: unknown = JSON.parse(await this.ops.readFile(path, 'utf8'));
        if (typeof value === 'object' && value !== null && (value as { id?: unknown }).id === id) out.push(value);
      } catch {
        // Not JSON (a disk that filled up mid-write before atomic renames, another program's file): skipped.
      }
    }
    return out;
  }

  async put(id: string, draft: unknown): Promise<void> {
    const path = this.pathOf(id);
    const text = JSON.stringify(draft);
    if (text.length > MAX_DRAFT_FILE_BYTES) throw new Error(`the draft is larger than ${Math.round(MAX_DRAFT_FILE_BYTES / 1048576)} MB`);
    await this.ops.mkdir(this.dir, { recursive: true, mode: 0o700 });
    this.written.add(id);
    const temp = join(this.dir, `.${id}.${randomUUID().slice(0, 8)}.tmp`);
    const handle = await this.ops.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
      await handle.close();
      await this.ops.rename(temp, path);
    } catch (err) {
      await handle.close().catch(() => undefined);
      await this.ops.rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
  }

  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    // A link in the drafts folder is removed as a link: rm never follows it.
    await this.ops.rm(path, { force: true });
    this.written.delete(id);
  }

  /** Closing with "Don't Save": the window's drafts go too, so the next start does not offer back
   *  what the user chose to throw away. Drafts other runs left behind stay. */
  async removeWritten(): Promise<void> {
    for (const id of [...this.written]) await this.remove(id).catch(() => undefined);
  }
}

import { randomUUID } from 'node:crypto';
import { basename, dirname, isAbsolute } from 'node:path';
import { z } from 'zod';
import { atomicWrite, nodeFileOps, type FileOps } from './files';
import type { RecentFile } from './ipc-contract';

export const RECENT_MAX = 10;

/** What recent-files.json holds: absolute paths, newest first. Anything else in it is dropped. */
const stored = z.looseObject({ paths: z.array(z.unknown()) });

/** The designs opened or saved recently (main owns the list, kept in the app's data folder). The
 *  renderer sees names, folders and opaque handles, never sends a path; a handle is good for this
 *  session only. Opening an entry goes through the same read and validation as Open…. */
export class RecentFiles {
  private paths: string[] = [];
  private byHandle = new Map<string, string>();
  private handleOf = new Map<string, string>();
  private loaded = false;

  constructor(private readonly storePath: string | undefined, private readonly ops: FileOps = nodeFileOps) {}

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.storePath) return;
    try {
      const parsed = stored.safeParse(JSON.parse(await this.ops.readFile(this.storePath, 'utf8')));
      if (parsed.success) this.paths = [...new Set(parsed.data.paths.filter((p): p is string => typeof p === 'string' && isAbsolute(p)))].slice(0, RECENT_MAX);
    } catch {
      // No list yet, or an unreadable one: start a new list.
    }
  }

  private async persist(): Promise<void> {
    if (!this.storePath) return;
    try {
      await atomicWrite(this.storePath, `${JSON.stringify({ paths: this.paths }, null, 2)}\n`, this.ops);
    } catch {
      // The list is a convenience: failing to keep it must never fail an open or a save.
    }
  }

  private handle(path: string): string {
    let handle = this.handleOf.get(path);
    if (!handle) {
      handle = `r-${randomUUID()}`;
      this.handleOf.set(path, handle);
      this.byHandle.set(handle, path);
    }
    return handle;
  }

  /** Puts `path` first (an open or a save). */
  async add(path: string): Promise<void> {
    await this.load();
    this.paths = [path, ...this.paths.filter((p) => p !== path)].slice(0, RECENT_MAX);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    await this.load();
    this.paths = this.paths.filter((p) => p !== path);
    await this.persist();
  }

  async list(): Promise<RecentFile[]> {
    await this.load();
    return this.paths.map((path) => ({ name: basename(path), handle: this.handle(path), detail: dirname(path) }));
  }

  /** The path behind a handle this session issued. */
  resolve(handle: string): string | undefined {
    return this.byHandle.get(handle);
  }

  /** The path to open for `handle`, or an error naming the file when it is gone (it then leaves the list). */
  async pathToOpen(handle: string): Promise<string> {
    const path = this.resolve(handle);
    if (!path) throw new Error('That entry is no longer in Recent files; open the design with Open….');
    const there = await this.ops.stat(path).then((s) => s.isFile(), () => false);
    if (!there) {
      await this.remove(path);
      throw new Error(`${basename(path)} is no longer in ${dirname(path)}; it was taken off Recent files.`);
    }
    return path;
  }
}

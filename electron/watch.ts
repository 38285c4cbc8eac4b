import { createHash } from 'node:crypto';
import * as fsSync from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { DiskChange } from './ipc-contract';

/** Events for one file arrive in bursts (an editor writes a temp file, renames it over, touches
 *  it): the file is looked at once, this long after the last one. */
export const DEBOUNCE_MS = 300;
/** When the folder cannot be watched (a network drive, the system's watch limit reached), the
 *  file's size and time are polled this often instead. */
export const POLL_MS = 2_000;

interface Seen { size: number; mtimeMs: number; ino: number; hash: string }

const hashOf = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export interface WatchOptions {
  debounceMs?: number;
  pollMs?: number;
  /** Node's fs.watch / fs.watchFile, replaceable so a test can make watching fail. */
  watch?: typeof fsSync.watch;
  watchFile?: typeof fsSync.watchFile;
  unwatchFile?: typeof fsSync.unwatchFile;
}

/** Notices when another program changes the open design on disk, and says so once per change.
 *  It watches the file's FOLDER filtered to the file's name (an editor that saves by writing a
 *  temp file and renaming it over the original replaces the inode, which a watch on the file
 *  itself would lose). A burst of events is looked at once, DEBOUNCE_MS after the last one: the
 *  size, time and inode first, and only when one differs the content, by its SHA-256. So a touch
 *  or a rewrite with the same text is not a change, and neither is the app's own save: main tells
 *  the watcher before it writes (`writing`: checks wait, the text is expected) and after
 *  (`track`: the new size, time and hash are the baseline). A file that is missing at two looks
 *  in a row was deleted or moved away (`removed`); one back with other text is `changed`. */
export class DesignWatcher {
  private path: string | undefined;
  private handle = '';
  private seen: Seen | undefined;
  private missing = false;
  private expected = new Set<string>();
  private writes = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private again = false;
  private stopWatching: (() => void) | undefined;
  /** How many looks at the file have finished (tests wait on it; it is not a timing). */
  checks = 0;

  constructor(private readonly notify: (change: DiskChange) => void, private readonly options: WatchOptions = {}) {}

  /** The design now open (or just saved) is `path`, whose content is `text`; `handle` is the one
   *  the renderer holds for it (a renderer that has since opened another design ignores the event). */
  async track(path: string, handle: string, text: string): Promise<void> {
    if (path !== this.path) {
      this.stop();
      this.path = path;
      this.start(path);
    }
    this.handle = handle;
    this.expected.delete(hashOf(text));
    this.missing = false;
    this.seen = await this.look(path, hashOf(text));
  }

  /** The app is about to write `text` to `path`: looks wait until `written`, and that text is
   *  never reported as a change. */
  writing(path: string, text: string): void {
    if (path !== this.path) return;
    this.writes += 1;
    this.expected.add(hashOf(text));
  }

  /** The app's write to `path` finished (saved or failed). After a save, `track` sets the baseline. */
  written(path: string): void {
    if (path !== this.path || this.writes === 0) return;
    this.writes -= 1;
    if (this.writes === 0 && this.timer === undefined) this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.path = undefined;
    this.seen = undefined;
    this.expected.clear();
    this.writes = 0;
  }

  /** Resolves once no look is waiting or running (tests). */
  async settled(): Promise<void> {
    while (this.timer || this.checking) {
      await (this.checking ?? new Promise((r) => setTimeout(r, 10)));
    }
  }

  private start(path: string): void {
    const name = basename(path);
    const watch = this.options.watch ?? fsSync.watch;
    try {
      const watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
        // Some platforms do not say which file; then it may be ours.
        if (!file || file.toString() === name) this.schedule();
      });
      watcher.on('error', () => {
        watcher.close();
        if (this.path === path) this.poll(path);
      });
      this.stopWatching = () => watcher.close();
    } catch {
      this.poll(path);
    }
  }

  private poll(path: string): void {
    const watchFile = this.options.watchFile ?? fsSync.watchFile;
    const unwatchFile = this.options.unwatchFile ?? fsSync.unwatchFile;
    const listener = () => this.schedule();
    watchFile(path, { persistent: false, interval: this.options.pollMs ?? POLL_MS }, listener);
    this.stopWatching = () => unwatchFile(path, listener);
  }

  private schedule(): void {
    if (!this.path) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.writes > 0) return; // `written` schedules the look
      if (this.checking) {
        this.again = true;
        return;
      }
      this.checking = this.check().finally(() => {
        this.checking = undefined;
        this.checks += 1;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
    }, this.options.debounceMs ?? DEBOUNCE_MS);
  }

  /** Size, time and inode of `path`, with the content's hash: `knownHash` when size and time are
   *  the baseline's (no read), else the file is read. Undefined when it is not there. */
  private async look(path: string, knownHash?: string): Promise<Seen | undefined> {
    const info = await fs.stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const base = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
    if (knownHash !== undefined) return { ...base, hash: knownHash };
    return { ...base, hash: hashOf(await fs.readFile(path)) };
  }

  private async check(): Promise<void> {
    const path = this.path;
    if (!path) return;
    const info = await fs.stat(path).catch(() => undefined);
    if (this.path !== path || this.writes > 0) return;
    if (!info?.isFile()) {
      if (this.seen === undefined && this.missing) return; // already reported
      if (!this.missing) {
        // An editor replacing the file may have it missing for a moment: look once more.
        this.missing = true;
        this.schedule();
        return;
      }
      this.seen = undefined;
      this.notify({ kind: 'removed', handle: this.handle, name: basename(path) });
      return;
    }
    this.missing = false;
    const seen = this.seen;
    if (seen && info.size === seen.size && info.mtimeMs === seen.mtimeMs && info.ino === seen.ino) return;
    const bytes = await fs.readFile(path).catch(() => undefined);
    if (bytes === undefined || this.path !== path || this.writes > 0) return;
    const hash = hashOf(bytes);
    this.seen = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, hash };
    if (hash === seen?.hash || this.expected.has(hash)) return;
    this.notify({ kind: 'changed', handle: this.handle, name: basename(path), text: bytes.toString('utf8') });
  }
}

import type { Draft, DraftStore } from './store';

/** What the autosaver needs of the open design: read lazily, only when a draft is written. */
export interface DraftSource {
  name: string;
  fileName?: string;
  /** The design text (serializeDesign): called at write time, not on every edit. */
  text(): string;
}

export interface AutosaverOptions {
  store: DraftStore;
  /** This window's or tab's draft id (session.ts). */
  id: string;
  /** Quiet time after the last edit before the draft is written. */
  idleMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** The draft could not be written (too big, storage refused): said once until a write works again. */
  onProblem?: (message: string) => void;
}

/** 2 s of quiet after an edit: short enough that a crash loses a few seconds of work, long enough
 *  that typing or dragging writes once, not on every keystroke or frame. */
export const AUTOSAVE_IDLE_MS = 2000;

/**
 * Keeps this session's draft in step with the open design: written `idleMs` after the last edit,
 * at once after a structural edit (a resource or connection added or removed, a paste, an import,
 * a restore), and removed when the design is saved or its changes are discarded. One write at a
 * time: edits that arrive during a write are written after it, never lost or interleaved.
 */
export class Autosaver {
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private timer: unknown = undefined;
  private pending: DraftSource | undefined;
  /** The write or removal under way; the next one chains after it. */
  private queue: Promise<void> = Promise.resolve();
  private problem: string | undefined;
  private disposed = false;
  /** Drafts written (for tests and the status line). */
  writes = 0;

  constructor(private readonly options: AutosaverOptions) {
    this.idleMs = options.idleMs ?? AUTOSAVE_IDLE_MS;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** The design changed and has unsaved changes. */
  changed(source: DraftSource, structural: boolean): void {
    if (this.disposed) return;
    this.pending = source;
    this.cancelTimer();
    if (structural) void this.flush();
    else this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.flush();
    }, this.idleMs);
  }

  /** Writes the pending change now (also on pagehide). Resolves when it is stored. */
  flush(): Promise<void> {
    this.cancelTimer();
    const source = this.pending;
    if (!source) return this.queue;
    this.pending = undefined;
    this.queue = this.queue.then(() => this.write(source));
    return this.queue;
  }

  /** The design was saved, or its changes discarded: no draft to keep. */
  clean(): Promise<void> {
    this.cancelTimer();
    this.pending = undefined;
    this.queue = this.queue.then(() => this.options.store.remove(this.options.id).catch(() => undefined));
    return this.queue;
  }

  dispose(): void {
    this.cancelTimer();
    this.disposed = true;
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private async write(source: DraftSource): Promise<void> {
    let message: string | undefined;
    try {
      const draft: Draft = { id: this.options.id, name: source.name, text: source.text(), time: this.now(), ...(source.fileName ? { fileName: source.fileName } : {}) };
      const put = await this.options.store.put(draft);
      if (put.ok) this.writes++;
      else message = put.reason;
    } catch (err) {
      message = `Autosave failed: ${err instanceof Error ? err.message : String(err)}. Your changes are still open here; save them to a file.`;
    }
    if (message && message !== this.problem) this.options.onProblem?.(message);
    this.problem = message;
  }
}

import { createStore, del, set, values } from 'idb-keyval';
import { DRAFT_ID_PATTERN } from '../bridge';

/** A draft of an open design: one per window or tab session (`id`), rewritten as the user edits
 *  and removed when the design is saved or its changes are discarded. */
export interface Draft {
  id: string;
  /** The design's name, for the restore offer. */
  name: string;
  /** The design text (serializeDesign). */
  text: string;
  /** The name of the file it came from, if any. A restored draft keeps the name but not the
   *  file's handle: its first Save asks where (suggesting that name), so a restore never writes
   *  silently over a file that may have changed since. */
  fileName?: string;
  /** When it was written (ms since the epoch). */
  time: number;
}

/** The storage under the draft store: a key/value map (IndexedDB in the browser, files in the
 *  desktop's user-data folder through IPC, a Map in tests). */
export interface DraftBackend {
  /** Every stored value (checked by asDraft before use). */
  list(): Promise<unknown[]>;
  set(id: string, draft: Draft): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A design longer than this (characters) is not kept as a draft: the user is told, nothing
 *  crashes. The same bound as the largest design the desktop saves (electron/ipc-contract.ts
 *  MAX_DESIGN_CHARS, 20 MB); a draft is rewritten at every pause in editing. */
export const MAX_DRAFT_CHARS = 20 * 1024 * 1024;
/** The newest this many drafts are kept; older ones are dropped when a draft is written. */
export const MAX_DRAFTS = 10;
/** Draft ids are ours (crypto.randomUUID); anything else in the store is not a draft. */
export const DRAFT_ID = DRAFT_ID_PATTERN;

export type PutResult = { ok: true } | { ok: false; reason: string };

/** A stored value as a draft, or undefined when it is not one (another version's data, a
 *  half-written entry): such entries are skipped, never shown half-read. */
export function asDraft(value: unknown): Draft | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const d = value as Record<string, unknown>;
  if (typeof d.id !== 'string' || !DRAFT_ID.test(d.id) || typeof d.text !== 'string' || typeof d.time !== 'number' || !Number.isFinite(d.time)) return undefined;
  const name = typeof d.name === 'string' && d.name.trim() ? d.name : 'Untitled design';
  return {
    id: d.id,
    name,
    text: d.text,
    time: d.time,
    ...(typeof d.fileName === 'string' ? { fileName: d.fileName } : {}),
  };
}

/** The draft store's rules over any backend: size cap, count cap, newest first. */
export class DraftStore {
  constructor(private readonly backend: DraftBackend) {}

  async put(draft: Draft): Promise<PutResult> {
    if (!DRAFT_ID.test(draft.id)) return { ok: false, reason: `draft id ${JSON.stringify(draft.id.slice(0, 80))} is not one of ours` };
    if (draft.text.length > MAX_DRAFT_CHARS) {
      return { ok: false, reason: `${draft.name} is over the ${MAX_DRAFT_CHARS / 1048576} MB autosave limit, so it is not autosaved: save it to a file.` };
    }
    await this.backend.set(draft.id, draft);
    const all = await this.list();
    for (const old of all.slice(MAX_DRAFTS)) await this.backend.delete(old.id);
    return { ok: true };
  }

  /** Every readable draft, newest first. */
  async list(): Promise<Draft[]> {
    const out: Draft[] = [];
    for (const value of await this.backend.list()) {
      const d = asDraft(value);
      if (d) out.push(d);
    }
    return out.sort((a, b) => b.time - a.time);
  }

  remove(id: string): Promise<void> {
    return this.backend.delete(id);
  }

  /** Drafts that no live session owns (`live`: the ids of the sessions alive now): what a
   *  crashed, killed or closed window left behind. */
  async orphans(live: ReadonlySet<string>): Promise<Draft[]> {
    return (await this.list()).filter((d) => !live.has(d.id));
  }
}

export function memoryBackend(): DraftBackend & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    list: async () => [...map.values()],
    set: async (id, d) => void map.set(id, structuredClone(d)),
    delete: async (id) => void map.delete(id),
  };
}

export const IDB_NAME = 'sd-drafts';
export const IDB_STORE = 'drafts';

/** IndexedDB through idb-keyval: database "sd-drafts", object store "drafts", key = draft id. */
export function idbBackend(): DraftBackend {
  const store = createStore(IDB_NAME, IDB_STORE);
  return {
    list: () => values<unknown>(store),
    set: (id, d) => set(id, d, store),
    delete: (id) => del(id, store),
  };
}

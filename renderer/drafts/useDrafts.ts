import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Design } from '../../core/model/design';
import { serializeDesign } from '../../core/model/serialize';
import { Autosaver } from './autosave';
import { holdSession, liveSessions, newSessionId } from './session';
import { DraftStore, type Draft, type DraftBackend } from './store';

/** What a draft is compared by to tell a structural edit (ids of resources and connections) from
 *  a move or a field edit. */
function structure(design: Design): string {
  let s = '';
  for (const n of design.nodes) s += `${n.id}\u0000`;
  s += '\u0001';
  for (const e of design.edges) s += `${e.id}\u0000`;
  return s;
}

export interface DraftsOptions {
  backend: DraftBackend | undefined;
  design: Design;
  dirty: boolean;
  fileName: string | undefined;
  /** Changes when another document replaces the open one (open, import, restore). */
  documentKey: number;
  onProblem(message: string): void;
}

/**
 * Autosave and start-up recovery for one window or tab: the draft of the open design follows
 * every edit (Autosaver), and drafts left by a crashed, killed or closed session are offered once
 * at start (`orphans`) to restore or discard.
 */
export function useDrafts({ backend, design, dirty, fileName, documentKey, onProblem }: DraftsOptions) {
  const sessionId = useMemo(newSessionId, []);
  const store = useMemo(() => (backend ? new DraftStore(backend) : undefined), [backend]);
  const problem = useRef(onProblem);
  problem.current = onProblem;
  const saver = useMemo(() => (store ? new Autosaver({ store, id: sessionId, onProblem: (m) => problem.current(m) }) : undefined), [store, sessionId]);
  const [orphans, setOrphans] = useState<Draft[]>([]);

  // At start: hold this session's lock, then list what other sessions left behind.
  useEffect(() => {
    if (!store) return;
    let cancelled = false;
    void (async () => {
      try {
        await holdSession(sessionId);
        const left = await store.orphans(await liveSessions(sessionId));
        if (!cancelled) setOrphans(left);
      } catch (err) {
        problem.current(`Could not read the autosaved drafts: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [store, sessionId]);

  const last = useRef<{ design: Design; structure: string; documentKey: number } | null>(null);
  useEffect(() => {
    if (!saver) return;
    if (!dirty) {
      if (last.current) void saver.clean();
      last.current = { design, structure: '', documentKey };
      return;
    }
    if (last.current?.design === design && last.current.documentKey === documentKey) return;
    const shape = structure(design);
    const structural = !last.current || last.current.documentKey !== documentKey || last.current.structure !== shape;
    last.current = { design, structure: shape, documentKey };
    saver.changed({ name: design.name, ...(fileName ? { fileName } : {}), text: () => serializeDesign(design) }, structural);
  }, [saver, design, dirty, fileName, documentKey]);

  // Leaving the page (closing the tab, reloading) writes what is pending; a crash cannot, which
  // is what the short idle time is for.
  useEffect(() => {
    if (!saver) return;
    const flush = () => void saver.flush();
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      saver.dispose();
    };
  }, [saver]);

  /** Takes a left-behind draft over as this session's own, and stops offering it. */
  const adopt = useCallback(async (draft: Draft) => {
    if (!store) return;
    await store.put({ ...draft, id: sessionId, time: Date.now() });
    await store.remove(draft.id);
    setOrphans((all) => all.filter((d) => d.id !== draft.id));
  }, [store, sessionId]);

  const discard = useCallback(async (draft: Draft) => {
    if (!store) return;
    await store.remove(draft.id);
    setOrphans((all) => all.filter((d) => d.id !== draft.id));
  }, [store]);

  /** "Decide later": the drafts stay stored and are offered again at the next start. */
  const postpone = useCallback(() => setOrphans([]), []);

  return { sessionId, orphans, adopt, discard, postpone, flush: () => saver?.flush() ?? Promise.resolve() };
}

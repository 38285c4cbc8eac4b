/** Which draft sessions are alive. Browser tabs (and desktop windows) can be open side by side:
 *  each holds a Web Lock named after its draft id for as long as it lives, so a second tab does not
 *  offer to "recover" the first one's live draft. A crashed or killed page's locks are released by
 *  the browser, which is how its draft becomes an orphan to offer. */
const PREFIX = 'sd-draft:';

export function newSessionId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

const locks = (): LockManagerLike | undefined => (typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks as unknown as LockManagerLike) : undefined);

/** Holds this session's lock until the page goes away (resolves once it is held). */
export function holdSession(id: string, manager: LockManagerLike | undefined = locks()): Promise<void> {
  if (!manager) return Promise.resolve();
  return new Promise<void>((held) => {
    manager.request(PREFIX + id, () => {
      held();
      return new Promise<void>(() => undefined);
    }).catch(() => held());
  });
}

/** The ids of the sessions alive now (their locks are held), ours included. Without Web Locks
 *  only ours is known: then every other draft counts as left behind. */
export async function liveSessions(own: string, manager: LockManagerLike | undefined = locks()): Promise<Set<string>> {
  const live = new Set([own]);
  if (!manager) return live;
  try {
    const state = await manager.query();
    for (const l of state.held ?? []) if (l.name?.startsWith(PREFIX)) live.add(l.name.slice(PREFIX.length));
  } catch {
    // No lock state: only our own session is known to be alive.
  }
  return live;
}

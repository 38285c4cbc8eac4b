import { describe, expect, it, vi } from 'vitest';
import { Autosaver, AUTOSAVE_IDLE_MS } from '../../renderer/drafts/autosave';
import { holdSession, liveSessions, type LockManagerLike } from '../../renderer/drafts/session';
import { asDraft, DraftStore, MAX_DRAFT_CHARS, MAX_DRAFTS, memoryBackend, type Draft } from '../../renderer/drafts/store';

const draft = (id: string, time: number, extra: Partial<Draft> = {}): Draft => ({ id, name: `Design ${id}`, text: `{"name":"${id}"}`, time, ...extra });

describe('draft store', () => {
  it('keeps the newest drafts first and drops the oldest beyond the cap', async () => {
    const backend = memoryBackend();
    const store = new DraftStore(backend);
    for (let i = 0; i < MAX_DRAFTS + 3; i++) expect(await store.put(draft(`d${i}`, 1000 + i))).toEqual({ ok: true });
    const list = await store.list();
    expect(list).toHaveLength(MAX_DRAFTS);
    expect(list[0]!.id).toBe(`d${MAX_DRAFTS + 2}`);
    expect(list.map((d) => d.id)).not.toContain('d0');
    expect(backend.map.size).toBe(MAX_DRAFTS);
  });

  it('refuses a design over the size cap with a message naming it, and keeps nothing of it', async () => {
    const store = new DraftStore(memoryBackend());
    const put = await store.put(draft('big', 1, { name: 'Huge design', text: 'x'.repeat(MAX_DRAFT_CHARS + 1) }));
    expect(put.ok).toBe(false);
    expect(!put.ok && put.reason).toMatch(/^Huge design is over the 20 MB autosave limit/);
    expect(await store.list()).toEqual([]);
  });

  it('skips stored values that are not drafts (another version, half-written) instead of showing them half-read', async () => {
    const backend = memoryBackend();
    backend.map.set('a', { id: 'a', text: 42, time: 1 });
    backend.map.set('b', 'not an object');
    backend.map.set('c', { id: '../../etc/passwd', text: '{}', time: 1 });
    backend.map.set('d', { id: 'd', text: '{}', time: Number.NaN });
    backend.map.set('e', { id: 'e', text: '{}', time: 5, name: '   ' });
    const list = await new DraftStore(backend).list();
    expect(list).toEqual([{ id: 'e', name: 'Untitled design', text: '{}', time: 5 }]);
    expect(asDraft(null)).toBeUndefined();
  });

  it('offers only the drafts no live session owns', async () => {
    const store = new DraftStore(memoryBackend());
    await store.put(draft('mine', 3));
    await store.put(draft('other-live', 2));
    await store.put(draft('crashed', 1));
    expect((await store.orphans(new Set(['mine', 'other-live']))).map((d) => d.id)).toEqual(['crashed']);
  });
});

describe('sessions (Web Locks)', () => {
  it('a held lock marks its session live; a released one (a crashed page) does not', async () => {
    const held = new Set<string>();
    const manager: LockManagerLike = {
      request: (name, cb) => {
        held.add(name);
        return cb();
      },
      query: async () => ({ held: [...held].map((name) => ({ name })) }),
    };
    await holdSession('tab-a', manager);
    await holdSession('tab-b', manager);
    expect([...(await liveSessions('tab-c', manager))].sort()).toEqual(['tab-a', 'tab-b', 'tab-c']);
    held.delete('sd-draft:tab-b'); // the browser releases a dead page's locks
    expect([...(await liveSessions('tab-c', manager))].sort()).toEqual(['tab-a', 'tab-c']);
  });

  it('without Web Locks only the own session counts as live', async () => {
    expect([...(await liveSessions('me', undefined))]).toEqual(['me']);
  });
});

describe('autosaver', () => {
  const setup = () => {
    vi.useFakeTimers();
    const backend = memoryBackend();
    const store = new DraftStore(backend);
    const problems: string[] = [];
    let texts = 0;
    const saver = new Autosaver({ store, id: 'tab-1', now: () => 1234, onProblem: (m) => problems.push(m) });
    const source = (text: string) => ({ name: 'Orders', fileName: 'orders.design.json', text: () => { texts++; return text; } });
    return { backend, store, saver, problems, source, texts: () => texts };
  };

  it('writes once after the idle pause, however many edits came before it', async () => {
    const { backend, saver, source, texts } = setup();
    for (let i = 0; i < 20; i++) {
      saver.changed(source(`v${i}`), false);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS / 4);
    }
    expect(backend.map.size).toBe(0); // still typing
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS);
    expect(backend.map.get('tab-1')).toEqual({ id: 'tab-1', name: 'Orders', fileName: 'orders.design.json', text: 'v19', time: 1234 });
    expect(texts()).toBe(1); // serialised once, at write time
    expect(saver.writes).toBe(1);
    vi.useRealTimers();
  });

  it('writes a structural edit at once, without waiting for the pause', async () => {
    const { backend, saver, source } = setup();
    saver.changed(source('typed'), false);
    saver.changed(source('node added'), true);
    await vi.advanceTimersByTimeAsync(0);
    expect((backend.map.get('tab-1') as Draft).text).toBe('node added');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS * 2);
    expect(saver.writes).toBe(1); // the pending idle write was folded into it
    vi.useRealTimers();
  });

  it('removes the draft once the design is saved, after any write under way', async () => {
    const { backend, saver, source } = setup();
    saver.changed(source('x'), true);
    const cleaned = saver.clean();
    await cleaned;
    expect(backend.map.size).toBe(0);
    saver.changed(source('y'), false);
    void saver.clean(); // saved before the pause ended: nothing is written
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS * 2);
    expect(backend.map.size).toBe(0);
    vi.useRealTimers();
  });

  it('says once when a draft cannot be written (too big, storage refused), and again only after a write worked', async () => {
    const { saver, problems, backend } = setup();
    const big = { name: 'Huge', text: () => 'x'.repeat(MAX_DRAFT_CHARS + 1) };
    saver.changed(big, true);
    await saver.flush();
    saver.changed(big, true);
    await saver.flush();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Huge is over the 20 MB autosave limit/);
    backend.set = async () => {
      throw new Error('QuotaExceededError: the disk is full');
    };
    saver.changed({ name: 'Small', text: () => '{}' }, true);
    await saver.flush();
    expect(problems[1]).toBe('Autosave failed: QuotaExceededError: the disk is full. Your changes are still open here; save them to a file.');
    vi.useRealTimers();
  });
});

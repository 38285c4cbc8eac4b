import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftStore } from '../../renderer/drafts/store';
import { createElectronHost } from '../../renderer/host-electron';
import type { DesignerBridge } from '../../renderer/bridge';

vi.mock('electron', () => ({}));

const { DraftFiles } = await import('../../electron/drafts');
const { BlessedPaths } = await import('../../electron/files');
const { createIpcHandlers } = await import('../../electron/ipc');
const { CHANNELS, MAX_DESIGN_CHARS } = await import('../../electron/ipc-contract');

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } } as never;
const stranger = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;
const draft = (id: string, time = 1) => ({ id, name: `Design ${id}`, text: '{"format":"serverless-design"}', time });

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sd-drafts-'));
  dir = join(root, 'drafts');
});

describe('DraftFiles (the desktop drafts folder)', () => {
  it('writes one private file per draft, lists it back, and removes it', async () => {
    const files = new DraftFiles(dir);
    expect(await files.list()).toEqual([]); // no folder yet
    await files.put('a-1', draft('a-1'));
    await files.put('a-1', { ...draft('a-1'), time: 2 }); // rewritten in place, no .bak, no temp left
    expect(readdirSync(dir)).toEqual(['a-1.json']);
    expect(statSync(join(dir, 'a-1.json')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(await files.list()).toEqual([{ ...draft('a-1'), time: 2 }]);
    await files.remove('a-1');
    expect(existsSync(join(dir, 'a-1.json'))).toBe(false);
    await files.remove('a-1'); // already gone: fine
  });

  it('"Don\'t Save" on closing removes the drafts this run wrote, and only those', async () => {
    await new DraftFiles(dir).put('left-by-a-crash', draft('left-by-a-crash'));
    const files = new DraftFiles(dir);
    await files.put('this-window', draft('this-window'));
    await files.put('restored', draft('restored'));
    await files.remove('restored');
    await files.removeWritten();
    expect(readdirSync(dir)).toEqual(['left-by-a-crash.json']);
  });

  it('refuses an id that could name a path outside the folder', async () => {
    const files = new DraftFiles(dir);
    for (const id of ['../escape', 'a/b', '', '.', 'x'.repeat(65), 'a\u0000b']) {
      await expect(files.put(id, draft('ok')), id).rejects.toThrow('not a draft id');
      await expect(files.remove(id), id).rejects.toThrow('not a draft id');
    }
    expect(existsSync(join(root, 'escape.json'))).toBe(false);
  });

  it('skips what is not a readable draft — corrupt JSON, a link, a folder, a file whose id differs — and leaves it alone', async () => {
    const files = new DraftFiles(dir);
    await files.put('good', draft('good'));
    writeFileSync(join(dir, 'torn.json'), '{"id":"torn","te');
    writeFileSync(join(root, 'secret.json'), JSON.stringify(draft('linked')));
    symlinkSync(join(root, 'secret.json'), join(dir, 'linked.json'));
    mkdirSync(join(dir, 'folder.json'));
    writeFileSync(join(dir, 'other.json'), JSON.stringify(draft('not-other')));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(await files.list()).toEqual([draft('good')]);
    expect(readFileSync(join(dir, 'torn.json'), 'utf8')).toBe('{"id":"torn","te');
    await files.remove('linked'); // the link goes, never what it points at
    expect(lstatSync(join(root, 'secret.json')).isFile()).toBe(true);
    expect(existsSync(join(dir, 'linked.json'))).toBe(false);
  });
});

describe('the drafts channels', () => {
  const handlers = () => createIpcHandlers({
    blessed: new BlessedPaths([]),
    pickFileToOpen: async () => undefined,
    pickFileToSave: async () => undefined,
    setTitle: () => undefined,
    takeStartupPath: () => undefined,
    drafts: new DraftFiles(dir),
  });

  it('put, list and remove a draft for the app window, and refuse anyone else', async () => {
    const h = handlers();
    expect(await h.invoke[CHANNELS.putDraft]!(trusted, { draft: draft('w-1') })).toEqual({ ok: true, value: null });
    expect(await h.invoke[CHANNELS.listDrafts]!(trusted)).toEqual({ ok: true, value: [draft('w-1')] });
    expect(await h.invoke[CHANNELS.listDrafts]!(stranger)).toEqual({ ok: false, message: 'refused: the request did not come from the app window' });
    expect((await h.invoke[CHANNELS.putDraft]!(stranger, { draft: draft('w-2') })).ok).toBe(false);
    expect(await h.invoke[CHANNELS.removeDraft]!(trusted, { id: 'w-1' })).toEqual({ ok: true, value: null });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a malformed draft naming the field, and text longer than a design save allows', async () => {
    const h = handlers();
    const bad = await h.invoke[CHANNELS.putDraft]!(trusted, { draft: { ...draft('x'), id: '../../x' } });
    expect(bad).toEqual({ ok: false, message: 'draft.id: expected a draft id (letters, digits, dashes)' });
    const extra = await h.invoke[CHANNELS.putDraft]!(trusted, { draft: { ...draft('x'), path: '/etc/passwd' } });
    expect(extra.ok).toBe(false);
    const big = await h.invoke[CHANNELS.putDraft]!(trusted, { draft: { ...draft('x'), text: 'x'.repeat(MAX_DESIGN_CHARS + 1) } });
    expect(big.ok).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('the desktop host keeps drafts through the bridge: the same store rules as the browser', async () => {
    const h = handlers();
    const bridge = {
      platform: 'linux',
      listDrafts: () => h.invoke[CHANNELS.listDrafts]!(trusted),
      putDraft: (request: unknown) => h.invoke[CHANNELS.putDraft]!(trusted, request),
      removeDraft: (request: unknown) => h.invoke[CHANNELS.removeDraft]!(trusted, request),
    } as unknown as DesignerBridge;
    const host = createElectronHost(bridge);
    expect(host.drafts).toBeDefined();
    const store = new DraftStore(host.drafts!);
    await store.put({ ...draft('crashed-window'), fileName: 'orders.design.json' });
    await store.put(draft('live-window', 5));
    expect((await store.orphans(new Set(['live-window']))).map((d) => [d.id, d.fileName])).toEqual([['crashed-window', 'orders.design.json']]);
    await store.remove('crashed-window');
    expect(readdirSync(dir)).toEqual(['live-window.json']);
    // A host without the channels (an older preload) autosaves nothing rather than failing.
    expect(createElectronHost({ platform: 'linux' } as unknown as DesignerBridge).drafts).toBeUndefined();
  });
});

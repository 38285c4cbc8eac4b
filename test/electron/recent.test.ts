import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesign, serializeDesign } from '../../core/model';

vi.mock('electron', () => ({}));

const { BlessedPaths } = await import('../../electron/files');
const { createIpcHandlers } = await import('../../electron/ipc');
const { CHANNELS } = await import('../../electron/ipc-contract');
const { RecentFiles, RECENT_MAX } = await import('../../electron/recent');

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } } as never;
const designText = (name: string) => serializeDesign(createDesign(name));

let dir: string;
let store: string;
let toOpen: string | undefined;
let toSave: string | undefined;

const handlersWith = (recent: InstanceType<typeof RecentFiles>) => createIpcHandlers({
  blessed: new BlessedPaths([]),
  pickFileToOpen: async () => toOpen,
  pickFileToSave: async () => toSave,
  setTitle: vi.fn(),
  takeStartupPath: () => undefined,
  recent,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-recent-'));
  store = join(dir, 'data', 'recent-files.json');
  toOpen = undefined;
  toSave = undefined;
});

type Listed = { ok: true; value: { name: string; handle: string; detail?: string }[] };

describe('recent files (desktop)', () => {
  it('lists designs opened and saved, newest first, and keeps the list for the next session', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'data'));
    const handlers = handlersWith(new RecentFiles(store));
    const invoke = (channel: string, ...args: unknown[]) => handlers.invoke[channel](trusted, ...args);
    toOpen = join(dir, 'a.design.json');
    writeFileSync(toOpen, designText('A'));
    await invoke(CHANNELS.openDesign);
    toSave = join(dir, 'b.design.json');
    await invoke(CHANNELS.saveDesignAs, { text: designText('B'), suggestedName: 'b.design.json' });
    toOpen = join(dir, 'broken.design.json');
    writeFileSync(toOpen, '{ nope');
    await invoke(CHANNELS.openDesign); // a file that does not parse is not remembered

    const listed = (await invoke(CHANNELS.recentFiles)) as Listed;
    expect(listed.value.map((r) => [r.name, r.detail])).toEqual([['b.design.json', dir], ['a.design.json', dir]]);
    expect(JSON.stringify(listed.value)).not.toContain(join(dir, 'a.design.json')); // names and folders, never a full path to send back

    // Next session: a new RecentFiles reads the same list; its handles open the file.
    const next = handlersWith(new RecentFiles(store));
    const again = (await next.invoke[CHANNELS.recentFiles](trusted)) as Listed;
    expect(again.value.map((r) => r.name)).toEqual(['b.design.json', 'a.design.json']);
    const opened = await next.invoke[CHANNELS.openRecent](trusted, { handle: again.value[1].handle });
    expect(opened).toMatchObject({ ok: true, value: { name: 'a.design.json', text: designText('A'), handle: expect.any(String) } });
    expect(((await next.invoke[CHANNELS.recentFiles](trusted)) as Listed).value.map((r) => r.name)).toEqual(['a.design.json', 'b.design.json']);
  });

  it('a recent file that no longer exists gives a clear message and leaves the list', async () => {
    const recent = new RecentFiles(undefined);
    const handlers = handlersWith(recent);
    const gone = join(dir, 'gone.design.json');
    writeFileSync(gone, designText('Gone'));
    await recent.add(gone);
    const [entry] = await recent.list();
    rmSync(gone);
    const result = await handlers.invoke[CHANNELS.openRecent](trusted, { handle: entry.handle });
    expect(result).toEqual({ ok: false, message: `gone.design.json is no longer in ${dir}; it was taken off Recent files.` });
    expect(await recent.list()).toEqual([]);
  });

  it('refuses paths, unknown handles and extra arguments', async () => {
    const handlers = handlersWith(new RecentFiles(undefined));
    expect(await handlers.invoke[CHANNELS.openRecent](trusted, { handle: '/etc/passwd' })).toMatchObject({ ok: false, message: expect.stringMatching(/recent-file handle/) });
    expect(await handlers.invoke[CHANNELS.openRecent](trusted, { handle: 'r-00000000-0000-0000-0000-000000000000' })).toMatchObject({ ok: false, message: expect.stringMatching(/no longer in Recent files/) });
    expect(await handlers.invoke[CHANNELS.recentFiles](trusted, 'x')).toMatchObject({ ok: false });
  });

  it('keeps at most the last ten, and a corrupt list file starts a new list', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'data'));
    writeFileSync(store, '{ corrupt');
    const recent = new RecentFiles(store);
    expect(await recent.list()).toEqual([]);
    for (let i = 0; i < RECENT_MAX + 3; i++) await recent.add(join(dir, `d${i}.design.json`));
    const names = (await recent.list()).map((r) => r.name);
    expect(names).toHaveLength(RECENT_MAX);
    expect(names[0]).toBe(`d${RECENT_MAX + 2}.design.json`);
    expect(JSON.parse(readFileSync(store, 'utf8')).paths).toHaveLength(RECENT_MAX);
  });
});

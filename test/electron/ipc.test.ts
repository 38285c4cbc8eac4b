import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesign, serializeDesign } from '../../core/model';

vi.mock('electron', () => ({}));

const { BlessedPaths } = await import('../../electron/files');
const { createIpcHandlers, isTrustedSender, registerIpcHandlers } = await import('../../electron/ipc');
const { CHANNELS, MAX_DESIGN_CHARS } = await import('../../electron/ipc-contract');

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } } as never;
const designText = (name: string) => serializeDesign(createDesign(name));

let dir: string;
let toOpen: string | undefined;
let toSave: string | undefined;
const setTitle = vi.fn();
let handlers: ReturnType<typeof createIpcHandlers>;
let startup: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-ipc-'));
  toOpen = undefined;
  toSave = undefined;
  startup = undefined;
  setTitle.mockReset();
  handlers = createIpcHandlers({
    blessed: new BlessedPaths([]),
    pickFileToOpen: async () => toOpen,
    pickFileToSave: async () => toSave,
    setTitle,
    takeStartupPath: () => {
      const p = startup;
      startup = undefined;
      return p;
    },
  });
});

const invoke = (channel: string, ...args: unknown[]) => handlers.invoke[channel](trusted, ...args);

describe('sender checks', () => {
  it('trusts only the main frame of app://bundle', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://bundle/index.html', parent: {} } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://bundle.evil.example/', parent: null } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///app/index.html', parent: null } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'not a url', parent: null } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
  });

  it('refuses every request from an untrusted sender before doing anything', async () => {
    toOpen = join(dir, 'a.design.json');
    writeFileSync(toOpen, designText('A'));
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;
    for (const channel of Object.keys(handlers.invoke)) {
      expect(await handlers.invoke[channel](evil, { text: 'x', suggestedName: 'x.json' })).toMatchObject({ ok: false, message: expect.stringMatching(/refused/) });
    }
    handlers.send[CHANNELS.setTitle](evil, { title: 'pwned', edited: false });
    expect(setTitle).not.toHaveBeenCalled();
  });
});

describe('payload validation', () => {
  it.each([
    ['no argument', []],
    ['two arguments', [{ text: '{}', suggestedName: 'a.json' }, 'extra']],
    ['not an object', ['{}']],
    ['a path instead of a name', [{ text: '{}', suggestedName: '../../etc/passwd' }]],
    ['an absolute path', [{ text: '{}', suggestedName: '/home/me/.bashrc' }]],
    ['an unknown key', [{ text: '{}', suggestedName: 'a.json', path: '/etc/passwd' }]],
    ['a forged handle', [{ text: '{}', suggestedName: 'a.json', handle: '../../x' }]],
    ['text that is not a string', [{ text: 42, suggestedName: 'a.json' }]],
    ['oversized text', [{ text: 'x'.repeat(MAX_DESIGN_CHARS + 1), suggestedName: 'a.json' }]],
  ])('rejects %s', async (_label, args) => {
    toSave = join(dir, 'out.design.json');
    expect(await invoke(CHANNELS.saveDesign, ...args)).toMatchObject({ ok: false });
    expect(await invoke(CHANNELS.saveDesignAs, ...args)).toMatchObject({ ok: false });
  });

  it('rejects arguments to channels that take none, and a malformed title', async () => {
    expect(await invoke(CHANNELS.openDesign, '/etc/passwd')).toMatchObject({ ok: false });
    expect(await invoke(CHANNELS.takeStartupFile, 'x')).toMatchObject({ ok: false });
    handlers.send[CHANNELS.setTitle](trusted, { title: 7, edited: 'yes' });
    handlers.send[CHANNELS.setTitle](trusted, { title: 'ok', edited: true });
    expect(setTitle.mock.calls).toEqual([['ok', true]]);
  });
});

describe('open and save', () => {
  it('opens a design with a handle, and a corrupt file without one', async () => {
    toOpen = join(dir, 'a.design.json');
    writeFileSync(toOpen, designText('A'));
    const opened = await invoke(CHANNELS.openDesign);
    expect(opened).toMatchObject({ ok: true, value: { name: 'a.design.json', handle: expect.any(String) } });

    toOpen = join(dir, 'broken.design.json');
    writeFileSync(toOpen, '{ nope');
    const broken = await invoke(CHANNELS.openDesign);
    expect(broken).toMatchObject({ ok: true, value: { name: 'broken.design.json', text: '{ nope' } });
    expect((broken as { value: { handle?: string } }).value.handle).toBeUndefined();
  });

  it('returns null when a dialog is cancelled', async () => {
    expect(await invoke(CHANNELS.openDesign)).toEqual({ ok: true, value: null });
    expect(await invoke(CHANNELS.saveDesignAs, { text: designText('A'), suggestedName: 'a.design.json' })).toEqual({ ok: true, value: null });
  });

  it('saves as to the picked path, then saves again through the handle', async () => {
    toSave = join(dir, 'picked.design.json');
    const first = await invoke(CHANNELS.saveDesignAs, { text: designText('One'), suggestedName: 'one.design.json' });
    expect(first).toMatchObject({ ok: true, value: { name: 'picked.design.json' } });
    const handle = (first as { value: { handle: string } }).value.handle;
    toSave = undefined;
    expect(await invoke(CHANNELS.saveDesign, { text: designText('Two'), suggestedName: 'x.json', handle })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(join(dir, 'picked.design.json'), 'utf8')).name).toBe('Two');
    expect(JSON.parse(readFileSync(join(dir, 'picked.design.json.bak'), 'utf8')).name).toBe('One');
  });

  it('refuses to save through a handle it never issued', async () => {
    const result = await invoke(CHANNELS.saveDesign, { text: designText('A'), suggestedName: 'a.json', handle: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not picked in a dialog/) });
  });

  it('hands out a command-line file once', async () => {
    startup = join(dir, 'cli.design.json');
    writeFileSync(startup, designText('CLI'));
    expect(await invoke(CHANNELS.takeStartupFile)).toMatchObject({ ok: true, value: { name: 'cli.design.json', handle: expect.any(String) } });
    expect(await invoke(CHANNELS.takeStartupFile)).toEqual({ ok: true, value: null });
  });
});

describe('registerIpcHandlers', () => {
  it('registers every channel under the sd: prefix and refuses others', () => {
    const ipcMain = { handle: vi.fn(), on: vi.fn() };
    registerIpcHandlers(ipcMain as never, handlers);
    const names = [...ipcMain.handle.mock.calls.map((c) => c[0]), ...ipcMain.on.mock.calls.map((c) => c[0])];
    expect(names.sort()).toEqual([CHANNELS.openDesign, CHANNELS.saveDesign, CHANNELS.saveDesignAs, CHANNELS.setTitle, CHANNELS.takeStartupFile, CHANNELS.openExternal, CHANNELS.openTemplate, CHANNELS.exportSam, CHANNELS.exportCdk, CHANNELS.recentFiles, CHANNELS.openRecent, CHANNELS.setTheme, CHANNELS.saveExportFile, CHANNELS.copyImage, CHANNELS.listDrafts, CHANNELS.putDraft, CHANNELS.removeDraft].sort());
    expect(() => registerIpcHandlers(ipcMain as never, { invoke: { 'open-file': handlers.invoke[CHANNELS.openDesign] }, send: {} })).toThrow(/prefix/);
  });
});

describe('sd:open-external', () => {
  it('opens only https links to a named host, and only for the app window', () => {
    const opened: string[] = [];
    const h = createIpcHandlers({
      blessed: new BlessedPaths([]), pickFileToOpen: async () => undefined, pickFileToSave: async () => undefined,
      setTitle, takeStartupPath: () => undefined, openExternal: (url) => opened.push(url),
    });
    const send = (event: never, request: unknown) => h.send[CHANNELS.openExternal](event, request);
    send(trusted, { url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html' });
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'https://127.0.0.1/', 'https://localhost/x', 'https://user:pw@aws.amazon.com/']) send(trusted, { url });
    send(trusted, { url: 'https://aws.amazon.com/', extra: 1 });
    send({ senderFrame: { url: 'https://evil.example/', parent: null } } as never, { url: 'https://aws.amazon.com/sns/pricing/' });
    expect(opened).toEqual(['https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html']);
  });
});

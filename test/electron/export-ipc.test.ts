import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { BlessedPaths } = await import('../../electron/files');
const { createIpcHandlers } = await import('../../electron/ipc');
const { CHANNELS } = await import('../../electron/ipc-contract');

// The export channels of issue 12: sd:save-export-file (Export image… / Export report…) and sd:copy-image.

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } } as never;
const evil = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 0, 200, 0xff, 0x00]);

let dir: string;
let appRoot: string;
let picked: string | undefined;
const pickExportFile = vi.fn(async () => picked);
const writeClipboardImage = vi.fn(async () => undefined);
let handlers: ReturnType<typeof createIpcHandlers>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-export-ipc-'));
  appRoot = join(dir, 'app');
  mkdirSync(appRoot);
  picked = undefined;
  pickExportFile.mockClear();
  writeClipboardImage.mockClear();
  handlers = createIpcHandlers({
    blessed: new BlessedPaths([appRoot]),
    pickFileToOpen: async () => undefined,
    pickFileToSave: async () => undefined,
    setTitle: () => undefined,
    takeStartupPath: () => undefined,
    pickExportFile,
    writeClipboardImage,
  });
});

const invoke = (channel: string, ...args: unknown[]) => handlers.invoke[channel](trusted, ...args);

describe('sd:save-export-file', () => {
  it('writes an SVG as text and a PNG byte for byte where the user picked, null when cancelled', async () => {
    expect(await invoke(CHANNELS.saveExportFile, { kind: 'svg', suggestedName: 'orders.svg', text: '<svg xmlns="http://www.w3.org/2000/svg"/>' })).toEqual({ ok: true, value: null });
    expect(pickExportFile).toHaveBeenLastCalledWith('orders.svg', 'svg', undefined);
    picked = join(dir, 'diagram.svg');
    expect(await invoke(CHANNELS.saveExportFile, { kind: 'svg', suggestedName: 'orders.svg', text: '<svg xmlns="http://www.w3.org/2000/svg"/>' })).toEqual({ ok: true, value: { name: 'diagram.svg' } });
    expect(readFileSync(picked, 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    picked = join(dir, 'diagram.png');
    expect(await invoke(CHANNELS.saveExportFile, { kind: 'png', suggestedName: 'orders.png', bytes: PNG })).toEqual({ ok: true, value: { name: 'diagram.png' } });
    expect([...readFileSync(picked)]).toEqual([...PNG]);
    // The next dialog opens where the last export went.
    await invoke(CHANNELS.saveExportFile, { kind: 'md', suggestedName: 'orders-report.md', text: '# Orders' });
    expect(pickExportFile).toHaveBeenLastCalledWith('orders-report.md', 'md', dir);
  });

  it('refuses a PNG sent as text, text for a PNG, bytes that are no PNG, a name with another extension, a path as name', async () => {
    picked = join(dir, 'x.png');
    const bad = [
      { kind: 'png', suggestedName: 'a.png', text: 'not bytes' },
      { kind: 'svg', suggestedName: 'a.svg', bytes: PNG },
      { kind: 'png', suggestedName: 'a.png', bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) },
      { kind: 'html', suggestedName: 'a.svg', text: '<p>' },
      { kind: 'svg', suggestedName: '../a.svg', text: '<svg/>' },
      { kind: 'exe', suggestedName: 'a.exe', text: 'MZ' },
    ];
    for (const request of bad) {
      const result = await invoke(CHANNELS.saveExportFile, request);
      expect(result.ok, JSON.stringify(request)).toBe(false);
    }
    expect(pickExportFile).not.toHaveBeenCalled();
  });

  it('never writes into the app’s own folders, and answers only the app window', async () => {
    picked = join(appRoot, 'diagram.svg');
    const inside = await invoke(CHANNELS.saveExportFile, { kind: 'svg', suggestedName: 'orders.svg', text: '<svg/>' });
    expect(inside).toMatchObject({ ok: false, message: expect.stringContaining('own folders') });
    const refused = await handlers.invoke[CHANNELS.saveExportFile](evil, { kind: 'svg', suggestedName: 'orders.svg', text: '<svg/>' });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('refused') });
  });
});

describe('sd:copy-image', () => {
  it('hands the PNG to the clipboard, and refuses anything that is not a PNG', async () => {
    expect(await invoke(CHANNELS.copyImage, { png: PNG })).toEqual({ ok: true, value: null });
    expect(writeClipboardImage).toHaveBeenCalledWith(PNG);
    expect((await invoke(CHANNELS.copyImage, { png: new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0, 0, 0, 0]) })).ok).toBe(false);
    expect((await invoke(CHANNELS.copyImage, { png: 'iVBORw0KGgo=' })).ok).toBe(false);
    expect(writeClipboardImage).toHaveBeenCalledTimes(1);
  });
});

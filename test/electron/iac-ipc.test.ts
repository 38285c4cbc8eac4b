import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { BlessedPaths } = await import('../../electron/files');
const { createIpcHandlers } = await import('../../electron/ipc');
const { CHANNELS, MAX_EXPORT_FILES, MAX_TEMPLATE_FILE_BYTES } = await import('../../electron/ipc-contract');

// The import/export channels: sd:open-template, sd:export-sam, sd:export-cdk.

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } } as never;
const evil = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;

let dir: string;
let pickedTemplate: string | undefined;
let pickedSave: string | undefined;
let pickedFolder: string | undefined;
let agree: boolean;
const confirmNonEmptyFolder = vi.fn(async () => agree);
let handlers: ReturnType<typeof createIpcHandlers>;
let appRoot: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-iac-ipc-'));
  appRoot = join(dir, 'app');
  mkdirSync(appRoot);
  pickedTemplate = pickedSave = pickedFolder = undefined;
  agree = false;
  confirmNonEmptyFolder.mockClear();
  handlers = createIpcHandlers({
    blessed: new BlessedPaths([appRoot]),
    pickFileToOpen: async () => undefined,
    pickFileToSave: async () => undefined,
    setTitle: () => undefined,
    takeStartupPath: () => undefined,
    pickTemplateToOpen: async () => pickedTemplate,
    pickTemplateToSave: async () => pickedSave,
    pickFolder: async () => pickedFolder,
    confirmNonEmptyFolder,
  });
});

const invoke = (channel: string, ...args: unknown[]) => handlers.invoke[channel](trusted, ...args);
const sam = (extra: { path: string; content: string }[] = []) => ({
  files: [{ path: 'template.yaml', content: 'Transform: AWS::Serverless-2016-10-31\n' }, ...extra],
  suggestedName: 'template.yaml',
});
const cdkFiles = [
  { path: 'bin/app.ts', content: '#!/usr/bin/env node\n' },
  { path: 'lib/orders-stack.ts', content: "import * as cdk from 'aws-cdk-lib';\n" },
  { path: 'package.json', content: '{"dependencies":{"aws-cdk-lib":"2.276.0"}}\n' },
];

describe('sd:open-template', () => {
  it('reads the picked template without blessing it, and null when cancelled', async () => {
    expect(await invoke(CHANNELS.openTemplate)).toEqual({ ok: true, value: null });
    pickedTemplate = join(dir, 'orders.yaml');
    writeFileSync(pickedTemplate, 'Resources: {}\n');
    expect(await invoke(CHANNELS.openTemplate)).toEqual({ ok: true, value: { name: 'orders.yaml', text: 'Resources: {}\n' } });
  });

  it('refuses arguments, a folder, a file far above the template limit, and an untrusted sender', async () => {
    pickedTemplate = join(dir, 'orders.yaml');
    writeFileSync(pickedTemplate, 'Resources: {}\n');
    expect(await invoke(CHANNELS.openTemplate, '/etc/passwd')).toMatchObject({ ok: false });
    expect(await handlers.invoke[CHANNELS.openTemplate](evil)).toMatchObject({ ok: false, message: expect.stringMatching(/refused/) });
    pickedTemplate = dir;
    expect(await invoke(CHANNELS.openTemplate)).toMatchObject({ ok: false, message: expect.stringMatching(/not a file/) });
    pickedTemplate = join(dir, 'huge.json');
    writeFileSync(pickedTemplate, 'x'.repeat(MAX_TEMPLATE_FILE_BYTES + 1));
    expect(await invoke(CHANNELS.openTemplate)).toMatchObject({ ok: false, message: expect.stringMatching(/at most 1 MB/) });
  });
});

describe('export payload validation', () => {
  it.each([
    ['no argument', []],
    ['a parent-directory path', [{ files: [{ path: 'template.yaml', content: '' }, { path: '../evil.sh', content: '' }], suggestedName: 'template.yaml' }]],
    ['a path with .. inside', [{ files: [{ path: 'template.yaml', content: '' }, { path: 'src/../../evil', content: '' }], suggestedName: 'template.yaml' }]],
    ['an absolute path', [{ files: [{ path: 'template.yaml', content: '' }, { path: '/etc/cron.d/x', content: '' }], suggestedName: 'template.yaml' }]],
    ['a backslash path', [{ files: [{ path: 'template.yaml', content: '' }, { path: 'src\\..\\x', content: '' }], suggestedName: 'template.yaml' }]],
    ['a drive letter', [{ files: [{ path: 'template.yaml', content: '' }, { path: 'C:/x', content: '' }], suggestedName: 'template.yaml' }]],
    ['the same path twice', [{ files: [{ path: 'template.yaml', content: '' }, { path: 'a.txt', content: '' }, { path: 'A.txt', content: '' }], suggestedName: 'template.yaml' }]],
    ['no files', [{ files: [], suggestedName: 'template.yaml' }]],
    ['a suggested path instead of a name', [{ files: [{ path: 'template.yaml', content: '' }], suggestedName: '../template.yaml' }]],
    ['an unknown key', [{ files: [{ path: 'template.yaml', content: '' }], suggestedName: 'template.yaml', folder: '/tmp' }]],
    ['content that is not text', [{ files: [{ path: 'template.yaml', content: 7 }], suggestedName: 'template.yaml' }]],
    ['too many files', [{ files: Array.from({ length: MAX_EXPORT_FILES + 1 }, (_, i) => ({ path: i ? `f${i}.txt` : 'template.yaml', content: '' })), suggestedName: 'template.yaml' }]],
  ])('rejects %s before any dialog opens', async (_label, args) => {
    pickedSave = join(dir, 'template.yaml');
    pickedFolder = join(dir, 'out');
    mkdirSync(pickedFolder, { recursive: true });
    expect(await invoke(CHANNELS.exportSam, ...args)).toMatchObject({ ok: false });
    expect(await invoke(CHANNELS.exportCdk, ...args)).toMatchObject({ ok: false });
    expect(existsSync(pickedSave)).toBe(false);
    expect(existsSync(join(dir, 'evil.sh'))).toBe(false);
  });

  it('wants the SAM template first', async () => {
    pickedSave = join(dir, 'template.yaml');
    expect(await invoke(CHANNELS.exportSam, { files: [{ path: 'src/a/index.mjs', content: '' }], suggestedName: 'template.yaml' })).toMatchObject({ ok: false, message: expect.stringMatching(/files\[0\] must be the template/) });
  });
});

describe('sd:export-sam', () => {
  it('writes the template where the user picked and the handlers beside it, keeping a handler already there', async () => {
    pickedSave = join(dir, 'orders', 'template.yaml');
    mkdirSync(join(dir, 'orders', 'src', 'ingest'), { recursive: true });
    writeFileSync(join(dir, 'orders', 'src', 'ingest', 'index.mjs'), '// my real code\n');
    const result = await invoke(CHANNELS.exportSam, sam([
      { path: 'src/ingest/index.mjs', content: '// placeholder\n' },
      { path: 'src/report/index.mjs', content: '// placeholder report\n' },
    ]));
    expect(result).toEqual({ ok: true, value: { name: 'template.yaml', written: 2, kept: ['src/ingest/index.mjs'] } });
    expect(readFileSync(pickedSave, 'utf8')).toBe('Transform: AWS::Serverless-2016-10-31\n');
    expect(readFileSync(join(dir, 'orders', 'src', 'ingest', 'index.mjs'), 'utf8')).toBe('// my real code\n');
    expect(readFileSync(join(dir, 'orders', 'src', 'report', 'index.mjs'), 'utf8')).toBe('// placeholder report\n');
  });

  it('returns null when cancelled and writes nothing into the app\'s own folders', async () => {
    expect(await invoke(CHANNELS.exportSam, sam())).toEqual({ ok: true, value: null });
    pickedSave = join(appRoot, 'template.yaml');
    expect(await invoke(CHANNELS.exportSam, sam())).toMatchObject({ ok: false, message: expect.stringMatching(/application's own folders/) });
    expect(existsSync(pickedSave)).toBe(false);
  });

  it('refuses a handler path that a symbolic link would lead outside the folder', async () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    mkdirSync(join(dir, 'proj'));
    symlinkSync(outside, join(dir, 'proj', 'src'));
    pickedSave = join(dir, 'proj', 'template.yaml');
    expect(await invoke(CHANNELS.exportSam, sam([{ path: 'src/fn/index.mjs', content: 'x' }]))).toMatchObject({ ok: false, message: expect.stringMatching(/outside proj/) });
    expect(existsSync(join(outside, 'fn', 'index.mjs'))).toBe(false);
  });

  it('is refused for an untrusted sender', async () => {
    pickedSave = join(dir, 'template.yaml');
    expect(await handlers.invoke[CHANNELS.exportSam](evil, sam())).toMatchObject({ ok: false, message: expect.stringMatching(/refused/) });
    expect(existsSync(pickedSave)).toBe(false);
  });
});

describe('sd:export-cdk', () => {
  it('writes the app into an empty folder without asking', async () => {
    pickedFolder = join(dir, 'orders-cdk');
    mkdirSync(pickedFolder);
    expect(await invoke(CHANNELS.exportCdk, { files: cdkFiles, suggestedName: 'orders-cdk' })).toEqual({ ok: true, value: { name: 'orders-cdk', written: 3, kept: [] } });
    expect(confirmNonEmptyFolder).not.toHaveBeenCalled();
    expect(readFileSync(join(pickedFolder, 'lib', 'orders-stack.ts'), 'utf8')).toContain('aws-cdk-lib');
    expect(JSON.parse(readFileSync(join(pickedFolder, 'package.json'), 'utf8')).dependencies['aws-cdk-lib']).toBe('2.276.0');
  });

  it('asks before writing into a folder with files: no leaves it untouched, yes replaces and keeps .bak', async () => {
    pickedFolder = join(dir, 'busy');
    mkdirSync(pickedFolder);
    writeFileSync(join(pickedFolder, 'package.json'), '{"name":"mine"}');
    agree = false;
    expect(await invoke(CHANNELS.exportCdk, { files: cdkFiles, suggestedName: 'orders-cdk' })).toEqual({ ok: true, value: null });
    expect(confirmNonEmptyFolder).toHaveBeenCalledWith(pickedFolder);
    expect(existsSync(join(pickedFolder, 'bin'))).toBe(false);
    expect(readFileSync(join(pickedFolder, 'package.json'), 'utf8')).toBe('{"name":"mine"}');

    agree = true;
    expect(await invoke(CHANNELS.exportCdk, { files: cdkFiles, suggestedName: 'orders-cdk' })).toMatchObject({ ok: true, value: { written: 3 } });
    expect(readFileSync(join(pickedFolder, 'package.json.bak'), 'utf8')).toBe('{"name":"mine"}');
    expect(existsSync(join(pickedFolder, 'bin', 'app.ts'))).toBe(true);
  });

  it('returns null when cancelled, and refuses a folder inside the app', async () => {
    expect(await invoke(CHANNELS.exportCdk, { files: cdkFiles, suggestedName: 'orders-cdk' })).toEqual({ ok: true, value: null });
    pickedFolder = appRoot;
    expect(await invoke(CHANNELS.exportCdk, { files: cdkFiles, suggestedName: 'orders-cdk' })).toMatchObject({ ok: false, message: expect.stringMatching(/application's own folders/) });
    expect(existsSync(join(appRoot, 'bin'))).toBe(false);
  });
});

describe('a build without the dialogs', () => {
  it('says so instead of failing silently', async () => {
    const bare = createIpcHandlers({ blessed: new BlessedPaths([]), pickFileToOpen: async () => undefined, pickFileToSave: async () => undefined, setTitle: () => undefined, takeStartupPath: () => undefined });
    expect(await bare.invoke[CHANNELS.openTemplate](trusted)).toMatchObject({ ok: false, message: expect.stringMatching(/not available/) });
    expect(await bare.invoke[CHANNELS.exportCdk](trusted, { files: cdkFiles, suggestedName: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/not available/) });
  });
});

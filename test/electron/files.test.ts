import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesign, serializeDesign } from '../../core/model';

vi.mock('electron', () => ({}));

const { atomicWrite, BlessedPaths, nodeFileOps, readDesignFile } = await import('../../electron/files');

const designText = (name: string) => serializeDesign(createDesign(name));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-files-'));
});

describe('atomicWrite', () => {
  it('writes the file, keeps the previous version as .bak and leaves no temp file', async () => {
    const path = join(dir, 'orders.design.json');
    await atomicWrite(path, 'one');
    expect(readFileSync(path, 'utf8')).toBe('one');
    await atomicWrite(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('one');
    expect(readdirSync(dir).sort()).toEqual(['orders.design.json', 'orders.design.json.bak']);
  });

  it('leaves the original intact when the rename fails', async () => {
    const path = join(dir, 'orders.design.json');
    writeFileSync(path, 'original');
    const ops = { ...nodeFileOps, rename: vi.fn().mockRejectedValue(Object.assign(new Error('EXDEV: disk on fire'), { code: 'EXDEV' })) };
    await expect(atomicWrite(path, 'new', ops)).rejects.toThrow('disk on fire');
    expect(readFileSync(path, 'utf8')).toBe('original');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the original intact when writing the temp file fails', async () => {
    const path = join(dir, 'orders.design.json');
    writeFileSync(path, 'original');
    const ops = {
      ...nodeFileOps,
      open: (async (...args: Parameters<typeof nodeFileOps.open>) => {
        const handle = await nodeFileOps.open(...args);
        return Object.assign(handle, { sync: () => Promise.reject(new Error('EIO')) });
      }) as typeof nodeFileOps.open,
    };
    await expect(atomicWrite(path, 'new', ops)).rejects.toThrow('EIO');
    expect(readFileSync(path, 'utf8')).toBe('original');
  });

  it('fails loudly when the file does not read back as written', async () => {
    const path = join(dir, 'x.design.json');
    const ops = { ...nodeFileOps, readFile: (async () => 'garbled') as unknown as typeof nodeFileOps.readFile };
    await expect(atomicWrite(path, 'right', ops)).rejects.toThrow(/did not read back/);
  });
});

describe('readDesignFile', () => {
  it('reads a design and says whether it parses', async () => {
    writeFileSync(join(dir, 'good.design.json'), designText('Good'));
    writeFileSync(join(dir, 'bad.design.json'), '{"format":"other"}');
    expect(await readDesignFile(join(dir, 'good.design.json'))).toMatchObject({ name: 'good.design.json', parses: true });
    expect(await readDesignFile(join(dir, 'bad.design.json'))).toMatchObject({ parses: false });
    await expect(readDesignFile(dir)).rejects.toThrow(/not a file/);
  });
});

describe('BlessedPaths', () => {
  it('writes only through a handle it issued', async () => {
    const blessed = new BlessedPaths([]);
    await expect(blessed.writeDesign('not-a-handle', designText('X'))).rejects.toThrow(/not picked in a dialog/);
    const handle = await blessed.bless(join(dir, 'new.design.json'));
    expect(await blessed.bless(join(dir, 'new.design.json'))).toBe(handle);
    await blessed.writeDesign(handle, designText('X'));
    expect(JSON.parse(readFileSync(join(dir, 'new.design.json'), 'utf8')).name).toBe('X');
  });

  it('refuses paths inside the app or its data', async () => {
    const appDir = join(dir, 'app');
    mkdirSync(appDir);
    const blessed = new BlessedPaths([appDir]);
    await expect(blessed.bless(join(appDir, 'evil.design.json'))).rejects.toThrow(/application's own folders/);
  });

  it('never overwrites a file that does not parse as a design, and never writes an unreadable design', async () => {
    const path = join(dir, 'notes.json');
    writeFileSync(path, '{"my":"notes"}');
    const blessed = new BlessedPaths([]);
    const handle = await blessed.bless(path);
    await expect(blessed.writeDesign(handle, designText('X'))).rejects.toThrow(/was not overwritten/);
    expect(readFileSync(path, 'utf8')).toBe('{"my":"notes"}');
    const other = await blessed.bless(join(dir, 'fresh.design.json'));
    await expect(blessed.writeDesign(other, '{"format":"serverless-design"}')).rejects.toThrow(/nothing was written/);
    expect(readdirSync(dir)).toEqual(['notes.json']);
  });

  it('refuses a path whose real location changed after it was picked (planted symlink)', async () => {
    const real = join(dir, 'real');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(real);
    mkdirSync(elsewhere);
    const target = join(real, 'a.design.json');
    writeFileSync(target, designText('A'));
    const blessed = new BlessedPaths([]);
    const handle = await blessed.bless(target);
    // Swap the file for a symlink pointing elsewhere.
    const { rmSync } = await import('node:fs');
    rmSync(target);
    writeFileSync(join(elsewhere, 'victim.design.json'), designText('Victim'));
    symlinkSync(join(elsewhere, 'victim.design.json'), target);
    await expect(blessed.writeDesign(handle, designText('B'))).rejects.toThrow(/points somewhere else/);
    expect(JSON.parse(readFileSync(join(elsewhere, 'victim.design.json'), 'utf8')).name).toBe('Victim');
  });
});

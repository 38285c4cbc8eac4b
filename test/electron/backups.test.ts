import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, type PathLike } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesign, serializeDesign } from '../../core/model';

vi.mock('electron', () => ({}));

const { atomicWrite, BACKUP_COUNT, backupPaths, BlessedPaths, nodeFileOps } = await import('../../electron/files');

/** A design save keeps three versions (BlessedPaths.writeDesign); other files keep one. */
const save = (p: string, text: string, ops = nodeFileOps) => atomicWrite(p, text, ops, BACKUP_COUNT);

const posix = process.platform !== 'win32';
let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-backups-'));
  path = join(dir, 'orders.design.json');
});

const read = (p: string) => readFileSync(p, 'utf8');

describe('backups rotate, keeping the last three versions', () => {
  it('names the three backups .bak (newest), .bak2, .bak3', () => {
    expect(backupPaths('/d/a.json')).toEqual(['/d/a.json.bak', '/d/a.json.bak2', '/d/a.json.bak3']);
  });

  it('after five saves the file is the fifth and the backups are the fourth, third and second', async () => {
    for (const version of ['v1', 'v2', 'v3', 'v4', 'v5']) await save(path, version);
    expect(read(path)).toBe('v5');
    expect(backupPaths(path).map(read)).toEqual(['v4', 'v3', 'v2']);
    expect(readdirSync(dir).sort()).toEqual(['orders.design.json', 'orders.design.json.bak', 'orders.design.json.bak2', 'orders.design.json.bak3']);
  });

  it('the first saves fill the slots one by one (no empty backups invented)', async () => {
    await save(path, 'v1');
    expect(readdirSync(dir)).toEqual(['orders.design.json']);
    await save(path, 'v2');
    await save(path, 'v3');
    expect(readdirSync(dir).sort()).toEqual(['orders.design.json', 'orders.design.json.bak', 'orders.design.json.bak2']);
    expect([read(`${path}.bak`), read(`${path}.bak2`)]).toEqual(['v2', 'v1']);
  });

  it('exports and other files keep one backup, replaced on each save', async () => {
    for (const version of ['v1', 'v2', 'v3']) await atomicWrite(path, version);
    expect(readdirSync(dir).sort()).toEqual(['orders.design.json', 'orders.design.json.bak']);
    expect(read(`${path}.bak`)).toBe('v2');
  });

  it('a design saved through its handle keeps three', async () => {
    writeFileSync(path, serializeDesign(createDesign('v1')));
    const blessed = new BlessedPaths([]);
    const handle = await blessed.bless(path);
    for (const version of ['v2', 'v3', 'v4', 'v5']) await blessed.writeDesign(handle, serializeDesign(createDesign(version)));
    expect(backupPaths(path).map((p) => JSON.parse(read(p)).name)).toEqual(['v4', 'v3', 'v2']);
  });

  it('a failed save leaves the file as it was and every older version still in a backup', async () => {
    for (const version of ['v1', 'v2', 'v3']) await save(path, version);
    const failingRename = vi.fn(async (from: PathLike, to: PathLike) => {
      if (to === path) throw new Error('ENOSPC: disk full');
      return rename(from, to);
    });
    await expect(save(path, 'v4', { ...nodeFileOps, rename: failingRename })).rejects.toThrow('disk full');
    expect(read(path)).toBe('v3');
    expect(backupPaths(path).map(read)).toEqual(['v3', 'v2', 'v1']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe.runIf(posix)('backups never follow a symbolic link', () => {
  it('a link planted at .bak is replaced by a real backup; the file it pointed at is untouched', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    writeFileSync(path, 'v1');
    symlinkSync(victim, `${path}.bak`);
    await save(path, 'v2');
    expect(read(victim)).toBe('precious');
    expect(lstatSync(`${path}.bak`).isSymbolicLink()).toBe(false);
    expect(read(`${path}.bak`)).toBe('v1');
  });

  it('links at .bak2 and .bak3 are never renamed onto or written through during rotation', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    for (const version of ['v1', 'v2']) await save(path, version);
    symlinkSync(victim, `${path}.bak2`);
    symlinkSync(victim, `${path}.bak3`);
    await save(path, 'v3');
    await save(path, 'v4');
    expect(read(victim)).toBe('precious');
    for (const slot of backupPaths(path)) expect(lstatSync(slot).isSymbolicLink()).toBe(false);
    expect(backupPaths(path).map(read)).toEqual(['v3', 'v2', 'v1']);
  });

  it('a dangling link at .bak (pointing where a file would be created) creates nothing there', async () => {
    const target = join(dir, 'created-by-attacker.txt');
    writeFileSync(path, 'v1');
    symlinkSync(target, `${path}.bak`);
    await save(path, 'v2');
    expect(readdirSync(dir)).not.toContain('created-by-attacker.txt');
    expect(read(`${path}.bak`)).toBe('v1');
  });

  it('an export (one backup) replaces a link at .bak the same way', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    writeFileSync(path, 'v1');
    symlinkSync(victim, `${path}.bak`);
    await atomicWrite(path, 'v2');
    expect(read(victim)).toBe('precious');
    expect(lstatSync(`${path}.bak`).isSymbolicLink()).toBe(false);
    expect(read(`${path}.bak`)).toBe('v1');
  });

  it('a folder at a backup path stops the save with a message naming it, and nothing is written', async () => {
    writeFileSync(path, 'v1');
    mkdirSync(`${path}.bak2`);
    await expect(save(path, 'v2')).rejects.toThrow(/orders\.design\.json\.bak2 is not a file.*Nothing was written/);
    expect(read(path)).toBe('v1');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a design opened through a link is saved to the file it points at; the link stays a link', async () => {
    const realDir = join(dir, 'real');
    mkdirSync(realDir);
    const real = join(realDir, 'a.design.json');
    writeFileSync(real, serializeDesign(createDesign('One')));
    const link = join(dir, 'link.design.json');
    symlinkSync(real, link);
    const blessed = new BlessedPaths([]);
    await blessed.writeDesign(await blessed.bless(link), serializeDesign(createDesign('Two')));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(JSON.parse(read(real)).name).toBe('Two');
    expect(JSON.parse(read(`${real}.bak`)).name).toBe('One');
  });
});

describe.runIf(posix)('saving keeps the file\'s permissions', () => {
  const modeOf = (p: string) => statSync(p).mode & 0o777;

  it('a 0600 design is still 0600 after a save, and so is its backup', async () => {
    writeFileSync(path, 'v1');
    chmodSync(path, 0o600);
    await save(path, 'v2');
    expect(read(path)).toBe('v2');
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(`${path}.bak`)).toBe(0o600);
  });

  it('a group-writable 0664 design keeps 0664 even under a stricter umask', async () => {
    writeFileSync(path, 'v1');
    chmodSync(path, 0o664);
    const old = process.umask(0o077);
    try {
      await save(path, 'v2');
    } finally {
      process.umask(old);
    }
    expect(modeOf(path)).toBe(0o664);
  });

  it('a new file gets the usual 0644 (less whatever the umask takes)', async () => {
    const old = process.umask(0o022);
    try {
      await save(path, 'v1');
    } finally {
      process.umask(old);
    }
    expect(modeOf(path)).toBe(0o644);
  });
});

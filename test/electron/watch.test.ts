import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesign, serializeDesign } from '../../core/model';
import type { DiskChange } from '../../renderer/bridge';

vi.mock('electron', () => ({}));

const { BlessedPaths } = await import('../../electron/files');
const { DesignWatcher } = await import('../../electron/watch');

type Watcher = InstanceType<typeof DesignWatcher>;

let dir: string;
let path: string;
let changes: DiskChange[];
let watcher: Watcher;

const design = (name: string) => serializeDesign(createDesign(name));
// Bounded waits for events from the real file system (a bound, not a timing assertion).
const until = (what: () => boolean) => vi.waitFor(() => expect(what()).toBe(true), { timeout: 4000, interval: 10 });
/** Waits until the watcher has looked at the file after `before` looks, and nothing is pending. */
const lookedAgain = async (before: number) => {
  await until(() => watcher.checks > before);
  await watcher.settled();
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-watch-'));
  path = join(dir, 'orders.design.json');
  writeFileSync(path, design('One'));
  changes = [];
  watcher = new DesignWatcher((c) => changes.push(c), { debounceMs: 30 });
  await watcher.track(path, 'handle-1', design('One'));
});

afterEach(() => watcher.stop());

describe('a design changed on disk by another program', () => {
  it('is reported once, with its new text and the file\'s handle', async () => {
    writeFileSync(path, design('Two'));
    await until(() => changes.length > 0);
    await watcher.settled();
    expect(changes).toEqual([{ kind: 'changed', handle: 'handle-1', name: 'orders.design.json', text: design('Two') }]);
  });

  it('an editor that writes a temp file and renames it over the design is seen (and seen again next time)', async () => {
    writeFileSync(join(dir, '.orders.tmp'), design('Two'));
    renameSync(join(dir, '.orders.tmp'), path);
    await until(() => changes.length === 1);
    writeFileSync(join(dir, '.orders.tmp'), design('Three'));
    renameSync(join(dir, '.orders.tmp'), path);
    await until(() => changes.length === 2);
    await watcher.settled();
    expect(changes.map((c) => (c.kind === 'changed' ? JSON.parse(c.text).name : c.kind))).toEqual(['Two', 'Three']);
  });

  it('a touch or a rewrite with the same text is not a change', async () => {
    const before = watcher.checks;
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    await lookedAgain(before);
    const again = watcher.checks;
    rmSync(path);
    writeFileSync(path, design('One'));
    await lookedAgain(again);
    expect(changes).toEqual([]);
  });

  it('a deleted design is reported as removed; when it comes back with other text, as changed', async () => {
    rmSync(path);
    await until(() => changes.length === 1);
    expect(changes[0]).toEqual({ kind: 'removed', handle: 'handle-1', name: 'orders.design.json' });
    writeFileSync(path, design('Back'));
    await until(() => changes.length === 2);
    expect(changes[1]).toMatchObject({ kind: 'changed', text: design('Back') });
  });

  it('other files in the folder (backups, temp files, other designs) are not looked at', async () => {
    const before = watcher.checks;
    writeFileSync(join(dir, 'other.design.json'), design('Other'));
    writeFileSync(`${path}.bak`, design('Old'));
    renameSync(join(dir, 'other.design.json'), join(dir, 'moved.design.json'));
    // Ten debounce periods: a look would have happened by then (under heavy load this can only pass wrongly, never fail wrongly).
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.checks).toBe(before);
    expect(changes).toEqual([]);
  });
});

describe('the app\'s own saves', () => {
  it('are never reported, while another program\'s write afterwards is', async () => {
    const blessed = new BlessedPaths([], undefined, {
      writing: (p, text) => watcher.writing(p, text),
      written: (p, handle, text, ok) => {
        watcher.written(p);
        if (ok) void watcher.track(p, handle, text);
      },
    });
    const handle = await blessed.bless(path);
    await watcher.track(path, handle, design('One'));
    const before = watcher.checks;
    await blessed.writeDesign(handle, design('Mine'));
    await lookedAgain(before);
    expect(changes).toEqual([]);
    writeFileSync(path, design('Theirs'));
    await until(() => changes.length === 1);
    expect(changes[0]).toMatchObject({ kind: 'changed', handle, text: design('Theirs') });
  });

  it('a look that comes while the app is writing waits for the write, and the written text is not a change', async () => {
    watcher.writing(path, design('Mine'));
    writeFileSync(path, design('Mine'));
    const before = watcher.checks;
    await new Promise((r) => setTimeout(r, 100));
    expect(watcher.checks).toBe(before); // nothing looked while writing
    watcher.written(path);
    await lookedAgain(before);
    expect(changes).toEqual([]);
  });

  it('after Save As to another file, the new file is watched and the old one is not', async () => {
    const other = join(dir, 'copy.design.json');
    writeFileSync(other, design('Copy'));
    await watcher.track(other, 'handle-2', design('Copy'));
    writeFileSync(path, design('Old file changed'));
    writeFileSync(other, design('New file changed'));
    await until(() => changes.length === 1);
    await watcher.settled();
    expect(changes).toEqual([{ kind: 'changed', handle: 'handle-2', name: 'copy.design.json', text: design('New file changed') }]);
  });
});

describe('when the folder cannot be watched', () => {
  it('falls back to polling the file and still reports a change', async () => {
    watcher.stop();
    const failingWatch = (() => {
      throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
    }) as never;
    watcher = new DesignWatcher((c) => changes.push(c), { debounceMs: 10, pollMs: 20, watch: failingWatch });
    await watcher.track(path, 'handle-1', design('One'));
    writeFileSync(path, design('Polled'));
    await until(() => changes.length === 1);
    expect(changes[0]).toMatchObject({ kind: 'changed', text: design('Polled') });
  });
});

import { randomUUID } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseDesign } from '../core/model/parse';
import { formatProblem } from '../core/model/problems';
import { MAX_DESIGN_CHARS, MAX_TEMPLATE_FILE_BYTES, type ExportFilesRequest } from './ipc-contract';

/** The file-system calls saving uses, injectable so tests can fail any step. */
export interface FileOps {
  open: typeof fs.open;
  rename: typeof fs.rename;
  copyFile: typeof fs.copyFile;
  rm: typeof fs.rm;
  readFile: typeof fs.readFile;
  stat: typeof fs.stat;
  lstat: typeof fs.lstat;
  realpath: typeof fs.realpath;
  mkdir: typeof fs.mkdir;
  readdir: typeof fs.readdir;
}

export const nodeFileOps: FileOps = {
  open: fs.open, rename: fs.rename, copyFile: fs.copyFile, rm: fs.rm, readFile: fs.readFile, stat: fs.stat, lstat: fs.lstat, realpath: fs.realpath, mkdir: fs.mkdir, readdir: fs.readdir,
};

const exists = async (ops: FileOps, path: string) => ops.stat(path).then(() => true, () => false);

/** How many previous versions a design save keeps: `<name>.bak` (the newest), `<name>.bak2`,
 *  `<name>.bak3`. Other files (exports, the recent-files list) keep one, `<name>.bak`, so a
 *  re-exported CDK app does not fill its folder with copies. */
export const BACKUP_COUNT = 3;
export const backupPaths = (path: string, keep = BACKUP_COUNT): string[] => Array.from({ length: keep }, (_, i) => `${path}.bak${i === 0 ? '' : i + 1}`);

/** Makes room for a new `<name>.bak`: the oldest kept version is dropped, `.bak2` → `.bak3`,
 *  `.bak` → `.bak2`. Never follows a symbolic link: a backup path that is a link is removed (the
 *  link, never what it points at) and replaced by a real file; anything else that is not a file
 *  (a folder) stops the save. */
async function rotateBackups(path: string, keep: number, ops: FileOps): Promise<void> {
  const slots = backupPaths(path, keep);
  const present: boolean[] = [];
  for (const slot of slots) {
    const info = await ops.lstat(slot).catch(() => undefined);
    if (info?.isSymbolicLink()) await ops.rm(slot, { force: true });
    else if (info && !info.isFile()) throw new Error(`${basename(slot)} is not a file, so the previous version of ${basename(path)} cannot be kept there; move it away and save again. Nothing was written.`);
    present.push(Boolean(info && !info.isSymbolicLink()));
  }
  if (present[slots.length - 1]) await ops.rm(slots[slots.length - 1], { force: true });
  for (let i = slots.length - 1; i > 0; i -= 1) {
    if (present[i - 1]) await ops.rename(slots[i - 1], slots[i]);
  }
}

/** Writes `text` to `path` so that a crash at any moment leaves either the old file or the new
 *  one, never a torn one: temp file in the same directory → fsync → rename over the original.
 *  The last `keep` versions are kept (designs: three, `<name>.bak`, `.bak2`, `.bak3`; see
 *  rotateBackups; otherwise one, `<name>.bak`); the new
 *  file keeps the old one's permission bits (a 0600 design stays 0600: the temp file is created
 *  with them, so it is never readable by more people, even for a moment); the result is read
 *  back and compared. */
export async function atomicWrite(path: string, text: string | Uint8Array, ops: FileOps = nodeFileOps, keep = 1): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  const before = await ops.stat(path).catch(() => undefined);
  const mode = before?.isFile() ? before.mode & 0o777 : undefined;
  const handle = await ops.open(temp, 'wx', mode ?? 0o644);
  try {
    // The umask may have taken bits away from the mode asked for at creation; set it exactly.
    if (mode !== undefined) await handle.chmod(mode);
    await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await ops.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    if (before?.isFile()) {
      await rotateBackups(path, keep, ops);
      // COPYFILE_EXCL: never through a link planted at the backup path after the rotation.
      await ops.copyFile(path, `${path}.bak`, fsConstants.COPYFILE_EXCL);
    }
    await ops.rename(temp, path);
  } catch (err) {
    await ops.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir, ops);
  const back = typeof text === 'string' ? await ops.readFile(path, 'utf8') : await ops.readFile(path);
  if (typeof text === 'string' ? back !== text : !Buffer.from(text).equals(back as Buffer)) throw new Error(`${basename(path)} did not read back as written; the previous version is in ${basename(path)}.bak`);
}

/** Makes the rename durable on POSIX; Windows cannot open directories, which is fine there. */
async function syncDirectory(dir: string, ops: FileOps): Promise<void> {
  try {
    const handle = await ops.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported on this platform.
  }
}

export interface DesignFile { name: string; text: string; parses: boolean }

/** Reads a design file as text and says whether it parses as a design. */
export async function readDesignFile(path: string, ops: FileOps = nodeFileOps): Promise<DesignFile> {
  const info = await ops.stat(path);
  if (!info.isFile()) throw new Error(`${basename(path)} is not a file`);
  if (info.size > MAX_DESIGN_CHARS) throw new Error(`${basename(path)} is ${Math.round(info.size / 1048576)} MB; designs are at most ${MAX_DESIGN_CHARS / 1048576} MB`);
  const text = await ops.readFile(path, 'utf8');
  return { name: basename(path), text, parses: parseDesign(text).ok };
}

const isInside = (child: string, root: string) => {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The canonical form of a path that may not exist yet: the real directory plus the file name,
 *  or the real file when it exists (a symlink resolves to what it points at). */
async function canonical(path: string, ops: FileOps): Promise<string> {
  const absolute = resolve(path);
  const real = await ops.realpath(absolute).catch(() => undefined);
  if (real) return real;
  return join(await ops.realpath(dirname(absolute)), basename(absolute));
}

/** Told around every design save (electron/watch.ts: the app's own saves are not "changed on disk"). */
export interface WriteObserver {
  writing(path: string, text: string): void;
  /** After the write, whether it succeeded; `handle` is the file's handle. */
  written(path: string, handle: string, text: string, ok: boolean): void;
}

/** draw.io's "blessed paths": only a path the user picked in a dialog (or passed on the command
 *  line) can be written, never one inside the app or its data. The renderer holds an opaque
 *  handle per path and never sends a path itself. */
export class BlessedPaths {
  private byHandle = new Map<string, string>();
  private byPath = new Map<string, string>();

  constructor(private readonly forbiddenRoots: readonly string[], private readonly ops: FileOps = nodeFileOps, private readonly observer?: WriteObserver) {}

  /** Blesses `path`, returning its handle; throws for a path inside a forbidden root. */
  async bless(path: string): Promise<string> {
    const real = await canonical(path, this.ops);
    for (const root of this.forbiddenRoots) {
      const realRoot = await this.ops.realpath(root).catch(() => resolve(root));
      if (isInside(real, realRoot)) throw new Error(`Designs cannot be saved inside the application's own folders (${realRoot}).`);
    }
    const known = this.byPath.get(real);
    if (known) return known;
    const handle = randomUUID();
    this.byHandle.set(handle, real);
    this.byPath.set(real, handle);
    return handle;
  }

  resolve(handle: string): string | undefined {
    return this.byHandle.get(handle);
  }

  /** Writes a design to the path behind `handle`, refusing anything unsafe:
   *  - a handle this session did not issue;
   *  - a path whose real location changed since it was picked (a planted symlink);
   *  - text that is not a readable design;
   *  - an existing file that is not a readable design (never overwrite what we cannot read). */
  async writeDesign(handle: string, text: string): Promise<string> {
    const path = this.byHandle.get(handle);
    if (!path) throw new Error('This file was not picked in a dialog in this session; use Save As to choose where to save.');
    if ((await canonical(path, this.ops)) !== path) throw new Error(`${basename(path)} now points somewhere else; use Save As to choose where to save.`);
    const parsed = parseDesign(text);
    if (!parsed.ok) throw new Error(`The design could not be serialised correctly (${parsed.problems.map(formatProblem).join('; ')}); nothing was written.`);
    if (await exists(this.ops, path)) {
      const current = await readDesignFile(path, this.ops).catch(() => undefined);
      if (!current?.parses) throw new Error(`${basename(path)} is not a design this app can read, so it was not overwritten. Save under another name.`);
    }
    this.observer?.writing(path, text);
    let ok = false;
    try {
      await atomicWrite(path, text, this.ops, BACKUP_COUNT);
      ok = true;
    } finally {
      this.observer?.written(path, handle, text, ok);
    }
    return path;
  }
}

/** Reads a template picked for import. Only the size is checked here: whether it is a template
 *  (and CloudFormation's 1 MB limit) is the importer's to say, with line and column. */
export async function readTemplateFile(path: string, ops: FileOps = nodeFileOps): Promise<{ name: string; text: string }> {
  const info = await ops.stat(path);
  if (!info.isFile()) throw new Error(`${basename(path)} is not a file`);
  if (info.size > MAX_TEMPLATE_FILE_BYTES) throw new Error(`${basename(path)} is ${(info.size / 1048576).toFixed(1)} MB; CloudFormation templates are at most 1 MB, so this is not one`);
  return { name: basename(path), text: await ops.readFile(path, 'utf8') };
}

type ExportFile = ExportFilesRequest['files'][number];

/** The path of an export file under `root`, refusing any that would land outside it, also through
 *  a symbolic link inside the folder (the paths are validated at the IPC edge; this is the second lock). */
async function placeUnder(root: string, file: ExportFile, ops: FileOps): Promise<string> {
  const target = join(root, ...file.path.split('/'));
  if (!isInside(target, root) || target === root) throw new Error(`${file.path} is not a path inside the export folder`);
  await ops.mkdir(dirname(target), { recursive: true });
  const realDir = await ops.realpath(dirname(target));
  const realRoot = await ops.realpath(root);
  if (!isInside(realDir, realRoot)) throw new Error(`${file.path} would be written outside ${basename(root)} (a symbolic link); nothing more was written`);
  return target;
}

/** Writes a file that must not exist yet; false when one is there (it is kept as it is). */
async function writeNew(path: string, text: string, ops: FileOps): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await ops.open(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** A SAM export: the template (files[0]) atomically at the path the user picked (the save dialog
 *  asked before replacing it), the placeholder handlers beside it, never over an existing file:
 *  a handler the user already wrote is their code. */
export async function writeSamExport(templatePath: string, files: readonly ExportFile[], ops: FileOps = nodeFileOps): Promise<{ written: number; kept: string[] }> {
  const [template, ...rest] = files;
  if (!template) throw new Error('the export has no template');
  await atomicWrite(templatePath, template.content, ops);
  const root = dirname(templatePath);
  const kept: string[] = [];
  let written = 1;
  for (const f of rest) {
    if (await writeNew(await placeUnder(root, f, ops), f.content, ops)) written += 1;
    else kept.push(f.path);
  }
  return { written, kept };
}

/** Whether a folder has anything in it (a CDK app goes into an empty one unless the user agrees). */
export async function folderHasEntries(dir: string, ops: FileOps = nodeFileOps): Promise<boolean> {
  return (await ops.readdir(dir)).length > 0;
}

/** A CDK export: every file under the folder, each written atomically (an existing file the user
 *  agreed to replace keeps its previous version as `<name>.bak`). */
export async function writeFolderExport(dir: string, files: readonly ExportFile[], ops: FileOps = nodeFileOps): Promise<{ written: number; kept: string[] }> {
  const info = await ops.stat(dir);
  if (!info.isDirectory()) throw new Error(`${basename(dir)} is not a folder`);
  for (const f of files) await atomicWrite(await placeUnder(dir, f, ops), f.content, ops);
  return { written: files.length, kept: [] };
}

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from './io';

/** Folders a folder argument never looks into. */
const SKIPPED = new Set(['node_modules', '.git']);

/** The design files named on the command line, with each folder replaced by the *.design.json files
 *  under it (any depth, sorted; node_modules and dot-folders skipped): a folder of designs in CI is
 *  one run. A folder holding none is said on stderr. A name that is not a folder is kept as given
 *  (a missing file is then reported as unreadable by the command, like any other). */
export function designFiles(args: readonly string[], io: CliIo): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let folder: boolean;
    try { folder = statSync(arg).isDirectory(); } catch { folder = false; }
    if (!folder) { out.push(arg); continue; }
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > 32) return;
      let entries: Dirent[];
      try { entries = readdirSync(dir, { withFileTypes: true }); } catch (err) {
        io.err(`${dir}: cannot list this folder (${(err as { code?: string }).code ?? String(err)})`);
        return;
      }
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (e.isDirectory()) { if (!SKIPPED.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), depth + 1); }
        else if (e.isFile() && e.name.endsWith('.design.json')) found.push(join(dir, e.name));
      }
    };
    walk(arg, 0);
    if (!found.length) io.err(`${arg}: no *.design.json file in this folder`);
    out.push(...found);
  }
  return out;
}

/** The exit code of a run over several files: the worst of theirs (2 unreadable > 1 findings > 0). */
export const worstExit = (codes: readonly number[]): number => codes.reduce((a, b) => Math.max(a, b), 0);

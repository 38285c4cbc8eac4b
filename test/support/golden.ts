import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import type { CliIo } from '../../cli/io';

/** Compares text people read with its golden file; `UPDATE_GOLDEN=1 npm test` rewrites them.
 *  A missing golden file fails (it is never created silently outside an update run). */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`no golden file ${path}: run UPDATE_GOLDEN=1 npx vitest run to create it, then review it`);
  expect(actual, `differs from ${path} (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(path, 'utf8'));
}

/** Runs a CLI command in-process and returns its exit code and output (files read from disk). */
export async function runCommand(run: (args: string[], io: CliIo) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => { out += t.endsWith('\n') ? t : `${t}\n`; },
    err: (t) => { err += t.endsWith('\n') ? t : `${t}\n`; },
    readText: async (p) => readFileSync(p, 'utf8'),
  };
  const code = await run(args, io);
  return { code, out, err };
}

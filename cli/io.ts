import { readFile } from 'node:fs/promises';

/** What a command touches outside itself; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): Promise<string>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readText: (path) => readFile(path, 'utf8'),
};

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

export function describeReadError(path: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
  return `${path}: cannot read: ${reason}`;
}

import { readFile } from 'node:fs/promises';
import { errorMessage } from './text';

/** What a command touches outside itself; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): Promise<string>;
}

/** Set once stdout or stderr can take no more (the reader closed the pipe: `lint … | head -1`);
 *  what would have gone there is dropped. */
const closed = { out: false, err: false };
/** Why stdout could not be written, when that was not a closed pipe (a full disk). */
let outputFailure: string | undefined;

const write = (stream: NodeJS.WriteStream, which: 'out' | 'err', text: string) => {
  if (closed[which]) return;
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
};

export const processIo: CliIo = {
  out: (text) => write(process.stdout, 'out', text),
  err: (text) => write(process.stderr, 'err', text),
  readText: (path) => readFile(path, 'utf8'),
};

/** Output into a pipe whose reader went away (EPIPE) ends quietly: the rest of the output is
 *  dropped and the command still ends with its own exit code — no unhandled 'error' event and no
 *  stack. Any other failure to write stdout (ENOSPC on a full disk) is remembered for
 *  `outputError`. Call before the first write. */
export function handleClosedPipes(): void {
  for (const [stream, which] of [[process.stdout, 'out'], [process.stderr, 'err']] as const) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      closed[which] = true;
      if (which === 'out' && err.code !== 'EPIPE') outputFailure ??= err.code ? `${err.code}: ${err.message.replace(/^[A-Z]+: /, '')}` : err.message;
    });
  }
}

/** Why the output could not be written (not a closed pipe), if it could not. */
export const outputError = (): string | undefined => outputFailure;

/** Exit codes shared by every command. `internal` is a bug in serverless-designer (cli/main.ts). */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, internal: 3 } as const;

export function describeReadError(path: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : errorMessage(err);
  return `${path}: cannot read: ${reason}`;
}

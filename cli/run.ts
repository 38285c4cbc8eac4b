import { CliInputError, type Command } from './command';
import { EXIT, handleClosedPipes, outputError, processIo, type CliIo } from './io';
import { errorMessage, terminalSafe } from './text';
import { packageVersion } from './version';

// How one invocation runs over a list of commands (main.ts: every command; entry.ts, the installed
// command: only the one asked for, loaded on use, so `lint` does not load `import`'s IaC parser).

function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: serverless-designer [--debug] <command> [options]',
    '',
    'Design AWS serverless architectures and check them offline.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --debug     on an internal error, print its stack trace too (for a bug report)',
    '  -h, --help  show this help',
    '',
    'Exit codes: 0 fine; 1 findings or problems in a design; 2 a file cannot be read, written or',
    'parsed, or the options are wrong; 3 an internal error — a bug in serverless-designer, please report it.',
    '',
    'Run `serverless-designer <command> --help` for a command\'s options and exit codes.',
  ].join('\n');
}

/** `--debug` may stand anywhere before a `--`; it is taken out before the command sees the rest. */
export function globalFlags(argv: readonly string[]): { args: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const args = head.filter((a) => a !== '--debug');
  return { args: [...args, ...(end < 0 ? [] : argv.slice(end))], debug: args.length !== head.length };
}

/** Every line a command prints goes through `terminalSafe` (cli/text.ts): control and bidi
 *  characters from names, ids, messages and file paths are shown as `\uXXXX` escapes. */
const safeIo = (io: CliIo): CliIo => ({ out: (t) => io.out(terminalSafe(t)), err: (t) => io.err(terminalSafe(t)), readText: (p) => io.readText(p) });

/** Errors that mean the input or the environment is wrong, not serverless-designer: options that
 *  `parseArgs` rejects, a CliInputError, and a failed system call (a file that cannot be read or
 *  written, a full disk). */
function isBadInput(err: unknown): boolean {
  if (err instanceof CliInputError) return true;
  const e = err as { code?: unknown; syscall?: unknown } | null;
  if (typeof e !== 'object' || e === null) return false;
  return (typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS_')) || (typeof e.code === 'string' && typeof e.syscall === 'string');
}

function version(): string {
  try { return packageVersion(); } catch { return '(unknown version)'; }
}

/** The one line for a bug (exit 3), and with --debug the stack after it. */
export function internalErrorText(command: string, err: unknown, debug: boolean): string {
  const message = errorMessage(err).replace(/[.\s]+$/, '');
  const line = `serverless-designer ${version()}: internal error in \`${command}\`: ${message}. This is a bug — please report it with the design file; ${debug ? 'the stack trace follows.' : 'run with --debug for the stack.'}`;
  if (!debug) return line;
  const stack = err instanceof Error && err.stack ? err.stack : '(no stack trace: what was thrown is not an Error)';
  return `${line}\n${stack}`;
}

/** Runs one CLI invocation over `commands` (every command by default) and returns its exit code:
 *  0 fine, 1 findings/problems, 2 bad input (unreadable file, wrong options), 3 an internal error. */
export async function runMain(argv: readonly string[], io: CliIo, commands: readonly Command[]): Promise<number> {
  const { args, debug } = globalFlags(argv);
  const out = safeIo(io);
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.out(usage(commands));
    return name ? EXIT.ok : EXIT.unreadable;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    out.err(`unknown command "${name}"\n\n${usage(commands)}`);
    return EXIT.unreadable;
  }
  try {
    const code: unknown = await command.run(rest, out);
    if (code === EXIT.ok || code === EXIT.findings || code === EXIT.unreadable) return code;
    throw new Error(`the command ended with ${typeof code === 'number' ? `exit code ${code}` : 'no exit code'}`);
  } catch (err) {
    if (isBadInput(err)) {
      out.err(`${name}: ${errorMessage(err)}`);
      return EXIT.unreadable;
    }
    out.err(internalErrorText(name, err, debug));
    return EXIT.internal;
  }
}

/** The `serverless-designer` process (bin/serverless-designer.mjs): a closed output pipe ends
 *  quietly, a throw outside a command's own flow is still an internal error (exit 3). `commands`
 *  is for tests that run a real process over a command of their own. */
export async function main(argv: string[], commands: readonly Command[]): Promise<number> {
  handleClosedPipes();
  const name = globalFlags(argv).args[0] ?? '';
  const debug = globalFlags(argv).debug;
  const onStray = (err: unknown) => {
    processIo.err(terminalSafe(internalErrorText(name, err, debug)));
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  const code = await runMain(argv, processIo, commands);
  // A failed write is reported on a later tick: let it arrive.
  await new Promise((resolve) => setImmediate(resolve));
  const failure = outputError();
  if (failure !== undefined && code < EXIT.unreadable) {
    processIo.err(`serverless-designer: cannot write the output: ${failure}`);
    return EXIT.unreadable;
  }
  return code;
}

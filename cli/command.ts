import type { CliIo } from './io';

/** One CLI command. Add one: write cli/commands/<name>.ts exporting a Command, list it in cli/main.ts. */
export interface Command {
  name: string;
  summary: string;
  /** Full --help text: usage line, options, exit codes. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Bad input a command found deep down and cannot return from: thrown, `cli/main.ts` prints the
 *  message and exits 2. Any other throw is a bug (exit 3). Most commands print and return 2 instead. */
export class CliInputError extends Error {
  override name = 'CliInputError';
}

import type { CliIo } from './io';

/** One CLI command. Add one: write cli/commands/<name>.ts exporting a Command, list it in cli/main.ts. */
export interface Command {
  name: string;
  summary: string;
  /** Full --help text: usage line, options, exit codes. */
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

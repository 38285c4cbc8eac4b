import type { Command } from './command';
import { compareCommand } from './commands/compare';
import { costCommand } from './commands/cost';
import { diagramCommand } from './commands/diagram';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { lintCommand } from './commands/lint';
import { reachCommand } from './commands/reach';
import { reportCommand } from './commands/report';
import { retryPathsCommand } from './commands/retryPaths';
import { rulesCommand } from './commands/rules';
import { validateCommand } from './commands/validate';
import type { CliIo } from './io';
import * as run from './run';

/** Every command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [validateCommand, lintCommand, rulesCommand, retryPathsCommand, reachCommand, costCommand, compareCommand, reportCommand, diagramCommand, exportCommand, importCommand];

export { internalErrorText } from './run';

/** Runs one CLI invocation over `commands` (every command by default) and returns its exit code:
 *  0 fine, 1 findings/problems, 2 bad input (unreadable file, wrong options), 3 an internal error. */
export const runMain = (argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> => run.runMain(argv, io, commands);

/** The `serverless-designer` process over `commands` (every command by default; tests run a real
 *  process over a command of their own): see run.ts `main`. */
export const main = (argv: string[], commands: readonly Command[] = COMMANDS): Promise<number> => run.main(argv, commands);

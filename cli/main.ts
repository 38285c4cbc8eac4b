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
import { EXIT, processIo, type CliIo } from './io';

/** Every command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [validateCommand, lintCommand, rulesCommand, retryPathsCommand, reachCommand, costCommand, compareCommand, reportCommand, diagramCommand, exportCommand, importCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: serverless-designer <command> [options]',
    '',
    'Design AWS serverless architectures and check them offline.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `serverless-designer <command> --help` for a command\'s options and exit codes.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? EXIT.ok : EXIT.unreadable;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`unknown command "${name}"\n\n${usage()}`);
    return EXIT.unreadable;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    // parseArgs throws on unknown options; anything else is a bug, but still a clear message.
    io.err(`${name}: ${(err as Error).message}`);
    return EXIT.unreadable;
  }
}

// A serverless-designer process — cli/main.ts `main`, as bin/serverless-designer.mjs runs it — over
// commands that have bugs, for hardening.process.test.ts: no command of the real CLI is known to
// throw, and what the process does then (exit 3, --debug, a throw outside the command's flow, a
// closed pipe) needs a real process to be seen. Run: node --import tsx test/cli/hardening-bug-cli.ts
import type { Command } from '../../cli/command';
import { main } from '../../cli/main';

/** A helper that breaks an invariant, as a real bug would; its name shows in the --debug stack. */
function sumOfLineItems(lines: { monthly?: { amount: number } }[]): number {
  return lines.reduce((total, line) => total + line.monthly!.amount, 0);
}

const commands: Command[] = [
  { name: 'buggy', summary: 'throws a TypeError from deep inside', help: 'Usage: buggy',
    run: async (_args, io) => { io.out('partial output'); return sumOfLineItems([{}]); } },
  { name: 'stray', summary: 'throws after it returned, outside its own flow', help: 'Usage: stray',
    run: async () => { setTimeout(() => { throw new RangeError('a timer left behind broke'); }, 10); return 0; } },
  { name: 'chatty', summary: 'prints 400,000 lines (about 11 MB), then exits 1', help: 'Usage: chatty',
    run: async (_args, io) => { for (let i = 0; i < 400_000; i++) io.out(`line ${i} of a long report`); return 1; } },
];

process.exitCode = await main(process.argv.slice(2), commands);

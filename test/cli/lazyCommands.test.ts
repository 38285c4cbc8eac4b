import { describe, expect, it } from 'vitest';
import { LOADERS } from '../../cli/lazyCommands';
import { COMMANDS } from '../../cli/main';

// The installed command (cli/entry.ts) loads only the command asked for, by name: every command of
// main.ts must be there, in --help's order, each name loading that very command.
describe('the installed command loads each command by its name', () => {
  it('lists every command of COMMANDS, in their order, and each name loads that command', async () => {
    expect(Object.keys(LOADERS)).toEqual(COMMANDS.map((c) => c.name));
    for (const command of COMMANDS) expect(await LOADERS[command.name]!()).toBe(command);
  });
});

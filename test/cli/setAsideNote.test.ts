import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reachCommand } from '../../cli/commands/reach';
import { retryPathsCommand } from '../../cli/commands/retryPaths';
import type { Command } from '../../cli/command';

const FIXTURE = 'test/fixtures/rules/INV-11.fail.set-aside.design.json';

async function run(command: Command, args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const code = await command.run(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), readText: async (p) => readFileSync(p, 'utf8') });
  return { out, err, code };
}

describe('retry-paths and reach say which connections they left out', () => {
  for (const command of [retryPathsCommand, reachCommand]) {
    it(`${command.name}: the edges AWS refuses are named on stderr, and JSON on stdout stays parseable`, async () => {
      const { out, err } = await run(command, [FIXTURE, '--format', 'json']);
      expect(() => JSON.parse(out)).not.toThrow();
      expect(err).toContain(`${FIXTURE}: 2 connections AWS refuses were set aside, not traced (lint reports them):`);
      expect(err).toContain('ledger-events.fifo → post-ledger-entry (trigger edge "e-ledger"): An SNS FIFO topic delivers only to SQS queues');
      expect(err).toContain('(deadLetter edge "e-ledger-dlq"): belongs to the trigger edge');
    });
  }

  it('a design with nothing refused prints no such line', async () => {
    const { err } = await run(retryPathsCommand, ['templates/sns-fan-out.design.json']);
    expect(err).toBe('');
  });
});

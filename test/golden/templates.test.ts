import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../../cli/commands/lint';
import { expectGolden, runCommand } from '../support/golden';

const templates = readdirSync('templates').filter((f) => f.endsWith('.design.json'));

describe('golden: what lint says about every template', () => {
  it.each(templates)('%s', async (file) => {
    const { out, err } = await runCommand((a, io) => lintCommand.run(a, io), ['--fail-on', 'info', `templates/${file}`]);
    expectGolden(`test/golden/lint/${file.replace('.design.json', '.txt')}`, out + err);
  });
});

// The cost tables of every template, in every Region with a catalog: test/golden/cost/cost.test.ts.

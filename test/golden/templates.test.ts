import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costCommand } from '../../cli/commands/cost';
import { lintCommand } from '../../cli/commands/lint';
import { expectGolden, runCommand } from '../support/golden';

const templates = readdirSync('templates').filter((f) => f.endsWith('.design.json'));

describe('golden: what lint says about every template', () => {
  it.each(templates)('%s', async (file) => {
    const { out, err } = await runCommand((a, io) => lintCommand.run(a, io), ['--fail-on', 'info', `templates/${file}`]);
    expectGolden(`test/golden/lint/${file.replace('.design.json', '.txt')}`, out + err);
  });
});

describe('golden: the cost table of every template (expected profile, its region)', () => {
  it.each(templates)('%s', async (file) => {
    const { code, out, err } = await runCommand((a, io) => costCommand.run(a, io), [`templates/${file}`]);
    expect(code).toBe(0);
    expectGolden(`test/golden/cost/${file.replace('.design.json', '.txt')}`, out + err);
  });
});

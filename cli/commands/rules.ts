import { parseArgs } from 'node:util';
import { NOT_IMPLEMENTED, RULES } from '../../core/rules';
import type { Command } from '../command';
import { EXIT } from '../io';
import { oneOf } from '../load';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list every rule with its id, severity, title and AWS documentation',
  help: `Usage: serverless-designer rules [--format text|json]

Lists every rule the analysis runs (ids as in the rules catalog), and the catalog rules not yet
implemented with the reason.

Options:
  --format text|json   a table for people (default) or JSON {rules, notImplemented}
  -h, --help           show this help

Exit codes: 0 always, 2 wrong options.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, ['text', 'json'] as const, io);
    if (!format) return EXIT.unreadable;
    const rules = RULES.map(({ id, severity, category, title, docsUrl, appliesTo }) => ({ id, severity, category, title, docsUrl, appliesTo }));
    if (format === 'json') { io.out(JSON.stringify({ rules, notImplemented: NOT_IMPLEMENTED }, null, 2)); return EXIT.ok; }
    const idWidth = Math.max(...rules.map((r) => r.id.length));
    io.out(rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.title}\n${' '.repeat(idWidth + 11)}${r.docsUrl}`).join('\n'));
    if (NOT_IMPLEMENTED.length) io.out(`\nNot implemented:\n${NOT_IMPLEMENTED.map((n) => `${n.id.padEnd(idWidth)}  ${n.why}`).join('\n')}`);
    return EXIT.ok;
  },
};

import { parseArgs } from 'node:util';
import { formatProblem, parseDesign, type Problem } from '../../core/model';
import type { Command } from '../command';
import { designFiles } from '../files';
import { describeReadError, EXIT } from '../io';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check design files against the design schema, AWS ranges and allowed connections',
  help: `Usage: serverless-designer validate FILE|FOLDER... [--format text|json]

Checks each design file (*.design.json): JSON syntax, the file format and schema version, every
value against AWS's range, references between nodes, and that every edge is one AWS allows.
A folder stands for every *.design.json under it. Files not ending in .json (a README picked up by
a glob) are skipped with a note.

Options:
  --format text|json   output for people (default) or machines
  -h, --help           show this help

Exit codes: 0 every file is a valid design; 1 a file has problems (each names the file, the JSON
path and the node); 2 a file cannot be read, or no design file was given.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    if (values.format !== 'text' && values.format !== 'json') { io.err(`--format must be text or json, not "${values.format}"`); return EXIT.unreadable; }
    // A folder stands for every *.design.json under it (cli/files.ts).
    const named = designFiles(positionals, io);
    const files = named.filter((f) => f.endsWith('.json'));
    named.filter((f) => !f.endsWith('.json')).forEach((f) => io.err(`${f}: skipped (not a .json design file)`));
    if (files.length === 0) { io.err('validate: no design file given (see --help)'); return EXIT.unreadable; }

    let exit: number = EXIT.ok;
    const report: { file: string; valid: boolean; readable: boolean; nodes?: number; edges?: number; problems: Problem[] }[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await io.readText(file);
      } catch (err) {
        if (values.format === 'text') io.err(describeReadError(file, err));
        report.push({ file, valid: false, readable: false, problems: [] });
        exit = EXIT.unreadable;
        continue;
      }
      const result = parseDesign(text);
      const valid = result.ok && result.problems.length === 0;
      if (!valid && exit === EXIT.ok) exit = EXIT.findings;
      report.push({ file, valid, readable: true, nodes: result.ok ? result.design.nodes.length : undefined, edges: result.ok ? result.design.edges.length : undefined, problems: result.problems });
      if (values.format === 'text') {
        if (valid && result.ok) io.out(`${file}: valid (${result.design.nodes.length} nodes, ${result.design.edges.length} edges)`);
        else {
          io.out(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}${result.ok ? '' : ' — not a loadable design'}`);
          result.problems.forEach((p) => io.out(`  ${file}:${formatProblem(p)}`));
        }
      }
    }
    if (values.format === 'json') io.out(JSON.stringify({ files: report }, null, 2));
    return exit;
  },
};

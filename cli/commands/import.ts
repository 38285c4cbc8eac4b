import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_TEMPLATE_BYTES, TemplateSyntaxError } from '../../core/iac/cfn/yaml';
import { formatImportReport, importTemplate, type ImportResult } from '../../core/iac/import';
import { layoutDesign } from '../../core/iac/import/layout';
import { formatProblem, parseDesign, serializeDesign } from '../../core/model';
import type { Command } from '../command';
import { describeReadError, EXIT } from '../io';
import { oneOf } from '../load';
import { errorMessage } from '../text';
import { writeAtomic } from './export';

/** A template file's text, or why it is not one (`FILE:line:column: message` where there is a place). */
function readTemplate(file: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    // Checked before reading, so a huge file is never loaded: CloudFormation's limit, see MAX_TEMPLATE_BYTES.
    if (size > MAX_TEMPLATE_BYTES) return { error: `${file}: the template is ${size.toLocaleString('en-US')} bytes, larger than 1 MB; CloudFormation accepts templates of at most 1 MB` };
    bytes = readFileSync(file);
  } catch (err) {
    return { error: describeReadError(file, err) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: `${file}: the file is UTF-16 text; CloudFormation templates are UTF-8 (save it as UTF-8)` };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    const [line, column] = bytePosition(bytes, bad);
    return { error: `${file}:${line}:${column}: not valid UTF-8 (byte 0x${bytes[bad].toString(16).padStart(2, '0')}); CloudFormation templates are UTF-8 text` };
  }
  const text = bytes.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong
 *  forms, surrogates and values past U+10FFFF included), or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) { i += 1; continue; }
    let n: number; let min: number; let cp: number;
    if (b >= 0xc2 && b <= 0xdf) { n = 1; min = 0x80; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; min = 0x800; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; min = 0x10000; cp = b & 0x07; }
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return undefined;
}

/** 1-based line and column (in characters) of a byte offset. */
function bytePosition(bytes: Buffer, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) { line += 1; start = i + 1; }
  return [line, bytes.subarray(start, offset).toString('utf8').length + 1];
}

/** A resource that did not fully come in: what --strict fails on (CDK's own bookkeeping excepted). */
const incomplete = (r: ImportResult['report']['resources'][number]) => r.status !== 'imported' && !r.cdkInternal;

export const importCommand: Command = {
  name: 'import',
  summary: 'read a SAM, CloudFormation or CDK-synthesized template into a design file',
  help: `Usage: serverless-designer import TEMPLATE -o DESIGN.json [--name NAME] [--no-layout] [--force] [--strict] [--format text|json]

Reads TEMPLATE (AWS SAM or CloudFormation, YAML or JSON, short or long intrinsic forms, or a CDK
app's synthesized *.template.json) and writes the design to DESIGN.json, laid out automatically
(VPCs and subnets as containers, event sources left to right). Prints the import report: every
resource of the template, and what became of it — imported, partial (with what could not be read)
or skipped (with why). Nothing is dropped without a line in the report.

Options:
  -o, --output DESIGN.json   the design file to write (required; an existing file is refused
                             unless --force)
  --name NAME                the design's name (default: the name the exporter recorded in the
                             template, else the template's file name)
  --no-layout                no positions (the app can lay the design out later); the layout of
                             a template of about 1,000 resources takes 15 s or more
  --force                    replace an existing DESIGN.json
  --strict                   exit 1 when a resource was skipped or only partly imported, or the
                             imported design has problems (CDK's own bookkeeping resources do not
                             count) — for CI checks that a template comes in whole
  --format text|json         the report for people (default) or JSON {design, nodes, edges, report,
                             problems}
  -h, --help                 show this help

Exit codes: 0 imported (the report lists anything skipped); 1 under --strict, something was skipped
or partly imported (the design is still written); 2 TEMPLATE cannot be read, is not UTF-8, is over
CloudFormation's 1 MB limit or is not a template (TEMPLATE:line:column: message), DESIGN.json exists
and --force was not given, or the options are wrong.

Example: serverless-designer import template.yaml -o orders.design.json`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      output: { type: 'string', short: 'o' }, name: { type: 'string' }, 'no-layout': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, ['text', 'json'] as const, io);
    if (!format) return EXIT.unreadable;
    if (positionals.length !== 1) { io.err('import: give exactly one template file (see --help)'); return EXIT.unreadable; }
    const out = values.output;
    if (!out) { io.err('import: give the design file to write with -o DESIGN.json (see --help)'); return EXIT.unreadable; }
    if (values.name !== undefined && values.name.trim() === '') { io.err('import: --name needs a name'); return EXIT.unreadable; }
    const file = positionals[0];
    let outKind: 'file' | 'directory' | undefined;
    try { outKind = statSync(out).isDirectory() ? 'directory' : 'file'; } catch { outKind = undefined; }
    if (outKind === 'directory') { io.err(`${out}: is a directory; -o takes the design file to write`); return EXIT.unreadable; }
    if (outKind === 'file' && !values.force) { io.err(`${out}: already exists; not overwritten (add --force to replace it)`); return EXIT.unreadable; }

    const read = readTemplate(file);
    if ('error' in read) { io.err(read.error); return EXIT.unreadable; }
    let result: ImportResult;
    try {
      result = importTemplate(read.text, { name: values.name, fileName: basename(file) });
    } catch (err) {
      // Anything but a syntax error is a bug, not bad input: cli/main.ts says so and exits 3.
      if (!(err instanceof TemplateSyntaxError)) throw err;
      const message = err.message.replace(/^line \d+, column \d+: /, '');
      io.err(err.line === undefined ? `${file}: ${message}` : `${file}:${err.line}:${err.column ?? 1}: ${message}`);
      return EXIT.unreadable;
    }
    const design = values['no-layout'] ? result.design : await layoutDesign(result.design);
    const text = serializeDesign(design);
    const check = parseDesign(text);
    const problems = check.problems.map((p) => `${out}:${formatProblem(p)}`);
    try {
      writeAtomic(out, text);
    } catch (err) {
      io.err(`${out}: cannot write: ${errorMessage(err)}`);
      return EXIT.unreadable;
    }

    if (format === 'json') {
      io.out(JSON.stringify({ design: out, nodes: design.nodes.length, edges: design.edges.length, report: result.report, problems }, null, 2));
    } else {
      const lines = [formatImportReport(result.report).trimEnd(), '', `wrote ${out}: ${JSON.stringify(design.name)}, ${design.nodes.length} nodes, ${design.edges.length} edges`];
      if (problems.length) lines.push(`the imported design has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`, ...problems.map((p) => `  ${p}`));
      io.out(lines.join('\n'));
    }
    return values.strict && (result.report.resources.some(incomplete) || problems.length) ? EXIT.findings : EXIT.ok;
  },
};

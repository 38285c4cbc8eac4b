import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportCdk } from '../../core/iac/cdk';
import { exportSam } from '../../core/iac/sam';
import type { IacExport } from '../../core/iac/types';
import type { Command } from '../command';
import { EXIT } from '../io';
import { loadDesignFile, oneOf } from '../load';
import { errorMessage } from '../text';

/** Writes `content` to `path` through a temporary file in the same folder and a rename, so a reader
 *  (or a crash) never sees half a file. With `keepExisting`, an existing file is never replaced, not
 *  even one that appears while writing: the temporary file is hard-linked into place, which fails if
 *  the name exists. Returns false when the file was kept. Text or bytes (a PNG). */
export function writeAtomic(path: string, content: string | Uint8Array, keepExisting = false): boolean {
  mkdirSync(dirname(path), { recursive: true });
  if (keepExisting && existsSync(path)) return false;
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.serverless-designer.tmp`);
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    if (!keepExisting) { renameSync(temp, path); return true; }
    try {
      linkSync(temp, path);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'EEXIST') return false;
      // A file system without hard links: the existence check above is the guard.
      renameSync(temp, path);
      return true;
    }
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

/** `path` if it exists, as what it is. */
function kindOf(path: string): 'file' | 'directory' | 'other' | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  } catch {
    return undefined;
  }
}

interface Written { path: string; status: 'written' | 'kept' }

/** Files the exporter writes as a starting point for the user's own code: an existing one is theirs. */
const isPlaceholder = (target: 'sam' | 'cdk', path: string, index: number) =>
  target === 'sam' ? index > 0 : !['bin/', 'lib/'].some((p) => path.startsWith(p)) && !['cdk.json', 'package.json', 'tsconfig.json', 'README.md'].includes(path);

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a design as an AWS SAM template or an AWS CDK app (TypeScript)',
  help: `Usage: serverless-designer export FILE (--sam OUT.yaml | --cdk OUTDIR) [--force] [--strict] [--format text|json]

Writes the design FILE (*.design.json) as infrastructure code:
  --sam OUT.yaml   an AWS SAM template at OUT.yaml, and a placeholder handler per function under
                   src/ beside it (the template's CodeUri paths), so \`sam build\` works
  --cdk OUTDIR     a TypeScript CDK app in OUTDIR: bin/app.ts, lib/<design>-stack.ts, cdk.json,
                   package.json, tsconfig.json, README.md and a placeholder handler per function
                   under lambda/
Give exactly one of --sam and --cdk.

Your code is never overwritten: a handler file that already exists is kept (one line says so),
even with --force. An existing OUT.yaml, or an OUTDIR that is not empty, is refused unless --force,
which replaces the template (SAM) or the app's own files (CDK) and still keeps existing handlers.
Every file is written whole or not at all (a temporary file, then a rename).

What the design says that the target cannot is printed as warnings (the export still happens).

Options:
  --sam OUT.yaml       write a SAM template (and handlers beside it)
  --cdk OUTDIR         write a CDK app into the folder OUTDIR (created if missing)
  --force              replace an existing OUT.yaml / write into a non-empty OUTDIR
  --strict             exit 1 when there are warnings (for CI)
  --format text|json   text for people (default) or JSON {files: [{path, status}], warnings}
                       (status: written or kept)
  -h, --help           show this help

Exit codes: 0 exported; 1 exported with warnings under --strict; 2 FILE cannot be read or is not a
loadable design (the message names the file and the JSON path), the output exists and --force was
not given, a file cannot be written, or the options are wrong.

Example: serverless-designer export orders.design.json --sam infra/template.yaml`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      sam: { type: 'string' }, cdk: { type: 'string' }, force: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, ['text', 'json'] as const, io);
    if (!format) return EXIT.unreadable;
    if (positionals.length !== 1) { io.err('export: give exactly one design file (see --help)'); return EXIT.unreadable; }
    if ((values.sam === undefined) === (values.cdk === undefined)) { io.err('export: give exactly one of --sam OUT.yaml and --cdk OUTDIR (see --help)'); return EXIT.unreadable; }
    if (values.sam === '' || values.cdk === '') { io.err(`export: --${values.sam === '' ? 'sam' : 'cdk'} needs a path`); return EXIT.unreadable; }
    const target = values.sam !== undefined ? 'sam' : 'cdk';
    const out = (values.sam ?? values.cdk)!;

    // Refuse before doing any work: the user's files come first.
    const existing = kindOf(out);
    if (target === 'sam') {
      if (existing === 'directory' || existing === 'other') { io.err(`${out}: is a ${existing === 'directory' ? 'directory' : 'special file'}; --sam takes the path of the template file to write`); return EXIT.unreadable; }
      if (existing === 'file' && !values.force) { io.err(`${out}: already exists; not overwritten (add --force to replace it; existing handlers are kept either way)`); return EXIT.unreadable; }
    } else {
      if (existing === 'file' || existing === 'other') { io.err(`${out}: is a file; --cdk takes a folder to write the app into`); return EXIT.unreadable; }
      if (existing === 'directory' && !values.force && readdirSync(out).length > 0) { io.err(`${out}: the folder is not empty; not written (add --force to write the app into it; existing handlers are kept either way)`); return EXIT.unreadable; }
    }

    const loaded = await loadDesignFile(positionals[0], io);
    if (!loaded) return EXIT.unreadable;
    const file = positionals[0];
    // A throw here is a bug, not bad input: cli/main.ts says so and exits 3.
    const result: IacExport = target === 'sam' ? exportSam(loaded.design) : exportCdk(loaded.design);
    const warnings = [...result.warnings];
    if (loaded.problems.length) {
      warnings.unshift(`${file}: the design has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} (see \`serverless-designer validate ${file}\`); the exported code may not deploy`);
    }

    const base = target === 'sam' ? dirname(out) : out;
    const written: Written[] = [];
    for (const [index, f] of result.files.entries()) {
      const dest = target === 'sam' && index === 0 ? out : join(base, f.path);
      const inside = relative(resolve(base), resolve(dest));
      if (target === 'cdk' || index > 0) {
        if (isAbsolute(f.path) || inside.startsWith('..') || isAbsolute(inside)) {
          io.err(`${f.path}: the exporter named a file outside ${base}; nothing more written (this is a bug: please report it)`);
          return EXIT.unreadable;
        }
      }
      try {
        const wrote = writeAtomic(dest, f.content, isPlaceholder(target, f.path, index));
        written.push({ path: dest, status: wrote ? 'written' : 'kept' });
      } catch (err) {
        io.err(`${dest}: cannot write: ${errorMessage(err)}`);
        return EXIT.unreadable;
      }
    }

    if (format === 'json') io.out(JSON.stringify({ files: written, warnings }, null, 2));
    else {
      const lines = written.map((w) => (w.status === 'written' ? `wrote ${w.path}` : `kept ${w.path} (it exists: your code is not overwritten)`));
      const what = target === 'sam' ? 'SAM template' : 'CDK app';
      const wroteCount = written.filter((w) => w.status === 'written').length;
      lines.push(`${file}: ${what} for ${JSON.stringify(loaded.design.name)} (${loaded.design.nodes.length} nodes), ${wroteCount} file${wroteCount === 1 ? '' : 's'} written, ${written.length - wroteCount} kept`);
      for (const w of warnings) lines.push(`warning: ${w}`);
      io.out(lines.join('\n'));
    }
    return values.strict && warnings.length ? EXIT.findings : EXIT.ok;
  },
};

import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport, renderHtml, renderMarkdown, type ReportCompare, type ReportTheme } from '../../core/report';
import type { Command } from '../command';
import { EXIT, type CliIo } from '../io';
import { errorMessage } from '../text';
import { loadDesignOrAlternative, oneOf } from '../load';
import { checkEstimateOptions, warnNoCatalog } from './cost';
import { writeAtomic } from './export';

const FORMATS = ['md', 'html'] as const;
const THEMES = ['auto', 'light', 'dark'] as const;

/** md or html from OUT's extension; undefined when it says neither. */
function formatOf(out: string): 'md' | 'html' | undefined {
  const ext = extname(out).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'md' : ext === '.html' || ext === '.htm' ? 'html' : undefined;
}

/** "A,B" as two names, or undefined after saying what is wrong. */
function pair(option: string, value: string, io: CliIo): [string, string] | undefined {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts.every(Boolean)) return parts as [string, string];
  io.err(`--${option} takes two names separated by a comma (like --${option} ${option === 'profiles' ? 'low,peak' : 'us-east-1,eu-west-1'}), not "${value}"`);
  return undefined;
}

/** The diagram file a Markdown report links to: OUT with .svg for its extension (report.md → report.svg). */
export const diagramFileFor = (out: string) => `${out.slice(0, out.length - extname(out).length)}.svg`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the design-review report (diagram, findings, retry paths, reachability, cost) as HTML or Markdown',
  help: `Usage: serverless-designer report FILE[#ALT] -o OUT [--compare OTHER[#ALT] | --profiles A,B | --regions A,B]
                                [--format md|html] [--profile P] [--region R] [--theme auto|light|dark]

Writes the report people circulate after a design review: the design's name, Region, usage
profile and price date; a summary (monthly cost, errors and warnings, retry paths that can lose
events, unreachable access edges); the diagram drawn from the model; findings by severity with why,
fix and the AWS docs link, and the suppressed ones with their reasons; the retry-path table; the
reachability table per Availability Zone; the cost by resource and by component with the usage
entered and the pricing conventions. With a comparison, both sides next to each other, the
difference per component and the monthly cost against requests a month, with the crossover.

HTML is one self-contained file (inline CSS and SVG, no script, no external request) that prints
cleanly to PDF from a browser. Markdown cannot hold the diagram: it is written beside the report
as OUT with .svg for its extension (report.md → report.svg; with --compare, the other design's as
report-b.svg) and linked from it.

Options:
  -o, --out OUT               the report file; written whole or not at all (replaced if it exists)
  --format md|html            default: from OUT's extension (.md, .markdown, .html, .htm)
  --compare OTHER             compare with another design file (or FILE#ALT, an alternative in it)
  --profiles A,B              compare the design under two usage profiles
  --regions A,B               compare the design priced in two Regions
  --profile P, --region R     the usage profile and Region of the report (default: the design's)
  --theme auto|light|dark     HTML colours: auto (default) follows the reader's system; print is light
  -h, --help                  show this help

Exit codes: 0 written; 2 a file cannot be read or parsed, a profile does not exist, a Region is not a
Region code, the options are wrong, or OUT cannot be written.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      out: { type: 'string', short: 'o' }, format: { type: 'string' }, compare: { type: 'string' }, profiles: { type: 'string' }, regions: { type: 'string' },
      profile: { type: 'string' }, region: { type: 'string' }, theme: { type: 'string', default: 'auto' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    if (positionals.length !== 1) { io.err('report: give exactly one design file (see --help)'); return EXIT.unreadable; }
    const out = values.out;
    if (!out) { io.err('report: give the output file with -o OUT (.html or .md)'); return EXIT.unreadable; }
    const format = values.format === undefined ? formatOf(out) : oneOf('format', values.format, FORMATS, io);
    if (!format) {
      if (values.format === undefined) io.err(`report: cannot tell the format from "${basename(out)}": name it .html or .md, or give --format md|html`);
      return EXIT.unreadable;
    }
    const theme = oneOf('theme', values.theme, THEMES, io) as ReportTheme | undefined;
    if (!theme) return EXIT.unreadable;
    const modes = (['compare', 'profiles', 'regions'] as const).filter((m) => values[m] !== undefined);
    if (modes.length > 1) { io.err(`report: give one of --compare, --profiles, --regions, not ${modes.map((m) => `--${m}`).join(' and ')}`); return EXIT.unreadable; }

    const loaded = await loadDesignOrAlternative(positionals[0], io);
    if (!loaded) return EXIT.unreadable;
    const { file, design } = loaded;
    let compare: ReportCompare | undefined;
    if (values.compare !== undefined) {
      const other = await loadDesignOrAlternative(values.compare, io);
      if (!other) return EXIT.unreadable;
      compare = { kind: 'design', other: other.design };
      if (!checkEstimateOptions(file, design, values.profile, values.region, io)) return EXIT.unreadable;
    } else if (values.profiles !== undefined) {
      const p = pair('profiles', values.profiles, io);
      if (!p || !p.every((name) => checkEstimateOptions(file, design, name, values.region, io))) return EXIT.unreadable;
      compare = { kind: 'profiles', a: p[0], b: p[1] };
    } else if (values.regions !== undefined) {
      const r = pair('regions', values.regions, io);
      if (!r || !r.every((region) => checkEstimateOptions(file, design, values.profile, region, io))) return EXIT.unreadable;
      compare = { kind: 'regions', a: r[0], b: r[1] };
    } else if (!checkEstimateOptions(file, design, values.profile, values.region, io)) return EXIT.unreadable;

    // Profiles and Regions are checked above: a throw from here on, but a failed write, is a bug
    // (cli/main.ts reports it as one, exit 3).
    const report = await buildReport({ design, theme, ...(compare ? { compare } : {}), ...(values.profile !== undefined ? { profile: values.profile } : {}), ...(values.region !== undefined ? { region: values.region } : {}) });
    warnNoCatalog(report.main.cost, io);
    if (report.comparison && report.comparison.b.region !== report.main.region) warnNoCatalog(report.comparison.b.cost, io, report.comparison.b.label);

    const written: string[] = [];
    try {
      if (format === 'md') {
        const svgFile = diagramFileFor(out);
        // The diagram first: a report is never left linking to a picture that was not written.
        writeAtomic(svgFile, report.main.diagram.svg);
        written.push(svgFile);
        const other = report.comparison?.kind === 'design' ? report.comparison.b : undefined;
        const svgFileB = other ? `${svgFile.slice(0, -'.svg'.length)}-b.svg` : undefined;
        if (other && svgFileB) { writeAtomic(svgFileB, other.diagram.svg); written.push(svgFileB); }
        writeAtomic(out, renderMarkdown(report, { diagramFile: basename(svgFile), ...(svgFileB ? { diagramFileB: basename(svgFileB) } : {}) }));
      } else writeAtomic(out, renderHtml(report));
      written.push(out);
    } catch (err) {
      if (typeof (err as { syscall?: unknown }).syscall !== 'string') throw err;
      io.err(`report: cannot write ${(err as { path?: string }).path ?? out}: ${errorMessage(err)}`);
      return EXIT.unreadable;
    }
    const s = report.main.summary;
    written.forEach((w) => io.out(`wrote ${w}`));
    io.out(`${file}: report on "${design.name}"${report.comparison ? ` (comparing ${report.comparison.title})` : ''}: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.lostPaths} LOST retry path${s.lostPaths === 1 ? '' : 's'}, ${s.unreachable} unreachable access edge${s.unreachable === 1 ? '' : 's'}`);
    return EXIT.ok;
  },
};

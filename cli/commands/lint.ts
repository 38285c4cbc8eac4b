import { parseArgs } from 'node:util';
import { analyze, problemsBesideFindings, type SetAside } from '../../core/analyze';
import { formatProblem } from '../../core/model';
import { RULES, SEVERITIES, type Finding, type Severity } from '../../core/rules';
import { groupRepeated, type FindingGroup } from '../../core/rules/group';
import type { Command } from '../command';
import { designFiles, worstExit } from '../files';
import { EXIT, type CliIo } from '../io';
import { loadDesignFile, oneOf } from '../load';
import { toSarif } from '../sarif';
import { packageVersion } from '../version';

const FORMATS = ['text', 'json', 'sarif'] as const;
const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per edge the analysis set aside: which, why, and which finding reports it. */
export const setAsideLine = (s: SetAside): string =>
  `${s.name} (${s.kind} edge "${s.edge}"): ${s.reason}${s.reportedBy ? ` — reported by ${s.reportedBy}` : ''}`;

const RULE_TITLES = new Map(RULES.map((r) => [r.id, r.title]));
/** Members' messages a grouped finding spells out before counting the rest (bounded output). */
export const GROUP_LINES_SHOWN = 10;

function groupLines(g: FindingGroup): string[] {
  const shown = g.findings.slice(0, GROUP_LINES_SHOWN);
  const rest = g.findings.length - shown.length;
  return [
    `  ${g.ruleId}  ${g.summary}`,
    `    ${RULE_TITLES.get(g.ruleId) ?? g.ruleId} — the same advice for each, grouped:`,
    ...shown.map((f) => `    - ${f.target.name}: ${f.message}`),
    ...(rest > 0 ? [`    … and ${rest.toLocaleString('en-US')} more (--format json lists every one)`] : []),
    `    fix, for ${g.findings[0].target.name} (the others alike): ${g.findings[0].fix}`,
  ];
}

function textReport(file: string, findings: Finding[], suppressedCount: number, problems: string[], setAside: readonly SetAside[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const lines = [`${file}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}`];
  if (problems.length) lines.push('', 'Design file problems', ...problems.map((p) => `  ${p}`));
  if (setAside.length) lines.push('', 'Set aside (AWS refuses these edges: no rule, retry path, network path or cost analysed them)', ...setAside.map((s) => `  ${setAsideLine(s)}`));
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    lines.push('', HEADINGS[severity]);
    // Repeated advice of one rule is one grouped finding with its list of targets (core/rules/group.ts).
    for (const entry of groupRepeated(group)) {
      if (entry.group) {
        lines.push(...groupLines(entry.group));
        continue;
      }
      const f = entry.finding;
      lines.push(`  ${f.ruleId}  ${f.target.name}`, `    ${f.message}`, `    fix: ${f.fix}`);
      if (f.related?.length) lines.push(`    also: ${f.related.map((r) => r.name).join(', ')}`);
    }
  }
  return lines.join('\n');
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'analyse a design: invocation semantics, retry paths, network reachability, limits, concurrency, cost',
  help: `Usage: serverless-designer lint FILE|FOLDER... [--format text|json|sarif] [--fail-on error|warning|info]

Runs every rule of the catalog over each design and reports findings with the node or edge they are
about, what AWS will do, and what to change. Suppressions in the design (rule id, target, reason)
move findings to "suppressed".

Options:
  --format text|json|sarif        text for people (default), JSON {findings, suppressed, problems,
                                  setAside, groups}, or SARIF 2.1.0 for code-scanning UIs

Info findings one rule repeats (INV-12 idempotency, COST-06 log retention on several functions)
print as one grouped finding with its list of targets; JSON lists each (and the groups), SARIF
keeps one result per location.

Edges AWS refuses (a FIFO topic subscribing a function …) are set aside: listed once each under
"Set aside" (JSON setAside; SARIF: a tool notification), reported once — by the rule the refusal
cites, or as a design file problem — and analysed by nothing else.
  --fail-on error|warning|info    lowest severity that fails the run (default error)
  -h, --help                      show this help

Several files, or a folder (every *.design.json under it), are one run: the text reports one after
the other with a closing count, JSON {files: [each file's object]}, SARIF one run with every file.
A file that cannot be read is reported and the others are still checked.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or problems in the design
file itself); 2 a file cannot be read or parsed, or the options are wrong. Over several files, the
worst of theirs.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string', default: 'error' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, FORMATS, io);
    const failOn = oneOf('fail-on', values['fail-on'], SEVERITIES, io);
    if (!format || !failOn) return EXIT.unreadable;
    if (positionals.length === 0) { io.err('lint: give a design file or a folder of them (see --help)'); return EXIT.unreadable; }
    const files = designFiles(positionals, io);
    if (!files.length) return EXIT.unreadable;
    const threshold = SEVERITIES.indexOf(failOn);
    const results: LintOfFile[] = [];
    // One file at a time: a file that cannot be read is reported and the others still run.
    for (const file of files) results.push(await lintFile(file, io, threshold));
    if (files.length === 1 && positionals.length === 1 && files[0] === positionals[0]) {
      // One file: the output as it always was.
      const r = results[0]!;
      if (r.exit === EXIT.unreadable) return r.exit;
      if (format === 'json') io.out(JSON.stringify(r.json, null, 2));
      else if (format === 'sarif') io.out(JSON.stringify(r.sarif, null, 2));
      else io.out(r.text!);
      return r.exit;
    }
    if (format === 'json') io.out(JSON.stringify({ files: results.map((r) => r.json ?? { file: r.file, unreadable: true }) }, null, 2));
    else if (format === 'sarif') io.out(JSON.stringify(mergeSarif(results.flatMap((r) => (r.sarif ? [r.sarif] : []))), null, 2));
    else {
      io.out(results.flatMap((r) => (r.text ? [r.text] : [])).join('\n\n'));
      const failing = results.filter((r) => r.exit === EXIT.findings).length;
      const unreadable = results.filter((r) => r.exit === EXIT.unreadable).length;
      io.out(`\n${plural(files.length, 'file')}: ${failing} with findings at or above ${failOn}${unreadable ? `, ${unreadable} that could not be read` : ''}, ${files.length - failing - unreadable} clean`);
    }
    return worstExit(results.map((r) => r.exit));
  },
};

interface LintOfFile {
  file: string;
  exit: number;
  text?: string;
  json?: unknown;
  sarif?: ReturnType<typeof toSarif>;
}

/** One file's lint: its text report, JSON and SARIF, and its exit code (2 when it cannot be read). */
async function lintFile(file: string, io: CliIo, threshold: number): Promise<LintOfFile> {
  const loaded = await loadDesignFile(file, io);
  if (!loaded) return { file, exit: EXIT.unreadable };
  const { findings, suppressed, setAside } = analyze(loaded.design);
  // A refusal a rule reports (INV-05 …) is one finding; the loader's connection problem for it is not repeated.
  const problems = problemsBesideFindings(loaded.problems, setAside);
  // JSON keeps every finding; `groups` says which info findings the text and the app show as one.
  const groups = groupRepeated(findings).flatMap((e) => (e.group ? [{ ruleId: e.group.ruleId, severity: e.group.severity, count: e.group.findings.length, targets: e.group.targets }] : []));
  const failing = findings.some((f) => SEVERITIES.indexOf(f.severity) <= threshold) || problems.length > 0;
  return {
    file,
    exit: failing ? EXIT.findings : EXIT.ok,
    json: { file, findings, suppressed, problems, setAside, groups },
    sarif: toSarif(file, loaded.text, RULES, findings, suppressed, packageVersion(), setAside.map((s) => ({ id: s.edge, text: setAsideLine(s) }))),
    text: textReport(file, findings, suppressed.length, problems.map(formatProblem), setAside),
  };
}

/** Several files' SARIF as one run: one tool, every file an artifact, every result and notification. */
function mergeSarif(logs: readonly ReturnType<typeof toSarif>[]): ReturnType<typeof toSarif> | { version: string; runs: [] } {
  const [first, ...rest] = logs;
  if (!first) return { version: '2.1.0', runs: [] };
  const run = first.runs[0]!;
  return {
    ...first,
    runs: [{
      ...run,
      artifacts: logs.flatMap((l) => l.runs[0]!.artifacts),
      invocations: [{ ...run.invocations[0]!, toolExecutionNotifications: logs.flatMap((l) => l.runs[0]!.invocations[0]!.toolExecutionNotifications) }],
      results: [...run.results, ...rest.flatMap((l) => l.runs[0]!.results)],
    }],
  };
}

import { parseArgs } from 'node:util';
import { compare, type CostComparison } from '../../core/pricing/compare';
import { formatProblem, type Problem } from '../../core/model';
import { estimateCost, formatUsd, moneyString, type CostReport, type Dec } from '../../core/pricing';
import type { Command } from '../command';
import { EXIT, type CliIo } from '../io';
import { loadDesignOrAlternative, oneOf } from '../load';
import { checkEstimateOptions, componentJson, exact, hoursOption, needsInputText, reportContext, table, unpricedText, warnNoCatalog } from './cost';

interface Side { file: string; name: string; report: CostReport }

/** Totals as cents ("12.35", as shown in rounded mode) and exact decimal strings. */
const sideJson = (s: Side) => ({
  file: s.file, name: s.name, region: s.report.region, profile: s.report.profile, catalog: s.report.catalog, hoursPerMonth: s.report.conventions.hoursPerMonth,
  monthlyTotal: moneyString(s.report.monthlyTotal), monthlyTotalExact: exact(s.report.monthlyTotal),
});

/** JSON keeps both forms: `difference`/`differenceShown`/`rounding` as shown under the chosen
 *  --difference (cents when rounded), `differenceExact` and each line's `difference` exact. */
function comparisonJson(a: Side, b: Side, c: CostComparison) {
  const shown = (d: Dec) => (c.mode === 'rounded' ? moneyString(d) : exact(d));
  return {
    currency: 'USD', differenceMode: c.mode, a: sideJson(a), b: sideJson(b), difference: shown(c.difference), differenceExact: exact(c.exactDifference), rounding: shown(c.rounding),
    components: c.components.map((d) => ({
      node: d.node, nodeName: d.nodeName, component: d.component,
      a: { quantity: exact(d.a.quantity), unit: d.a.unit, monthly: exact(d.a.monthly) },
      b: { quantity: exact(d.b.quantity), unit: d.b.unit, monthly: exact(d.b.monthly) },
      difference: exact(d.difference), differenceShown: shown(d.shownDifference),
    })),
    onlyInA: c.onlyInA.map(componentJson), onlyInB: c.onlyInB.map(componentJson),
    needsInputOnlyInA: c.needsInputOnlyInA, needsInputOnlyInB: c.needsInputOnlyInB,
    unpricedOnlyInA: c.unpricedOnlyInA, unpricedOnlyInB: c.unpricedOnlyInB, notes: c.notes,
  };
}

/** Money as shown: to the cent in rounded mode; unrounded in exact mode, written to 6 decimals
 *  (JSON has every decimal). */
const money = (c: CostComparison, d: Dec) => (c.mode === 'rounded' ? formatUsd(d) : `${d.isNegative() ? '-' : ''}$${d.abs().toDecimalPlaces(6).toFixed()}`);
/** "-$2.50" / "+$1.00" */
const signed = (c: CostComparison, d: Dec) => (d.isNegative() ? money(c, d) : `+${money(c, d)}`);

function comparisonText(a: Side, b: Side, c: CostComparison): string {
  const out = table([
    ['A', a.file, reportContext(a.report), money(c, c.shownTotals.a)],
    ['B', b.file, reportContext(b.report), money(c, c.shownTotals.b)],
  ], [3]);
  const pct = c.shownTotals.a.isZero() ? '' : `, ${c.difference.abs().div(c.shownTotals.a).times(100).toFixed(1)}% of A`;
  out.push('', `Difference (B − A): ${signed(c, c.difference)} a month${c.difference.isZero() ? '' : ` (B ${c.difference.isNegative() ? 'saves' : 'costs'} ${money(c, c.difference.abs())}${pct})`}`);
  out.push(c.mode === 'rounded'
    ? '  (totals rounded to the cent; the lines below, rounded the same way, add up to this difference)'
    : '  (exact: amounts and differences unrounded, written to 6 decimals)');
  const changed = c.components.filter((d) => !d.shownDifference.isZero());
  if (changed.length || !c.rounding.isZero()) {
    out.push('', 'Per component (B − A; negative = B saves)',
      ...table([
        ...changed.map((d) => [`  ${d.nodeName} · ${d.component}`, money(c, d.a.monthly), '→', money(c, d.b.monthly), signed(c, d.shownDifference)]),
        ...(c.rounding.isZero() ? [] : [['  Rounding (each line rounded to the cent on its own)', '', '', '', signed(c, c.rounding)]]),
      ], [1, 3, 4]));
  }
  const same = c.components.length - changed.length;
  if (same) out.push(`  ${same} component${same === 1 ? '' : 's'} unchanged${c.mode === 'rounded' ? ' (to the cent)' : ''}`);
  for (const [title, lines] of [['Only in A', c.onlyInA], ['Only in B', c.onlyInB]] as const) {
    if (lines.length) out.push('', title, ...table(lines.map((l) => [`  ${l.nodeName} · ${l.component}`, money(c, l.monthly)]), [1]));
  }
  for (const [title, lines] of [['Needs input in A only', c.needsInputOnlyInA], ['Needs input in B only', c.needsInputOnlyInB]] as const) {
    if (lines.length) out.push('', title, ...lines.map((n) => `  ${needsInputText(n)}`));
  }
  for (const [title, lines] of [['Unpriced in A only', c.unpricedOnlyInA], ['Unpriced in B only', c.unpricedOnlyInB]] as const) {
    if (lines.length) out.push('', title, ...lines.map((u) => `  ${unpricedText(u)}`));
  }
  if (c.notes.length) out.push('', 'Notes', ...c.notes.map((n) => `  ${n}`));
  return out.join('\n');
}

/** The problems of each file compared (once per file), on stderr: the comparison above rests on
 *  values AWS would refuse (analysed clamped to AWS's range) until they are fixed. True when any. */
function reportProblems(sides: readonly { file: string; problems: readonly Problem[] }[], io: CliIo): boolean {
  const seen = new Set<string>();
  let any = false;
  for (const { file, problems } of sides) {
    if (seen.has(file) || !problems.length) continue;
    seen.add(file);
    any = true;
    io.err(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} — the comparison above is not what AWS would deploy until they are fixed:`);
    problems.forEach((p) => io.err(`  ${file}:${formatProblem(p)}`));
  }
  return any;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare the monthly cost of two designs, or of one design under two profiles or regions',
  help: `Usage: serverless-designer compare A [B] [--profile P] [--profile-b Q] [--region R] [--region-b S] [--hours 730|720]
                                 [--difference rounded|exact] [--free-tier] [--format text|json]
       serverless-designer compare FILE#ALT FILE#ALT2 …

Estimates both sides (as \`cost\` does) and prints the totals, the difference (B − A), the difference
of every component found on both sides (matched by node id, or node name, and component), and the
components that exist on one side only.

With one file, B is the same design under --profile-b and/or --region-b. With two files, B uses
--profile-b / --region-b when given, else --profile / --region when given, else its own.
A file that keeps alternatives (variants of the design, made with "Duplicate as alternative")
names one with #: \`compare orders.design.json#A orders.design.json#B\`. Without #, the variant
that was being edited when the file was saved is compared.

Options:
  --profile P, --profile-b Q   usage profiles of A and B (default: each design's active profile)
  --region R, --region-b S     regions of A and B (default: each design's region)
  --hours 730|720              hours in a month on both sides (default 730, the catalogs')
  --difference rounded|exact   rounded (default): totals to the cent, the difference = rounded B −
                               rounded A, each line's difference = its rounded B − rounded A, and a
                               "Rounding" line when those do not add up to the difference; exact:
                               every amount and difference unrounded
  --free-tier                  apply the always-free allowances on both sides
  --format text|json           text for people (default) or JSON {currency, differenceMode, a, b,
                               difference, differenceExact, rounding, components, onlyInA, onlyInB,
                               needsInputOnlyInA, needsInputOnlyInB, unpricedOnlyInA,
                               unpricedOnlyInB, notes}: totals as cents and exact decimal strings,
                               each line's difference exact and as shown
  -h, --help                   show this help

A side in a Region without a price catalog is compared line by line all the same (its lines are
"no price"), with a warning on stderr.

Exit codes: 0 compared; 1 compared, but a design has problems (listed on stderr, e.g. a value out of
AWS's range, which the comparison uses clamped to the range); 2 a file cannot be read or parsed, a profile does not exist, a region is not
a Region code, or there is nothing to compare (one file and no --profile-b or --region-b).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      profile: { type: 'string' }, 'profile-b': { type: 'string' }, region: { type: 'string' }, 'region-b': { type: 'string' },
      'free-tier': { type: 'boolean', default: false }, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' },
      hours: { type: 'string' }, difference: { type: 'string', default: 'rounded' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, ['text', 'json'] as const, io);
    if (!format) return EXIT.unreadable;
    const differenceMode = oneOf('difference', values.difference, ['rounded', 'exact'] as const, io);
    if (!differenceMode) return EXIT.unreadable;
    const hours = hoursOption(values.hours, io);
    if (hours === false) return EXIT.unreadable;
    if (positionals.length < 1 || positionals.length > 2) { io.err('compare: give one or two design files (see --help)'); return EXIT.unreadable; }
    const [fileA, fileB = fileA] = positionals;
    if (positionals.length === 1 && values['profile-b'] === undefined && values['region-b'] === undefined) {
      io.err('compare: one design needs --profile-b or --region-b to compare against (see --help)');
      return EXIT.unreadable;
    }
    const loadedA = await loadDesignOrAlternative(fileA, io);
    const loadedB = positionals.length === 2 ? await loadDesignOrAlternative(fileB, io) : loadedA;
    if (!loadedA || !loadedB) return EXIT.unreadable;
    const designA = loadedA.design;
    const designB = loadedB.design;
    const options = [
      { file: fileA, design: designA, profile: values.profile, region: values.region },
      { file: fileB, design: designB, profile: values['profile-b'] ?? values.profile, region: values['region-b'] ?? values.region },
    ];
    if (!options.every((o) => checkEstimateOptions(o.file, o.design, o.profile, o.region, io))) return EXIT.unreadable;
    const [a, b] = options.map((o): Side => ({ file: o.file, name: o.design.name, report: estimateCost(o.design, { profile: o.profile, region: o.region, freeTier: values['free-tier'], hoursPerMonth: hours }) }));
    warnNoCatalog(a.report, io, 'side A');
    if (b.report.region !== a.report.region) warnNoCatalog(b.report, io, 'side B');
    const comparison = compare(a.report, b.report, { roundedTotals: differenceMode === 'rounded' });
    io.out(format === 'json' ? JSON.stringify(comparisonJson(a, b, comparison), null, 2) : comparisonText(a, b, comparison));
    // As `cost`: compared all the same, the problems on stderr, exit 1.
    return reportProblems([{ file: loadedA.file, problems: loadedA.problems }, { file: loadedB.file, problems: loadedB.problems }], io) ? EXIT.findings : EXIT.ok;
  },
};

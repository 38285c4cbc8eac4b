import { parseArgs } from 'node:util';
import { alternativeNames, designOfAlternative } from '../../core/commands/alternatives';
import { compare, type CostComparison } from '../../core/pricing/compare';
import { estimateCost, formatUsd, moneyString, type CostReport } from '../../core/pricing';
import type { Command } from '../command';
import { EXIT } from '../io';
import { loadDesignFile, oneOf } from '../load';
import { checkEstimateOptions, componentJson, exact, reportContext, table, unpricedText } from './cost';

interface Side { file: string; name: string; report: CostReport }

/** `orders.design.json#B`: the alternative named B in that file (the text after the last "#"). */
function splitAlternative(arg: string): { file: string; alternative?: string } {
  const at = arg.lastIndexOf('#');
  return at > 0 ? { file: arg.slice(0, at), alternative: arg.slice(at + 1) } : { file: arg };
}

const sideJson = (s: Side) => ({ file: s.file, name: s.name, region: s.report.region, profile: s.report.profile, catalog: s.report.catalog, monthlyTotal: moneyString(s.report.monthlyTotal) });

function comparisonJson(a: Side, b: Side, c: CostComparison) {
  return {
    currency: 'USD', a: sideJson(a), b: sideJson(b), difference: moneyString(c.difference),
    components: c.components.map((d) => ({
      node: d.node, nodeName: d.nodeName, component: d.component,
      a: { quantity: exact(d.a.quantity), unit: d.a.unit, monthly: exact(d.a.monthly) },
      b: { quantity: exact(d.b.quantity), unit: d.b.unit, monthly: exact(d.b.monthly) },
      difference: exact(d.difference),
    })),
    onlyInA: c.onlyInA.map(componentJson), onlyInB: c.onlyInB.map(componentJson),
    unpricedOnlyInA: c.unpricedOnlyInA, unpricedOnlyInB: c.unpricedOnlyInB, notes: c.notes,
  };
}

/** "-$2.50" / "+$1.00" */
const signed = (d: CostComparison['difference']) => (d.isNegative() ? formatUsd(d) : `+${formatUsd(d)}`);

function comparisonText(a: Side, b: Side, c: CostComparison): string {
  const out = table([
    ['A', a.file, reportContext(a.report), formatUsd(a.report.monthlyTotal)],
    ['B', b.file, reportContext(b.report), formatUsd(b.report.monthlyTotal)],
  ], [3]);
  const pct = a.report.monthlyTotal.isZero() ? '' : `, ${c.difference.abs().div(a.report.monthlyTotal).times(100).toFixed(1)}% of A`;
  out.push('', `Difference (B − A): ${signed(c.difference)} a month${c.difference.isZero() ? '' : ` (B ${c.difference.isNegative() ? 'saves' : 'costs'} ${formatUsd(c.difference.abs())}${pct})`}`);
  const changed = c.components.filter((d) => !d.difference.isZero());
  if (changed.length) {
    out.push('', 'Per component (B − A; negative = B saves)',
      ...table(changed.map((d) => [`  ${d.nodeName} · ${d.component}`, formatUsd(d.a.monthly), '→', formatUsd(d.b.monthly), signed(d.difference)]), [1, 3, 4]));
  }
  const same = c.components.length - changed.length;
  if (same) out.push(`  ${same} component${same === 1 ? '' : 's'} unchanged`);
  for (const [title, lines] of [['Only in A', c.onlyInA], ['Only in B', c.onlyInB]] as const) {
    if (lines.length) out.push('', title, ...table(lines.map((l) => [`  ${l.nodeName} · ${l.component}`, formatUsd(l.monthly)]), [1]));
  }
  for (const [title, lines] of [['Unpriced in A only', c.unpricedOnlyInA], ['Unpriced in B only', c.unpricedOnlyInB]] as const) {
    if (lines.length) out.push('', title, ...lines.map((u) => `  ${unpricedText(u)}`));
  }
  if (c.notes.length) out.push('', 'Notes', ...c.notes.map((n) => `  ${n}`));
  return out.join('\n');
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare the monthly cost of two designs, or of one design under two profiles or regions',
  help: `Usage: serverless-designer compare A [B] [--profile P] [--profile-b Q] [--region R] [--region-b S] [--free-tier] [--format text|json]
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
  --free-tier                  apply the always-free allowances on both sides
  --format text|json           text for people (default) or JSON {a, b, difference, components,
                               onlyInA, onlyInB, unpricedOnlyInA, unpricedOnlyInB, notes}
  -h, --help                   show this help

Exit codes: 0 compared; 2 a file cannot be read or parsed, a profile does not exist, a region has
no price catalog, or there is nothing to compare (one file and no --profile-b or --region-b).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      profile: { type: 'string' }, 'profile-b': { type: 'string' }, region: { type: 'string' }, 'region-b': { type: 'string' },
      'free-tier': { type: 'boolean', default: false }, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, ['text', 'json'] as const, io);
    if (!format) return EXIT.unreadable;
    if (positionals.length < 1 || positionals.length > 2) { io.err('compare: give one or two design files (see --help)'); return EXIT.unreadable; }
    const [fileA, fileB = fileA] = positionals;
    if (positionals.length === 1 && values['profile-b'] === undefined && values['region-b'] === undefined) {
      io.err('compare: one design needs --profile-b or --region-b to compare against (see --help)');
      return EXIT.unreadable;
    }
    const pick = async (arg: string) => {
      const { file, alternative } = splitAlternative(arg);
      const loaded = await loadDesignFile(file, io);
      if (!loaded || alternative === undefined) return loaded?.design;
      const design = designOfAlternative(loaded.design, alternative);
      if (!design) io.err(`${file}: no alternative "${alternative}"; the file has: ${alternativeNames(loaded.design).join(', ')}`);
      return design;
    };
    const designA = await pick(fileA);
    const designB = positionals.length === 2 ? await pick(fileB) : designA;
    if (!designA || !designB) return EXIT.unreadable;
    const options = [
      { file: fileA, design: designA, profile: values.profile, region: values.region },
      { file: fileB, design: designB, profile: values['profile-b'] ?? values.profile, region: values['region-b'] ?? values.region },
    ];
    if (!options.every((o) => checkEstimateOptions(o.file, o.design, o.profile, o.region, io))) return EXIT.unreadable;
    const [a, b] = options.map((o): Side => ({ file: o.file, name: o.design.name, report: estimateCost(o.design, { profile: o.profile, region: o.region, freeTier: values['free-tier'] }) }));
    const comparison = compare(a.report, b.report);
    io.out(format === 'json' ? JSON.stringify(comparisonJson(a, b, comparison), null, 2) : comparisonText(a, b, comparison));
    return EXIT.ok;
  },
};

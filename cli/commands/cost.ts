import { parseArgs } from 'node:util';
import type { Design } from '../../core/model';
import { estimateCost, formatQuantity, formatUsd, moneyString, SUPPORTED_REGIONS, sum, type CostComponent, type CostReport, type Dec, type Unpriced } from '../../core/pricing';
import type { Command } from '../command';
import { EXIT, type CliIo } from '../io';
import { loadDesignFile, oneOf } from '../load';

const FORMATS = ['text', 'json', 'csv'] as const;

/** A decimal as JSON/CSV text, exact. Per-line quantities and amounts keep full precision (decimal
 *  strings, as Infracost's JSON does), so the lines add up to the total exactly and a consumer
 *  rounds once; totals are rounded to the cent ("123.45"). */
export const exact = (d: Dec): string => d.toFixed();

export function componentJson(c: CostComponent) {
  return {
    node: c.node, nodeName: c.nodeName, component: c.component, unit: c.unit, quantity: exact(c.quantity), unitPrice: c.unitPrice,
    monthly: exact(c.monthly), priceSource: c.priceSource, volumeFrom: c.volumeFrom,
  };
}

export function reportJson(report: CostReport) {
  return {
    currency: report.currency, catalog: report.catalog, region: report.region, profile: report.profile, monthlyTotal: moneyString(report.monthlyTotal),
    components: report.components.map(componentJson), unpriced: report.unpriced, notes: report.notes,
  };
}

const plainList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** Checks a profile and region before estimating: an unknown profile or a region without a price
 *  catalog is a usage error (exit 2), said with what exists. */
export function checkEstimateOptions(file: string, design: Design, profile: string | undefined, region: string | undefined, io: CliIo): boolean {
  if (profile !== undefined && !design.usage.profiles[profile]) {
    const names = Object.keys(design.usage.profiles);
    io.err(`${file}: no usage profile "${profile}" (${names.length ? `the design has ${plainList(names)}` : 'the design has none'})`);
    return false;
  }
  const r = region ?? design.region;
  if (!SUPPORTED_REGIONS.includes(r)) {
    io.err(`${region === undefined ? `${file}: the design's region ` : 'region '}${r} has no price catalog: supported regions are ${SUPPORTED_REGIONS.join(', ')}`);
    return false;
  }
  return true;
}

/** "us-east-1 · usage profile "expected" · prices 2026.11.0 as of 2026-09-06 · free tier off" */
export const reportContext = (r: CostReport) =>
  `${r.region} · ${r.profile ? `usage profile "${r.profile}"` : 'no usage profile'} · prices ${r.catalog.version} as of ${r.catalog.asOf} · free tier ${r.freeTier ? 'on (always-free allowances)' : 'off'}`;

export const unpricedText = (u: Unpriced) => `${u.nodeName} · ${u.component}: ${u.reason}`;

/** Lines of a table whose columns are padded to their widest cell; `right` lists the columns
 *  aligned right. */
export function table(rows: readonly string[][], right: readonly number[] = []): string[] {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]) : i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

function textReport(file: string, design: Design, report: CostReport): string {
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const groups = new Map<string, CostComponent[]>();
  for (const c of report.components) (groups.get(c.node) ?? groups.set(c.node, []).get(c.node)!).push(c);
  const out = [`Monthly cost of "${design.name}" (${file})`, reportContext(report)];
  // One table for every line, so the columns align across nodes; each node's heading carries its
  // subtotal in the amount column.
  const rows = table(report.components.map((c) => [`  ${c.component}`, formatQuantity(c.quantity), c.unit, `× ${c.unitPrice}`, formatUsd(c.monthly)]), [1, 4]);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const rowOf = new Map(report.components.map((c, i) => [c, rows[i]]));
  for (const [id, lines] of groups) {
    const heading = `${lines[0].nodeName}${kinds.has(id) ? ` (${kinds.get(id)})` : ''}`;
    const subtotal = formatUsd(sum(lines.map((c) => c.monthly)));
    out.push('', `${heading}  ${subtotal.padStart(Math.max(0, width - heading.length - 2))}`);
    for (const c of lines) out.push(rowOf.get(c)!, `      ${c.volumeFrom}`, `      price: ${c.priceKey} — ${c.priceSource}`);
  }
  if (!report.components.length) out.push('', 'No priced components.');
  if (report.unpriced.length) out.push('', 'Not priced (not in the total)', ...report.unpriced.map((u) => `  ${unpricedText(u)}`));
  if (report.notes.length) out.push('', 'Notes', ...report.notes.map((n) => `  ${n}`));
  out.push('', `Total ${formatUsd(report.monthlyTotal)} a month${report.unpriced.length ? ` (plus ${report.unpriced.length} unpriced item${report.unpriced.length === 1 ? '' : 's'})` : ''}`);
  return out.join('\n');
}

const CSV_HEADER = ['node', 'nodeName', 'component', 'unit', 'quantity', 'unitPrice', 'monthly', 'priceSource', 'volumeFrom', 'unpricedReason'] as const;
const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** RFC 4180 CSV: one row per priced component (the JSON fields), then one per unpriced item with
 *  empty amounts and its reason. */
function csvReport(report: CostReport): string {
  const rows: string[][] = [
    [...CSV_HEADER],
    ...report.components.map((c) => { const j = componentJson(c); return [j.node, j.nodeName, j.component, j.unit, j.quantity, j.unitPrice, j.monthly, j.priceSource, j.volumeFrom, '']; }),
    ...report.unpriced.map((u) => [u.node, u.nodeName, u.component, '', '', '', '', '', '', u.reason]),
  ];
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n');
}

export const costCommand: Command = {
  name: 'cost',
  summary: 'estimate the monthly cost of a design, line by line, with where each price and volume comes from',
  help: `Usage: serverless-designer cost FILE [--profile NAME] [--region R] [--free-tier] [--format text|json|csv]

Prices every resource of the design from the offline price catalog of the region: each line gives
its quantity, unit price, monthly amount, the price's source and where its volume came from (usage
entered, traffic propagated along edges, configuration). What the catalog cannot price is listed as
unpriced with the reason, never counted as $0.

Options:
  --profile NAME              usage profile (default: the design's active profile)
  --region R                  price in another region (default: the design's region);
                              catalogs: ${SUPPORTED_REGIONS.join(', ')}
  --free-tier                 apply AWS's always-free allowances as credit lines (default off)
  --format text|json|csv      text for people (default); JSON {currency, catalog, region, profile,
                              monthlyTotal, components, unpriced, notes} with amounts as decimal
                              strings (lines exact, the total to the cent); CSV with a header row
  -h, --help                  show this help

Exit codes: 0 estimated; 2 the file cannot be read or parsed, the profile does not exist, the
region has no price catalog, or the options are wrong.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      profile: { type: 'string' }, region: { type: 'string' }, 'free-tier': { type: 'boolean', default: false }, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, FORMATS, io);
    if (!format) return EXIT.unreadable;
    if (positionals.length !== 1) { io.err('cost: give exactly one design file (see --help)'); return EXIT.unreadable; }
    const file = positionals[0];
    const loaded = await loadDesignFile(file, io);
    if (!loaded) return EXIT.unreadable;
    if (!checkEstimateOptions(file, loaded.design, values.profile, values.region, io)) return EXIT.unreadable;
    const report = estimateCost(loaded.design, { profile: values.profile, region: values.region, freeTier: values['free-tier'] });
    if (format === 'json') io.out(JSON.stringify(reportJson(report), null, 2));
    else if (format === 'csv') io.out(csvReport(report));
    else io.out(textReport(file, loaded.design, report));
    return EXIT.ok;
  },
};

import { parseArgs } from 'node:util';
import { formatProblem, type Design } from '../../core/model';
import { dec, estimateCost, formatQuantity, formatUsd, moneyString, SUPPORTED_REGIONS, sum, type CostComponent, type CostReport, type Dec, type NeedsInput, type Unpriced } from '../../core/pricing';
import type { Command } from '../command';
import { designFiles, worstExit } from '../files';
import { EXIT, type CliIo } from '../io';
import { loadDesignOrAlternative, oneOf } from '../load';
import { csvText } from '../text';

const FORMATS = ['text', 'json', 'csv'] as const;
/** Hours a month: 730 (the catalogs' convention, as the AWS Pricing Calculator) or 720. */
export const HOURS = ['730', '720'] as const;
/** What an AWS Region code looks like (us-east-1, ap-southeast-2, us-gov-west-1, cn-north-1). */
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

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
    currency: report.currency, catalog: report.catalog, region: report.region, regionHasCatalog: report.regionHasCatalog, catalogRegions: report.catalogRegions,
    profile: report.profile, monthlyTotal: moneyString(report.monthlyTotal), components: report.components.map(componentJson), needsInput: report.needsInput,
    unpriced: report.unpriced, conventions: report.conventions, notes: report.notes,
  };
}

const plainList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** Checks a profile and region before estimating: an unknown profile, or a --region that is not
 *  a Region code, is a usage error (exit 2), said with what exists. A Region without a price
 *  catalog is estimated (every line "no price in <region>") with a warning on stderr. */
export function checkEstimateOptions(file: string, design: Design, profile: string | undefined, region: string | undefined, io: CliIo): boolean {
  if (profile !== undefined && !design.usage.profiles[profile]) {
    const names = Object.keys(design.usage.profiles);
    io.err(`${file}: no usage profile "${profile}" (${names.length ? `the design has ${plainList(names)}` : 'the design has none'})`);
    return false;
  }
  if (region !== undefined && !REGION_CODE.test(region)) {
    io.err(`--region "${region}" is not an AWS Region code (like us-east-1); regions with price catalogs: ${SUPPORTED_REGIONS.join(', ')}`);
    return false;
  }
  return true;
}

/** The warning for a Region without a price catalog (stderr; the estimate still runs, exit 0). */
export function warnNoCatalog(report: CostReport, io: CliIo, file?: string): void {
  if (report.regionHasCatalog) return;
  const n = report.unpriced.length;
  io.err(`warning: ${file ? `${file}: ` : ''}no price catalog for ${report.region}: ${n} line${n === 1 ? ' has' : 's have'} no price (listed as not priced, not in the total); regions with catalogs: ${report.catalogRegions.join(', ')}`);
}

/** "730 h a month · 1 GB = 1,048,576 KB · prices of 2026-09-06 (catalog 2026.11.0)" and the
 *  billing granularity and tiering, for a text report. */
export function conventionsText(report: CostReport): string[] {
  const c = report.conventions;
  const prices = c.catalogVersion === 'none' ? 'no price catalog' : `prices as of ${c.priceDate} (catalog ${c.catalogVersion})`;
  return [
    `  ${c.hoursPerMonth} h a month · 1 GB = ${formatQuantity(dec(c.kbPerGb))} KB · ${prices}`,
    `  ${c.tiering}`,
    ...(c.billingGranularity.length ? ['  Billing granularity:', ...c.billingGranularity.map((g) => `    ${g}`)] : []),
  ];
}

/** `--hours`: undefined (the catalog's) when not given, false (already said) when not 730 or 720. */
export function hoursOption(value: string | undefined, io: CliIo): 720 | 730 | undefined | false {
  if (value === undefined) return undefined;
  const h = oneOf('hours', value, HOURS, io);
  return h ? (Number(h) as 720 | 730) : false;
}

export const needsInputText = (n: NeedsInput) => `${n.nodeName} · ${n.component}: ${n.hint}`;

/** "us-east-1 · usage profile "expected" · prices 2026.11.0 as of 2026-09-06 · free tier off" */
export const reportContext = (r: CostReport) =>
  `${r.region} · ${r.profile ? `usage profile "${r.profile}"` : 'no usage profile'} · ${r.regionHasCatalog ? `prices ${r.catalog.version} as of ${r.catalog.asOf}` : 'no price catalog'} · free tier ${r.freeTier ? 'on (always-free allowances)' : 'off'}`;

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
  if (report.needsInput.length) out.push('', 'Needs input (no usage entered: not in the total)', ...report.needsInput.map((n) => `  ${needsInputText(n)}`));
  if (report.unpriced.length) out.push('', 'Not priced (not in the total)', ...report.unpriced.map((u) => `  ${unpricedText(u)}`));
  if (report.notes.length) out.push('', 'Notes', ...report.notes.map((n) => `  ${n}`));
  out.push('', 'Conventions', ...conventionsText(report));
  const plus = [
    report.unpriced.length ? `${report.unpriced.length} unpriced item${report.unpriced.length === 1 ? '' : 's'}` : '',
    report.needsInput.length ? `${report.needsInput.length} needing input` : '',
  ].filter(Boolean);
  out.push('', `Total ${formatUsd(report.monthlyTotal)} a month${plus.length ? ` (plus ${plus.join(' and ')})` : ''}`);
  return out.join('\n');
}

const CSV_HEADER = ['node', 'nodeName', 'component', 'unit', 'quantity', 'unitPrice', 'monthly', 'priceSource', 'volumeFrom', 'unpricedReason', 'needsInput'] as const;
const CSV_NUMBER_COLUMNS = ['quantity', 'unitPrice', 'monthly'].map((c) => CSV_HEADER.indexOf(c as (typeof CSV_HEADER)[number]));

/** RFC 4180 CSV: one row per priced component (the JSON fields), then one per unpriced item with
 *  empty amounts and its reason, then one per component that needs input, with its hint. Cells
 *  from the design that a spreadsheet would run as a formula are made inert (cli/text.ts csvText);
 *  the amounts (quantity, unitPrice, monthly) stay numbers. */
function csvReport(report: CostReport): string {
  const rows: string[][] = [
    [...CSV_HEADER],
    ...report.components.map((c) => { const j = componentJson(c); return [j.node, j.nodeName, j.component, j.unit, j.quantity, j.unitPrice, j.monthly, j.priceSource, j.volumeFrom, '', '']; }),
    ...report.unpriced.map((u) => [u.node, u.nodeName, u.component, '', '', '', '', '', '', u.reason, '']),
    ...report.needsInput.map((n) => [n.node, n.nodeName, n.component, '', '', '', '', '', '', '', n.hint]),
  ];
  return csvText(rows, CSV_NUMBER_COLUMNS);
}

export const costCommand: Command = {
  name: 'cost',
  summary: 'estimate the monthly cost of a design, line by line, with where each price and volume comes from',
  help: `Usage: serverless-designer cost FILE[#ALTERNATIVE]|FOLDER... [--profile NAME] [--region R] [--hours 730|720] [--free-tier] [--format text|json|csv]

Prices every resource of the design from the offline price catalog of the region: each line gives
its quantity, unit price, monthly amount, the price's source and where its volume came from (usage
entered, traffic propagated along edges, configuration). What the catalog cannot price is listed as
unpriced with the reason ("no price in <region> for <price>"), never counted as $0; a component with
no volume because no usage was entered is listed under "Needs input" with where to enter it. The
output ends with the conventions: hours a month, billing granularity, tiering, the price date.

FILE#B prices the alternative named B kept in that file (made with "Duplicate as alternative");
without #, the variant being edited.

A Region without a price catalog is still estimated: every line is "no price in <region>", a
warning on stderr names the Regions that have catalogs, and the exit code is 0.

Options:
  --profile NAME              usage profile (default: the design's active profile)
  --region R                  price in another region (default: the design's region);
                              catalogs: ${SUPPORTED_REGIONS.join(', ')}
  --hours 730|720             hours in a month for hourly charges and rate() schedules (default
                              730, as the catalogs and the AWS Pricing Calculator)
  --free-tier                 apply AWS's always-free allowances as credit lines (default off)
  --format text|json|csv      text for people (default); JSON {currency, catalog, region,
                              regionHasCatalog, catalogRegions, profile, monthlyTotal, components,
                              needsInput, unpriced, conventions, notes} with amounts as decimal
                              strings (lines exact, the total to the cent); CSV with a header row
  -h, --help                  show this help

Several files, or a folder (every *.design.json under it), are one run: the text estimates one
after the other, JSON {files: [each file's estimate with its file]}; CSV takes one file. A file that
cannot be read is reported and the others are still estimated; the exit code is the worst of theirs.

Exit codes: 0 estimated (also in a Region without a catalog: see the warning); 1 estimated, but
the design has problems (listed on stderr, e.g. a value out of AWS's range); 2 the file cannot be
read or parsed, the profile does not exist, --region is not a Region code, or the options are wrong.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      profile: { type: 'string' }, region: { type: 'string' }, hours: { type: 'string' }, 'free-tier': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    const format = oneOf('format', values.format, FORMATS, io);
    if (!format) return EXIT.unreadable;
    const hours = hoursOption(values.hours, io);
    if (hours === false) return EXIT.unreadable;
    if (positionals.length === 0) { io.err('cost: give a design file or a folder of them (see --help)'); return EXIT.unreadable; }
    const files = designFiles(positionals, io);
    if (!files.length) return EXIT.unreadable;
    const single = files.length === 1 && positionals.length === 1 && files[0] === positionals[0];
    if (!single && format === 'csv') { io.err('cost: --format csv takes one design file (use --format json for several)'); return EXIT.unreadable; }
    const options = { profile: values.profile, region: values.region, freeTier: values['free-tier'], hoursPerMonth: hours };
    const codes: number[] = [];
    const json: unknown[] = [];
    const texts: string[] = [];
    // One file at a time: a file that cannot be read is reported and the others are still estimated.
    for (const arg of files) {
      const loaded = await loadDesignOrAlternative(arg, io);
      if (!loaded) { codes.push(EXIT.unreadable); json.push({ file: arg, unreadable: true }); continue; }
      const { file } = loaded;
      if (!checkEstimateOptions(file, loaded.design, values.profile, values.region, io)) { codes.push(EXIT.unreadable); json.push({ file: arg, unreadable: true }); continue; }
      const report = estimateCost(loaded.design, options);
      warnNoCatalog(report, io);
      if (single && format === 'json') io.out(JSON.stringify(reportJson(report), null, 2));
      else if (format === 'json') json.push({ file: arg, ...reportJson(report) });
      else if (format === 'csv') io.out(csvReport(report));
      else texts.push(textReport(file, loaded.design, report));
      // A design with problems (an AWS value out of range, an edge to a missing node) is still
      // estimated, but the estimate rests on values AWS would refuse: said on stderr, exit 1.
      if (loaded.problems.length) {
        io.err(`${file}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} — the estimate above is not what AWS would deploy until they are fixed:`);
        loaded.problems.forEach((p) => io.err(`  ${file}:${formatProblem(p)}`));
        codes.push(EXIT.findings);
      } else codes.push(EXIT.ok);
    }
    if (format === 'json' && !single) io.out(JSON.stringify({ files: json }, null, 2));
    if (texts.length) io.out(texts.join('\n\n'));
    return worstExit(codes);
  },
};

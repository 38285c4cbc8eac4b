import { formatNumber } from '../format';
import { kindLabel } from '../model/kinds';
import { formatQuantity, formatUsd, unitPriceText, type CostComparison, type CostReport, type Dec } from '../pricing';
import type { Reachability, ReachHop, RetryHop, RetryPath } from '../semantics';
import { formatDuration } from '../semantics';
import type { SetAside } from '../analyze';
import type { Report, ReportSide } from './model';
import { plural } from './text';

/** A table as plain text cells: each renderer escapes the cells its own way (Markdown, HTML), so
 *  the two outputs cannot say different things. `right` lists the columns aligned right. */
export interface TextTable { headers: string[]; rows: string[][]; right?: number[]; testId: string }

const SINK_LABEL = { onFailureDestination: 'on-failure destination', deadLetterQueue: 'dead-letter queue', redriveQueue: 'redrive queue', streamOnFailure: 'mapping on-failure destination', caller: 'caller' } as const;

function sinkText(h: RetryHop): string {
  if (h.lost) return `LOST: ${h.lostReason ?? 'no place catches a failed event'}`;
  const sinks = h.sinks.map((s) => `${SINK_LABEL[s.kind]} "${s.node.name}"`);
  if (h.delivery?.dlq) sinks.push(`delivery DLQ "${h.delivery.dlq.name}"`);
  return sinks.join('; ');
}

const chain = (p: RetryPath) => [p.hops[0].source.name, ...p.hops.map((h) => h.function.name)].join(' → ') + (p.loopsBackTo ? ` → (back to ${p.loopsBackTo.name})` : '');

/** One row per hop of every retry path: how often a failing event is tried, how long until it
 *  reaches a sink, how many duplicate invocations, and where it ends — or LOST. */
/** The line under a retry table that does not list every path. */
export function retryPathsMore(notShown: number): string {
  return `… and ${formatNumber(notShown)} more path${notShown === 1 ? '' : 's'} not listed here (serverless-designer retry-paths FILE --format json lists up to 1,000).`;
}

/** Edges AWS refuses, set aside before the analysis (issue 14): one row each. */
export function setAsideTable(setAside: readonly SetAside[]): TextTable {
  return {
    headers: ['Connection', 'Kind', 'Why AWS refuses it', 'Reported by'],
    rows: setAside.map((s) => [s.name, s.kind, s.reason, s.reportedBy ?? (s.belongsTo ? 'with the edge it belongs to' : 'the design check (Problems)')]),
    testId: 'report-set-aside',
  };
}

export function retryTable(paths: readonly RetryPath[]): TextTable {
  const rows = paths.flatMap((p, i) => p.hops.map((h, j) => [
    j === 0 ? `${i + 1}. ${chain(p)}` : '',
    `${h.source.name} → ${h.function.name} (${h.model})`,
    h.attempts === null ? 'until the record expires' : formatNumber(h.attempts),
    h.worstCaseSeconds === null ? 'unbounded' : formatDuration(h.worstCaseSeconds),
    h.duplicateInvocations === null ? 'unbounded' : formatNumber(h.duplicateInvocations),
    sinkText(h),
  ]));
  return { headers: ['Path', 'Hop', 'Attempts', 'Worst-case delay', 'Duplicates', 'Sink or LOST'], rows, right: [2, 4], testId: 'report-retry-table' };
}

const HOP_LABEL: Record<ReachHop['kind'], string> = {
  lambdaNetwork: 'Lambda network', eni: 'ENI', routeTable: 'route table', natGateway: 'NAT gateway', internetGateway: 'internet gateway',
  gatewayEndpoint: 'gateway endpoint', interfaceEndpoint: 'interface endpoint', securityGroup: 'security group', rdsProxy: 'RDS Proxy',
  internet: 'internet', awsApi: 'AWS API', target: 'target',
};

const hopText = (h: ReachHop) => (h.node ? `${HOP_LABEL[h.kind]} "${h.node.name}"` : HOP_LABEL[h.kind]);

export const edgeText = (r: Reachability) => {
  const what = r.destination === 'awsApi' ? `${r.service ?? 'AWS'} API` : r.destination === 'internet' ? 'internet' : 'VPC resource';
  return `${r.from.name} → ${r.to.name} (${what}, TCP ${r.port})`;
};

/** One row per subnet (Availability Zone) of every access edge: the hops, and where it breaks. */
export function reachTable(edges: readonly Reachability[]): TextTable {
  const rows = edges.flatMap((r) => r.paths.map((p, j) => [
    j === 0 ? edgeText(r) : '',
    p.subnet ? `${p.subnet.name} (${p.az ?? 'no AZ'})` : 'Lambda-managed network',
    p.hops.map(hopText).join(' → '),
    p.reachable ? 'ok' : `broken${p.brokenAt ? ` at "${p.brokenAt.name}"` : ''}: ${p.ruleId ? `${p.ruleId} ` : ''}${p.reason ?? ''}`.trim(),
  ]));
  return { headers: ['Edge', 'From (AZ)', 'Path', 'Result'], rows, testId: 'report-reach-table' };
}

/** Share of the total, "12.3%". */
export const share = (part: Dec, total: Dec) => (total.isZero() ? '' : `${part.div(total).times(100).toDecimalPlaces(1).toFixed(1)}%`);

export function costByNodeTable(side: ReportSide): TextTable {
  const rows = side.costByNode.map((n) => [n.nodeName, kindLabel(n.kind), formatUsd(n.monthly), share(n.monthly, side.cost.monthlyTotal)]);
  return { headers: ['Resource', 'Kind', 'Monthly', 'Share'], rows, right: [2, 3], testId: 'report-cost-nodes' };
}

export function costComponentTable(side: ReportSide): TextTable {
  const rows = side.costByNode.flatMap((n) => n.components.map((c) => [c.nodeName, c.component, `${formatQuantity(c.quantity)} ${c.unit}`, unitPriceText(c), formatUsd(c.monthly), c.volumeFrom]));
  return { headers: ['Resource', 'Component', 'Quantity', 'Unit price', 'Monthly', 'Volume from'], rows, right: [2, 4], testId: 'report-cost-components' };
}

export function usageTable(side: ReportSide): TextTable {
  return { headers: ['Resource', 'Usage', 'Value'], rows: side.usage.map((u) => [u.nodeName, u.label, u.value]), testId: 'report-usage' };
}

const signed = (d: Dec) => (d.isNegative() ? formatUsd(d) : `+${formatUsd(d)}`);

/** The per-component difference (B − A) of the lines that changed, then the lines on one side only. */
export function differenceTable(c: CostComparison, labels: readonly [string, string]): TextTable {
  const changed = c.components.filter((d) => !d.shownDifference.isZero());
  const rows = [
    ...changed.map((d) => [d.nodeName, d.component, formatUsd(d.a.monthly), formatUsd(d.b.monthly), signed(d.shownDifference)]),
    ...c.onlyInA.map((l) => [l.nodeName, l.component, formatUsd(l.monthly), `only in ${labels[0]}`, signed(l.monthly.neg())]),
    ...c.onlyInB.map((l) => [l.nodeName, l.component, `only in ${labels[1]}`, formatUsd(l.monthly), signed(l.monthly)]),
    ...(c.rounding.isZero() ? [] : [['Rounding', 'each line rounded to the cent on its own', '', '', signed(c.rounding)]]),
  ];
  return { headers: ['Resource', 'Component', labels[0], labels[1], `Difference (${labels[1]} − ${labels[0]})`], rows, right: [2, 3, 4], testId: 'report-compare-components' };
}

/** The two sides' headline numbers next to each other. */
export function sideBySideTable(a: ReportSide, b: ReportSide): TextTable {
  const line = (label: string, f: (s: ReportSide) => string) => [label, f(a), f(b)];
  return {
    headers: ['', a.label, b.label],
    rows: [
      line('Design', (s) => s.design.name),
      line('Region', (s) => s.region),
      line('Usage profile', (s) => s.profile ?? 'none'),
      line('Prices', (s) => priceText(s)),
      line('Monthly cost', (s) => formatUsd(s.summary.monthlyTotal)),
      line('Resources', (s) => formatNumber(s.design.nodes.length)),
      line('Errors / warnings', (s) => `${s.summary.errors} / ${s.summary.warnings}`),
      line('Retry paths that can lose events', (s) => `${s.summary.lostPaths} of ${s.summary.retryPaths}`),
      line('Access edges not reachable', (s) => `${s.summary.unreachable} of ${s.summary.accessEdges}`),
    ],
    testId: 'report-compare-sides',
  };
}

export const priceText = (s: ReportSide) => (s.cost.regionHasCatalog ? `catalog ${s.cost.catalog.version}, prices as of ${s.cost.catalog.asOf}` : `no price catalog for ${s.region}`);

/** "plus 2 unpriced items and 1 needing input" or ''. */
export function totalCaveats(side: ReportSide): string {
  const plus = [
    side.summary.unpriced ? `${plural(side.summary.unpriced, 'unpriced item')}` : '',
    side.summary.needsInput ? `${side.summary.needsInput} needing input` : '',
  ].filter(Boolean);
  return plus.length ? `plus ${plus.join(' and ')}, not in the total` : '';
}

/** The lines of the summary at the top, as plain sentences. */
export function summaryFacts(report: Report): { label: string; value: string; detail: string; alert: boolean; testId: string }[] {
  const s = report.main.summary;
  const facts = [
    { label: 'Monthly cost', value: formatUsd(s.monthlyTotal), detail: totalCaveats(report.main) || `${report.main.region}, ${report.main.profile ? `profile "${report.main.profile}"` : 'no usage profile'}`, alert: false, testId: 'report-total' },
    { label: 'Errors', value: formatNumber(s.errors), detail: `${plural(s.warnings, 'warning')}, ${s.infos} info${s.suppressed ? `, ${s.suppressed} suppressed` : ''}`, alert: s.errors > 0, testId: 'report-errors' },
    { label: 'LOST retry paths', value: formatNumber(s.lostPaths), detail: `of ${plural(s.retryPaths, 'path')} traced`, alert: s.lostPaths > 0, testId: 'report-lost' },
    { label: 'Unreachable access edges', value: formatNumber(s.unreachable), detail: `of ${plural(s.accessEdges, 'access edge')}`, alert: s.unreachable > 0, testId: 'report-unreachable' },
  ];
  return facts;
}

/** "730 hours a month; 1 GB = 1,048,576 KB; prices as of … (catalog …); free tier off". */
export function conventionsLine(cost: CostReport): string {
  const c = cost.conventions;
  return `${c.hoursPerMonth} hours a month; 1 GB = ${formatNumber(c.kbPerGb)} KB; ${c.catalogVersion === 'none' ? 'no price catalog' : `prices as of ${c.priceDate} (catalog ${c.catalogVersion})`}; free tier ${cost.freeTier ? 'on' : 'off'}`;
}

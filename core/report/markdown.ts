import { formatNumber } from '../format';
import { formatUsd, type CostReport } from '../pricing';
import { SEVERITIES, type Finding, type SuppressedFinding } from '../rules/types';
import { groupRepeated, type FindingGroup } from '../rules/group';
import { crossoverSentence } from './charts';
import type { Report, ReportSide } from './model';
import { conventionsLine, costByNodeTable, costComponentTable, differenceTable, priceText, reachTable, retryPathsMore, retryTable, setAsideTable, sideBySideTable, summaryFacts, totalCaveats, usageTable, type TextTable } from './tables';
import { kindLabel } from '../model/kinds';
import { mdInline, mdText } from './text';

export interface MarkdownOptions {
  /** Where the diagram is, relative to the Markdown file (the CLI writes `<out>.svg` beside it).
   *  Without it, the report says how to get the diagram: Markdown cannot hold the SVG itself. */
  diagramFile?: string;
  /** The same for the other design of a comparison of two designs (the CLI writes `<OUT>-b.svg`). */
  diagramFileB?: string;
}

/** An image link to a file beside the report; spaces and parentheses percent-encoded. */
const imageLink = (alt: string, file: string) => `![${mdInline(alt)}](${encodeURI(file).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;

/** Link targets: only https URLs (the AWS docs), with the characters that would end the link escaped. */
const mdUrl = (url: string) => (/^https:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : mdText(url));

function table(t: TextTable): string[] {
  if (!t.rows.length) return [];
  const right = new Set(t.right ?? []);
  return [
    `| ${t.headers.map(mdInline).join(' | ')} |`,
    `|${t.headers.map((_, i) => (right.has(i) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(mdInline).join(' | ')} |`),
  ];
}

const SEVERITY_TITLE = { error: 'Errors', warning: 'Warnings', info: 'Info' } as const;

function finding(f: Finding, n: number): string[] {
  return [
    `${n}. **${mdText(f.ruleId)}** · ${mdText(f.target.name)}: ${mdText(f.message)}`,
    `   - Why: ${mdText(f.why)}`,
    `   - Fix: ${mdText(f.fix)}`,
    `   - AWS docs: ${mdUrl(f.docsUrl)}`,
  ];
}

/** Repeated advice of one rule, as lint and the app show it (core/rules/group.ts). */
function group(g: FindingGroup, n: number): string[] {
  const first = g.findings[0];
  return [
    `${n}. **${mdText(g.ruleId)}** · ${mdText(g.summary)}: the same advice for each`,
    ...g.findings.map((f) => `   - ${mdText(f.target.name)}: ${mdText(f.message)}`),
    `   - Why: ${mdText(g.why)}`,
    `   - Fix, for ${mdText(first.target.name)} (the others alike): ${mdText(first.fix)}`,
    `   - AWS docs: ${mdUrl(g.docsUrl)}`,
  ];
}

function findings(side: ReportSide): string[] {
  const out = ['## Findings', ''];
  if (!side.findings.length) out.push('No findings.', '');
  for (const s of SEVERITIES) {
    const list = side.findings.filter((f) => f.severity === s);
    if (list.length) out.push(`### ${SEVERITY_TITLE[s]} (${list.length})`, '', ...groupRepeated(list).flatMap((e, i) => (e.group ? group(e.group, i + 1) : finding(e.finding, i + 1))), '');
  }
  if (side.setAside.length) {
    out.push(`### Set aside: connections AWS refuses (${side.setAside.length})`, '', 'Not analysed as if they existed: no rule, retry path, network path or cost line counts them.', '', ...table(setAsideTable(side.setAside)), '');
  }
  if (side.suppressed.length) {
    out.push(`### Suppressed (${side.suppressed.length})`, '', ...table({
      headers: ['Rule', 'Severity', 'Target', 'Message', 'Reason'],
      rows: side.suppressed.map((f: SuppressedFinding) => [f.ruleId, f.severity, f.target.name, f.message, f.reason]), testId: 'report-suppressed',
    }), '');
  }
  return out;
}

function conventions(cost: CostReport): string[] {
  const c = cost.conventions;
  return [
    '### Conventions', '',
    `- ${mdInline(conventionsLine(cost))}`,
    `- ${mdText(c.tiering)}`,
    ...c.billingGranularity.map((g) => `- ${mdText(g)}`),
    ...cost.notes.map((n) => `- ${mdText(n)}`),
    '',
  ];
}

function cost(side: ReportSide): string[] {
  const c = side.cost;
  const caveats = totalCaveats(side);
  const max = side.costByNode[0]?.monthly;
  // A bar in text for the by-node table: 20 blocks for the most expensive resource.
  const byNode = costByNodeTable(side);
  byNode.headers.push('');
  byNode.rows.forEach((r, i) => r.push(max && !max.isZero() ? '█'.repeat(Math.max(0, Math.round(side.costByNode[i].monthly.div(max).times(20).toNumber()))) : ''));
  return [
    '## Cost', '',
    `**${mdInline(formatUsd(c.monthlyTotal))} a month**${caveats ? ` (${mdText(caveats)})` : ''} in ${mdText(side.region)}, ${side.profile ? `usage profile "${mdText(side.profile)}"` : 'no usage profile'}.`, '',
    ...(side.costByNode.length ? ['### By resource', '', ...table(byNode), '', '### By component', '', ...table(costComponentTable(side)), ''] : ['No priced components.', '']),
    ...(c.needsInput.length ? ['### Needs input (not in the total)', '', ...c.needsInput.map((n) => `- ${mdText(n.nodeName)} · ${mdText(n.component)}: ${mdText(n.hint)}`), ''] : []),
    ...(c.unpriced.length ? ['### Not priced (not in the total)', '', ...c.unpriced.map((u) => `- ${mdText(u.nodeName)} · ${mdText(u.component)}: ${mdText(u.reason)}`), ''] : []),
    '### Usage assumptions', '',
    side.profile
      ? `Usage profile "${mdText(side.profile)}"${side.profileDescription ? `: ${mdText(side.profileDescription)}` : ''}. ${side.usage.length ? 'Values entered:' : 'No values entered; volumes come from the design alone.'}`
      : 'The design has no usage profile: only fixed charges are priced.',
    '',
    ...(side.usage.length ? [...table(usageTable(side)), ''] : []),
    ...conventions(c),
  ];
}

function comparison(report: Report, options: MarkdownOptions): string[] {
  const cmp = report.comparison;
  if (!cmp) return [];
  const a = report.main;
  const b = cmp.b;
  const labels = [a.label, b.label] as const;
  const d = cmp.cost.difference;
  const out = [
    `## Comparison: ${mdText(cmp.title)}`, '',
    ...table(sideBySideTable(a, b)), '',
    `Difference (${mdText(b.label)} − ${mdText(a.label)}): **${mdInline(d.isNegative() ? formatUsd(d) : `+${formatUsd(d)}`)} a month**${d.isZero() ? '' : ` (${mdText(b.label)} ${d.isNegative() ? 'saves' : 'costs'} ${mdInline(formatUsd(d.abs()))})`}.`, '',
  ];
  const diff = differenceTable(cmp.cost, labels);
  out.push(...(diff.rows.length ? ['### Per component', '', ...table(diff), ''] : ['Every component costs the same on both sides (to the cent).', '']));
  if (cmp.cost.notes.length) out.push(...cmp.cost.notes.map((n) => `- ${mdText(n)}`), '');
  out.push('### Cost against requests a month', '');
  if (cmp.sweep.ok) {
    const s = cmp.sweep.value;
    out.push(mdText(crossoverSentence(s, labels)), '', ...table({
      headers: ['Requests a month', a.label, b.label],
      // Decades only (and the two ends): the HTML report has the chart of every point.
      rows: s.points.filter((p, i) => i === 0 || i === s.points.length - 1 || Number.isInteger(Math.log10(p.requestsPerMonth))).map((p) => [formatNumber(p.requestsPerMonth), formatUsd(p.monthly[0]), formatUsd(p.monthly[1])]), right: [0, 1, 2], testId: 'report-sweep',
    }), '');
  } else out.push(`The chart cannot be drawn: ${mdText(cmp.sweep.message)}.`, '');
  if (cmp.kind === 'design') {
    if (options.diagramFileB) out.push(`### Diagram of ${mdText(b.label)}`, '', imageLink(`Diagram of ${b.design.name}`, options.diagramFileB), '');
    out.push(`### Findings of ${mdText(b.label)}`, '', ...findings(b).slice(2));
  }
  return out;
}

/** The report as GitHub-flavoured Markdown. Every text from the design is escaped (text.ts): no
 *  name can break a table, start a block, or inject HTML. The diagram is an image link when
 *  `diagramFile` is given (the CLI writes the SVG beside the .md), else a sentence saying where
 *  to get it. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const m = report.main;
  const facts = summaryFacts(report);
  const lines = [
    `# Design review: ${mdText(report.title)}`, '',
    mdText(report.description), '',
    `- Region: ${mdText(m.region)}`,
    `- Usage profile: ${m.profile ? `${mdText(m.profile)}${m.profileDescription ? ` (${mdText(m.profileDescription)})` : ''}` : 'none'}`,
    `- Prices: ${mdText(priceText(m))}`,
    ...(report.comparison ? [`- Compared: ${mdText(report.comparison.title)}`] : []),
    '',
    '## Summary', '',
    ...facts.map((f) => `- **${f.label}: ${mdText(f.value)}**${f.detail ? ` (${mdText(f.detail)})` : ''}`),
    '',
    '## Diagram', '',
    options.diagramFile
      ? imageLink(`Diagram of ${report.title}`, options.diagramFile)
      : 'Markdown cannot hold the diagram: see the HTML report, or write it with `serverless-designer diagram FILE -o diagram.svg` (File → Export image in the app).',
    '',
    ...(report.resources.length ? ['### Resources', '', ...table({
      headers: ['Resource', 'Kind', 'Description'], rows: report.resources.map((r) => [r.name, kindLabel(r.kind), r.description]), testId: 'report-resources',
    }), ''] : []),
    ...findings(m),
    '## Retry paths', '',
    ...(m.retryPaths.length ? table(retryTable(m.retryPaths)) : ['No event source reaches a function.']), '',
    ...(m.retryPathsNotShown > 0 ? [retryPathsMore(m.retryPathsNotShown), ''] : []),
    '## Reachability', '',
    ...(m.reachability.length ? table(reachTable(m.reachability)) : ['No function accesses anything over the network.']), '',
    ...cost(m),
    ...comparison(report, options),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

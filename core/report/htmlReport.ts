import { formatUsd, type CostReport } from '../pricing';
import { SEVERITIES, type Finding } from '../rules/types';
import { groupRepeated, type FindingGroup } from '../rules/group';
import { costBarChart, crossoverChart, crossoverSentence } from './charts';
import { h, printHtml, safeHref, trustedMarkup, type Child, type HtmlNode } from './html';
import type { Report, ReportSide } from './model';
import { REPORT_CSS } from './styles';
import { conventionsLine, costByNodeTable, costComponentTable, differenceTable, priceText, reachTable, retryPathsMore, retryTable, setAsideTable, sideBySideTable, summaryFacts, totalCaveats, usageTable, type TextTable } from './tables';
import { kindLabel } from '../model/kinds';

/** Design text isolated from the text around it, so right-to-left names cannot reorder it. */
const name = (s: string) => h('bdi', null, s);

/** Cells whose text starts with a marker get a class, so LOST and broken stand out in colour too. */
function cellClass(text: string, i: number, right: Set<number>): string | undefined {
  if (text.startsWith('LOST')) return 'lost';
  if (text.startsWith('broken')) return 'broken';
  return right.has(i) ? 'num' : undefined;
}

function table(t: TextTable): Child {
  if (!t.rows.length) return null;
  const right = new Set(t.right ?? []);
  return h('table', { 'data-testid': t.testId },
    h('thead', null, h('tr', null, ...t.headers.map((x, i) => h('th', { scope: 'col', class: right.has(i) ? 'num' : undefined }, x)))),
    h('tbody', null, ...t.rows.map((r) => h('tr', null, ...r.map((c, i) => h('td', { class: cellClass(c, i, right) }, c))))));
}

const link = (url: string, text: string) => {
  const href = safeHref(url);
  return href ? h('a', { href, rel: 'noreferrer' }, text) : h('span', null, url);
};

function finding(f: Finding): HtmlNode {
  return h('div', { class: `finding ${f.severity}`, 'data-testid': 'report-finding' },
    h('div', { class: 'head' }, h('span', { class: `sev ${f.severity}` }, f.severity), h('span', { class: 'rule' }, f.ruleId), name(f.target.name), ': ', f.message),
    h('dl', null,
      h('dt', null, 'Why'), h('dd', null, f.why),
      h('dt', null, 'Fix'), h('dd', null, f.fix),
      h('dt', null, 'AWS docs'), h('dd', null, link(f.docsUrl, f.docsUrl))));
}

/** Repeated advice of one rule, as lint and the app show it (core/rules/group.ts). */
function groupedFinding(g: FindingGroup): HtmlNode {
  const first = g.findings[0];
  return h('div', { class: `finding ${g.severity}`, 'data-testid': 'report-finding-group' },
    h('div', { class: 'head' }, h('span', { class: `sev ${g.severity}` }, g.severity), h('span', { class: 'rule' }, g.ruleId), g.summary, ': the same advice for each'),
    h('ul', null, ...g.findings.map((f) => h('li', null, name(f.target.name), ': ', f.message))),
    h('dl', null,
      h('dt', null, 'Why'), h('dd', null, g.why),
      h('dt', null, 'Fix'), h('dd', null, `For ${first.target.name} (the others alike): ${first.fix}`),
      h('dt', null, 'AWS docs'), h('dd', null, link(g.docsUrl, g.docsUrl))));
}

const SEVERITY_TITLE = { error: 'Errors', warning: 'Warnings', info: 'Info' } as const;

function findings(side: ReportSide, heading: string, testId: string): HtmlNode {
  const groups = SEVERITIES.map((s) => [s, side.findings.filter((f) => f.severity === s)] as const).filter(([, l]) => l.length);
  return h('section', { class: 'page', 'data-testid': testId },
    h('h2', null, heading),
    side.findings.length ? null : h('p', null, 'No findings.'),
    ...groups.map(([s, list]) => [h('h3', null, `${SEVERITY_TITLE[s]} (${list.length})`), ...groupRepeated(list).map((e) => (e.group ? groupedFinding(e.group) : finding(e.finding)))]),
    side.setAside.length ? [
      h('h3', null, `Set aside: connections AWS refuses (${side.setAside.length})`),
      h('p', null, 'Not analysed as if they existed: no rule, retry path, network path or cost line counts them.'),
      table(setAsideTable(side.setAside)),
    ] : null,
    side.suppressed.length ? [
      h('h3', null, `Suppressed (${side.suppressed.length})`),
      table({ headers: ['Rule', 'Severity', 'Target', 'Message', 'Reason'], rows: side.suppressed.map((f) => [f.ruleId, f.severity, f.target.name, f.message, f.reason]), testId: 'report-suppressed' }),
    ] : null);
}

/** The light diagram, and the dark one when there is one; the style sheet shows the one that fits
 *  the theme (or the reader's system) on screen, and always the light one on paper. */
function diagram(side: ReportSide, label: string): Child {
  const light = h('figure', { class: 'diagram light', 'data-testid': 'report-diagram', 'aria-label': label }, trustedMarkup(side.diagram.svg));
  return side.darkDiagram ? [light, h('figure', { class: 'diagram dark', 'data-testid': 'report-diagram-dark', 'aria-label': label }, trustedMarkup(side.darkDiagram.svg))] : light;
}

function conventions(cost: CostReport): Child {
  const c = cost.conventions;
  return [
    h('h3', null, 'Conventions'),
    h('ul', null,
      h('li', null, conventionsLine(cost)),
      h('li', null, c.tiering),
      ...c.billingGranularity.map((g) => h('li', null, g)),
      ...cost.notes.map((n) => h('li', null, n))),
  ];
}

function cost(side: ReportSide): HtmlNode {
  const c = side.cost;
  const caveats = totalCaveats(side);
  return h('section', { class: 'page', 'data-testid': 'report-cost' },
    h('h2', null, 'Cost'),
    h('p', { class: 'total' }, h('strong', null, `${formatUsd(c.monthlyTotal)} a month`), caveats ? ` (${caveats})` : '', ' in ', side.region, ', ',
      side.profile ? ['usage profile “', name(side.profile), '”'] : 'no usage profile', '.'),
    side.costByNode.length ? [
      h('h3', null, 'By resource'), costBarChart(side.costByNode, c.monthlyTotal), table(costByNodeTable(side)),
      h('h3', null, 'By component'), table(costComponentTable(side)),
    ] : h('p', null, 'No priced components.'),
    c.needsInput.length ? [h('h3', null, 'Needs input (not in the total)'), h('ul', null, ...c.needsInput.map((n) => h('li', null, name(n.nodeName), ` · ${n.component}: `, n.hint)))] : null,
    c.unpriced.length ? [h('h3', null, 'Not priced (not in the total)'), h('ul', null, ...c.unpriced.map((u) => h('li', null, name(u.nodeName), ` · ${u.component}: `, u.reason)))] : null,
    h('h3', null, 'Usage assumptions'),
    h('p', null, side.profile
      ? ['Usage profile “', name(side.profile), '”', side.profileDescription ? [': ', side.profileDescription] : null, '. ', side.usage.length ? 'Values entered:' : 'No values entered; volumes come from the design alone.']
      : 'The design has no usage profile: only fixed charges are priced.'),
    table(usageTable(side)),
    conventions(c));
}

function comparison(report: Report): Child {
  const cmp = report.comparison;
  if (!cmp) return null;
  const a = report.main;
  const b = cmp.b;
  const labels = [a.label, b.label] as const;
  const d = cmp.cost.difference;
  return h('section', { class: 'page', 'data-testid': 'report-comparison' },
    h('h2', null, 'Comparison: ', cmp.title),
    table(sideBySideTable(a, b)),
    h('p', { class: 'total' }, `Difference (${b.label} − ${a.label}): `, h('strong', null, `${d.isNegative() ? formatUsd(d) : `+${formatUsd(d)}`} a month`),
      d.isZero() ? '' : ` (${b.label} ${d.isNegative() ? 'saves' : 'costs'} ${formatUsd(d.abs())})`),
    cmp.kind === 'design' ? h('div', { class: 'sides' }, diagram(a, `Diagram of ${a.design.name}`), diagram(b, `Diagram of ${b.design.name}`)) : null,
    h('h3', null, 'Per component'),
    differenceTable(cmp.cost, labels).rows.length ? table(differenceTable(cmp.cost, labels)) : h('p', null, 'Every component costs the same on both sides (to the cent).'),
    cmp.cost.notes.length ? h('ul', null, ...cmp.cost.notes.map((n) => h('li', null, n))) : null,
    h('h3', null, 'Cost against requests a month'),
    cmp.sweep.ok
      ? [crossoverChart(cmp.sweep.value, labels), h('p', { 'data-testid': 'report-crossover' }, crossoverSentence(cmp.sweep.value, labels))]
      : h('p', { 'data-testid': 'report-crossover' }, `The chart cannot be drawn: ${cmp.sweep.message}.`),
    cmp.kind === 'design' ? findings(b, `Findings of ${b.label}: ${b.design.name}`, 'report-findings-b') : null);
}

/** The report as one self-contained HTML file: inline CSS and SVG, no script, no external
 *  request (only links to the AWS docs), light/dark by `report.theme`, always light on paper.
 *  Every text from the design goes through the tree printer's escaping (html.ts). */
export function renderHtml(report: Report): string {
  const m = report.main;
  const facts = summaryFacts(report);
  const body = h('main', null,
    h('header', { 'data-testid': 'report-header' },
      h('h1', null, 'Design review: ', name(report.title)),
      h('p', { 'data-testid': 'report-description' }, report.description),
      h('ul', { class: 'meta' },
        h('li', null, 'Region ', h('b', null, m.region)),
        h('li', null, 'Usage profile ', h('b', null, m.profile ? name(m.profile) : 'none'), m.profileDescription ? [' (', m.profileDescription, ')'] : null),
        h('li', null, 'Prices ', h('b', null, priceText(m))),
        report.comparison ? h('li', null, 'Compared ', h('b', null, report.comparison.title)) : null),
      h('div', { class: 'summary', 'data-testid': 'report-summary' }, ...facts.map((f) => h('div', { class: `fact${f.alert ? ' alert' : ''}`, 'data-testid': f.testId },
        h('div', { class: 'label' }, f.label), h('div', { class: 'value' }, f.value), h('div', { class: 'detail' }, f.detail))))),
    h('section', { 'data-testid': 'report-diagram-section' },
      h('h2', null, 'Diagram'), diagram(m, `Diagram of ${report.title}`),
      report.resources.length ? [h('h3', null, 'Resources'), table({ headers: ['Resource', 'Kind', 'Description'], rows: report.resources.map((r) => [r.name, kindLabel(r.kind), r.description]), testId: 'report-resources' })] : null),
    findings(m, 'Findings', 'report-findings'),
    h('section', { class: 'page', 'data-testid': 'report-retry' }, h('h2', null, 'Retry paths'),
      m.retryPaths.length ? table(retryTable(m.retryPaths)) : h('p', null, 'No event source reaches a function.'),
      m.retryPathsNotShown > 0 ? h('p', { 'data-testid': 'report-retry-more' }, retryPathsMore(m.retryPathsNotShown)) : null),
    h('section', { 'data-testid': 'report-reach' }, h('h2', null, 'Reachability'),
      m.reachability.length ? table(reachTable(m.reachability)) : h('p', null, 'No function accesses anything over the network.')),
    cost(m),
    comparison(report),
    h('footer', null, 'Made by Serverless Designer from the design file, offline: the analysis and prices are those of the catalog named above.'));
  const doc = h('html', { lang: 'en', 'data-theme': report.theme },
    h('head', null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'color-scheme', content: report.theme === 'auto' ? 'light dark' : report.theme }),
      h('title', null, `Design review: ${report.title}`),
      h('style', null, trustedMarkup(REPORT_CSS))),
    h('body', null, body));
  return `<!DOCTYPE html>\n${printHtml(doc)}\n`;
}

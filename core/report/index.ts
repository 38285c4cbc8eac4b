/** The design-review report (issue 12): `buildReport` makes the model (analysis, cost, diagram,
 *  comparison), `renderHtml` one self-contained HTML file, `renderMarkdown` GitHub Markdown. */
export { buildReport, type NodeCost, type Report, type ReportCompare, type ReportComparison, type ReportInput, type ReportSide, type ReportSummary, type ReportTheme, type UsageAssumption } from './model';
export { renderHtml } from './htmlReport';
export { renderMarkdown, type MarkdownOptions } from './markdown';
export { visibleText } from './text';

/** The report's one style sheet (inline in the HTML, no external fonts). Light by default; dark
 *  with `data-theme="dark"`, or with `data-theme="auto"` when the reader's system is dark. Print is
 *  always light, with each main section on a new page and no backgrounds. */
const LIGHT = `--bg:#ffffff;--panel:#f6f7f9;--border:#d0d5dd;--text:#1d2430;--muted:#5b6472;--accent:#2563eb;--accent2:#c2410c;--danger:#b42318;--warning:#a15c07;--info:#175cd3;--ok:#067647;--bar:#3b82f6;--grid:#e4e7ec;`;
const DARK = `--bg:#14171c;--panel:#1d2128;--border:#3a414d;--text:#e6e9ee;--muted:#a0a8b5;--accent:#7aa7ff;--accent2:#fb923c;--danger:#f97066;--warning:#fdb022;--info:#84adff;--ok:#47cd89;--bar:#60a5fa;--grid:#2c323c;`;

export const REPORT_CSS = `
:root{${LIGHT}color-scheme:light}
:root[data-theme="dark"]{${DARK}color-scheme:dark}
@media (prefers-color-scheme: dark){:root[data-theme="auto"]{${DARK}color-scheme:dark}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1080px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:19px;margin:0 0 12px;padding-bottom:4px;border-bottom:1px solid var(--border)}
h3{font-size:15px;margin:18px 0 8px}
section{margin:28px 0}
a{color:var(--accent)}
.muted{color:var(--muted)}
.meta{display:flex;flex-wrap:wrap;gap:4px 20px;margin:8px 0 0;padding:0;list-style:none;color:var(--muted)}
.meta b{color:var(--text);font-weight:600}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px;margin:20px 0 0}
.fact{border:1px solid var(--border);border-radius:8px;padding:10px 14px;background:var(--panel)}
.fact .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.fact .value{font-size:24px;font-weight:650}
.fact .detail{color:var(--muted);font-size:12px}
.fact.alert{border-color:var(--danger)}
.fact.alert .value{color:var(--danger)}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}
th,td{border-bottom:1px solid var(--border);padding:5px 8px;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:12px}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr{break-inside:avoid}
.lost{color:var(--danger);font-weight:600}
.broken{color:var(--danger)}
.diagram{margin:0;border:1px solid var(--border);border-radius:8px;overflow:hidden}
.diagram svg{display:block;max-width:100%;height:auto;margin:0 auto}
.diagram.dark{display:none}
:root[data-theme="dark"] .diagram.light{display:none}
:root[data-theme="dark"] .diagram.dark{display:block}
@media (prefers-color-scheme: dark){:root[data-theme="auto"] .diagram.light{display:none}:root[data-theme="auto"] .diagram.dark{display:block}}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.finding{border-left:4px solid var(--border);padding:6px 12px;margin:8px 0;background:var(--panel);border-radius:0 6px 6px 0;break-inside:avoid}
.finding.error{border-left-color:var(--danger)}
.finding.warning{border-left-color:var(--warning)}
.finding.info{border-left-color:var(--info)}
.finding .head{font-weight:600}
.finding .rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;margin-right:6px}
.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:4px 0 0}
.finding dt{color:var(--muted)}
.finding dd{margin:0}
.sev{display:inline-block;min-width:58px;font-size:11px;font-weight:700;text-transform:uppercase}
.sev.error{color:var(--danger)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.chart{max-width:100%;height:auto;display:block}
.chart .bar{fill:var(--bar)}
.chart .chart-label{fill:var(--muted);font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.chart .chart-value{fill:var(--text);font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.chart .grid{stroke:var(--grid);stroke-width:1}
.chart .series{fill:none;stroke-width:2.5}
.chart .series-0{stroke:var(--accent)}
.chart .series-1{stroke:var(--accent2);stroke-dasharray:7 4}
.chart .crossing circle{fill:var(--bg);stroke:var(--text);stroke-width:2}
.total{font-size:16px}
bdi{unicode-bidi:isolate}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{
  :root,:root[data-theme]{${LIGHT}color-scheme:light}
  body{background:#fff;font-size:11pt}
  main{max-width:none;padding:0}
  section.page{break-before:page}
  h2,h3{break-after:avoid}
  .fact,.finding{background:none}
  .summary{grid-template-columns:repeat(4,1fr);gap:8px}
  .fact .value{font-size:18pt}
  :root[data-theme] .diagram.light{display:block}
  :root[data-theme] .diagram.dark{display:none}
  a{color:inherit;text-decoration:none;word-break:break-all}
}
@page{margin:16mm 14mm}
`;

import { formatUsd, type Dec, type RequestSweep } from '../pricing';
import { h, type HtmlNode } from './html';
import type { NodeCost } from './model';

/** Charts of the HTML report as SVG trees (html.ts escapes every text). Colours come from the
 *  report's style sheet through class names, so they follow light, dark and print. Positions are
 *  computed with floats; every amount shown is formatted from the decimal. */

const SVG_NS = 'http://www.w3.org/2000/svg';
const round = (v: number) => Math.round(v * 10) / 10;

/** "1k", "2.5M", "1B": request volumes on an axis. */
export function compactCount(n: number): string {
  for (const [size, suffix] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']] as const) {
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(3))}${suffix}`;
  }
  return String(Number(n.toPrecision(3)));
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars, one per resource, the most expensive first; past `maxBars` the rest are one bar. */
export function costBarChart(nodes: readonly NodeCost[], total: Dec, maxBars = 12): HtmlNode {
  const shown = nodes.slice(0, nodes.length > maxBars ? maxBars - 1 : maxBars).map((n) => ({ name: n.nodeName, kind: n.kind, monthly: n.monthly }));
  const rest = nodes.slice(shown.length);
  if (rest.length) shown.push({ name: `${rest.length} others`, kind: '', monthly: rest.reduce((t, n) => t.plus(n.monthly), total.minus(total)) });
  const width = 680;
  const labelWidth = 210;
  const barMax = 330;
  const row = 26;
  const height = shown.length * row + 8;
  const max = shown.reduce((m, n) => (n.monthly.gt(m) ? n.monthly : m), total.minus(total));
  const bars = shown.map((n, i) => {
    const w = max.isZero() ? 0 : Math.max(n.monthly.isZero() ? 0 : 1, round(n.monthly.div(max).toNumber() * barMax));
    const y = 4 + i * row;
    return h('g', { class: 'bar-row' },
      h('title', null, `${n.name}${n.kind ? ` (${n.kind})` : ''}: ${formatUsd(n.monthly)} a month`),
      h('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label' }, truncate(n.name, 30)),
      h('rect', { x: labelWidth, y: y + 4, width: w, height: row - 8, rx: 3, class: 'bar' }),
      h('text', { x: labelWidth + w + 6, y: y + 17, class: 'chart-value' }, formatUsd(n.monthly)));
  });
  return h('svg', { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `Monthly cost by resource, total ${formatUsd(total)}`, class: 'chart', 'data-testid': 'report-cost-chart' }, ...bars);
}

/** One sentence: where the cheaper side changes along the request volume, or that it never does. */
export function crossoverSentence(sweep: RequestSweep, names: readonly [string, string]): string {
  const requests = (n: number) => `${compactCount(n)} requests a month`;
  if (sweep.crossings.length) {
    return sweep.crossings.map((c) => `At ${requests(c.requestsPerMonth)} both cost about ${formatUsd(c.monthly)}: ${names[c.cheaperBelow]} is cheaper below, ${names[c.cheaperAbove]} above.`).join(' ');
  }
  const first = sweep.points[0];
  const last = sweep.points[sweep.points.length - 1];
  const range = `between ${requests(first.requestsPerMonth)} and ${requests(last.requestsPerMonth)}`;
  const sign = first.monthly[1].comparedTo(first.monthly[0]) || last.monthly[1].comparedTo(last.monthly[0]);
  return sign === 0 ? `No crossover ${range}: the two cost the same throughout.` : `No crossover ${range}: ${names[sign < 0 ? 1 : 0]} is cheaper throughout.`;
}

/** Monthly cost of both sides against requests a month, both axes logarithmic, each crossover marked. */
export function crossoverChart(sweep: RequestSweep, names: readonly [string, string]): HtmlNode {
  const width = 680;
  const height = 320;
  const m = { left: 70, right: 20, top: 34, bottom: 46 };
  const xs = sweep.points.map((p) => p.requestsPerMonth);
  const ys = sweep.points.flatMap((p) => p.monthly.map((d) => d.toNumber())).filter((v) => v > 0);
  const [x0, x1] = [Math.log10(xs[0]), Math.log10(xs[xs.length - 1])];
  const yLow = ys.length ? Math.floor(Math.log10(Math.min(...ys))) : -2;
  const yHigh = ys.length ? Math.max(yLow + 1, Math.ceil(Math.log10(Math.max(...ys)))) : 0;
  const px = (x: number) => round(m.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (width - m.left - m.right));
  const py = (y: number) => round(height - m.bottom - ((Math.log10(Math.max(y, 10 ** yLow)) - yLow) / (yHigh - yLow)) * (height - m.top - m.bottom));
  const grid: HtmlNode[] = [];
  for (let e = Math.ceil(x0); e <= Math.floor(x1); e++) {
    const x = px(10 ** e);
    grid.push(h('line', { x1: x, x2: x, y1: m.top, y2: height - m.bottom, class: 'grid' }), h('text', { x, y: height - m.bottom + 16, 'text-anchor': 'middle', class: 'chart-label' }, compactCount(10 ** e)));
  }
  for (let e = yLow; e <= yHigh; e++) {
    const y = py(10 ** e);
    const label = e < 0 ? `$${(10 ** e).toFixed(-e)}` : `$${compactCount(10 ** e)}`;
    grid.push(h('line', { x1: m.left, x2: width - m.right, y1: y, y2: y, class: 'grid' }), h('text', { x: m.left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-label' }, label));
  }
  const series = names.map((name, i) => h('polyline', {
    class: `series series-${i}`, fill: 'none',
    points: sweep.points.map((p) => `${px(p.requestsPerMonth)},${py(p.monthly[i].toNumber())}`).join(' '),
  }, h('title', null, name)));
  const markers = sweep.crossings.map((c) => h('g', { class: 'crossing' },
    h('circle', { cx: px(c.requestsPerMonth), cy: py(c.monthly.toNumber()), r: 5 }),
    h('text', { x: px(c.requestsPerMonth) + 8, y: py(c.monthly.toNumber()) - 8, class: 'chart-value' }, `crossover ${compactCount(c.requestsPerMonth)}/month · ${formatUsd(c.monthly)}`)));
  const legend = names.map((name, i) => h('g', null,
    h('line', { x1: m.left + i * 260, x2: m.left + i * 260 + 24, y1: 14, y2: 14, class: `series series-${i}` }),
    h('text', { x: m.left + i * 260 + 30, y: 18, class: 'chart-label' }, truncate(name, 36))));
  return h('svg', { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': crossoverSentence(sweep, names), class: 'chart', 'data-testid': 'report-crossover-chart' },
    ...grid, ...series, ...markers, ...legend,
    h('text', { x: (m.left + width - m.right) / 2, y: height - 8, 'text-anchor': 'middle', class: 'chart-label' }, 'Requests a month, all sources scaled together (log scale)'),
    h('text', { x: 14, y: (m.top + height - m.bottom) / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${(m.top + height - m.bottom) / 2})`, class: 'chart-label' }, 'Monthly cost, USD (log)'));
}

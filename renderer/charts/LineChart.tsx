import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { linearTicks, logTicks, nearestIndex, scaleOf, type Scale } from './scales';

export interface ChartPoint {
  x: number;
  y: number;
  /** Exact text for the tooltip and the table (money as a decimal string); defaults to formatY(y). */
  yText?: string;
}

export interface ChartSeries {
  name: string;
  points: readonly ChartPoint[];
}

/** A labelled point on the chart: a crossover, the cheapest memory size. */
export interface ChartMarker {
  x: number;
  y: number;
  label: string;
}

/** A vertical line across the chart at one x (the volume entered in the design). */
export interface ChartReference {
  x: number;
  label: string;
}

export interface LineChartProps {
  /** Read by screen readers (<title>) and shown above the chart. */
  title: string;
  /** What the chart shows, in a sentence or two (<desc>). */
  description: string;
  series: readonly ChartSeries[];
  markers?: readonly ChartMarker[];
  references?: readonly ChartReference[];
  xLabel: string;
  yLabel: string;
  xScale?: 'log' | 'linear';
  /** 'log' when every value is positive (else linear): costs that span decades stay readable. */
  yScale?: 'log' | 'linear';
  formatX(x: number): string;
  formatY(y: number): string;
  width?: number;
  height?: number;
  testId?: string;
}

/** Line styles told apart by more than colour (dash patterns), so print and colour-blind readers can.
 *  Colours are the theme's (--sd-series-N in styles.css), set as style so var() resolves. */
const STYLES = [
  { stroke: 'var(--sd-series-1)', dash: undefined },
  { stroke: 'var(--sd-series-2)', dash: '7 4' },
  { stroke: 'var(--sd-series-3)', dash: '2 3' },
  { stroke: 'var(--sd-series-4)', dash: '10 3 2 3' },
];
const MARGIN = { top: 12, right: 18, bottom: 42, left: 70 };

/** A line chart drawn as SVG from data: axes with ticks and labels, a legend, a hover (and arrow-key)
 *  read-out of every series at the nearest x, labelled markers, and the data as a table. */
export function LineChart(p: LineChartProps) {
  const width = p.width ?? 640;
  const height = p.height ?? 280;
  const id = useId();
  const [active, setActive] = useState<number | null>(null);
  const xs = [...new Set(p.series.flatMap((s) => s.points.map((pt) => pt.x)))].sort((a, b) => a - b);
  const ys = p.series.flatMap((s) => s.points.map((pt) => pt.y)).concat((p.markers ?? []).map((m) => m.y));
  if (!xs.length) return <p className="sd-muted" data-testid={p.testId}>{p.title}: no data.</p>;

  const kind = p.xScale ?? 'linear';
  const x: Scale = scaleOf(kind, xs[0], xs[xs.length - 1], MARGIN.left, width - MARGIN.right);
  const logY = p.yScale === 'log' && ys.every((v) => v > 0);
  const yTicks = logY
    ? logTicks(10 ** Math.floor(Math.log10(Math.min(...ys))), 10 ** Math.ceil(Math.log10(Math.max(...ys))))
    : linearTicks(Math.min(0, ...ys), Math.max(...ys), 5);
  const y: Scale = scaleOf(logY ? 'log' : 'linear', yTicks[0], yTicks[yTicks.length - 1], height - MARGIN.bottom, MARGIN.top);
  // The x axis spans the data exactly, so round ticks outside it are dropped.
  const xTicks = (kind === 'log' ? logTicks(xs[0], xs[xs.length - 1]) : linearTicks(xs[0], xs[xs.length - 1], 6)).filter((t) => t >= xs[0] && t <= xs[xs.length - 1]);
  const activeX = active === null ? undefined : xs[active];

  const onMove = (e: MouseEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = MARGIN.left + ((e.clientX - box.left) / box.width) * (width - MARGIN.left - MARGIN.right);
    setActive(nearestIndex(xs.map(x), px));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Escape') setActive(null);
    if (!step) return;
    e.preventDefault();
    setActive((i) => Math.max(0, Math.min(xs.length - 1, (i ?? (step > 0 ? -1 : xs.length)) + step)));
  };
  const readout = activeX === undefined ? [] : p.series.map((s) => ({ name: s.name, point: s.points.find((pt) => pt.x === activeX) }));

  return (
    <figure className="sd-chart" data-testid={p.testId}>
      <figcaption className="sd-chart-title" id={`${id}-caption`}>{p.title}</figcaption>
      <div className="sd-chart-frame">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="sd-chart-svg"
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          tabIndex={0}
          onKeyDown={onKey}
          onBlur={() => setActive(null)}
        >
          <title id={`${id}-title`}>{p.title}</title>
          <desc id={`${id}-desc`}>{p.description}</desc>
          <g className="sd-chart-grid" aria-hidden="true">
            {yTicks.map((t) => <line key={`y${t}`} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />)}
            {xTicks.map((t) => <line key={`x${t}`} x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={height - MARGIN.bottom} />)}
          </g>
          <g className="sd-chart-axis" aria-hidden="true">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom} />
            <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={height - MARGIN.bottom} />
            {xTicks.map((t) => <text key={t} x={x(t)} y={height - MARGIN.bottom + 15} textAnchor="middle">{p.formatX(t)}</text>)}
            {yTicks.map((t) => <text key={t} x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">{p.formatY(t)}</text>)}
            <text x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 6} textAnchor="middle" className="sd-chart-axis-label">{p.xLabel}</text>
            <text transform={`translate(14 ${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="sd-chart-axis-label">{p.yLabel}</text>
          </g>
          {p.series.map((s, i) => {
            const style = STYLES[i % STYLES.length];
            return (
              <polyline key={s.name} className="sd-chart-line" data-testid="chart-line" data-series={s.name} fill="none" style={{ stroke: style.stroke }} strokeWidth={2} strokeDasharray={style.dash}
                points={s.points.map((pt) => `${x(pt.x).toFixed(1)},${y(pt.y).toFixed(1)}`).join(' ')} />
            );
          })}
          {(p.references ?? []).map((r) => (
            <g key={`${r.x} ${r.label}`} className="sd-chart-reference" data-testid="chart-reference">
              <line x1={x(r.x)} x2={x(r.x)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
              <text x={x(r.x) + 4} y={height - MARGIN.bottom - 6}>{r.label}</text>
            </g>
          ))}
          {(p.markers ?? []).map((m) => (
            <g key={`${m.x} ${m.label}`} className="sd-chart-marker" data-testid="chart-marker">
              <circle cx={x(m.x)} cy={y(m.y)} r={5} />
              <text x={x(m.x) + (x(m.x) > width * 0.7 ? -8 : 8)} y={Math.max(MARGIN.top + 10, y(m.y) - 8)} textAnchor={x(m.x) > width * 0.7 ? 'end' : 'start'}>{m.label}</text>
            </g>
          ))}
          {activeX !== undefined && (
            <g className="sd-chart-cursor" aria-hidden="true">
              <line x1={x(activeX)} x2={x(activeX)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
              {readout.map((r, i) => r.point && <circle key={r.name} cx={x(activeX)} cy={y(r.point.y)} r={3.5} style={{ fill: STYLES[i % STYLES.length].stroke }} />)}
            </g>
          )}
          <rect x={MARGIN.left} y={MARGIN.top} width={width - MARGIN.left - MARGIN.right} height={height - MARGIN.top - MARGIN.bottom} fill="transparent"
            onMouseMove={onMove} onMouseLeave={() => setActive(null)} data-testid="chart-hover" />
        </svg>
        {activeX !== undefined && (
          <div className="sd-chart-tooltip" role="status" data-testid="chart-tooltip"
            style={{ left: `${(x(activeX) / width) * 100}%`, transform: x(activeX) > width * 0.6 ? 'translateX(calc(-100% - 8px))' : 'translateX(8px)' }}>
            <strong>{p.formatX(activeX)}</strong>
            {readout.map((r) => <div key={r.name}>{r.name}: {r.point ? (r.point.yText ?? p.formatY(r.point.y)) : '—'}</div>)}
          </div>
        )}
      </div>
      <ul className="sd-chart-legend" aria-label="Legend">
        {p.series.map((s, i) => (
          <li key={s.name}>
            <svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" style={{ stroke: STYLES[i % STYLES.length].stroke }} strokeWidth="2" strokeDasharray={STYLES[i % STYLES.length].dash} /></svg>
            {s.name}
          </li>
        ))}
      </ul>
      <details className="sd-chart-data">
        <summary>Data table</summary>
        <table aria-label={`${p.title}: data`}>
          <thead><tr><th scope="col">{p.xLabel}</th>{p.series.map((s) => <th key={s.name} scope="col" className="sd-num">{s.name}</th>)}</tr></thead>
          <tbody>
            {xs.map((v) => (
              <tr key={v}>
                <th scope="row">{p.formatX(v)}</th>
                {p.series.map((s) => {
                  const pt = s.points.find((q) => q.x === v);
                  return <td key={s.name} className="sd-num">{pt ? (pt.yText ?? p.formatY(pt.y)) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

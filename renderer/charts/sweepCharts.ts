import { formatUsd, type MemorySweep, type RequestSweep } from '../../core/pricing';
import type { ChartMarker, ChartSeries } from './LineChart';
import { compactNumber } from './scales';

export interface ChartData {
  series: ChartSeries[];
  markers: ChartMarker[];
  /** One sentence for people (and the chart's <desc>): where the cheaper side changes, or that it never does. */
  summary: string;
}

const requests = (n: number) => `${compactNumber(n)} requests/month`;

/** Cost against monthly requests for two sides (core sweepRequests), each crossover marked and labelled. */
export function requestSweepChart(sweep: RequestSweep, names: readonly [string, string]): ChartData {
  const series = names.map((name, i): ChartSeries => ({
    name,
    points: sweep.points.map((p) => ({ x: p.requestsPerMonth, y: p.monthly[i].toNumber(), yText: formatUsd(p.monthly[i]) })),
  }));
  const markers = sweep.crossings.map((c): ChartMarker => ({
    x: c.requestsPerMonth, y: c.monthly.toNumber(), label: `crossover ${compactNumber(c.requestsPerMonth)}/month · ${formatUsd(c.monthly)}`,
  }));
  const first = sweep.points[0];
  const last = sweep.points[sweep.points.length - 1];
  let summary: string;
  if (sweep.crossings.length) {
    summary = sweep.crossings.map((c) => `At ${requests(c.requestsPerMonth)} both cost about ${formatUsd(c.monthly)}: ${names[c.cheaperBelow]} is cheaper below, ${names[c.cheaperAbove]} above.`).join(' ');
  } else {
    const sign = first.monthly[1].comparedTo(first.monthly[0]);
    const range = `between ${requests(first.requestsPerMonth)} and ${requests(last.requestsPerMonth)}`;
    summary = sign === 0 && last.monthly[1].eq(last.monthly[0])
      ? `No crossover ${range}: the two cost the same throughout.`
      : `No crossover ${range}: ${names[sign < 0 ? 1 : 0]} is cheaper throughout.`;
  }
  return { series, markers, summary };
}

/** A function's own monthly cost against its memory size (core sweepMemory), per side, the cheapest size marked. */
export function memorySweepChart(sweeps: readonly { name: string; sweep: MemorySweep }[]): ChartData {
  const series = sweeps.map(({ name, sweep }): ChartSeries => ({
    name,
    points: sweep.points.map((p) => ({ x: p.memoryMb, y: p.monthly.toNumber(), yText: `${formatUsd(p.monthly)} (${Math.ceil(p.durationMs)} ms)` })),
  }));
  // One marker per distinct cheapest point: two sides with the same one share it.
  const cheapest = new Map<string, { names: string[]; sweep: MemorySweep }>();
  for (const { name, sweep } of sweeps) {
    const key = `${sweep.cheapest.memoryMb} ${sweep.cheapest.monthly.toFixed()}`;
    cheapest.set(key, { names: [...(cheapest.get(key)?.names ?? []), name], sweep });
  }
  const markers = [...cheapest.values()].map(({ names, sweep }): ChartMarker => ({
    x: sweep.cheapest.memoryMb, y: sweep.cheapest.monthly.toNumber(),
    label: `${sweeps.length > 1 ? `${names.length === sweeps.length ? 'both' : names.join(', ')}: ` : ''}cheapest ${sweep.cheapest.memoryMb} MB · ${formatUsd(sweep.cheapest.monthly)}`,
  }));
  const summary = sweeps.map(({ name, sweep }) => `${name}: cheapest at ${sweep.cheapest.memoryMb} MB (${formatUsd(sweep.cheapest.monthly)} a month), `
    + `configured ${sweep.baseMemoryMb} MB taking ${sweep.baseDurationMs} ms; fastest at ${sweep.fastest.memoryMb} MB.`).join(' ');
  return { series, markers, summary };
}

/** "$0.25", "$12", "$1.5k": money on an axis. */
export function axisUsd(v: number): string {
  if (v === 0) return '$0';
  if (Math.abs(v) < 10) return `$${Number(v.toPrecision(3))}`;
  return `$${compactNumber(v)}`;
}

/** Maps a data value to a pixel position. */
export type Scale = (value: number) => number;

/** A linear or base-10 logarithmic scale from the domain [d0, d1] onto the range [r0, r1]. A domain of
 *  one value is widened so that the chart still has an axis. Log scales need a positive domain. */
export function scaleOf(kind: 'linear' | 'log', d0: number, d1: number, r0: number, r1: number): Scale {
  if (kind === 'log') {
    if (!(d0 > 0 && d1 > 0)) throw new Error(`a log scale needs positive values; got ${d0} … ${d1}`);
    const [l0, l1] = d0 === d1 ? [Math.log10(d0) - 0.5, Math.log10(d0) + 0.5] : [Math.log10(d0), Math.log10(d1)];
    return (v) => r0 + ((Math.log10(v) - l0) / (l1 - l0)) * (r1 - r0);
  }
  const [a, b] = d0 === d1 ? [d0 - 1, d1 + 1] : [d0, d1];
  return (v) => r0 + ((v - a) / (b - a)) * (r1 - r0);
}

/** About `count` round ticks (steps of 1, 2 or 5 × 10ⁿ) covering [min, max], ends included. */
export function linearTicks(min: number, max: number, count: number): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) return [0, 1];
  if (min === max) return max === 0 ? [0, 1] : linearTicks(Math.min(0, min), Math.max(0, max), count);
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so that 0.1 + 0.2 does not print as 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let t = first; t < max + step / 2; t += step) ticks.push(Number(t.toFixed(digits)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(digits)));
  return ticks;
}

/** Powers of ten within [min, max]; the ends themselves when fewer than two fall inside. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(min) - 1e-9); e <= Math.floor(Math.log10(max) + 1e-9); e++) ticks.push(10 ** e);
  return ticks.length >= 2 ? ticks : [...new Set([min, ...ticks, max])];
}

/** The index of the position nearest to `px` (positions in increasing order). */
export function nearestIndex(positions: readonly number[], px: number): number {
  let best = 0;
  positions.forEach((p, i) => {
    if (Math.abs(p - px) < Math.abs(positions[best] - px)) best = i;
  });
  return best;
}

/** "1k", "2.5M", "1B": compact numbers for axis ticks (requests a month). */
export function compactNumber(n: number): string {
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, suffix] of units) {
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(3))}${suffix}`;
  }
  return String(Number(n.toPrecision(3)));
}

/** The value at quantile `q` (0.5 the median, 0.95 the p95) of ascending `sorted` times. */
export const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Median and p95 wall time of `fn` over `runs` runs after `warmups`, unrounded and unprinted. */
export function timeRuns(fn: () => unknown, runs: number, warmups = 3): { median: number; p95: number } {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** Median and p95 wall time of `fn` over `runs` runs (after 3 warm-ups), and the peak heap seen:
 *  process.memoryUsage().heapUsed sampled after each run (no forced gc, so it includes garbage not yet
 *  collected — an upper bound on what the step keeps). */
export function measure(label: string, fn: () => unknown, runs = 15): { label: string; medianMs: number; p95Ms: number; peakHeapMb: number } {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(quantile(times, q).toFixed(2));
  const result = { label, medianMs: at(0.5), p95Ms: at(0.95), peakHeapMb: Number((peak / 2 ** 20).toFixed(1)) };
  console.log(`${label.padEnd(48)} median ${String(result.medianMs).padStart(8)} ms   p95 ${String(result.p95Ms).padStart(8)} ms   peak heap ${result.peakHeapMb} MB`);
  return result;
}

/** Median wall time of `fn` over `runs` runs (after warm-up), and the peak heap seen. */
export function measure(label: string, fn: () => unknown, runs = 15): { label: string; medianMs: number; peakHeapMb: number } {
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
  const result = { label, medianMs: Number(times[Math.floor(times.length / 2)].toFixed(2)), peakHeapMb: Number((peak / 2 ** 20).toFixed(1)) };
  console.log(`${label.padEnd(48)} median ${String(result.medianMs).padStart(8)} ms   peak heap ${result.peakHeapMb} MB`);
  return result;
}

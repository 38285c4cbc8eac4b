import { describe, expect, it } from 'vitest';
import { formatResults, NOTES_MARK, type Results } from '../../bench/resultsFormat';

// The writer of bench/RESULTS.md, on made-up figures (the figures themselves are never asserted).
const results = (analysis1k: number): Results => ({
  date: '2026-12-05 01:00 UTC', node: 'v20.0.0', cores: 2, load: 0.1, commit: 'abc1234', runs: 21,
  figures: [
    { step: 'full analysis', size: 1000, median: analysis1k, p95: analysis1k * 2 },
    { step: 'cost', size: 5000, median: 60, p95: 70 },
    { step: 'CLI lint (one template, whole process)', size: 0, median: 140, p95: 160 },
  ],
  heap: [{ size: 10000, mb: 120 }],
});

describe('bench/RESULTS.md writer', () => {
  it('gives each target its value and verdict, and says what was not measured', () => {
    const text = formatResults(results(12));
    expect(text).toContain('| full analysis, 1,000 nodes | ≤ 16 ms | 12.0 ms (p95 24.0) | met |');
    expect(text).toContain('| cost, 5,000 nodes | ≤ 50 ms | 60.0 ms (p95 70.0) | **missed** |');
    expect(text).toContain('| heap, 10,000 nodes | ≤ 300 MB | 120 MB | met |');
    expect(text).toContain('| parse, 5,000 nodes | ≤ 50 ms | not measured | — |');
    expect(text).toContain('Node v20.0.0, 2 cores');
    expect(text).toContain('Written by `npm run bench`');
    expect(text).toContain('Heap: `process.memoryUsage().heapUsed` sampled');
    expect(text).toContain('- CLI lint (one template, whole process): 140.0 ms median, p95 160.0 ms');
  });

  it('a missed target is missed at the limit plus a hair; met at the limit', () => {
    expect(formatResults(results(16))).toContain('| full analysis, 1,000 nodes | ≤ 16 ms | 16.0 ms (p95 32.0) | met |');
    expect(formatResults(results(16.01))).toContain('**missed**');
  });

  it('keeps the hand-written notes of the last version', () => {
    const before = `# old figures\n${NOTES_MARK}\n\n## Notes\n\nCost is bounded by Decimal.\n`;
    const text = formatResults(results(12), before);
    expect(text).not.toContain('# old figures');
    expect(text.endsWith(`${NOTES_MARK}\n\n## Notes\n\nCost is bounded by Decimal.\n`)).toBe(true);
  });
});

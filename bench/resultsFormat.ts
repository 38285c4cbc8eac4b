// Writes bench/RESULTS.md from figures (bench/results.ts measures them): a table per step and size,
// the targets of issue 15 each with its verdict, and the hand-written notes kept from the file's
// last version (everything after NOTES_MARK).

export interface Figure { step: string; size: number; median: number; p95: number; note?: string }
export interface Results { date: string; node: string; cores: number; load: number; commit: string; runs: number; figures: Figure[]; heap: { size: number; mb: number }[] }

export const NOTES_MARK = '<!-- notes: written by hand, kept by the writer -->';

/** Issue 15's targets: a step and size, and the most it may take. */
export const TARGETS: { what: string; step: string; size: number; maxMs?: number; maxMb?: number }[] = [
  { what: 'full analysis, 1,000 nodes', step: 'full analysis', size: 1000, maxMs: 16 },
  { what: 'full analysis, 5,000 nodes', step: 'full analysis', size: 5000, maxMs: 100 },
  { what: 'full analysis, 10,000 nodes', step: 'full analysis', size: 10000, maxMs: 250 },
  { what: 'heap, 10,000 nodes', step: 'heap', size: 10000, maxMb: 300 },
  { what: 'incremental after one property edit, 5,000 nodes', step: 'incremental: property edit (function outside the VPC)', size: 5000, maxMs: 5 },
  { what: 'incremental after one property edit in the shared VPC, 5,000 nodes', step: 'incremental: property edit (function in the shared VPC)', size: 5000, maxMs: 5 },
  { what: 'incremental after one added edge, 5,000 nodes', step: 'incremental: one added edge', size: 5000, maxMs: 5 },
  { what: 'incremental after one deleted node, 5,000 nodes', step: 'incremental: one deleted node', size: 5000, maxMs: 5 },
  { what: 'cost, 5,000 nodes', step: 'cost', size: 5000, maxMs: 50 },
  { what: 'parse, 5,000 nodes', step: 'parse', size: 5000, maxMs: 50 },
  { what: 'CLI lint of one template, whole process', step: 'CLI lint (one template, whole process)', size: 0, maxMs: 150 },
];

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

/** The verdict of one target: its value and met / missed, or "not measured". */
export function verdict(r: Results, t: (typeof TARGETS)[number]): { value: string; met: boolean | undefined } {
  if (t.maxMb !== undefined) {
    const h = r.heap.find((x) => x.size === t.size);
    return h ? { value: `${h.mb.toFixed(0)} MB`, met: h.mb <= t.maxMb } : { value: 'not measured', met: undefined };
  }
  const f = r.figures.find((x) => x.step === t.step && x.size === t.size);
  return f ? { value: `${ms(f.median)} ms (p95 ${ms(f.p95)})`, met: f.median <= t.maxMs! } : { value: 'not measured', met: undefined };
}

export function formatResults(r: Results, previous = ''): string {
  const sizes = [...new Set(r.figures.filter((f) => f.size > 0).map((f) => f.size))].sort((a, b) => a - b);
  const steps = [...new Set(r.figures.filter((f) => f.size > 0).map((f) => f.step))];
  const lines = [
    '# Bench results',
    '',
    `Written by \`npm run bench\` (at its end) or \`npm run bench:results\` alone (bench/results.ts) on ${r.date}, commit ${r.commit}: Node ${r.node}, ${r.cores} cores, load average ${r.load.toFixed(2)} at the end` +
      ` (the machine is shared: a load well above 0 makes every figure slower). Median and p95 of ${r.runs} runs after 3 warm-ups;` +
      ' designs from bench/generate.ts (API, queue + DLQ, SNS fan-out and stream cells; 1 in 20 functions in a shared two-AZ VPC with NAT gateways, reaching one RDS database and one partner API).',
    '',
    '## Targets (issue 15)',
    '',
    '| Target | Limit | Measured | |',
    '|---|---|---|---|',
    ...TARGETS.map((t) => {
      const v = verdict(r, t);
      return `| ${t.what} | ${t.maxMs !== undefined ? `≤ ${t.maxMs} ms` : `≤ ${t.maxMb} MB`} | ${v.value} | ${v.met === undefined ? '—' : v.met ? 'met' : '**missed**'} |`;
    }),
    '',
    '## Per step and size (ms, median / p95)',
    '',
    `| Step | ${sizes.map((s) => `${s.toLocaleString('en-US')} nodes`).join(' | ')} |`,
    `|---|${sizes.map(() => '---').join('|')}|`,
    ...steps.map((step) => `| ${step} | ${sizes.map((s) => {
      const f = r.figures.find((x) => x.step === step && x.size === s);
      return f ? `${ms(f.median)} / ${ms(f.p95)}${f.note ? ` (${f.note})` : ''}` : '—';
    }).join(' | ')} |`),
    `| peak heap while analysing (MB) | ${sizes.map((s) => { const h = r.heap.find((x) => x.size === s); return h ? h.mb.toFixed(0) : '—'; }).join(' | ')} |`,
    '',
    'Heap: `process.memoryUsage().heapUsed` sampled after each of 3 analyses of the design (after a forced gc when run with `--expose-gc`, as `npm run bench` and `npm run bench:results` do), in the one process that holds every size: it includes the parsed design and what the analysis keeps.',
    '',
    '## Whole process',
    '',
    ...r.figures.filter((f) => f.size === 0).map((f) => `- ${f.step}: ${ms(f.median)} ms median, p95 ${ms(f.p95)} ms`),
    '',
  ];
  const at = previous.indexOf(NOTES_MARK);
  const notes = at >= 0 ? previous.slice(at) : `${NOTES_MARK}\n\n## Notes\n\n(What bounds each missed target, from the profile.)\n`;
  return `${lines.join('\n')}\n${notes}`;
}

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../core/analyze';
import { parseDesign } from '../core/model';
import { estimateCost } from '../core/pricing';
import { generateDesign } from './generate';
import { benchIncremental } from './incremental';
import { timeProcess } from './cli';
import { timeRuns } from './measure';
import { formatResults, type Figure } from './resultsFormat';

// Issue 15: the figures behind bench/RESULTS.md — median and p95 of parse, full analysis, cost and
// incremental re-analysis and re-estimate at 100, 1,000, 5,000 and 10,000 nodes, the heap, and the whole-process CLI
// time — written there with the machine's cores, Node version, load and commit. Run by `npm run
// bench:results` and at the end of `npm run bench` (a child process with --expose-gc); `--quick` takes fewer runs.

const quick = process.argv.includes('--quick');
const RUNS = quick ? 7 : 21;
const root = join(import.meta.dirname, '..');

const time = (fn: () => unknown) => timeRuns(fn, RUNS);

const figures: Figure[] = [];
const heap: { size: number; mb: number }[] = [];
for (const size of [100, 1000, 5000, 10000]) {
  const text = JSON.stringify(generateDesign(size));
  const parsed = parseDesign(text);
  if (!parsed.ok) throw new Error('generated design does not load');
  const design = parsed.design;
  const label = `${size.toLocaleString('en-US')} nodes`;
  const p = time(() => parseDesign(text));
  figures.push({ step: 'parse', size, ...p });
  // A fresh design object each run, as every edit makes one.
  const a = time(() => analyze({ ...design }));
  figures.push({ step: 'full analysis', size, ...a });
  const c = time(() => estimateCost({ ...design }));
  figures.push({ step: 'cost', size, ...c });
  // Peak heap while analysing (sampled after each run; gc first when exposed).
  (globalThis as { gc?: () => void }).gc?.();
  let peak = 0;
  for (let i = 0; i < 3; i++) {
    analyze({ ...design });
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  heap.push({ size, mb: peak / 2 ** 20 });
  console.log(`${label}: parse ${p.median.toFixed(1)} ms, analysis ${a.median.toFixed(1)} ms, cost ${c.median.toFixed(1)} ms, heap ${(peak / 2 ** 20).toFixed(0)} MB`);
}
for (const f of benchIncremental([1000, 5000, 10000], RUNS)) figures.push({ step: `incremental: ${f.edit}`, size: f.size, median: f.medianMs, p95: f.p95Ms, note: `${f.analysedItems} nodes+edges analysed again` });
for (const f of benchIncremental([1000, 5000, 10000], RUNS, 'cost')) figures.push({ step: `incremental cost: ${f.edit}`, size: f.size, median: f.medianMs, p95: f.p95Ms, note: `${f.analysedItems} nodes priced again` });

// Whole-process CLI, the installed command (dist-cli, built here first).
const cli: Figure[] = [];
// Built fresh (ensureBundle would keep a stale one): the figures are of this commit's command.
if (spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' }).status !== 0) throw new Error('npm run build:cli failed');
const template = join(root, 'templates/vpc-rds-external-api.design.json');
for (const cmd of ['lint', 'cost']) {
  const t = timeProcess(cmd, [join(root, 'dist-cli/serverless-designer.mjs'), cmd, template], quick ? 7 : 15);
  cli.push({ step: `CLI ${cmd} (one template, whole process)`, size: 0, median: t.medianMs, p95: t.p95Ms });
}

const resultsPath = join(root, 'bench/RESULTS.md');
const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown';
const text = formatResults({
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  node: process.version, cores: cpus().length, load: loadavg()[0]!, commit, runs: RUNS,
  figures: [...figures, ...cli], heap,
}, previous);
writeFileSync(resultsPath, text);
console.log(`\nwrote bench/RESULTS.md (${figures.length + cli.length} figures)`);

// Issue 15 bullet 5: the whole-process time of the `serverless-designer` command, the way a user or
// a CI job sees it (node start-up, module loading, reading the file, the work, printing), for
//  - the installed command: dist-cli/serverless-designer.mjs, the esbuild bundle (`npm run build:cli`),
//  - the TypeScript sources through tsx: bin/serverless-designer.mjs (what every install ran before),
// on `lint` and `cost` of one template, and 25 designs linted one process each vs one process for all.
//
//   npx tsx bench/cli.ts            (20 spawns per figure; `npx tsx bench/cli.ts 40` for 40)
//
// or import { measureCli } from './cli' and print its rows. The bundle is built first when it is
// missing. Timings, never assertions: the machine is shared and noisy, so read medians and p95 together.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from './measure';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'serverless-designer.mjs');
const viaTsx = join(root, 'bin', 'serverless-designer.mjs');

export interface CliTiming { label: string; runs: number; medianMs: number; p95Ms: number }

/** Spawns `node <args>` `runs` times (after one warm-up for the disk cache) and returns the median
 *  and p95 wall time of the whole process. Throws when the command fails to start or crashes (exit ≥ 2). */
export function timeProcess(label: string, args: readonly string[], runs = 20, env: NodeJS.ProcessEnv = process.env): CliTiming {
  const once = () => {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - start;
    if (r.status === null || r.status >= 2) throw new Error(`${label}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    return ms;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  const pick = (q: number) => Number(quantile(times, q).toFixed(1));
  return { label, runs, medianMs: pick(0.5), p95Ms: pick(0.95) };
}

/** Builds the bundle when it is missing (esbuild, scripts/build-cli.mjs). */
export function ensureBundle(): void {
  if (existsSync(bundle)) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:cli failed');
}

/** Every figure of this benchmark: lint and cost of one template and 25 designs, through the bundle
 *  and through tsx. `designs` 25 files are copies of the templates in a temporary folder. */
export function measureCli(runs = 20): CliTiming[] {
  ensureBundle();
  const template = join(root, 'templates', 'rest-api.design.json');
  const dir = mkdtempSync(join(tmpdir(), 'sd-bench-cli-'));
  try {
    const templates = readdirSync(join(root, 'templates')).filter((f) => f.endsWith('.design.json')).sort();
    const designs = join(dir, 'designs');
    mkdirSync(designs);
    const files = Array.from({ length: 25 }, (_, i) => {
      const file = join(designs, `d${String(i).padStart(2, '0')}.design.json`);
      copyFileSync(join(root, 'templates', templates[i % templates.length]!), file);
      return file;
    });
    const rows: CliTiming[] = [];
    // bin/ runs the bundle when it is fresh: SD_CLI_SOURCE=1 makes it run the sources through tsx,
    // as every install did before the bundle.
    const sourceEnv = { ...process.env, SD_CLI_SOURCE: '1' };
    rows.push(timeProcess('node alone (node -e 0)', ['-e', '0'], runs));
    for (const [how, entry, env] of [['bundle', bundle, process.env], ['tsx', viaTsx, sourceEnv]] as const) {
      rows.push(timeProcess(`${how}: lint one template`, [entry, 'lint', template], runs, env));
      rows.push(timeProcess(`${how}: cost one template`, [entry, 'cost', template], runs, env));
      rows.push(timeProcess(`${how}: --help (start-up only)`, [entry, '--help'], runs, env));
      // 25 designs: 25 processes one after the other (a CI loop over files) vs one `lint <folder>`.
      const perFile = Math.max(3, Math.round(runs / 4));
      rows.push(timeProcess(`${how}: lint 25 designs, one run of all`, [entry, 'lint', designs], perFile, env));
      const loop = Array.from({ length: perFile }, () => {
        const start = performance.now();
        for (const f of files) {
          const r = spawnSync(process.execPath, [entry, 'lint', f], { cwd: root, env, stdio: 'ignore' });
          if (r.status === null || r.status >= 2) throw new Error(`lint ${f}: exit ${r.status}`);
        }
        return performance.now() - start;
      }).sort((a, b) => a - b);
      rows.push({ label: `${how}: lint 25 designs, one process each`, runs: perFile, medianMs: Number(loop[Math.floor(loop.length / 2)]!.toFixed(1)), p95Ms: Number(loop[loop.length - 1]!.toFixed(1)) });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv[2] ?? 20);
  console.log(`node ${process.version} — whole-process wall time, ${runs} spawns per figure (25-design figures: ${Math.max(3, Math.round(runs / 4))}), after one warm-up`);
  for (const r of measureCli(runs)) console.log(`${r.label.padEnd(48)} median ${String(r.medianMs).padStart(8)} ms   p95 ${String(r.p95Ms).padStart(8)} ms`);
}

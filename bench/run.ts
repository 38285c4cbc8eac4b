import { analyze } from '../core/analyze';
import { parseDesign, serializeDesign } from '../core/model';
import { compare, estimateCost, sweepMemory, sweepRequests } from '../core/pricing';
import { RULES } from '../core/rules';
import { analyzeReachability, traceRetryPaths } from '../core/semantics';
import { generateDesign } from './generate';
import { measure } from './measure';

console.log(`node ${process.version} — medians of 15 runs after 3 warm-ups\n`);

{
  // Issue 4's figure: reachability on a 1,000-node design with 50 VPC functions.
  const parsed = parseDesign(JSON.stringify(generateDesign(1000, 50)));
  if (!parsed.ok) throw new Error('generated design does not load');
  const edges = analyzeReachability(parsed.design);
  console.log(`— 1000 nodes, 50 VPC functions: ${edges.length} access edges (${edges.filter((e) => e.paths.some((p) => p.subnet)).length} from VPC functions)`);
  measure('reachability, 1000 nodes / 50 VPC functions', () => analyzeReachability({ ...parsed.design }));
  console.log('');
}
for (const size of [100, 1000, 5000]) {
  const text = JSON.stringify(generateDesign(size));
  const parsed = parseDesign(text);
  if (!parsed.ok || parsed.problems.length) throw new Error(`generated design of ${size} nodes does not load cleanly: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const design = parsed.design;
  console.log(`— ${design.nodes.length} nodes, ${design.edges.length} edges, ${(text.length / 1024).toFixed(0)} KB`);
  measure(`parseDesign (${size} nodes)`, () => parseDesign(text));
  measure(`serializeDesign (${size} nodes)`, () => serializeDesign(design));
  // analyze runs on every edit: a fresh design object each time, as an edit produces one.
  measure(`analyze, ${RULES.length} rules + retry paths (${size} nodes)`, () => analyze({ ...design }));
  measure(`  of which traceRetryPaths (${size} nodes)`, () => traceRetryPaths({ ...design }));
  measure(`  of which reachability (${size} nodes)`, () => analyzeReachability({ ...design }));
  measure(`estimateCost, expected profile (${size} nodes)`, () => estimateCost({ ...design }));
  if (size <= 1000) {
    // Issue 10: the Compare tab — two sides estimated and compared, the cost-vs-requests sweep of two
    // designs and a function's memory sweep (computed on demand when the tab or a side changes).
    const b = { ...design, region: 'eu-west-1' };
    const fn = design.nodes.find((n) => n.kind === 'lambda');
    measure(`compare us-east-1 vs eu-west-1 (${size} nodes)`, () => compare(estimateCost({ ...design }), estimateCost(b)));
    measure(`sweepRequests, two designs (${size} nodes)`, () => sweepRequests([{ ...design }, b]));
    if (fn) measure(`sweepMemory, one function (${size} nodes)`, () => sweepMemory({ ...design }, fn.id));
  }
}

// Issue 9: IaC export of 1,000 nodes, corpus import, hostile template text (also `npx tsx bench/iac.ts` alone).
console.log('');
await import('./iac');

// Issue 11: auto-layout of 100 and 1,000 nodes (also `npx tsx bench/layout.ts` alone).
console.log('');
await import('./layout');

// Issue 11: edge routing around node boxes, 100 and 1,000 nodes (also `npx tsx bench/route.ts` alone).
console.log('');
await import('./route');

// Issue 12: the model-drawn diagram of 200 nodes, and its PNG (also `npx tsx bench/diagram.ts` alone).
console.log('');
await import('./diagram');

// Issue 13: pathological shapes, shape × command against the 2 s budget (also `npx tsx bench/shapes.ts`).
console.log('');
await (await import('./shapes')).benchShapes();

// Issue 15: bench/RESULTS.md (median/p95 of parse, analysis, cost, incremental at 100–10,000 nodes, heap,
// whole-process CLI, each target met or missed). A child process of its own, with --expose-gc, so its
// heap figures do not carry what the benchmarks above left behind; `npm run bench -- --quick` passes on.
{
  const { spawnSync } = await import('node:child_process');
  const { join } = await import('node:path');
  const args = ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'results.ts'), ...process.argv.slice(2).filter((a) => a === '--quick')];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}

import { describe, expect, it } from 'vitest';
import { asyncChain, cycle, fanIn, fanOut, fanOutWithDlqs, nested, parallelEdges, parentChain, subnets } from '../../../bench/shapes';
import { retryPathsCommand, TEXT_PATHS_SHOWN } from '../../../cli/commands/retryPaths';
import { analyze, type Analysis } from '../../../core/analyze';
import { parseDesign, type Design } from '../../../core/model';
import { estimateCost } from '../../../core/pricing';
import { analyzeReachability, RETRY_PATHS_SHOWN, RETRY_TRACE_LIMIT, traceRetryPathsCapped, type RetryTrace } from '../../../core/semantics';

/* Issue 13, build 2: lint, cost, reach and retry-paths on pathological shapes of up to 10,000
 * functions run in-process to the end (a generous timeout per test: a hang or a quadratic blow-up
 * fails it; speed itself is measured in bench/shapes.ts), and their output is bounded and right for
 * the shape. */
const BOUND = { timeout: 20_000 };

function load(doc: Record<string, unknown>): { design: Design; problems: number } {
  const parsed = parseDesign(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return { design: parsed.design, problems: parsed.problems.length };
}

/** Every command the CLI runs on a design, through the same core functions. */
function runAll(design: Design): { analysis: Analysis; trace: RetryTrace; reach: ReturnType<typeof analyzeReachability>; total: number } {
  const analysis = analyze(design);
  const cost = estimateCost(design);
  const total = Number(cost.monthlyTotal.toString());
  return { analysis, trace: traceRetryPathsCapped(design, RETRY_PATHS_SHOWN), reach: analyzeReachability(design), total };
}

/** No finding twice: one rule, one target, one message. */
function expectDistinct(analysis: Analysis) {
  const keys = analysis.findings.map((f) => `${f.ruleId} ${f.target.id} ${f.message}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const f of analysis.findings) expect(f.message.length).toBeLessThan(2_000);
}

/** The trace says how many paths it left out, and each shown path is distinct and at most 13 hops. */
function expectBoundedTrace(trace: RetryTrace) {
  expect(trace.paths.length).toBeLessThanOrEqual(RETRY_PATHS_SHOWN);
  expect(new Set(trace.paths.map((p) => p.id)).size).toBe(trace.paths.length);
  for (const p of trace.paths) expect(p.hops.length).toBeLessThanOrEqual(13);
  if (trace.omitted > 0) expect(trace.paths).toHaveLength(RETRY_PATHS_SHOWN);
}

/** retry-paths as the CLI prints it, in-process, reading `doc` as the file. */
async function retryPathsText(doc: Record<string, unknown>, format: 'text' | 'json' = 'text'): Promise<string> {
  let out = '';
  const code = await retryPathsCommand.run(['shape.design.json', '--format', format], { out: (t) => (out += t), err: (t) => { throw new Error(t); }, readText: async () => JSON.stringify(doc) });
  expect(code).toBe(0);
  return out;
}

describe('pathological shapes (issue 13)', () => {
  it('an async chain of 10,000 functions: no recursive loop, paths cut after 13 hops and counted', BOUND, () => {
    const { design } = load(asyncChain(10_000));
    const { analysis, trace, reach, total } = runAll(design);
    expectDistinct(analysis);
    expect(analysis.findings.filter((f) => f.ruleId === 'INV-14')).toEqual([]);
    expectBoundedTrace(trace);
    // ~770 stretches of up to 13 functions: each ends where it goes on, none claims a loop.
    expect(trace.paths.length).toBeGreaterThan(700);
    expect(trace.paths.every((p) => !p.loopsBackTo)).toBe(true);
    expect(trace.paths.filter((p) => p.continuesTo).length).toBeGreaterThan(700);
    // Invokes of functions outside any VPC reach the Lambda API.
    expect(reach).toHaveLength(9_999);
    expect(reach.every((r) => r.reachable === 'yes')).toBe(true);
    expect(Number.isFinite(total) && total > 0).toBe(true);
  });

  it('a cycle of 10,000 functions through one queue is one recursive loop that names its size', BOUND, () => {
    const { design } = load(cycle(10_000));
    const { analysis, trace } = runAll(design);
    expectDistinct(analysis);
    const loops = analysis.findings.filter((f) => f.ruleId === 'INV-14');
    expect(loops).toHaveLength(1);
    expect(loops[0].message).toContain('"f0" → "f1"');
    expect(loops[0].message).toContain('"f9999" → "loop" → "f0" (10,001 steps)');
    expect(loops[0].message.length).toBeLessThan(600);
    expectBoundedTrace(trace);
  });

  it('a queue feeding 10,000 functions that each write back to it: one recursive-loop finding that counts the others', BOUND, () => {
    const nodes: object[] = [{ id: 'q', kind: 'sqsQueue', name: 'q' }];
    const edges: object[] = [];
    for (let i = 0; i < 10_000; i++) {
      nodes.push({ id: `f${i}`, kind: 'lambda', name: `f${i}` });
      edges.push({ id: `t${i}`, kind: 'trigger', from: 'q', to: `f${i}` }, { id: `w${i}`, kind: 'access', from: `f${i}`, to: 'q', props: { mode: 'write' } });
    }
    const { design } = load({ format: 'serverless-design', schemaVersion: 2, name: 'star', region: 'us-east-1', nodes, edges });
    const loops = analyze(design).findings.filter((f) => f.ruleId === 'INV-14');
    expect(loops).toHaveLength(1);
    expect(loops[0].target.id).toBe('w0');
    expect(loops[0].message).toMatch(/^Recursive loop "f0" → "q" → "f0": /);
    expect(loops[0].message).toContain('"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9" and 9,990 others are caught in loops through the same resources too.');
  });

  it('a fan-out of 10,000: 10,000 distinct paths, 1,000 kept and 9,000 counted; the CLI prints 200 and the rest as a count', BOUND, async () => {
    const doc = fanOut(10_000);
    const { design } = load(doc);
    const { analysis, trace } = runAll(design);
    expectDistinct(analysis);
    expect(trace.paths).toHaveLength(RETRY_PATHS_SHOWN);
    expect(trace.omitted).toBe(10_000 - RETRY_PATHS_SHOWN);
    expect(trace.truncated).toBe(false);
    expect(analysis.retryPaths).toHaveLength(RETRY_PATHS_SHOWN);
    expect(analysis.retryPathsOmitted).toBe(9_000);
    // The canvas still knows the hop of every subscription, shown path or not.
    expect(analysis.retryHops).toHaveLength(10_000);
    // Every function lacks an on-failure destination: one finding each, no more.
    expect(analysis.findings.filter((f) => f.ruleId === 'RETRY-01')).toHaveLength(10_000);

    const text = await retryPathsText(doc);
    expect(text.match(/^Path \d+:/gm)).toHaveLength(TEXT_PATHS_SHOWN);
    expect(text.trimEnd().split('\n').at(-1)).toBe(`… and 9,800 more paths not shown (--format json lists up to 1,000).`);
    expect(text.length).toBeLessThan(500_000);
    const json = JSON.parse(await retryPathsText(doc, 'json')) as { paths: unknown[]; omittedPaths: number; truncated: boolean };
    expect(json.paths).toHaveLength(1_000);
    expect(json.omittedPaths).toBe(9_000);
    expect(json.truncated).toBe(false);
  });

  it('a lattice whose paths multiply (20 layers of two functions, each invoking both of the next): the printed paths stay in proportion to the design, the rest counted', BOUND, async () => {
    // Found by the fuzz suite: 1,000 paths × 13 hops, each hop printed in full, was 10.7 MB of JSON
    // from 18 KB of design (about 900 times); with 1 KB names, 48 MB.
    const nodes: Record<string, unknown>[] = [{ id: 'q', kind: 'sqsQueue', name: 'Entry queue' }];
    const edges: Record<string, unknown>[] = [];
    const name = (layer: number, i: number) => `Layer ${layer} function ${i} ${'x'.repeat(1000)}`;
    for (let layer = 0; layer < 20; layer++) for (let i = 0; i < 2; i++) nodes.push({ id: `f${layer}-${i}`, kind: 'lambda', name: name(layer, i) });
    edges.push({ id: 'e-q', from: 'q', to: 'f0-0', kind: 'trigger' });
    for (let layer = 0; layer < 19; layer++) for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) edges.push({ id: `e${layer}-${i}-${j}`, from: `f${layer}-${i}`, to: `f${layer + 1}-${j}`, kind: 'invoke', props: { mode: 'async' } });
    const doc = { format: 'serverless-design', schemaVersion: 2, name: 'Lattice', region: 'us-east-1', nodes, edges };
    const input = JSON.stringify(doc).length;
    const json = await retryPathsText(doc, 'json');
    const parsed = JSON.parse(json) as { paths: unknown[]; omittedPaths: number; omittedForSize: number };
    expect(parsed.paths.length).toBeGreaterThan(0);
    expect(parsed.omittedForSize).toBeGreaterThan(0);
    expect(parsed.omittedPaths).toBeGreaterThanOrEqual(parsed.omittedForSize);
    expect(json.length).toBeLessThan(50 * input + 1_000_000);
    const text = await retryPathsText(doc);
    expect(text.length).toBeLessThan(50 * input + 1_000_000);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^… and [\d,]+ more paths not shown; [\d,]+ of them to keep the output in proportion to the design\.$/);
  });

  it('a fan-out of 10,000 with a DLQ per subscription: each hop names its own subscription DLQ', BOUND, () => {
    const { design } = load(fanOutWithDlqs(10_000));
    const { analysis, trace } = runAll(design);
    expectDistinct(analysis);
    expect(trace.paths.length + trace.omitted).toBe(10_000);
    expect(trace.paths.every((p) => p.hops[0].delivery?.dlq?.name === 'dlq')).toBe(true);
    expect(analysis.retryHops.every((h) => h.delivery?.dlq?.name === 'dlq')).toBe(true);
  });

  it('a fan-in of 10,000 functions into one queue: a path per function, each of two hops', BOUND, () => {
    const { design } = load(fanIn(10_000));
    const { analysis, trace, reach } = runAll(design);
    expectDistinct(analysis);
    expect(trace.paths.length + trace.omitted).toBe(10_000);
    expect(trace.paths.every((p) => p.hops.length === 2 && p.hops[1].function.name === 'consumer')).toBe(true);
    expectBoundedTrace(trace);
    expect(reach).toHaveLength(10_000);
    expect(analysis.findings.filter((f) => f.ruleId === 'INV-14')).toEqual([]);
  });

  it('5,000 subnets with 5,000 functions, each with its own security group: every path works, no overlap', BOUND, () => {
    const { design } = load(subnets(5_000));
    const { analysis, reach } = runAll(design);
    expectDistinct(analysis);
    expect(reach).toHaveLength(10_000);
    expect(reach.filter((r) => r.reachable !== 'yes').map((r) => `${r.from.name} → ${r.to.name}: ${r.reason}`)).toEqual([]);
    for (const id of ['NET-18', 'NET-19', 'NET-06', 'NET-07', 'NET-01']) expect(analysis.findings.filter((f) => f.ruleId === id)).toEqual([]);
    // One AZ per function (NET-11): a finding each.
    expect(analysis.findings.filter((f) => f.ruleId === 'NET-11')).toHaveLength(5_000);
  });

  it('5,000 subnets sharing one block: each overlaps all earlier ones, named ten at most', BOUND, () => {
    const doc = subnets(1_000);
    for (const n of doc.nodes as { kind: string; id: string; props: { cidr?: string } }[]) if (n.kind === 'subnet' && n.id.startsWith('subnet')) n.props.cidr = '10.0.1.0/24';
    const { design } = load(doc);
    const overlaps = analyze(design).findings.filter((f) => f.ruleId === 'NET-18');
    expect(overlaps).toHaveLength(999);
    const last = overlaps.find((f) => f.target.name === 'subnet999')!;
    expect(last.message).toContain('overlaps 999 subnets ("subnet0" (10.0.1.0/24), "subnet1" (10.0.1.0/24)');
    expect(last.message.length).toBeLessThan(1_000);
  });

  it('1,000 parallel edges between two functions (and 1,000 more to a queue) are one path; different settings are another', BOUND, () => {
    const doc = parallelEdges(1_000);
    const { design } = load(doc);
    const { analysis, trace } = runAll(design);
    expectDistinct(analysis);
    expect(trace.paths.map((p) => p.hops.map((h) => `${h.source.name}→${h.function.name}`).join(' '))).toEqual(['api→a a→b queue→c']);
    expect(trace.omitted).toBe(0);
    // Half the invokes made synchronous: a second, different path through b.
    (doc.edges as { kind: string; props: Record<string, unknown> }[]).filter((e) => e.kind === 'invoke').slice(0, 500).forEach((e) => (e.props.mode = 'sync'));
    const mixed = traceRetryPathsCapped(load(doc).design, RETRY_PATHS_SHOWN);
    expect(mixed.paths.map((p) => p.hops[1].model).sort()).toEqual(['async', 'sync']);
  });

  it('a lattice whose paths grow exponentially stops tracing at 20,000 and says so', BOUND, async () => {
    // 14 layers of 3 functions, each calling all 3 of the next layer: 3^12 paths from the queue alone.
    const nodes: object[] = [{ id: 'q', kind: 'sqsQueue', name: 'q' }];
    const edges: object[] = [];
    for (let layer = 0; layer < 14; layer++) {
      for (let k = 0; k < 3; k++) {
        nodes.push({ id: `l${layer}-${k}`, kind: 'lambda', name: `l${layer}-${k}` });
        if (layer === 0) edges.push({ id: `q-${k}`, kind: 'trigger', from: 'q', to: `l0-${k}` });
        else for (let j = 0; j < 3; j++) edges.push({ id: `e${layer}-${j}-${k}`, kind: 'invoke', from: `l${layer - 1}-${j}`, to: `l${layer}-${k}`, props: { mode: 'async' } });
      }
    }
    const doc = { format: 'serverless-design', schemaVersion: 2, name: 'lattice', region: 'us-east-1', nodes, edges };
    const trace = traceRetryPathsCapped(load(doc).design, RETRY_PATHS_SHOWN);
    expect(trace.truncated).toBe(true);
    expect(trace.paths.length + trace.omitted).toBe(RETRY_TRACE_LIMIT);
    expectBoundedTrace(trace);
    const text = await retryPathsText(doc);
    // Text shows up to 200 paths, fewer when they would pass the output budget (retryOutput.ts).
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^… and at least 19,8\d\d more paths not shown; (\d+ of them to keep the output in proportion to the design; )?tracing stops after 20,000 distinct paths\.$/);
  });

  it('containment as deep as the model allows (VPC › subnet › NAT gateway, bus › rule), 1,000 times over', BOUND, () => {
    const { design, problems } = load(nested(1_000));
    expect(problems).toBe(0);
    const { analysis, trace, reach } = runAll(design);
    expectDistinct(analysis);
    expectBoundedTrace(trace);
    // Each function reaches its own bus through its VPC's NAT gateway.
    expect(reach).toHaveLength(1_000);
    expect(reach.every((r) => r.reachable === 'yes' && r.paths[0].via === 'nat')).toBe(true);
  });

  it('10,000 subnets nested in each other load with a problem each and are analysed without following the chain', BOUND, () => {
    const { design, problems } = load(parentChain(10_000));
    expect(problems).toBe(9_999);
    const { analysis, reach } = runAll(design);
    expectDistinct(analysis);
    expect(reach).toEqual([]);
  });
});

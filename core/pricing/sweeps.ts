import { boundedForAnalysis } from '../model/bounded';
import { withoutRefusedEdges } from '../model/setAside';
import { own } from '../model/own';
import type { Design, DesignNode, NodeUsage } from '../model/design';
import { analyzeReachability } from '../semantics';
import { estimateCost, type CostReport } from './estimate';
import { type Dec, sum } from './money';

export interface SweepOptions {
  /** Usage profile; defaults to each design's active profile. */
  profile?: string;
  region?: string;
  freeTier?: boolean;
  /** Hours a month (730 unless 720 is asked for), as estimateCost. */
  hoursPerMonth?: 720 | 730;
}

/** The design with one profile's node usage changed by `change` (a new value, the input untouched). */
function withUsage(design: Design, profile: string, change: (id: string, u: NodeUsage) => NodeUsage, nodes: Design['nodes'] = design.nodes): Design {
  const p = own(design.usage.profiles, profile)!;
  const ids = new Set([...Object.keys(p.nodes), ...nodes.map((n) => n.id)]);
  const usage = Object.fromEntries([...ids].map((id) => [id, change(id, own(p.nodes, id) ?? {})]).filter(([, u]) => Object.keys(u as NodeUsage).length));
  return { ...design, nodes, usage: { ...design.usage, profiles: { ...design.usage.profiles, [profile]: { ...p, nodes: usage } } } };
}

function profileOf(design: Design, profile: string | undefined): string {
  const name = profile ?? design.usage.active;
  if (!name || !own(design.usage.profiles, name)) throw new Error(`"${design.name}" has no usage profile ${name ? `"${name}"` : '(no active profile)'} to sweep`);
  return name;
}

/** Requests a month entered at the design's sources (every node with requestsPerMonth) in a profile. */
export function enteredRequests(design: Design, profile: string): number {
  return Object.values(own(design.usage.profiles, profile)?.nodes ?? {}).reduce((t, u) => t + (u.requestsPerMonth ?? 0), 0);
}

/** Every source's requestsPerMonth in `profile` multiplied by `factor` (durations, payloads, storage
 *  and data out are left as entered). */
export function scaleRequests(design: Design, factor: number, profile: string): Design {
  return withUsage(design, profile, (_id, u) => (u.requestsPerMonth === undefined ? u : { ...u, requestsPerMonth: u.requestsPerMonth * factor }));
}

export interface RequestSweepPoint {
  /** Requests a month entered over all sources, the x axis (log scale). */
  requestsPerMonth: number;
  /** Monthly total of each design at that volume, in the order given. */
  monthly: Dec[];
}

export interface Crossing {
  /** Where the two designs cost the same (to within one request a month). */
  requestsPerMonth: number;
  monthly: Dec;
  /** Index (0 or 1) of the design that is cheaper below and above this volume. */
  cheaperBelow: number;
  cheaperAbove: number;
}

export interface RequestSweep {
  points: RequestSweepPoint[];
  crossings: Crossing[];
}

/** Monthly cost against monthly requests on a log scale, for one or two designs. At each volume R
 *  every source of a design is scaled by R / (its entered requests), so the designs keep their own
 *  mix of sources and share the x axis. With two designs, `crossings` lists where the cheaper one
 *  changes, found by bisection between the sampled points. */
export function sweepRequests(designs: readonly Design[], options: SweepOptions & { fromRequests?: number; toRequests?: number; pointsPerDecade?: number } = {}): RequestSweep {
  if (designs.length < 1 || designs.length > 2) throw new Error('sweepRequests: give one or two designs');
  const from = options.fromRequests ?? 1_000;
  const to = options.toRequests ?? 1_000_000_000;
  const perDecade = options.pointsPerDecade ?? 4;
  if (!(from > 0 && to > from && perDecade >= 1)) throw new Error('sweepRequests: need 0 < fromRequests < toRequests and pointsPerDecade ≥ 1');
  const costAt = designs.map((input) => {
    const design = withoutRefusedEdges(boundedForAnalysis(input));
    const profile = profileOf(design, options.profile);
    const base = enteredRequests(design, profile);
    if (!(base > 0)) throw new Error(`"${design.name}" has no requestsPerMonth entered in profile "${profile}": nothing to scale`);
    const reachability = analyzeReachability(design);
    return (requests: number): Dec => estimateCost(scaleRequests(design, requests / base, profile), { profile, region: options.region, freeTier: options.freeTier, hoursPerMonth: options.hoursPerMonth, reachability }).monthlyTotal;
  });
  const costs = (requests: number) => costAt.map((f) => f(requests));

  const lo = Math.log10(from);
  const steps = Math.ceil((Math.log10(to) - lo) * perDecade - 1e-9);
  const xs = Array.from({ length: steps + 1 }, (_, i) => (i === steps ? to : Math.round(10 ** (lo + i / perDecade))));
  const points = xs.map((requestsPerMonth) => ({ requestsPerMonth, monthly: costs(requestsPerMonth) }));

  const crossings: Crossing[] = [];
  if (designs.length === 2) {
    const sign = (m: Dec[]) => m[1].comparedTo(m[0]);
    let last = -1;
    points.forEach((p, i) => {
      const s = sign(p.monthly);
      if (s === 0) return;
      if (last >= 0 && sign(points[last].monthly) !== s) crossings.push(bisect(points[last], p, (r) => sign(costs(r)), costs));
      last = i;
    });
  }
  return { points, crossings };
}

/** The volume between two sampled points where the cheaper design changes. */
function bisect(below: RequestSweepPoint, above: RequestSweepPoint, sign: (r: number) => number, costs: (r: number) => Dec[]): Crossing {
  const low = below.monthly[1].comparedTo(below.monthly[0]);
  let a = below.requestsPerMonth;
  let b = above.requestsPerMonth;
  for (let i = 0; i < 200 && b - a > 1; i++) {
    const mid = Math.round(Math.sqrt(a * b));
    if (mid <= a || mid >= b) break;
    if (sign(mid) === low) a = mid; else b = mid;
  }
  const at = costs(b);
  return { requestsPerMonth: b, monthly: at[0], cheaperBelow: low < 0 ? 1 : 0, cheaperAbove: low < 0 ? 0 : 1 };
}

/** Memory sizes of the sweep: Lambda's range 128 MB … 10,240 MB (pricing.md §1), with 1,769 MB. */
export const LAMBDA_MEMORY_SIZES_MB: readonly number[] = [128, 256, 512, 768, 1024, 1536, 1769, 2048, 3008, 4096, 5120, 6144, 7168, 8192, 9216, 10240];

/** "At 1,769 MB, a function has the equivalent of one vCPU" (Lambda docs, memory configuration);
 *  CPU grows in proportion to memory. */
export const MB_PER_VCPU = 1769;

export interface MemoryPoint {
  memoryMb: number;
  /** Modelled average duration; billing rounds it up to 1 ms. */
  durationMs: number;
  /** The function's own monthly lines (requests, duration, …) at this size. */
  monthly: Dec;
  /** The whole design's monthly total at this size. */
  designMonthly: Dec;
}

export interface MemorySweep {
  functionId: string;
  baseMemoryMb: number;
  baseDurationMs: number;
  parallelism: number;
  points: MemoryPoint[];
  /** Lowest monthly cost (the faster on a tie). */
  cheapest: MemoryPoint;
  /** Shortest duration (the cheaper on a tie). */
  fastest: MemoryPoint;
}

/** Duration at `memoryMb` for a CPU-bound function measured at `baseMb` taking `baseMs`, as AWS
 *  Lambda Power Tuning measures it: duration scales with the vCPU share (memory / 1,769 MB) while
 *  the function can use it — up to `parallelism` threads — and is flat beyond:
 *  d(m) = d0 × min(cpu(m0), P) / min(cpu(m), P). */
export function modelledDurationMs(baseMs: number, baseMb: number, memoryMb: number, parallelism = 1): number {
  // In MB rather than vCPUs, so that sizes in exact ratios give exact durations (128 MB from
  // 100 ms at 1,024 MB is 800 ms, not 800.0000001 billed as 801).
  const usable = (mb: number) => Math.min(mb, parallelism * MB_PER_VCPU);
  return (baseMs * usable(baseMb)) / usable(memoryMb);
}

/** Lambda memory sweep for one function: cost and duration per memory size (duration from
 *  modelledDurationMs, the entered avgDurationMs at the configured memory as the base), and the
 *  cheapest and fastest sizes. */
export function sweepMemory(input: Design, functionId: string, options: SweepOptions & { parallelism?: number; sizesMb?: readonly number[] } = {}): MemorySweep {
  const design = withoutRefusedEdges(boundedForAnalysis(input));
  const fn = design.nodes.find((n): n is Extract<DesignNode, { kind: 'lambda' }> => n.id === functionId && n.kind === 'lambda');
  if (!fn) throw new Error(`sweepMemory: no Lambda function "${functionId}" in "${design.name}"`);
  const profile = profileOf(design, options.profile);
  const baseMs = own(own(design.usage.profiles, profile)?.nodes, functionId)?.avgDurationMs;
  if (!baseMs) throw new Error(`sweepMemory: "${fn.name}" has no avgDurationMs in profile "${profile}"`);
  const parallelism = options.parallelism ?? 1;
  if (!(parallelism > 0)) throw new Error('sweepMemory: parallelism must be positive');
  const sizes = options.sizesMb ?? LAMBDA_MEMORY_SIZES_MB;
  const bad = sizes.find((m) => !Number.isInteger(m) || m < 128 || m > 10240);
  if (bad !== undefined) throw new Error(`sweepMemory: ${bad} MB is outside Lambda's 128–10,240 MB`);
  const reachability = analyzeReachability(design);
  const points = sizes.map((memoryMb): MemoryPoint => {
    const durationMs = modelledDurationMs(baseMs, fn.props.memoryMb, memoryMb, parallelism);
    const nodes = design.nodes.map((n) => (n === fn ? { ...fn, props: { ...fn.props, memoryMb } } : n));
    const variant = withUsage(design, profile, (id, u) => (id === functionId ? { ...u, avgDurationMs: durationMs } : u), nodes);
    const report: CostReport = estimateCost(variant, { profile, region: options.region, freeTier: options.freeTier, hoursPerMonth: options.hoursPerMonth, reachability });
    return { memoryMb, durationMs, monthly: sum(report.components.filter((c) => c.node === functionId).map((c) => c.monthly)), designMonthly: report.monthlyTotal };
  });
  const best = (better: (p: MemoryPoint, q: MemoryPoint) => boolean) => points.reduce((b, p) => (better(p, b) ? p : b), points[0]);
  const cheapest = best((p, q) => p.monthly.lt(q.monthly) || (p.monthly.eq(q.monthly) && p.durationMs < q.durationMs));
  const fastest = best((p, q) => p.durationMs < q.durationMs || (p.durationMs === q.durationMs && p.monthly.lt(q.monthly)));
  return { functionId, baseMemoryMb: fn.props.memoryMb, baseDurationMs: baseMs, parallelism, points, cheapest, fastest };
}

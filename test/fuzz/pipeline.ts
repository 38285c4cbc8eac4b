// The fuzz pipeline (issue 13, bullet 4): one input through everything a user's file meets in
// process — parse/validate (parseDesign or restoreDesign), save (serializeDesign), lint (analyze + rules), cost (every
// profile × a few Regions, every alternative), reach (analyzeReachability) and retry paths
// (retryPathsForOutput: what `retry-paths --format json` prints). It never decides pass/fail itself: it reports what
// happened (a throw is captured with its stack) so the property can name the seed and the case.
import { analyze } from '../../core/analyze';
import { renderDiagram } from '../../core/diagram';
import { exportCdk } from '../../core/iac/cdk';
import { exportSam } from '../../core/iac/sam';
import { alternativeNames, designOfAlternative } from '../../core/commands/alternatives';
import { parseDesign, restoreDesign, serializeDesign, type Design, type ParseResult } from '../../core/model';
import { estimateCost, SUPPORTED_REGIONS } from '../../core/pricing';
import { analyzeReachability, retryPathsForOutput } from '../../core/semantics';

/**
 * One case: JSON text (parseDesign) or a JS object (restoreDesign, as IPC and paste hand it over).
 * `deepAt` puts a `depth`-deep structure at `path` of the object before the clock starts: built here
 * because structured clone (postMessage, and IPC in the app) overflows on 10,000 levels itself.
 */
export type Input = { text: string } | { object: unknown; deepAt?: { path: (string | number)[]; depth: number; shape: 'objects' | 'arrays' } };

function withDeep(object: unknown, { path, depth, shape }: NonNullable<Extract<Input, { object: unknown }>['deepAt']>): unknown {
  let deep: unknown = 1;
  for (let i = 0; i < depth; i++) deep = shape === 'arrays' ? [deep] : { a: deep };
  if (!path.length) return deep;
  let node = object as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = deep;
  return object;
}

export interface Outcome {
  /** The stage that threw and what it threw; undefined when every stage returned. */
  crash?: { stage: string; error: string };
  /** Wall time of the whole case, the harness's output measuring (JSON.stringify) included. */
  ms: number;
  /** The step a user would wait on longest (parse, lint, one cost estimate, reach, retry paths) and its
   *  time without the measuring: the "a result or a clear error within 1 s" is checked on it. */
  slowest: { stage: string; ms: number };
  /** JSON length of everything the steps returned. */
  outputChars: number;
  /** The step with the largest output and its JSON length (the unbounded-output check is per step,
   *  like the time budget: a case prices every profile × 3 Regions, a user asks for one). */
  largest: { stage: string; chars: number };
  parsed: boolean;
}

const MORE = typeof process !== 'undefined' && Boolean(process.env.SD_FUZZ_MORE);

/** Regions priced per case: the design's own, one with a catalog and one without (the "no price in" path). */
const REGIONS = [undefined, SUPPORTED_REGIONS[0], 'xx-nowhere-1'] as const;

function size(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch (e) {
    throw new Error(`result is not serialisable: ${String(e)}`, { cause: e });
  }
}

function stagesOf(design: Design): [string, () => unknown][] {
  const stages: [string, () => unknown][] = [
    // What lint prints (findings, suppressed, set-aside edges). The analysis object also holds up to
    // 1,000 retry paths whose hops are shared in memory (and by structured clone); JSON.stringify
    // would print each hop once per path, which no output does: the retry-paths step measures what
    // `retry-paths` prints.
    ['analyze', () => {
      const { findings, suppressed, setAside, retryPaths } = analyze(design);
      return { findings, suppressed, setAside, retryPaths: retryPaths.length };
    }],
    ['reach', () => analyzeReachability(design)],
    ['retry-paths', () => retryPathsForOutput(design)],
    // What Save, autosave and copy do with a loaded design (JSON.stringify: recursive).
    ['save', () => serializeDesign(design)],
  ];
  // SD_FUZZ_MORE=1: the SAM and CDK exports too (not in the default run: time; not in the list).
  if (MORE) stages.push(['export sam', () => exportSam(design)], ['export cdk', () => exportCdk(design)]);
  const profiles = Object.keys(design.usage.profiles);
  for (const alt of alternativeNames(design)) {
    const variant = designOfAlternative(design, alt);
    if (!variant) {
      stages.push([`alternative ${JSON.stringify(alt)}`, () => { throw new Error(`alternative ${JSON.stringify(alt)} is listed but not found`); }]);
      continue;
    }
    for (const profile of [undefined, ...profiles]) {
      for (const region of REGIONS) {
        stages.push([`cost alt=${JSON.stringify(alt)} profile=${JSON.stringify(profile)} region=${String(region)}`,
          () => estimateCost(variant, { profile, region })]);
      }
    }
  }
  return stages;
}

export function runPipeline(input: Input): Outcome {
  if ('object' in input && input.deepAt) input = { object: withDeep(input.object, input.deepAt) };
  const start = performance.now();
  let outputChars = 0;
  let slowest = { stage: 'parse', ms: 0 };
  let largest = { stage: 'parse', chars: 0 };
  const done = (crash?: Outcome['crash'], parsed = false): Outcome => ({ crash, ms: performance.now() - start, slowest, outputChars, largest, parsed });
  /** Runs one step, timing it apart from measuring its output. */
  const step = <T>(stage: string, run: () => T, measured: (out: T) => unknown = (out) => out): T => {
    const t = performance.now();
    const out = run();
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { stage, ms };
    const chars = size(measured(out));
    outputChars += chars;
    if (chars > largest.chars) largest = { stage, chars };
    return out;
  };
  let result: ParseResult;
  try {
    // Parse's output measured is its problems: the design is the input itself, kept as written
    // (a 10,000-deep value in props would overflow JSON.stringify here — see the fuzz report).
    result = step('parse', () => ('text' in input ? parseDesign(input.text) : restoreDesign(input.object)), (r) => r.problems);
  } catch (e) {
    return done({ stage: 'parse', error: errorText(e) });
  }
  if (!result.ok) return done(undefined, false);
  let stages: [string, () => unknown][];
  try {
    stages = stagesOf(result.design);
  } catch (e) {
    return done({ stage: 'list profiles/alternatives', error: errorText(e) }, true);
  }
  for (const [stage, run] of stages) {
    try {
      step(stage, run);
    } catch (e) {
      return done({ stage, error: errorText(e) }, true);
    }
  }
  return done(undefined, true);
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(e);
}

/** The input's size in characters, for the output bound. */
export const inputChars = (input: Input): number => ('text' in input ? input.text.length : safeSize(input.object));
function safeSize(v: unknown): number {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return 0;
  }
}

/** The case again with the diagram drawn (core/diagram: placement, routing, labels — what the canvas
 *  export and `diagram` run); async, so not in every fuzz case: the regression rows ask for it. */
export async function runPipelineWithDiagram(input: Input): Promise<Outcome> {
  const outcome = runPipeline(input);
  if (outcome.crash || !outcome.parsed) return outcome;
  const result = 'text' in input ? parseDesign(input.text) : restoreDesign(input.object);
  if (!result.ok) return outcome;
  const t = performance.now();
  try {
    const { svg } = await renderDiagram(result.design);
    const ms = performance.now() - t;
    const slowest = ms > outcome.slowest.ms ? { stage: 'diagram', ms } : outcome.slowest;
    const largest = svg.length > outcome.largest.chars ? { stage: 'diagram', chars: svg.length } : outcome.largest;
    return { ...outcome, ms: outcome.ms + ms, slowest, largest, outputChars: outcome.outputChars + svg.length };
  } catch (e) {
    return { ...outcome, crash: { stage: 'diagram', error: errorText(e) } };
  }
}

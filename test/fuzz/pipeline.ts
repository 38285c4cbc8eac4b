// The fuzz pipeline (issue 13, bullet 4): one input through everything a user's file meets in
// process — parse/validate (parseDesign or restoreDesign), lint (analyze + rules), cost (every
// profile × a few Regions, every alternative), reach (analyzeReachability) and retry paths
// (traceRetryPathsCapped, as the CLI calls it). It never decides pass/fail itself: it reports what
// happened (a throw is captured with its stack) so the property can name the seed and the case.
import { analyze } from '../../core/analyze';
import { alternativeNames, designOfAlternative } from '../../core/commands/alternatives';
import { parseDesign, restoreDesign, type Design, type ParseResult } from '../../core/model';
import { estimateCost, SUPPORTED_REGIONS } from '../../core/pricing';
import { analyzeReachability, RETRY_PATHS_SHOWN, traceRetryPathsCapped } from '../../core/semantics';

export type Input = { text: string } | { object: unknown };

export interface Outcome {
  /** The stage that threw and what it threw; undefined when every stage returned. */
  crash?: { stage: string; error: string };
  ms: number;
  /** JSON length of everything the stages returned (the unbounded-output check). */
  outputChars: number;
  parsed: boolean;
}

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
    ['analyze', () => analyze(design)],
    ['reach', () => analyzeReachability(design)],
    ['retry-paths', () => traceRetryPathsCapped(design, RETRY_PATHS_SHOWN)],
  ];
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
  const start = performance.now();
  let outputChars = 0;
  const done = (crash?: Outcome['crash'], parsed = false): Outcome => ({ crash, ms: performance.now() - start, outputChars, parsed });
  let result: ParseResult;
  try {
    result = 'text' in input ? parseDesign(input.text) : restoreDesign(input.object);
    outputChars += size(result.problems);
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
      outputChars += size(run());
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

import type { Design } from '../model/design';
import { RETRY_PATHS_SHOWN, traceRetryPathsCapped, type RetryPath } from './retryPaths';

/** What `retry-paths` prints (text or JSON) at most, in characters of compact JSON: half a million
 *  plus ten per character of the design. Paths repeat their hops in full (in memory they are
 *  shared), so 1,000 paths × 13 hops of a small lattice design printed 10.7 MB — 900 times the
 *  input, and more with long names (fuzz suite, issue 13). The budget keeps the output linear in
 *  the input whatever the shape; what does not fit is counted, never dropped silently. */
export const RETRY_OUTPUT_BASE_CHARS = 500_000;
export const RETRY_OUTPUT_CHARS_PER_INPUT_CHAR = 10;

export interface RetryPathsOutput {
  /** The paths printed: the first ones traced, as many as fit the budget (at least one). */
  paths: RetryPath[];
  /** Paths found but not printed (beyond the count shown, or over the size budget). */
  omittedPaths: number;
  /** Of those, the ones left out only because the output would have passed the size budget. */
  omittedForSize: number;
  /** Tracing stopped at its own limit: there may be more paths than counted. */
  truncated: boolean;
}

export function retryOutputBudget(design: Design): number {
  return RETRY_OUTPUT_BASE_CHARS + RETRY_OUTPUT_CHARS_PER_INPUT_CHAR * JSON.stringify(design).length;
}

/** The first paths (at most `shown`) whose printed sizes fit `budget`; always at least one. */
export function pathsWithinBudget(paths: readonly RetryPath[], shown: number, budget: number, size: (p: RetryPath) => number): RetryPath[] {
  const kept: RetryPath[] = [];
  let used = 0;
  for (const p of paths.slice(0, shown)) {
    const cost = size(p);
    if (kept.length > 0 && used + cost > budget) break;
    kept.push(p);
    used += cost;
  }
  return kept;
}

/** The retry paths of a design as `retry-paths` prints them: at most `shown` (1,000 for JSON) and
 *  within the size budget, `size` measuring one path as it will be printed. */
export function retryPathsForOutput(design: Design, shown = RETRY_PATHS_SHOWN, size: (p: RetryPath) => number = (p) => JSON.stringify(p).length): RetryPathsOutput {
  const trace = traceRetryPathsCapped(design, shown);
  const paths = pathsWithinBudget(trace.paths, shown, retryOutputBudget(design), size);
  const omittedForSize = Math.min(trace.paths.length, shown) - paths.length;
  return { paths, omittedPaths: trace.paths.length - paths.length + trace.omitted, omittedForSize, truncated: trace.truncated };
}

import { boundedForAnalysis } from './model/bounded';
import { indexDesign } from './graph';
import type { Design } from './model/design';
import { createRuleContext } from './rules/context';
import { runRules, type LintResult } from './rules/engine';
import { RULES } from './rules';
import type { Rule } from './rules/types';
import { invocationModels, type InvocationModel, type Reachability, type RetryHop, type RetryPath } from './semantics';

export interface Analysis extends LintResult {
  /** sync / async / poll per trigger or invoke edge id, for the canvas labels. */
  invocation: Record<string, InvocationModel>;
  /** Where failed events go, per source → function chain: the first RETRY_PATHS_SHOWN (1,000). */
  retryPaths: readonly RetryPath[];
  /** Distinct retry paths traced beyond `retryPaths`, and whether tracing stopped at its budget
   *  (20,000 paths) so that there are more still. */
  retryPathsOmitted: number;
  retryPathsTruncated: boolean;
  /** The retry hop of every edge into a function (the canvas's paths overlay, the inspector). */
  retryHops: readonly RetryHop[];
  /** The network path of every access edge from a function, hop by hop. */
  reachability: readonly Reachability[];
}

/** The whole analysis of a design: pure, deterministic, no I/O — runs on every edit. Out-of-range
 *  values are clamped to AWS's range first (model/bounded.ts). */
export function analyze(input: Design, rules: readonly Rule[] = RULES): Analysis {
  const design = boundedForAnalysis(input);
  const index = indexDesign(design);
  const ctx = createRuleContext(design);
  // The range rules (CFG-01 memory …) report the values as written; the rest see them clamped.
  const lint = runRules(design, rules, ctx, design === input ? ctx : createRuleContext(input));
  const trace = ctx.retryTrace();
  return {
    ...lint, invocation: Object.fromEntries(invocationModels(index)),
    retryPaths: trace.paths, retryPathsOmitted: trace.omitted, retryPathsTruncated: trace.truncated, retryHops: trace.hops,
    reachability: ctx.reachability(),
  };
}

import { indexDesign } from './graph';
import type { Design } from './model/design';
import { createRuleContext } from './rules/context';
import { runRules, type LintResult } from './rules/engine';
import { RULES } from './rules';
import type { Rule } from './rules/types';
import { invocationModels, type InvocationModel, type Reachability, type RetryPath } from './semantics';

export interface Analysis extends LintResult {
  /** sync / async / poll per trigger or invoke edge id, for the canvas labels. */
  invocation: Record<string, InvocationModel>;
  /** Where failed events go, per source → function chain. */
  retryPaths: readonly RetryPath[];
  /** The network path of every access edge from a function, hop by hop. */
  reachability: readonly Reachability[];
}

/** The whole analysis of a design: pure, deterministic, no I/O — runs on every edit. */
export function analyze(design: Design, rules: readonly Rule[] = RULES): Analysis {
  const index = indexDesign(design);
  const ctx = createRuleContext(design);
  const lint = runRules(design, rules, ctx);
  return { ...lint, invocation: Object.fromEntries(invocationModels(index)), retryPaths: ctx.retryPaths(), reachability: ctx.reachability() };
}

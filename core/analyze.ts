import { boundedForAnalysis } from './model/bounded';
import { indexDesign } from './graph';
import type { Design } from './model/design';
import type { Problem } from './model/problems';
import { refusedEdges, withoutRefusedEdges, type SetAsideEdge } from './model/setAside';
import { createRuleContext } from './rules/context';
import { findingOrder, RULE_ERROR_ID, runRules, type LintResult } from './rules/engine';
import { RULES } from './rules';
import type { Finding, Rule } from './rules/types';
import { invocationModels, RETRY_PATHS_SHOWN, type InvocationModel, type Reachability, type RetryHop, type RetryPath, type RetryPathOrigin } from './semantics';

/** An edge the analysis left out because AWS refuses it (model/setAside.ts). */
export interface SetAside extends SetAsideEdge {
  /** The rule whose finding reports this refusal (its cited rule, e.g. INV-05): that finding is the
   *  one report of the cause. Absent: the loader's `connection` problem is the one report. */
  reportedBy?: string;
  /** Findings that appeared only because this failure capture was set aside ("RETRY-01 parse-invoice":
   *  rule id and target name), folded into this one report of the cause. */
  folded?: string[];
}

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
  /** Edges AWS refuses, set aside before the rules, retry paths and reachability saw them, with why. */
  setAside: readonly SetAside[];
}

/** The whole analysis of a design: pure, deterministic, no I/O — runs on every edit. Out-of-range
 *  values are clamped to AWS's range first (model/bounded.ts), and edges AWS refuses are set aside
 *  (model/setAside.ts): each is reported once — by the rule its refusal cites, or by the loader's
 *  connection problem — and nothing else analyses it as if it existed. */
export function analyze(input: Design, rules: readonly Rule[] = RULES): Analysis {
  return analyzeKeeping(input, rules, RETRY_PATHS_SHOWN).analysis;
}

/** `analyze`, keeping the first `retryShown` retry paths (the rest counted), with where each path was
 *  found and the steps the trace took: what the incremental session (core/incremental) needs to
 *  analyse a design part by part and merge the parts in the whole design's order. */
export function analyzeKeeping(input: Design, rules: readonly Rule[], retryShown: number): { analysis: Analysis; origins: readonly RetryPathOrigin[]; retrySteps: number } {
  const clamped = boundedForAnalysis(input);
  const refused = refusedEdges(clamped);
  const design = withoutRefusedEdges(clamped);
  const index = indexDesign(design);
  const ctx = createRuleContext(design, retryShown);
  // The range rules (CFG-01 memory …) report the values as written; the rest see them clamped.
  const asWritten = withoutRefusedEdges(input);
  const lint = runRules(design, rules, ctx, design === asWritten ? ctx : createRuleContext(asWritten));
  const setAside = refused.length ? refusalFindings(clamped, input, refused, rules, lint) : [];
  const trace = ctx.retryTrace();
  const analysis: Analysis = {
    ...lint, invocation: Object.fromEntries(invocationModels(index)),
    retryPaths: trace.paths, retryPathsOmitted: trace.omitted, retryPathsTruncated: trace.truncated, retryHops: trace.hops,
    reachability: ctx.reachability(), setAside,
  };
  return { analysis, origins: trace.origins, retrySteps: trace.steps };
}

/** One report per refused edge. The refusals a rule of the catalog checks (INV-05 FIFO destinations,
 *  INV-11 FIFO topics …, cited in the refusal's reason): that rule's one finding on the edge is kept,
 *  found by running the rules over the design WITH the refused edges. And a refused destination or
 *  dead-letter queue is still the failure capture the user meant: a finding that appears only because
 *  it was set aside ("no failure capture" on its function, queue or mapping) is the same cause, so it
 *  is folded into the refusal (listed in `folded`) instead of reported again. `lint` is updated in place. */
function refusalFindings(clamped: Design, input: Design, refused: readonly SetAsideEdge[], rules: readonly Rule[], lint: LintResult): SetAside[] {
  const citing = new Map(refused.filter((r) => r.ruleId).map((r) => [r.edge, r.ruleId!]));
  const ctx = createRuleContext(clamped);
  const full = runRules(clamped, rules, ctx, clamped === input ? ctx : createRuleContext(input));
  const key = (f: Finding) => `${f.ruleId} ${f.target.id}`;
  const before = new Set(full.findings.map(key));
  // Where a refused failure capture would have acted: the function, queue, topic or mapping it leaves.
  const anchors = new Map<string, string>();
  const byId = new Map(clamped.edges.map((e) => [e.id, e]));
  for (const r of refused) {
    const e = byId.get(r.edge);
    if (!e || (e.kind !== 'destination' && e.kind !== 'deadLetter')) continue;
    anchors.set(e.from, r.edge);
    if (e.props.via !== undefined) anchors.set(e.props.via, r.edge);
  }
  const folded = new Map<string, string[]>();
  lint.findings = lint.findings.filter((f) => {
    const edge = anchors.get(f.target.id);
    if (edge === undefined || before.has(key(f)) || f.ruleId === RULE_ERROR_ID) return true;
    folded.set(edge, [...(folded.get(edge) ?? []), `${f.ruleId} ${f.target.name}`]);
    return false;
  });
  const reported = new Map<string, string>();
  for (const f of full.findings) {
    if (f.target.type === 'edge' && citing.get(f.target.id) === f.ruleId && !reported.has(f.target.id)) {
      reported.set(f.target.id, f.ruleId);
      lint.findings.push(f);
    }
  }
  // A suppressed refusal finding stays suppressed; the loader's problem then still reports the cause.
  const suppressedOn = new Set<string>();
  for (const f of full.suppressed) {
    if (f.target.type === 'edge' && citing.get(f.target.id) === f.ruleId && !suppressedOn.has(f.target.id)) {
      suppressedOn.add(f.target.id);
      lint.suppressed.push(f);
    }
  }
  lint.findings.sort(findingOrder);
  lint.suppressed.sort(findingOrder);
  return refused.map((r) => ({
    ...r,
    ...(reported.has(r.edge) ? { reportedBy: reported.get(r.edge)! } : {}),
    ...(folded.has(r.edge) ? { folded: folded.get(r.edge)! } : {}),
  }));
}

/** The loader's problems without those a finding already reports: a `connection` problem on an
 *  edge whose refusal a rule reports (SetAside.reportedBy). One report per cause, in lint and the app. */
export function problemsBesideFindings(problems: readonly Problem[], setAside: readonly SetAside[]): Problem[] {
  const reported = new Set(setAside.filter((s) => s.reportedBy).map((s) => s.edge));
  if (!reported.size) return [...problems];
  return problems.filter((p) => !(p.code === 'connection' && p.target?.type === 'edge' && reported.has(p.target.id)));
}

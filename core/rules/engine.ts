import type { Design, DesignEdge, DesignNode } from '../model/design';
import { createRuleContext } from './context';
import { SEVERITIES, type Finding, type FindingTarget, type Rule, type RuleContext, type SuppressedFinding } from './types';

export const RULE_ERROR_ID = 'RULE-ERROR';

export interface LintResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

function targetOf(ctx: RuleContext, target: DesignNode | DesignEdge | 'design'): FindingTarget {
  if (target === 'design') return { id: '*', name: ctx.design.name, type: 'design' };
  const type = ctx.index.edge(target.id) === target ? 'edge' : 'node';
  return { id: target.id, name: ctx.nameOf(target), type };
}

/** The related targets of a finding: each once, never the primary. */
function relatedOf(ctx: RuleContext, primary: FindingTarget, related: readonly (DesignNode | DesignEdge)[]): FindingTarget[] {
  const seen = new Set([primary.id]);
  const out: FindingTarget[] = [];
  for (const r of related) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(targetOf(ctx, r));
  }
  return out;
}

const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);

/** Runs every rule over a design. A rule that throws becomes a RULE-ERROR finding, never a crash.
 *  Findings matching a suppression (rule id + target id, reason required) move to `suppressed`.
 *  `asWritten`: a context over the design as written, for the rules that report out-of-range values
 *  (`readsValuesAsWritten`) when `design` is the clamped one (analyze). */
export function runRules(design: Design, rules: readonly Rule[], ctx: RuleContext = createRuleContext(design), asWritten: RuleContext = ctx): LintResult {
  const all: Finding[] = [];
  // A rule reads only the node and edge kinds it declares (appliesTo): with none of them in the
  // design it has nothing to look at and is not run (issue 15; test/rules/appliesTo.test.ts checks
  // that skipping never changes a result).
  const present = new Set<string>();
  for (const n of design.nodes) present.add(n.kind);
  for (const e of design.edges) present.add(e.kind);
  for (const rule of rules) {
    if (rule.appliesTo.length && !rule.appliesTo.some((k) => present.has(k))) continue;
    const ruleCtx = rule.readsValuesAsWritten ? asWritten : ctx;
    try {
      for (const f of rule.check(ruleCtx)) {
        const target = targetOf(ruleCtx, f.target);
        const related = f.related?.length ? relatedOf(ruleCtx, target, f.related) : [];
        all.push({
          ruleId: rule.id,
          severity: f.severity ?? rule.severity,
          target,
          ...(related.length ? { related } : {}),
          message: f.message,
          why: f.why ?? rule.why,
          fix: f.fix,
          docsUrl: rule.docsUrl,
        });
      }
    } catch (err) {
      all.push({
        ruleId: RULE_ERROR_ID,
        severity: 'error',
        target: { id: '*', name: design.name, type: 'design' },
        message: `rule ${rule.id} (${rule.title}) failed: ${err instanceof Error ? err.message : String(err)}`,
        why: 'A check crashed, so this design was not fully checked for it. Please report the design that triggers this.',
        fix: `Report this as a bug; until fixed, the ${rule.id} check is missing from this result.`,
        docsUrl: rule.docsUrl,
      });
    }
  }
  const suppressions = new Map(design.suppressions.map((s) => [`${s.ruleId} ${s.target}`, s.reason]));
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of all) {
    const reason = suppressions.get(`${f.ruleId} ${f.target.id}`);
    if (reason !== undefined) suppressed.push({ ...f, reason });
    else findings.push(f);
  }
  return { findings: findings.sort(findingOrder), suppressed: suppressed.sort(findingOrder) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Severity, then rule id (zero-padded, so plain string order is numeric order), then target name:
 *  plain comparisons, since Intl collation is far too slow for thousands of findings on every edit. */
export const findingOrder = (a: Finding, b: Finding): number => rank(a) - rank(b) || cmp(a.ruleId, b.ruleId) || cmp(a.target.name, b.target.name);

import type { Finding, FindingTarget, Severity } from './types';

/** Repeated info findings of one rule shown as one (issue 14): "INV-12 on 15 functions" instead of
 *  15 rows of the same advice. Grouping is a view of the findings, shared by lint's text and the
 *  app's Findings panel; the analysis result, lint's JSON `findings` and SARIF keep one finding per
 *  target (a code-scanning result has one location to annotate, suppress and track). */
export interface FindingGroup {
  ruleId: string;
  severity: Severity;
  /** The members' targets, in the findings' order. */
  targets: FindingTarget[];
  /** The findings grouped, each with its own message and fix. */
  findings: Finding[];
  /** One line for the group: `4 resources: "a", "b", "c" and "d"` (at most ten names, then a count). */
  summary: string;
  why: string;
  docsUrl: string;
}

export type FindingEntry = { finding: Finding; group?: undefined } | { group: FindingGroup; finding?: undefined };

/** Severities whose repeats are grouped: only advice. An error or a warning is listed per target,
 *  each something to change. */
export const GROUPED_SEVERITIES: readonly Severity[] = ['info'];
/** The fewest findings of one rule that make a group. */
export const GROUP_MIN = 2;
const NAMES_IN_SUMMARY = 10;

function summaryOf(targets: readonly FindingTarget[]): string {
  const names = targets.map((t) => `"${t.name}"`);
  const shown = names.length > NAMES_IN_SUMMARY ? [...names.slice(0, NAMES_IN_SUMMARY - 1), `${(names.length - NAMES_IN_SUMMARY + 1).toLocaleString('en-US')} others`] : names;
  const listed = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
  return `${targets.length.toLocaleString('en-US')} resources: ${listed}`;
}

/** The findings as they are shown: each info rule with GROUP_MIN or more findings of one severity
 *  becomes one group, placed where its first finding was; everything else stays as it is, in order. */
export function groupRepeated(findings: readonly Finding[]): FindingEntry[] {
  const key = (f: Finding) => `${f.ruleId}\u0000${f.severity}`;
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!GROUPED_SEVERITIES.includes(f.severity)) continue;
    const list = byKey.get(key(f));
    if (list) list.push(f);
    else byKey.set(key(f), [f]);
  }
  const entries: FindingEntry[] = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const members = GROUPED_SEVERITIES.includes(f.severity) ? byKey.get(key(f)) : undefined;
    if (!members || members.length < GROUP_MIN) {
      entries.push({ finding: f });
      continue;
    }
    if (placed.has(key(f))) continue;
    placed.add(key(f));
    const targets = members.map((m) => m.target);
    entries.push({ group: { ruleId: f.ruleId, severity: f.severity, targets, findings: members, summary: summaryOf(targets), why: f.why, docsUrl: f.docsUrl } });
  }
  return entries;
}

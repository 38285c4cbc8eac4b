import { useEffect, useMemo, useState } from 'react';
import type { Analysis } from '../core/analyze';
import type { Design } from '../core/model/design';
import type { Problem } from '../core/model/problems';
import { SEVERITIES, type Finding, type Severity } from '../core/rules/types';
import type { Reach, Reachability, RetryHop } from '../core/semantics';
import type { CostView, ViewEstimate } from './workers/costEstimate';

/** The analysis of one design, with the look-ups the panels and the canvas need. */
export interface AnalysisView {
  /** The design this analysis was computed on (it may trail the editor's by one render). */
  design: Design;
  analysis: Analysis;
  counts: Record<Severity, number>;
  /** Findings per node or edge id ("*" for the design as a whole), worst first: those about it
   *  first-hand and those that list it as a related target. */
  byTarget: ReadonlyMap<string, readonly Finding[]>;
  /** The retry behaviour of each trigger, invoke or destination edge into a function. */
  hopByEdge: ReadonlyMap<string, RetryHop>;
  /** The network path of each access (or invoke) edge from a function. */
  reachByEdge: ReadonlyMap<string, Reachability>;
  /** The analysis of the newest edit is still running (in the analysis worker): this one is of an
   *  earlier version of the design, or empty before the first. */
  pending?: boolean;
}

/** A marker on the canvas: the worst severity of what is reported about a node or an edge. */
export interface IssueMark {
  severity: Severity;
  count: number;
  title: string;
}

/** The canvas overlay behind the "Paths" toggle. */
export interface PathsOverlay {
  reach: ReadonlyMap<string, Reach>;
  /** Edges where a failing event is lost, with the reason. */
  lost: ReadonlyMap<string, string>;
}

import { AnalysisClient } from './workers/analysisClient';
import { analyzeSafely, EMPTY_ANALYSIS } from './workers/analyzeSafely';

export { analyzeSafely };

export function viewOf(design: Design, analysis: Analysis): AnalysisView {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byTarget = new Map<string, Finding[]>();
  const index = (id: string, f: Finding) => {
    const list = byTarget.get(id);
    if (list) list.push(f);
    else byTarget.set(id, [f]);
  };
  for (const f of analysis.findings) {
    counts[f.severity]++;
    index(f.target.id, f);
    // A related target (the blocking security group …) lists the finding too: its inspector and mark.
    for (const r of f.related ?? []) index(r.id, f);
  }
  const hopByEdge = new Map<string, RetryHop>();
  // Every edge's hop, also on paths beyond the first 1,000 the Retry paths tab lists.
  for (const hop of analysis.retryHops) hopByEdge.set(hop.edge, hop);
  const reachByEdge = new Map(analysis.reachability.map((r) => [r.edge, r]));
  return { design, analysis, counts, byTarget, hopByEdge, reachByEdge };
}

/** The live analysis, in the analysis worker (workers/analysis.worker.ts; here where there is no
 *  Worker): each edit is sent as patches, the worker's incremental session re-analyses what it
 *  touched, and only the newest version's analysis is shown. A move does not change the model's
 *  nodes or edges, so the session reuses everything for it. */
export function useAnalysis(model: Design, costViews: readonly CostView[] = NO_VIEWS): AnalysisView & { costs: ReadonlyMap<string, ViewEstimate> } {
  const [client] = useState(() => new AnalysisClient());
  const [view, setView] = useState<AnalysisView | null>(null);
  const [costs, setCosts] = useState<ReadonlyMap<string, ViewEstimate>>(NO_COSTS);
  useEffect(() => {
    client.listen((d) => {
      // New estimates alone (the cost views changed) keep the analysis view, and what hangs on it.
      setView((v) => (v && v.analysis === d.analysis && v.design === d.design ? v : viewOf(d.design, d.analysis)));
      setCosts(d.costs);
    });
    return () => client.dispose();
  }, [client]);
  // The estimates on screen, made with every analysis (in the worker, like the analysis).
  useEffect(() => client.setCostViews(costViews), [client, costViews]);
  // Every edit goes to the worker as patches; the canvas never waits for the answer. Sent while
  // this render runs, not after it commits: the worker analyses while React draws the edit (a
  // 1,000-node edit spends 90-400 ms drawing on a 2-core machine), instead of starting after it.
  // send() is idempotent (the same design is sent once) and cheap, so a render React discards only
  // sends a design early, and the effect below sends the committed one if that did not happen.
  if (client.canSendDuringRender) client.send(model);
  useEffect(() => client.send(model), [client, model]);
  // Until the first answer: nothing found yet, and said so (`pending`).
  return useMemo(() => {
    const shown = view ?? viewOf(model, { ...EMPTY_ANALYSIS, findings: [] });
    return { ...shown, pending: shown.design !== model, costs };
  }, [view, model, costs]);
}

const NO_VIEWS: readonly CostView[] = [];
const NO_COSTS: ReadonlyMap<string, ViewEstimate> = new Map();

const PROBLEM_SEVERITY: Record<Problem['code'], Severity> = {
  syntax: 'error', format: 'error', version: 'error', structure: 'error', connection: 'error', reference: 'warning', range: 'warning',
};

/** How the problems panel and the canvas rate a loader problem. */
export const problemSeverity = (p: Problem): Severity => (p.repair ? 'info' : PROBLEM_SEVERITY[p.code]);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One marker per node or edge with findings or problems, coloured by the worst of them. Info
 *  alone draws no marker: the canvas stays quiet about advice. */
export function issueMarks(problems: readonly Problem[], byTarget: ReadonlyMap<string, readonly Finding[]>): Map<string, IssueMark> {
  const tally = new Map<string, { severities: Severity[]; findings: number; problems: number }>();
  const add = (id: string, severity: Severity, kind: 'findings' | 'problems') => {
    const t = tally.get(id) ?? { severities: [], findings: 0, problems: 0 };
    t.severities.push(severity);
    t[kind]++;
    tally.set(id, t);
  };
  for (const [id, findings] of byTarget) for (const f of findings) add(id, f.severity, 'findings');
  for (const p of problems) if (p.target) add(p.target.id, problemSeverity(p), 'problems');
  const marks = new Map<string, IssueMark>();
  for (const [id, t] of tally) {
    const severity = SEVERITIES.find((s) => t.severities.includes(s)) ?? 'info';
    if (severity === 'info') continue;
    const parts = [t.findings && plural(t.findings, 'finding'), t.problems && plural(t.problems, 'problem')].filter(Boolean);
    marks.set(id, { severity, count: t.findings + t.problems, title: `${parts.join(' and ')} — select to see them in the inspector` });
  }
  return marks;
}

/** The finding picked in the Findings panel: its primary target and its related ones (issue 14). */
export interface PickedFinding { primary: string; related: ReadonlySet<string> }

/** The related targets to highlight on the canvas: while the picked finding's primary target is
 *  what is selected (a design-wide finding: while nothing is), else none. */
export function relatedHighlight(picked: PickedFinding | null, selection: { nodes: readonly string[]; edges: readonly string[] }): ReadonlySet<string> | undefined {
  if (!picked || !picked.related.size) return undefined;
  const selected = [...selection.nodes, ...selection.edges];
  const stillPicked = picked.primary === '*' ? selected.length === 0 : selected.length === 1 && selected[0] === picked.primary;
  return stillPicked ? picked.related : undefined;
}

/** The "R" shortcut: the picked finding's primary target with its related ones, as a selection (those
 *  still in the design); undefined when no finding with related targets is picked. */
export function selectionWithRelated(picked: PickedFinding | null, design: { nodes: readonly { id: string }[]; edges: readonly { id: string }[] }): { nodes: string[]; edges: string[] } | undefined {
  if (!picked || !picked.related.size) return undefined;
  const ids = new Set([picked.primary, ...picked.related]);
  const nodes = design.nodes.filter((n) => ids.has(n.id)).map((n) => n.id);
  const edges = design.edges.filter((e) => ids.has(e.id)).map((e) => e.id);
  return nodes.length + edges.length ? { nodes, edges } : undefined;
}

export function pathsOverlay(view: AnalysisView): PathsOverlay {
  const reach = new Map<string, Reach>();
  for (const [id, r] of view.reachByEdge) reach.set(id, r.reachable);
  const lost = new Map<string, string>();
  for (const [id, hop] of view.hopByEdge) if (hop.lost) lost.set(id, hop.lostReason ?? 'failed events are dropped');
  return { reach, lost };
}

/// <reference lib="webworker" />
import { applyPatches, enablePatches } from 'immer';
import { createAnalysisSession, createCostSession, type CostSession } from '../../core/incremental';
import type { Design } from '../../core/model/design';
import type { CostOptions } from '../../core/pricing';
import type { AnalysisReply, AnalysisRequest, SentCosts } from './analysisMessages';
import { analyzeSafely } from './analyzeSafely';
import { estimateViews, sendEstimate, type CostView } from './costEstimate';

// The live analysis, off the UI thread (issue 15): the worker keeps its own copy of the design,
// brought up to date by the editor's patches, and an incremental session (core/incremental) that
// re-analyses only what an edit touched. Only the newest version is analysed: patches that arrive
// while it works are applied first, so a burst of edits costs one analysis, not one each. The
// estimates on screen (the canvas badges', the Cost panel's) are made here too, after each analysis,
// each by an incremental cost session; a change of their options alone re-estimates without
// re-analysing.
enablePatches();
const scope = self as unknown as DedicatedWorkerGlobalScope;

let design: Design | undefined;
let version = -1;
let session = createAnalysisSession();
let scheduled = false;
let costViews: CostView[] = [];
/** The version last analysed: a change of the cost views alone re-estimates it without analysing. */
let analysedVersion = -1;
let costsOnly = false;

/** One incremental cost session per view (core/incremental/cost.ts: an edit prices again only the
 *  parts it touched); one that failed starts afresh. */
const costSessions = new Map<string, CostSession>();
const sessionOf = (view: string) => (d: Design, o: CostOptions) => {
  let s = costSessions.get(view);
  if (!s) costSessions.set(view, (s = createCostSession()));
  try {
    return s.update(d, o);
  } catch (err) {
    costSessions.delete(view);
    throw err;
  }
};

/** The sessions trace their own reachability, part by part. */
function costsOf(d: Design): SentCosts {
  return [...estimateViews(d, costViews, {}, sessionOf)].map(([name, v]) => ({ name, key: v.key, estimate: sendEstimate(v.estimate) }));
}

function analyseLatest(): void {
  scheduled = false;
  if (!design) return;
  const at = version;
  const started = performance.now();
  if (costsOnly && analysedVersion === at) {
    costsOnly = false;
    scope.postMessage({ version: at, ok: true, costsOnly: true, costs: costsOf(design), ms: performance.now() - started } satisfies AnalysisReply);
    return;
  }
  costsOnly = false;
  let failed = false;
  const analysis = analyzeSafely(design, (d) => {
    try {
      return session.update(d);
    } catch (err) {
      failed = true;
      throw err;
    }
  });
  // After a crash the session may be half updated: start the next one afresh.
  if (failed) session = createAnalysisSession();
  analysedVersion = at;
  scope.postMessage({ version: at, ok: true, analysis, costs: costsOf(design), ms: performance.now() - started } satisfies AnalysisReply);
}

const schedule = () => {
  if (!scheduled) {
    scheduled = true;
    setTimeout(analyseLatest, 0);
  }
};

scope.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if ('costViews' in request) {
    costViews = request.costViews;
    // Only the estimates, unless an analysis is due anyway (it brings them).
    if (!scheduled) costsOnly = true;
    schedule();
    return;
  }
  if ('design' in request) {
    design = request.design;
    version = request.version;
  } else {
    if (!design || request.base !== version) {
      // Out of step (a patch was lost, or the worker restarted): ask for the whole design.
      scope.postMessage({ version: request.version, ok: false, resend: true } satisfies AnalysisReply);
      return;
    }
    try {
      design = applyPatches(design, request.patches);
      version = request.version;
    } catch {
      design = undefined;
      scope.postMessage({ version: request.version, ok: false, resend: true } satisfies AnalysisReply);
      return;
    }
  }
  costsOnly = false;
  schedule();
});

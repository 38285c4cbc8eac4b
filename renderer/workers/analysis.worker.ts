/// <reference lib="webworker" />
import { applyPatches, enablePatches } from 'immer';
import { createAnalysisSession } from '../../core/incremental';
import type { Design } from '../../core/model/design';
import type { AnalysisReply, AnalysisRequest } from './analysisMessages';
import { analyzeSafely } from './analyzeSafely';

// The live analysis, off the UI thread (issue 15): the worker keeps its own copy of the design,
// brought up to date by the editor's patches, and an incremental session (core/incremental) that
// re-analyses only what an edit touched. Only the newest version is analysed: patches that arrive
// while it works are applied first, so a burst of edits costs one analysis, not one each.
enablePatches();
const scope = self as unknown as DedicatedWorkerGlobalScope;

let design: Design | undefined;
let version = -1;
let session = createAnalysisSession();
let scheduled = false;

function analyseLatest(): void {
  scheduled = false;
  if (!design) return;
  const at = version;
  const started = performance.now();
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
  scope.postMessage({ version: at, ok: true, analysis, ms: performance.now() - started } satisfies AnalysisReply);
}

scope.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
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
  if (!scheduled) {
    scheduled = true;
    setTimeout(analyseLatest, 0);
  }
});

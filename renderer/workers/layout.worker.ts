/// <reference lib="webworker" />
import { layoutDesign } from '../../core/iac/import/layout';
import { autoLayout } from '../../core/layout/autoLayout';
import type { LayoutRequest, LayoutResponse } from '../iac/layoutMessages';

// Lays out designs off the UI thread (ELK takes hundreds of ms on a large design): an imported
// design, or the canvas's Auto-layout.
const scope = self as unknown as DedicatedWorkerGlobalScope;

// A listener, not `onmessage`: elk.bundled.js, run in a worker, claims `self.onmessage` for its own
// dispatcher the first time it lays out, which left every later request unanswered (a second import
// or auto-layout in one session never finished). Its dispatcher ignores messages without a `cmd`.
scope.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  const { id } = request;
  const fail = (err: unknown) => scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies LayoutResponse);
  if (request.task === 'autoLayout') {
    autoLayout(request.design, request.only ? { only: request.only } : {}).then((positions) => scope.postMessage({ id, ok: true, positions } satisfies LayoutResponse), fail);
  } else {
    layoutDesign(request.design).then((laidOut) => scope.postMessage({ id, ok: true, design: laidOut } satisfies LayoutResponse), fail);
  }
});

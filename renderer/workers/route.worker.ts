/// <reference lib="webworker" />
import { routeEdges } from '../../core/geometry/route';
import type { RouteRequest, RouteResponse } from '../canvas/routeClient';

// Routes the canvas's edges around node boxes off the UI thread (a drag or an edit never waits
// for it; the canvas draws a simple path until the routes arrive).
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<RouteRequest>) => {
  const { id } = event.data;
  try {
    scope.postMessage({ id, ok: true, routes: routeEdges(event.data) } satisfies RouteResponse);
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies RouteResponse);
  }
});

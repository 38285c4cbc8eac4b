import { routeEdges, type Box, type Rect, type Route, type RouteEdge } from '../../core/geometry/route';
import { LatestClient, workersAvailable } from '../workers/latestClient';

/** The route worker's protocol, answered with the same id. */
export interface RouteRequest { id: number; boxes: Box[]; targets: Box[]; soft: Rect[]; edges: RouteEdge[] }
export type RouteResponse = { id: number; ok: true; routes: Route[] } | { id: number; ok: false; message: string };
type RouteInput = Omit<RouteRequest, 'id'>;

/** Routes edges in a Web Worker (renderer/workers/route.worker.ts), newest request wins: a result
 *  for an older request (the drawing changed again before it came back) resolves to null and is
 *  dropped. Where there is no Worker (unit tests in happy-dom) or it cannot start, the routing runs
 *  in place, with the same stale rule (renderer/workers/latestClient.ts). */
export class RouteClient {
  private readonly client: LatestClient<RouteInput, RouteResponse, Route[]>;

  constructor(makeWorker: (() => Worker) | null = defaultWorker()) {
    this.client = new LatestClient<RouteInput, RouteResponse, Route[]>({ makeWorker, inPlace: routeEdges, result: (r) => r.routes, failure: 'edge routing failed' });
  }

  route(input: RouteInput): Promise<Route[] | null> {
    return this.client.send(input);
  }

  dispose(): void {
    this.client.dispose();
  }
}

function defaultWorker(): (() => Worker) | null {
  if (!workersAvailable()) return null;
  return () => new Worker(new URL('../workers/route.worker.ts', import.meta.url), { type: 'module', name: 'route' });
}

import { routeEdges, type Box, type Rect, type Route, type RouteEdge } from '../../core/geometry/route';

/** The route worker's protocol, answered with the same id. */
export interface RouteRequest { id: number; boxes: Box[]; targets: Box[]; soft: Rect[]; edges: RouteEdge[] }
export type RouteResponse = { id: number; ok: true; routes: Route[] } | { id: number; ok: false; message: string };

/** Routes edges in a Web Worker (renderer/workers/route.worker.ts), newest request wins: a result
 *  for an older request (the drawing changed again before it came back) resolves to null and is
 *  dropped. Where there is no Worker (unit tests in happy-dom) or it cannot start, the routing runs
 *  in place, with the same stale rule. */
export class RouteClient {
  private worker: Worker | undefined;
  private latest = 0;
  private pending = new Map<number, { request: RouteRequest; resolve(r: Route[] | null): void; reject(e: Error): void }>();
  private workerBroken = false;

  constructor(private readonly makeWorker: (() => Worker) | null = defaultWorker()) {}

  route(input: Omit<RouteRequest, 'id'>): Promise<Route[] | null> {
    const id = ++this.latest;
    for (const [old, p] of this.pending) if (old < id) {
      this.pending.delete(old);
      p.resolve(null);
    }
    const request = { id, ...input };
    const worker = this.ensureWorker();
    if (!worker) return this.inPlace(request);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject });
      worker.postMessage(request);
    });
  }

  private inPlace(request: RouteRequest): Promise<Route[] | null> {
    return Promise.resolve().then(() => {
      if (request.id !== this.latest) return null;
      const routes = routeEdges(request);
      return request.id === this.latest ? routes : null;
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !this.makeWorker || this.workerBroken) return this.worker;
    let worker: Worker;
    try {
      worker = this.makeWorker();
    } catch {
      this.workerBroken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<RouteResponse>) => {
      const r = event.data;
      const p = this.pending.get(r.id);
      if (!p) return; // stale: already answered with null
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.id === this.latest ? r.routes : null);
      else p.reject(new Error(`edge routing failed: ${r.message}`));
    };
    // The worker failed to load or crashed: what it was doing, and every later request, is routed
    // in place.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      this.worker = undefined;
      this.workerBroken = true;
      const waiting = [...this.pending];
      this.pending.clear();
      for (const [, p] of waiting) this.inPlace(p.request).then(p.resolve, (err: unknown) => p.reject(err instanceof Error ? err : new Error(String(err))));
    };
    this.worker = worker;
    return worker;
  }
}

function defaultWorker(): (() => Worker) | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined' || /happy-dom|jsdom/i.test(navigator.userAgent)) return null;
  return () => new Worker(new URL('../workers/route.worker.ts', import.meta.url), { type: 'module', name: 'route' });
}

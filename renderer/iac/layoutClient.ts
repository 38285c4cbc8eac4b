import type { LayoutPositions } from '../../core/layout/positions';
import type { Design } from '../../core/model/design';
import type { LayoutRequest, LayoutResponse } from './layoutMessages';

type Answer = Design | LayoutPositions;
type Request = { task?: 'import'; design: Design } | { task: 'autoLayout'; design: Design; only?: readonly string[] };

/** Lays out designs in a Web Worker, newest request wins: a result for an older request (the user
 *  imported again, or asked for Auto-layout again, before the first layout finished) resolves to
 *  null and is dropped. Where there
 *  is no Worker (unit tests in happy-dom), or the worker cannot start (a host that refuses worker
 *  scripts), the layout runs in place, with the same stale rule. */
export class LayoutClient {
  private worker: Worker | undefined;
  private latest = 0;
  private pending = new Map<number, { request: Request; resolve(d: Answer | null): void; reject(e: Error): void }>();
  private workerBroken = false;

  constructor(private readonly makeWorker: (() => Worker) | null = defaultWorker()) {}

  /** An imported design, every node laid out. */
  layout(design: Design): Promise<Design | null> {
    return this.request({ design }) as Promise<Design | null>;
  }

  /** Auto-layout of the design, or of `only` those nodes: the new positions (core/layout). */
  autoLayout(design: Design, only?: readonly string[]): Promise<LayoutPositions | null> {
    return this.request({ task: 'autoLayout', design, ...(only ? { only } : {}) }) as Promise<LayoutPositions | null>;
  }

  private request(request: Request): Promise<Answer | null> {
    const id = ++this.latest;
    // An older request still waiting is answered now: its result will not be used.
    for (const [old, p] of this.pending) if (old < id) {
      this.pending.delete(old);
      p.resolve(null);
    }
    const worker = this.ensureWorker();
    if (!worker) return this.inPlace(id, request);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject });
      worker.postMessage({ id, ...request } satisfies LayoutRequest);
    });
  }

  /** Loaded on demand: ELK is large, and the app bundle should not carry it twice. */
  private inPlace(id: number, request: Request): Promise<Answer | null> {
    const run = request.task === 'autoLayout'
      ? import('../../core/layout/autoLayout').then(({ autoLayout }) => autoLayout(request.design, request.only ? { only: request.only } : {}))
      : import('../../core/iac/import/layout').then(({ layoutDesign }) => layoutDesign(request.design));
    return run.then((d) => (id === this.latest ? d : null));
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
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const r = event.data;
      const p = this.pending.get(r.id);
      if (!p) return; // stale: already answered with null
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.id === this.latest ? ('positions' in r ? r.positions : r.design) : null);
      else p.reject(new Error(`automatic layout failed: ${r.message}`));
    };
    // The worker script failed to load or crashed: what it was doing is laid out in place, and so
    // is every later request (a worker that failed once is not retried).
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      this.worker = undefined;
      this.workerBroken = true;
      const waiting = [...this.pending];
      this.pending.clear();
      for (const [id, p] of waiting) this.inPlace(id, p.request).then(p.resolve, (err: unknown) => p.reject(new Error(`automatic layout failed: ${err instanceof Error ? err.message : String(err)}`)));
    };
    this.worker = worker;
    return worker;
  }
}

function defaultWorker(): (() => Worker) | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined' || /happy-dom|jsdom/i.test(navigator.userAgent)) return null;
  return () => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
}

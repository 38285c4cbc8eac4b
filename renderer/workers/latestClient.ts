/** What a worker sends back: the id of the request it answers, then its answer or why it failed. */
export type WorkerReply = { id: number; ok: true } | { id: number; ok: false; message: string };

export interface LatestClientSpec<Request, Reply extends WorkerReply, Result> {
  /** Starts the worker; null where there is none (unit tests in happy-dom): every request runs in place. */
  makeWorker: (() => Worker) | null;
  /** Does the work here instead of in the worker. */
  inPlace(request: Request): Result | Promise<Result>;
  /** The result carried by a successful reply. */
  result(reply: Extract<Reply, { ok: true }>): Result;
  /** What failed, as the error says it: "edge routing failed: <why>". */
  failure: string;
}

/** A Web Worker client where the newest request wins: a result for an older request (the input
 *  changed again before it came back) resolves to null and is dropped, and an older request still
 *  waiting is answered null as soon as a newer one is sent. Where there is no Worker, or it cannot
 *  start, the work runs in place with the same stale rule; a worker that fails to load or crashes
 *  hands what it was doing to the in-place run and is not used again. */
export class LatestClient<Request extends object, Reply extends WorkerReply, Result> {
  private worker: Worker | undefined;
  private latest = 0;
  private pending = new Map<number, { request: Request; resolve(r: Result | null): void; reject(e: Error): void }>();
  private workerBroken = false;

  constructor(private readonly spec: LatestClientSpec<Request, Reply, Result>) {}

  send(request: Request): Promise<Result | null> {
    const id = ++this.latest;
    // An older request still waiting is answered now: its result will not be used.
    for (const [old, p] of this.pending) if (old < id) {
      this.pending.delete(old);
      p.resolve(null);
    }
    const worker = this.ensureWorker();
    if (!worker) return this.runInPlace(id, request);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject });
      worker.postMessage({ id, ...request });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
  }

  /** Stale before it starts (a newer request came in the meantime): not run at all. */
  private runInPlace(id: number, request: Request): Promise<Result | null> {
    return Promise.resolve().then(async () => {
      if (id !== this.latest) return null;
      const result = await this.spec.inPlace(request);
      return id === this.latest ? result : null;
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !this.spec.makeWorker || this.workerBroken) return this.worker;
    let worker: Worker;
    try {
      worker = this.spec.makeWorker();
    } catch {
      this.workerBroken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const r = event.data;
      const p = this.pending.get(r.id);
      if (!p) return; // stale: already answered with null
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.id === this.latest ? this.spec.result(r as Extract<Reply, { ok: true }>) : null);
      else p.reject(new Error(`${this.spec.failure}: ${r.message}`));
    };
    // The worker script failed to load or crashed: what it was doing runs in place, and so does
    // every later request (a worker that failed once is not retried).
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      this.worker = undefined;
      this.workerBroken = true;
      const waiting = [...this.pending];
      this.pending.clear();
      for (const [id, p] of waiting) {
        this.runInPlace(id, p.request).then(p.resolve, (err: unknown) => p.reject(new Error(`${this.spec.failure}: ${err instanceof Error ? err.message : String(err)}`)));
      }
    };
    this.worker = worker;
    return worker;
  }
}

/** Can this page start module workers? Not in unit tests (happy-dom, jsdom) or outside a window. */
export const workersAvailable = (): boolean =>
  typeof Worker !== 'undefined' && typeof window !== 'undefined' && !/happy-dom|jsdom/i.test(navigator.userAgent);

import type { Design } from '../../core/model/design';
import type { LayoutRequest, LayoutResponse } from './layoutMessages';

/** Lays out designs in a Web Worker, newest request wins: a result for an older request (the user
 *  imported again before the first layout finished) resolves to null and is dropped. Where there
 *  is no Worker (unit tests in happy-dom) the layout runs in place, with the same stale rule. */
export class LayoutClient {
  private worker: Worker | undefined;
  private latest = 0;
  private pending = new Map<number, { resolve(d: Design | null): void; reject(e: Error): void }>();

  constructor(private readonly makeWorker: (() => Worker) | null = defaultWorker()) {}

  layout(design: Design): Promise<Design | null> {
    const id = ++this.latest;
    // An older request still waiting is answered now: its result will not be used.
    for (const [old, p] of this.pending) if (old < id) {
      this.pending.delete(old);
      p.resolve(null);
    }
    const worker = this.ensureWorker();
    // Loaded on demand: ELK is large, and the app bundle should not carry it twice.
    if (!worker) return import('../../core/iac/import/layout').then(({ layoutDesign }) => layoutDesign(design)).then((d) => (id === this.latest ? d : null));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, design } satisfies LayoutRequest);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !this.makeWorker) return this.worker;
    const worker = this.makeWorker();
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const r = event.data;
      const p = this.pending.get(r.id);
      if (!p) return; // stale: already answered with null
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.id === this.latest ? r.design : null);
      else p.reject(new Error(`automatic layout failed: ${r.message}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`automatic layout failed: ${event.message || 'the layout worker stopped'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      worker.terminate();
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }
}

function defaultWorker(): (() => Worker) | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined' || /happy-dom|jsdom/i.test(navigator.userAgent)) return null;
  return () => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
}

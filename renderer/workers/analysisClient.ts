import type { Analysis } from '../../core/analyze';
import type { Design } from '../../core/model/design';
import type { AnalysisReply, AnalysisRequest, SentCosts } from './analysisMessages';
import { analyzeSafely } from './analyzeSafely';
import { estimateViews, receiveEstimate, type CostView, type ViewEstimate } from './costEstimate';
import { diffPatches } from './diffPatches';
import { workersAvailable } from './latestClient';

/** An analysis the client delivers: the design it is of (the very object sent), each cost view's
 *  estimate of that design (by view name), and how long the worker took. */
export interface Delivered { design: Design; analysis: Analysis; costs: ReadonlyMap<string, ViewEstimate>; ms: number }

const received = (costs: SentCosts): Map<string, ViewEstimate> => new Map(costs.map((c) => [c.name, { key: c.key, estimate: receiveEstimate(c.estimate) }]));

/** The analysis worker's client (issue 15). Each design sent gets a version; the first goes whole,
 *  the next ones as patches from the one before (diffPatches). Only the newest version's analysis is
 *  delivered: an answer for an older one is dropped. Where there is no Worker, or the worker fails
 *  to load or crashes, the analysis runs here instead (synchronously, as before issue 15). */
export class AnalysisClient {
  private worker: Worker | undefined;
  private broken = false;
  private version = 0;
  private sent: { version: number; design: Design } | undefined;
  /** Designs sent, by version, until their answer (or a newer one) comes. */
  private waiting = new Map<number, Design>();
  private onResult: ((d: Delivered) => void) | undefined;
  private costViews: CostView[] = [];
  /** The last delivery: estimates made again for new cost views go out with its design. */
  private delivered: Delivered | undefined;

  constructor(private readonly makeWorker: (() => Worker) | null = defaultWorker()) {}

  /** Called with each delivered analysis (the newest only). */
  listen(onResult: (d: Delivered) => void): void {
    this.onResult = onResult;
  }

  /** The estimates to make with every analysis (the canvas badges', the Cost panel's). A change is
   *  estimated at once for the design last sent, without analysing it again. */
  setCostViews(views: readonly CostView[]): void {
    if (JSON.stringify(views) === JSON.stringify(this.costViews)) return;
    this.costViews = [...views];
    const worker = this.ensureWorker();
    if (worker) {
      worker.postMessage({ costViews: this.costViews } satisfies AnalysisRequest);
      return;
    }
    const last = this.delivered;
    if (last) this.deliver({ ...last, costs: estimateViews(last.design, this.costViews, { reachability: last.analysis.reachability }) });
  }

  /** A worker analyses: send() only posts a message, so it may be called while React renders.
   *  Without one, send() analyses and delivers at once, which a render must not do. */
  get canSendDuringRender(): boolean {
    return !!this.ensureWorker();
  }

  /** Asks for the analysis of `design`; it is delivered to the listener when ready. */
  send(design: Design): void {
    if (this.sent?.design === design) return;
    const worker = this.ensureWorker();
    if (!worker) {
      this.sent = { version: ++this.version, design };
      const started = performance.now();
      const analysis = analyzeSafely(design);
      this.deliver({ design, analysis, costs: estimateViews(design, this.costViews, { reachability: analysis.reachability }), ms: performance.now() - started });
      return;
    }
    const version = ++this.version;
    const request: AnalysisRequest = this.sent
      ? { version, base: this.sent.version, patches: diffPatches(this.sent.design, design) }
      : { version, design };
    this.sent = { version, design };
    this.waiting.set(version, design);
    worker.postMessage(request);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.waiting.clear();
    this.onResult = undefined;
  }

  private deliver(d: Delivered): void {
    this.delivered = d;
    this.onResult?.(d);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.broken || !this.makeWorker) return this.worker;
    try {
      const worker = this.makeWorker();
      worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => this.receive(event.data));
      if (this.costViews.length) worker.postMessage({ costViews: this.costViews } satisfies AnalysisRequest);
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.fallBack();
      });
      this.worker = worker;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  private receive(reply: AnalysisReply): void {
    if (!reply.ok) {
      // The worker is out of step: the newest design, whole.
      if (reply.version === this.version && this.sent) {
        const version = ++this.version;
        this.waiting.clear();
        this.waiting.set(version, this.sent.design);
        this.sent = { version, design: this.sent.design };
        this.worker?.postMessage({ version, design: this.sent.design } satisfies AnalysisRequest);
      }
      return;
    }
    if ('costsOnly' in reply) {
      // New estimates of the version last delivered (the views changed, not the design).
      const last = this.delivered;
      if (last && reply.version === this.version && last.design === this.sent?.design) this.deliver({ ...last, costs: received(reply.costs), ms: reply.ms });
      return;
    }
    const design = this.waiting.get(reply.version);
    // Drop what is older than the answer (never shown) and a stale answer itself.
    for (const v of this.waiting.keys()) if (v <= reply.version) this.waiting.delete(v);
    if (!design || reply.version !== this.version) return;
    this.deliver({ design, analysis: reply.analysis, costs: received(reply.costs), ms: reply.ms });
  }

  /** The worker failed: analyse here from now on, starting with the newest design. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.broken = true;
    this.waiting.clear();
    const newest = this.sent?.design;
    this.sent = undefined;
    if (newest) this.send(newest);
  }
}

function defaultWorker(): (() => Worker) | null {
  if (!workersAvailable()) return null;
  return () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
}

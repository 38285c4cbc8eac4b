// Runs fuzz cases in a worker thread with a watchdog (issue 13, bullet 4: "never a hang"). Why a
// worker and not vitest's per-test timeout: vitest's timer runs in the same thread as the test, so
// a synchronous loop in the analysis would freeze it (and the whole run) — only another thread can
// notice (tried: `vitest --pool=forks` with a 2 s per-test timeout on a `for (;;) {}` test was still
// running after 45 s). Each case is posted to test/fuzz/worker.mjs (structured clone carries NaN, ±Infinity,
// -0, lone surrogates and own "__proto__" keys as restoreDesign would get them over IPC); when no
// answer comes within the watchdog the worker is terminated, a fresh one started, and the case is
// reported as hung. The worker measures each case with performance.now() (Outcome.ms).
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Input, Outcome } from './pipeline';

/** No answer after this long = a hang (the per-case budget of 1 s is checked separately, on Outcome.ms). */
export const HANG_MS = Number(process.env.SD_FUZZ_HANG_MS ?? 10_000);

export type Answer = { hung: false; outcome: Outcome } | { hung: true; waitedMs: number };

const WORKER = new URL('./worker.mjs', import.meta.url);

export class CaseRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;
  private pending: { id: number; resolve: (o: Outcome) => void; reject: (e: Error) => void } | undefined;
  /** Workers terminated because a case hung. */
  restarts = 0;
  private warmed = false;

  constructor(private readonly url: URL = WORKER, private readonly hangMs = HANG_MS) {}

  private start(): Promise<void> {
    // Node gives a worker a 4 MB stack; the CLI's and the app's main threads have V8's ~1 MB. The
    // same 1 MB here so deep nesting overflows in the fuzz where it would for a user (measured:
    // 11,505 frames of a trivial recursion here vs 13,686 on Node's main thread — slightly stricter).
    const worker = new Worker(this.url, { resourceLimits: { stackSizeMb: 1 } });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { ready?: true; id?: number; outcome?: Outcome }) => {
        if (m.ready) return resolve();
        if (this.pending && m.id === this.pending.id && m.outcome) {
          const p = this.pending;
          this.pending = undefined;
          p.resolve(m.outcome);
        }
      });
      const fail = (e: Error) => {
        reject(e);
        if (this.pending) {
          const p = this.pending;
          this.pending = undefined;
          p.reject(e);
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (this.worker === worker) {
          this.worker = undefined;
          fail(new Error(`fuzz worker exited with code ${code}`));
        }
      });
    });
    return this.ready;
  }

  /** Runs one case (with the diagram drawn too when asked); `hung` when no answer came within the
   *  watchdog (the worker is then replaced). */
  async run(input: Input, { diagram = false } = {}): Promise<Answer> {
    if (!this.worker) {
      await this.start();
      // A worker replaced after a hang is warmed up again, so the next case's time is its own.
      if (this.warmed) {
        this.warmed = false;
        await this.warmUp();
      }
    } else await this.ready;
    const worker = this.worker as Worker;
    const id = this.nextId++;
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answer = new Promise<Outcome>((resolve, reject) => {
      this.pending = { id, resolve, reject };
    });
    const watchdog = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), this.hangMs);
    });
    worker.postMessage({ id, input, diagram });
    const first = await Promise.race([answer, watchdog]).finally(() => clearTimeout(timer));
    if (first !== 'hung') return { hung: false, outcome: first };
    this.pending = undefined;
    this.worker = undefined;
    this.restarts++;
    await worker.terminate();
    return { hung: true, waitedMs: performance.now() - started };
  }

  /** The first diagram in a fresh worker loads and compiles the drawing code, and the first design
   *  without positions the auto-layout (elkjs): 1.7–1.9 s on this machine. Paid once, before the
   *  cases, so that a case's time is its own. */
  async warmUp(): Promise<void> {
    const doc = JSON.parse(readFileSync(new URL('../../templates/file-pipeline.design.json', import.meta.url), 'utf8')) as { layout?: unknown };
    const placed = JSON.stringify(doc);
    delete doc.layout;
    for (const text of [placed, JSON.stringify(doc)]) await this.run({ text }, { diagram: true });
    this.warmed = true;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}

import type { LayoutPositions } from '../../core/layout/positions';
import type { Design } from '../../core/model/design';
import { LatestClient, workersAvailable } from '../workers/latestClient';
import type { LayoutResponse } from './layoutMessages';

type Answer = Design | LayoutPositions;
type Request = { task?: 'import'; design: Design } | { task: 'autoLayout'; design: Design; only?: readonly string[] };

/** Loaded on demand: ELK is large, and the app bundle should not carry it twice. */
function layOutInPlace(request: Request): Promise<Answer> {
  return request.task === 'autoLayout'
    ? import('../../core/layout/autoLayout').then(({ autoLayout }) => autoLayout(request.design, request.only ? { only: request.only } : {}))
    : import('../../core/iac/import/layout').then(({ layoutDesign }) => layoutDesign(request.design));
}

/** Lays out designs in a Web Worker (layoutMessages.ts is the protocol), newest request wins: a
 *  result for an older request (the user imported again, or asked for Auto-layout again, before the
 *  first layout finished) resolves to null and is dropped. Where there is no Worker (unit tests in
 *  happy-dom), or the worker cannot start (a host that refuses worker scripts), the layout runs in
 *  place, with the same stale rule (renderer/workers/latestClient.ts). */
export class LayoutClient {
  private readonly client: LatestClient<Request, LayoutResponse, Answer>;

  constructor(makeWorker: (() => Worker) | null = defaultWorker()) {
    this.client = new LatestClient({ makeWorker, inPlace: layOutInPlace, result: (r) => ('positions' in r ? r.positions : r.design), failure: 'automatic layout failed' });
  }

  /** An imported design, every node laid out. */
  layout(design: Design): Promise<Design | null> {
    return this.client.send({ design }) as Promise<Design | null>;
  }

  /** Auto-layout of the design, or of `only` those nodes: the new positions (core/layout). */
  autoLayout(design: Design, only?: readonly string[]): Promise<LayoutPositions | null> {
    return this.client.send({ task: 'autoLayout', design, ...(only ? { only } : {}) }) as Promise<LayoutPositions | null>;
  }

  dispose(): void {
    this.client.dispose();
  }
}

function defaultWorker(): (() => Worker) | null {
  if (!workersAvailable()) return null;
  return () => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
}

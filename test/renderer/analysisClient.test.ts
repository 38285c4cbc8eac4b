import fc from 'fast-check';
import { applyPatches, enablePatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { History } from '../../core/commands';
import { parseDesign, type Design } from '../../core/model';
import { generateDesign } from '../../bench/generate';
import { AnalysisClient, type Delivered } from '../../renderer/workers/analysisClient';
import type { AnalysisReply, AnalysisRequest } from '../../renderer/workers/analysisMessages';
import { diffPatches } from '../../renderer/workers/diffPatches';
import { commandOf, step } from '../core/incremental/steps';

enablePatches();
const parsed = parseDesign(JSON.stringify(generateDesign(80, 8)));
if (!parsed.ok) throw new Error('generated design does not load');
const start: Design = parsed.design;

describe('diffPatches: an edit as patches', () => {
  it('applied to the design before, the patches give the design after, for random edit sequences', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) => {
      const history = new History(start);
      let before = history.design;
      for (const s of steps) {
        const c = commandOf(history.design, s);
        if (c === 'undo') history.undo();
        else if (c === 'redo') history.redo();
        else if (c) history.apply(c);
        const after = history.design;
        const moved = applyPatches(before, diffPatches(before, after));
        expect(moved).toEqual(after);
        before = after;
      }
    }), { numRuns: 60, seed: 15 });
  });

  it('a property edit sends that property, not the node or the design', () => {
    const history = new History(start);
    const fn = start.nodes.find((n) => n.kind === 'lambda')!;
    history.apply({ type: 'setProp', nodeId: fn.id, path: ['timeoutSeconds'], value: 77 });
    const patches = diffPatches(start, history.design);
    expect(patches).toEqual([{ op: 'replace', path: ['nodes', start.nodes.indexOf(fn), 'props', 'timeoutSeconds'], value: 77 }]);
  });

  it('a deleted node with its edges: removes, unchanged nodes and edges untouched (kept by identity)', () => {
    const history = new History(start);
    const queue = start.nodes.find((n) => n.kind === 'sqsQueue')!;
    history.apply({ type: 'removeNodes', ids: [queue.id] });
    const patches = diffPatches(start, history.design);
    expect(patches.every((p) => p.op === 'remove' || p.path[0] === 'usage' || p.path[0] === 'layout')).toBe(true);
    const moved = applyPatches(start, patches);
    const untouched = moved.nodes.filter((n) => start.nodes.includes(n));
    expect(untouched.length).toBe(moved.nodes.length);
  });
});

/** A worker stand-in that records what it is sent and answers when the test says. */
class FakeWorker extends EventTarget {
  sent: AnalysisRequest[] = [];
  terminated = false;
  postMessage(request: AnalysisRequest): void { this.sent.push(request); }
  terminate(): void { this.terminated = true; }
  reply(reply: AnalysisReply): void { this.dispatchEvent(new MessageEvent('message', { data: reply })); }
  crash(): void { this.dispatchEvent(new Event('error', { cancelable: true })); }
}

function clientWithFake(): { client: AnalysisClient; worker: FakeWorker; delivered: Delivered[] } {
  const worker = new FakeWorker();
  const client = new AnalysisClient(() => worker as unknown as Worker);
  const delivered: Delivered[] = [];
  client.listen((d) => delivered.push(d));
  return { client, worker, delivered };
}

describe('AnalysisClient', () => {
  const history = new History(start);
  const d1 = history.design;
  const fn = start.nodes.find((n) => n.kind === 'lambda')!;
  history.apply({ type: 'setProp', nodeId: fn.id, path: ['timeoutSeconds'], value: 500 });
  const d2 = history.design;
  const analysis = analyze(d2);

  it('sends the first design whole and the next as patches from it', () => {
    const { client, worker } = clientWithFake();
    client.send(d1);
    client.send(d2);
    expect(worker.sent[0]).toEqual({ version: 1, design: d1 });
    expect(worker.sent[1]).toMatchObject({ version: 2, base: 1 });
    expect('patches' in worker.sent[1]! && worker.sent[1].patches).toHaveLength(1);
  });

  it('drops an answer for an older version; delivers the newest with the design object it is of', () => {
    const { client, worker, delivered } = clientWithFake();
    client.send(d1);
    client.send(d2);
    worker.reply({ version: 1, ok: true, analysis: analyze(d1), ms: 1 });
    expect(delivered).toEqual([]);
    worker.reply({ version: 2, ok: true, analysis, ms: 1 });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.design).toBe(d2);
    expect(delivered[0]!.analysis).toBe(analysis);
  });

  it('a worker out of step asks again: the newest design goes whole', () => {
    const { client, worker } = clientWithFake();
    client.send(d1);
    client.send(d2);
    worker.reply({ version: 2, ok: false, resend: true });
    expect(worker.sent[2]).toEqual({ version: 3, design: d2 });
  });

  it('a worker that crashes hands over: the newest design is analysed here', () => {
    const { client, worker, delivered } = clientWithFake();
    client.send(d1);
    client.send(d2);
    worker.crash();
    expect(worker.terminated).toBe(true);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.design).toBe(d2);
    expect(delivered[0]!.analysis).toEqual(analysis);
  });
});

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
import { estimateCost } from '../../core/pricing';
import { reportJson } from '../../cli/commands/cost';
import { estimateViews, receiveEstimate, sendEstimate, type CostView } from '../../renderer/workers/costEstimate';
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
    worker.reply({ version: 1, ok: true, analysis: analyze(d1), costs: [], ms: 1 });
    expect(delivered).toEqual([]);
    worker.reply({ version: 2, ok: true, analysis, costs: [], ms: 1 });
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

  it('may send while React renders only where a worker analyses (send() then just posts; without one it delivers at once)', () => {
    const { client, worker, delivered } = clientWithFake();
    expect(client.canSendDuringRender).toBe(true);
    client.send(d1);
    client.send(d1);
    expect(worker.sent).toHaveLength(1);
    expect(delivered).toEqual([]);
    worker.crash();
    expect(client.canSendDuringRender).toBe(false);
    expect(new AnalysisClient(null).canSendDuringRender).toBe(false);
    expect(new AnalysisClient(() => { throw new Error('no workers here'); }).canSendDuringRender).toBe(false);
  });

  const views: CostView[] = [{ name: 'badges', options: { region: 'us-east-1', freeTier: false } }, { name: 'panel', options: { region: 'eu-west-1', freeTier: true } }];

  it('cost views: sent to the worker; new estimates alone come back with the same analysis; an old version\'s are dropped', () => {
    const { client, worker, delivered } = clientWithFake();
    client.send(d2);
    const sent = (v: CostView[]) => [...estimateViews(d2, v)].map(([name, e]) => ({ name, key: e.key, estimate: structuredClone(sendEstimate(e.estimate)) }));
    worker.reply({ version: 1, ok: true, analysis, costs: [], ms: 1 });
    expect(delivered[0]!.costs.size).toBe(0);
    client.setCostViews(views);
    expect(worker.sent.at(-1)).toEqual({ costViews: views });
    // The same views again: nothing sent.
    client.setCostViews([...views]);
    expect(worker.sent.filter((r) => 'costViews' in r)).toHaveLength(1);
    worker.reply({ version: 1, ok: true, costsOnly: true, costs: sent(views), ms: 1 });
    expect(delivered).toHaveLength(2);
    expect(delivered[1]!.analysis).toBe(analysis);
    expect(delivered[1]!.design).toBe(d2);
    const panel = delivered[1]!.costs.get('panel')!;
    expect(panel.estimate.ok && reportJson(panel.estimate.report)).toEqual(reportJson(estimateCost(d2, { region: 'eu-west-1', freeTier: true })));
    // An edit is on its way: estimates of the version before it are not shown.
    client.send(d1);
    worker.reply({ version: 1, ok: true, costsOnly: true, costs: sent(views), ms: 1 });
    expect(delivered).toHaveLength(2);
  });

  it('without a worker the estimates are made here, with each analysis and when the views change', () => {
    const client = new AnalysisClient(null);
    const delivered: Delivered[] = [];
    client.listen((d) => delivered.push(d));
    client.send(d2);
    client.setCostViews(views);
    expect(delivered).toHaveLength(2);
    const badges = delivered[1]!.costs.get('badges')!;
    expect(badges.estimate.ok && reportJson(badges.estimate.report)).toEqual(reportJson(estimateCost(d2, { region: 'us-east-1' })));
    client.send(d1);
    expect(delivered[2]!.costs.get('panel')!.estimate.ok).toBe(true);
  });
});

describe('an estimate across postMessage', () => {
  it('comes back exact: the same JSON for every template in every view, through a structured clone', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const f of readdirSync('templates').filter((x) => x.endsWith('.design.json'))) {
      const p = parseDesign(readFileSync(`templates/${f}`, 'utf8'));
      if (!p.ok) throw new Error(f);
      for (const freeTier of [false, true]) {
        const report = estimateCost(p.design, { freeTier });
        const back = receiveEstimate(structuredClone(sendEstimate({ ok: true, report })));
        expect(back.ok && JSON.stringify(reportJson(back.report)), f).toBe(JSON.stringify(reportJson(report)));
        expect(back.ok && back.report.monthlyTotal.plus(1).minus(1).eq(report.monthlyTotal)).toBe(true);
      }
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { LatestClient, type WorkerReply } from '../../renderer/workers/latestClient';

type Reply = WorkerReply & ({ ok: true; doubled: number } | { ok: false; message: string });

/** A Worker stand-in that answers only when told to, in any order. */
class FakeWorker {
  onmessage: ((e: MessageEvent<Reply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  requests: { id: number; n: number }[] = [];
  terminated = false;
  postMessage(r: { id: number; n: number }) { this.requests.push(r); }
  terminate() { this.terminated = true; }
  reply(data: Reply) { this.onmessage?.({ data } as MessageEvent<Reply>); }
}

const client = (makeWorker: (() => Worker) | null, inPlace = vi.fn((r: { n: number }) => r.n * 2)) => ({
  inPlace,
  c: new LatestClient<{ n: number }, Reply, number>({ makeWorker, inPlace, result: (r) => r.doubled, failure: 'doubling failed' }),
});

describe('LatestClient (the worker client of edge routing and layout)', () => {
  it('sends each request with an id; the newest wins: an older one resolves to null, whatever order the answers come in', async () => {
    const worker = new FakeWorker();
    const { c } = client(() => worker as unknown as Worker);
    const first = c.send({ n: 1 });
    const second = c.send({ n: 2 });
    expect(worker.requests).toEqual([{ id: 1, n: 1 }, { id: 2, n: 2 }]);
    worker.reply({ id: 2, ok: true, doubled: 4 });
    worker.reply({ id: 1, ok: true, doubled: 2 });
    expect(await first).toBeNull();
    expect(await second).toBe(4);
  });

  it('a failed reply rejects with what failed and why', async () => {
    const worker = new FakeWorker();
    const { c } = client(() => worker as unknown as Worker);
    const pending = c.send({ n: 1 });
    worker.reply({ id: 1, ok: false, message: 'boom' });
    await expect(pending).rejects.toThrow('doubling failed: boom');
  });

  it('a worker that crashes hands its request to the in-place run and is never started again', async () => {
    const worker = new FakeWorker();
    const make = vi.fn(() => worker as unknown as Worker);
    const { c, inPlace } = client(make);
    const pending = c.send({ n: 5 });
    worker.onerror?.({ message: 'Failed to load', preventDefault() {} } as ErrorEvent);
    expect(await pending).toBe(10);
    expect(worker.terminated).toBe(true);
    expect(await c.send({ n: 6 })).toBe(12);
    expect(make).toHaveBeenCalledTimes(1);
    expect(inPlace).toHaveBeenCalledTimes(2);
  });

  it('without a worker (or one that cannot start) runs in place, and never runs a request already stale', async () => {
    const { c, inPlace } = client(null);
    const first = c.send({ n: 1 });
    const second = c.send({ n: 2 });
    expect([await first, await second]).toEqual([null, 4]);
    expect(inPlace).toHaveBeenCalledTimes(1);
    const failing = client(() => { throw new Error('no workers here'); });
    expect(await failing.c.send({ n: 3 })).toBe(6);
  });

  it('dispose answers what is waiting with null and stops the worker', async () => {
    const worker = new FakeWorker();
    const { c } = client(() => worker as unknown as Worker);
    const pending = c.send({ n: 1 });
    c.dispose();
    expect(await pending).toBeNull();
    expect(worker.terminated).toBe(true);
  });
});

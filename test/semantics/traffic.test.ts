import { describe, expect, it } from 'vitest';
import { createDesign, createEdge, createNode, type Design, type DesignEdge, type DesignNode } from '../../core/model';
import { expectedAttempts, propagateTraffic, scheduledFirings } from '../../core/semantics';

function design(nodes: DesignNode[], edges: DesignEdge[], usage: { nodes?: Record<string, Record<string, number>>; edges?: Record<string, Record<string, number>> }): Design {
  const d = createDesign('traffic');
  return { ...d, nodes, edges, usage: { profiles: { expected: { description: '', nodes: usage.nodes ?? {}, edges: usage.edges ?? {} } }, active: 'expected' } };
}
const fn = (id: string, props: Record<string, unknown> = {}) => createNode('lambda', id, id, props);

describe('traffic propagation', () => {
  it('SNS fans every publish out to each subscriber; SQS batches divide invocations', () => {
    const d = design(
      [createNode('apiGateway', 'api', 'api'), fn('producer'), createNode('snsTopic', 't', 'orders'), createNode('sqsQueue', 'q1', 'billing'), createNode('sqsQueue', 'q2', 'search'), fn('bill'), fn('index'), fn('mail')],
      [
        createEdge('trigger', 'e-api', 'api', 'producer'), createEdge('access', 'pub', 'producer', 't', { mode: 'publish' }),
        createEdge('trigger', 's1', 't', 'q1'), createEdge('trigger', 's2', 't', 'q2'), createEdge('trigger', 's3', 't', 'mail'),
        createEdge('trigger', 'c1', 'q1', 'bill', { batchSize: 10 }), createEdge('trigger', 'c2', 'q2', 'index', { batchSize: 100, maximumBatchingWindowSeconds: 5 }),
      ],
      { nodes: { api: { requestsPerMonth: 1_000_000 } }, edges: { pub: { perInvocation: 2 } } },
    );
    const t = propagateTraffic(d);
    expect(t.nodes.t.events).toBe(2_000_000);
    expect([t.nodes.q1.events, t.nodes.q2.events, t.nodes.mail.invocations]).toEqual([2_000_000, 2_000_000, 2_000_000]);
    expect(t.nodes.bill.invocations).toBe(200_000);
    expect(t.nodes.index.invocations).toBe(20_000);
    expect(t.nodes.q1.from).toEqual(['every publish to "orders" (fan-out)']);
    expect(t.edges.pub.from).toBe('2 per invocation of "producer" × 1,000,000 invocations');
  });

  it('retries multiply invocations under an error rate: async (2 retries) and SQS (maxReceiveCount) — failures reach the sinks', () => {
    const d = design(
      [createNode('s3Bucket', 'b', 'uploads'), fn('thumb'), createNode('sqsQueue', 'failed', 'failed'), createNode('sqsQueue', 'q', 'jobs'), createNode('sqsQueue', 'dlq', 'jobs-dlq'), fn('worker')],
      [
        createEdge('trigger', 'e1', 'b', 'thumb'), createEdge('destination', 'd1', 'thumb', 'failed', { on: 'failure' }),
        createEdge('trigger', 'e2', 'q', 'worker', { batchSize: 1 }), createEdge('deadLetter', 'r', 'q', 'dlq', { maxReceiveCount: 3 }),
      ],
      { nodes: { b: { requestsPerMonth: 1_000_000 }, thumb: { errorRate: 0.1 }, q: { requestsPerMonth: 1_000_000 }, worker: { errorRate: 0.5 } } },
    );
    const t = propagateTraffic(d);
    expect(t.nodes.thumb.invocations).toBeCloseTo(1_000_000 * (1 + 0.1 + 0.01), 6);
    expect(t.nodes.failed.events).toBeCloseTo(1_000_000 * 0.001, 6);
    expect(t.nodes.worker.invocations).toBeCloseTo(1_000_000 * expectedAttempts(0.5, 2), 6);
    expect(t.nodes.dlq.events).toBeCloseTo(1_000_000 * 0.125, 6);
  });

  it('a bus feeds its rules; a rate() schedule fires 730 h a month; requests entered at a function invoke it', () => {
    const d = design(
      [createNode('eventBus', 'bus', 'bus'), createNode('eventRule', 'r', 'orders', {}, 'bus'), fn('svc'), createNode('eventRule', 'cron', 'every 5 min', { ruleType: 'schedule', scheduleExpression: 'rate(5 minutes)' }), fn('job'), fn('direct')],
      [createEdge('trigger', 'e1', 'r', 'svc'), createEdge('trigger', 'e2', 'cron', 'job')],
      { nodes: { bus: { requestsPerMonth: 300_000 }, direct: { requestsPerMonth: 42 } } },
    );
    const t = propagateTraffic(d);
    expect(t.nodes.svc.invocations).toBe(300_000);
    expect(scheduledFirings(d.nodes[3])).toBe(8760);
    expect(t.nodes.job.invocations).toBe(8760);
    expect(t.nodes.direct.invocations).toBe(42);
  });

  it('a loop does not count its events twice and says so', () => {
    const d = design(
      [createNode('sqsQueue', 'q', 'jobs'), fn('worker')],
      [createEdge('trigger', 'e', 'q', 'worker', { batchSize: 1 }), createEdge('access', 'w', 'worker', 'q', { mode: 'write' })],
      { nodes: { q: { requestsPerMonth: 100 } }, edges: { w: { perInvocation: 1 } } },
    );
    const t = propagateTraffic(d);
    expect(t.nodes.worker.invocations).toBe(100);
    expect(t.notes[0]).toMatch(/^Loops \("jobs", "worker"\)/);
  });
});

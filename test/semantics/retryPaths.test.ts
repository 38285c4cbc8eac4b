import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../core/graph';
import { createDesign, createEdge, createNode, type Design, type DesignEdge, type DesignNode } from '../../core/model';
import { analyzeRetryHop, traceRetryPaths } from '../../core/semantics';

function design(nodes: DesignNode[], edges: DesignEdge[]): Design {
  return { ...createDesign('retry test'), nodes, edges };
}
const fn = (id: string, props: Record<string, unknown> = {}) => createNode('lambda', id, id, { timeoutSeconds: 30, ...props });
const hop = (d: Design, edgeId: string) => analyzeRetryHop(indexDesign(d), indexDesign(d).edge(edgeId)!)!;

describe('retry hops per source kind', () => {
  it('S3 → Lambda (async): 3 attempts, retries after 1 and 2 min, 6 h throttle window, discarded without capture', () => {
    const d = design([createNode('s3Bucket', 'b', 'uploads'), fn('f')], [createEdge('trigger', 't', 'b', 'f')]);
    const h = hop(d, 't');
    expect(h).toMatchObject({ model: 'async', attempts: 3, duplicateInvocations: 2, worstCaseSeconds: 21600, sinks: [], lost: true });
    expect(h.lostReason).toBe('no on-failure destination or DLQ on "f": an event is discarded after 3 failed attempts (about 5 min) or after 6 h of throttling');
    expect(h.policy).toMatch(/retries after 1 min then 2 min/);
  });

  it('async with 0 retries and a 60 s event age: 1 attempt; on-failure destination and DLQ are both sinks', () => {
    const d = design(
      [createNode('s3Bucket', 'b', 'uploads'), fn('f', { asyncConfig: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } }), createNode('sqsQueue', 'q', 'failed'), createNode('snsTopic', 'dl', 'dead')],
      [createEdge('trigger', 't', 'b', 'f'), createEdge('destination', 'd', 'f', 'q', { on: 'failure' }), createEdge('deadLetter', 'x', 'f', 'dl')],
    );
    expect(hop(d, 't')).toMatchObject({ attempts: 1, duplicateInvocations: 0, worstCaseSeconds: 60, lost: false, sinks: [{ kind: 'onFailureDestination', node: { id: 'q' } }, { kind: 'deadLetterQueue', node: { id: 'dl' } }] });
  });

  it('SNS → Lambda: the subscription DLQ catches delivery failures only, not function errors', () => {
    const d = design([createNode('snsTopic', 'tp', 'orders'), fn('f'), createNode('sqsQueue', 'sdlq', 'sub-dlq')], [createEdge('trigger', 't', 'tp', 'f'), createEdge('deadLetter', 'x', 'tp', 'sdlq', { via: 't' })]);
    const h = hop(d, 't');
    expect(h.lost).toBe(true);
    expect(h.delivery).toMatchObject({ dlq: { id: 'sdlq' }, policy: 'SNS retries delivery up to 100,015 times over 23 d' });
    expect(h.delivery?.catches).toMatch(/never function errors/);
  });

  it('EventBridge rule → Lambda: target retry policy (185 / 24 h by default) is delivery-side', () => {
    const d = design([createNode('eventRule', 'r', 'order-created'), fn('f')], [createEdge('trigger', 't', 'r', 'f', { retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeSeconds: 3600 } })]);
    expect(hop(d, 't').delivery?.policy).toBe('EventBridge retries delivery up to 4 times over 60 min');
  });

  it('SQS → Lambda with redrive: maxReceiveCount × visibility timeout to the DLQ, duplicates = maxReceiveCount − 1', () => {
    const d = design(
      [createNode('sqsQueue', 'q', 'jobs', { visibilityTimeoutSeconds: 180, delaySeconds: 10 }), createNode('sqsQueue', 'dlq', 'jobs-dlq'), fn('f')],
      [createEdge('trigger', 't', 'q', 'f', { batchSize: 10 }), createEdge('deadLetter', 'r', 'q', 'dlq', { maxReceiveCount: 5 })],
    );
    const h = hop(d, 't');
    expect(h).toMatchObject({ model: 'poll', attempts: 5, worstCaseSeconds: 5 * 180 + 10, duplicateInvocations: 4, lost: false, sinks: [{ kind: 'redriveQueue', node: { id: 'dlq' } }] });
    expect(h.notes[0]).toMatch(/whole batch of up to 10/);
  });

  it('SQS → Lambda without redrive: unbounded retries until the 4-day retention, then lost', () => {
    const d = design([createNode('sqsQueue', 'q', 'jobs', { visibilityTimeoutSeconds: 180 }), fn('f')], [createEdge('trigger', 't', 'q', 'f', { reportBatchItemFailures: true })]);
    const h = hop(d, 't');
    expect(h).toMatchObject({ attempts: null, worstCaseSeconds: 345600, duplicateInvocations: null, lost: true, notes: [] });
    expect(h.lostReason).toMatch(/deleted when its retention \(4 d\) ends/);
  });

  it('Kinesis → Lambda at defaults: retries until records expire (24 h retention), shard blocked, then lost', () => {
    const d = design([createNode('kinesisStream', 's', 'clicks'), fn('f')], [createEdge('trigger', 't', 's', 'f', { startingPosition: 'LATEST' })]);
    const h = hop(d, 't');
    expect(h).toMatchObject({ attempts: null, worstCaseSeconds: 86400, lost: true });
    expect(h.lostReason).toMatch(/blocks its shard until it expires \(24 h\)/);
  });

  it('Kinesis → Lambda with 2 retries, bisect, batch 100 and an on-failure destination', () => {
    const d = design(
      [createNode('kinesisStream', 's', 'clicks', { retentionHours: 168 }), fn('f', { timeoutSeconds: 10 }), createNode('sqsQueue', 'q', 'failed')],
      [createEdge('trigger', 't', 's', 'f', { startingPosition: 'LATEST', maximumRetryAttempts: 2, bisectBatchOnFunctionError: true, batchSize: 100 }), createEdge('destination', 'd', 's', 'q', { on: 'failure', via: 't' })],
    );
    // 3 attempts × (1 + ceil(log2 100) = 7 splits) × 10 s = 240 s; duplicates 2 + 7.
    expect(hop(d, 't')).toMatchObject({ attempts: 3, worstCaseSeconds: 240, duplicateInvocations: 9, lost: false, sinks: [{ kind: 'streamOnFailure', node: { id: 'q' } }] });
  });

  it('DynamoDB stream → Lambda with a 1 h record age and no destination: skipped records are lost', () => {
    const d = design([createNode('dynamoTable', 'tb', 'orders', { streamViewType: 'NEW_IMAGE' }), fn('f')], [createEdge('trigger', 't', 'tb', 'f', { startingPosition: 'TRIM_HORIZON', maximumRecordAgeSeconds: 3600 })]);
    expect(hop(d, 't')).toMatchObject({ attempts: null, worstCaseSeconds: 3600, lost: true, lostReason: expect.stringMatching(/skipped with nothing kept/) });
  });

  it('API Gateway → Lambda (sync): one attempt, the caller gets the error, nothing lost', () => {
    const d = design([createNode('apiGateway', 'api', 'api'), fn('f')], [createEdge('trigger', 't', 'api', 'f')]);
    expect(hop(d, 't')).toMatchObject({ model: 'sync', attempts: 1, worstCaseSeconds: 30, duplicateInvocations: 0, lost: false, sinks: [{ kind: 'caller', node: { id: 'api' } }] });
  });
});

describe('traceRetryPaths follows chains end to end', () => {
  it('SQS → Lambda → SNS → Lambda: attempts multiply, times add, loss anywhere marks the path', () => {
    const d = design(
      [
        createNode('sqsQueue', 'q', 'jobs', { visibilityTimeoutSeconds: 180 }), createNode('sqsQueue', 'dlq', 'jobs-dlq'), fn('worker'),
        createNode('snsTopic', 'tp', 'done'), fn('notify'),
      ],
      [
        createEdge('trigger', 't1', 'q', 'worker'), createEdge('deadLetter', 'r', 'q', 'dlq', { maxReceiveCount: 5 }),
        createEdge('access', 'w', 'worker', 'tp', { mode: 'publish' }), createEdge('trigger', 't2', 'tp', 'notify'),
      ],
    );
    const paths = traceRetryPaths(d);
    expect(paths).toHaveLength(1);
    expect(paths[0].hops.map((h) => h.edge)).toEqual(['t1', 't2']);
    expect(paths[0]).toMatchObject({ lost: true, invocationsWorstCase: 15, worstCaseSeconds: 900 + 21600 });
  });

  it('a loop (function writes back to its own queue) is reported once, with where it loops back', () => {
    const d = design(
      [createNode('sqsQueue', 'q', 'jobs', { visibilityTimeoutSeconds: 180 }), fn('worker')],
      [createEdge('trigger', 't1', 'q', 'worker'), createEdge('access', 'w', 'worker', 'q', { mode: 'write' })],
    );
    const paths = traceRetryPaths(d);
    expect(paths).toHaveLength(1);
    expect(paths[0].loopsBackTo).toEqual({ id: 'q', name: 'jobs', kind: 'sqsQueue' });
    expect(paths[0].hops.map((h) => h.edge)).toEqual(['t1']);
  });

  it('every trigger into a function appears in some path, even inside a loop with no entry', () => {
    const d = design(
      [createNode('eventBus', 'bus', 'bus'), createNode('eventRule', 'r', 'rule', {}, 'bus'), fn('svc')],
      [createEdge('trigger', 't', 'r', 'svc'), createEdge('access', 'p', 'svc', 'bus', { mode: 'publish' })],
    );
    const paths = traceRetryPaths(d);
    expect(paths.flatMap((p) => p.hops.map((h) => h.edge))).toContain('t');
  });
});

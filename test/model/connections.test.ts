import { describe, expect, it } from 'vitest';
import { canConnect, EDGE_KIND_IDS, NODE_KIND_IDS, nodeSchema, NODE_KINDS, possibleEdgeKinds } from '../../core/model';

describe('canConnect', () => {
  it.each([
    ['sqsQueue', 'lambda', 'trigger'],
    ['apiGateway', 'lambda', 'trigger'],
    ['s3Bucket', 'lambda', 'trigger'],
    ['kinesisStream', 'lambda', 'trigger'],
    ['eventRule', 'lambda', 'trigger'],
    ['snsTopic', 'sqsQueue', 'trigger'],
    ['lambda', 'lambda', 'invoke'],
    ['lambda', 'sqsQueue', 'destination'],
    ['lambda', 'sqsQueue', 'deadLetter'],
    ['sqsQueue', 'sqsQueue', 'deadLetter'],
    ['lambda', 'rds', 'access'],
    ['lambda', 'externalEndpoint', 'access'],
  ] as const)('%s → %s as %s is allowed', (from, to, edge) => {
    expect(canConnect(from, to, edge)).toEqual({ ok: true });
  });

  it.each([
    ['lambda', 'sqsQueue', 'trigger', /access edge/],
    ['sqsQueue', 'lambda', 'invoke', /Lambda polls it/],
    ['lambda', 'lambda', 'trigger', /invoke edge/],
    ['sqsQueue', 'lambda', 'destination', /redrive/],
    ['vpc', 'lambda', 'access', /placement/],
    ['s3Bucket', 'rds', 'trigger', /AWS has no trigger from an S3 bucket to an RDS/],
  ] as const)('%s → %s as %s is refused with a reason', (from, to, edge, reason) => {
    const v = canConnect(from, to, edge);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(reason);
  });

  it('refuses settings AWS refuses: FIFO topic → Lambda, S3 → FIFO queue, table without a stream, FIFO destinations', () => {
    const fifoTopic = { kind: 'snsTopic', props: { fifo: true } };
    const fifoQueue = { kind: 'sqsQueue', props: { fifo: true } };
    expect(canConnect(fifoTopic, 'lambda', 'trigger')).toMatchObject({ ok: false, reason: expect.stringMatching(/INV-11/) });
    expect(canConnect(fifoTopic, fifoQueue, 'trigger')).toEqual({ ok: true });
    expect(canConnect({ kind: 'snsTopic', props: { fifo: false } }, fifoQueue, 'trigger').ok).toBe(false);
    expect(canConnect('s3Bucket', fifoQueue, 'trigger').ok).toBe(false);
    expect(canConnect('s3Bucket', fifoTopic, 'trigger').ok).toBe(false);
    expect(canConnect({ kind: 'dynamoTable', props: { streamViewType: 'NONE' } }, 'lambda', 'trigger').ok).toBe(false);
    expect(canConnect({ kind: 'dynamoTable', props: { streamViewType: 'NEW_IMAGE' } }, 'lambda', 'trigger').ok).toBe(true);
    expect(canConnect('lambda', fifoQueue, 'destination').ok).toBe(false);
    expect(canConnect('lambda', 's3Bucket', 'destination', { on: 'success' }).ok).toBe(false);
    expect(canConnect('lambda', 's3Bucket', 'destination', { on: 'failure' }).ok).toBe(true);
    expect(canConnect('kinesisStream', 'sqsQueue', 'destination', { on: 'success' }).ok).toBe(false);
    expect(canConnect('sqsQueue', fifoQueue, 'deadLetter').ok).toBe(false);
  });

  it('gives a non-empty reason for every refused pair of kinds and edge kinds', () => {
    let refused = 0;
    for (const from of NODE_KIND_IDS) for (const to of NODE_KIND_IDS) for (const edge of EDGE_KIND_IDS) {
      const v = canConnect(from, to, edge);
      if (!v.ok) {
        refused++;
        expect(v.reason.length, `${from} → ${to} (${edge})`).toBeGreaterThan(20);
      }
    }
    expect(refused).toBeGreaterThan(2500);
  });

  it('lists the edge kinds possible between two nodes', () => {
    expect(possibleEdgeKinds('lambda', 'sqsQueue').sort()).toEqual(['access', 'deadLetter', 'destination']);
    expect(possibleEdgeKinds('sqsQueue', 'lambda')).toEqual(['trigger']);
  });
});

describe('node kind registry', () => {
  it('has one node schema per kind, in agreement with NODE_KINDS', () => {
    const schemaKinds = nodeSchema.options.map((o) => o.shape.kind.value);
    expect([...schemaKinds].sort()).toEqual(NODE_KINDS.map((k) => k.kind).sort());
    NODE_KINDS.forEach((k) => {
      const option = nodeSchema.options.find((o) => o.shape.kind.value === k.kind);
      expect(option?.parse({ id: 'x', kind: k.kind, name: 'x' }).props, k.kind).toEqual(k.props.parse({}));
    });
  });
});

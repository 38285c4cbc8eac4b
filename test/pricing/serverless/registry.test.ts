import { describe, expect, it } from 'vitest';
import { createNode } from '../../../core/model';
import { ESTIMATORS, FREE_KINDS } from '../../../core/pricing';
import { SERVERLESS_ESTIMATORS, SERVERLESS_UNPRICED } from '../../../core/pricing/estimators/serverless';
import { cents, cost, design, line, total } from './helpers';

describe('serverless estimator registry', () => {
  it('registers one estimator per serverless kind, and they are the engine\'s', () => {
    expect(Object.keys(SERVERLESS_ESTIMATORS).sort()).toEqual(['alb', 'apiGateway', 'dynamoTable', 'eventBus', 'eventRule', 'kinesisStream', 'logGroup', 's3Bucket', 'snsTopic', 'sqsQueue', 'stepFunction']);
    for (const [kind, estimator] of Object.entries(SERVERLESS_ESTIMATORS)) expect(ESTIMATORS[kind as keyof typeof ESTIMATORS], kind).toBe(estimator);
  });

  it('each estimator ignores nodes of other kinds', () => {
    for (const [kind, estimator] of Object.entries(SERVERLESS_ESTIMATORS)) {
      const other = createNode(kind === 'sqsQueue' ? 'snsTopic' : 'sqsQueue', 'x', 'x');
      expect(estimator!({} as never, other), kind).toEqual([]);
    }
  });

  it('every kind of this group is estimated (what cannot be priced comes back as unpriced lines)', () => {
    expect(SERVERLESS_UNPRICED).toEqual({});
    for (const kind of Object.keys(SERVERLESS_ESTIMATORS)) expect(FREE_KINDS, kind).not.toContain(kind);
  });
});

describe('a small order pipeline, 1 M orders a month', () => {
  // API → function → table (write 2 KB) + topic → queue → worker (batches of 10) → bucket (a receipt per order).
  const r = cost(design(
    [['apiGateway', 'api'], ['lambda', 'checkout'], ['dynamoTable', 'orders'], ['snsTopic', 'placed'], ['sqsQueue', 'jobs'], ['lambda', 'worker'], ['s3Bucket', 'receipts']],
    [['trigger', 'route', 'api', 'checkout'], ['access', 'put', 'checkout', 'orders', { mode: 'write' }], ['access', 'pub', 'checkout', 'placed', { mode: 'publish' }],
      ['trigger', 'sub', 'placed', 'jobs'], ['trigger', 'esm', 'jobs', 'worker'], ['access', 'save', 'worker', 'receipts', { mode: 'write' }]],
    { nodes: { api: { requestsPerMonth: 1e6, avgPayloadKb: 4, dataOutGbPerMonth: 5 }, orders: { storageGb: 10 }, receipts: { storageGb: 50 } }, edges: { put: { avgPayloadKb: 2 }, pub: { avgPayloadKb: 2 }, save: { perInvocation: 10 } } }));

  it('prices each service from the propagated volumes', () => {
    expect(total(r, 'api')).toBe('1.45'); // 1 M × $1.00/M + 5 GB × $0.09
    expect(line(r, 'orders', 'Write request units').quantity.toNumber()).toBe(2e6);
    expect(total(r, 'orders')).toBe('3.75'); // 2 M WRU × $0.625/M + 10 GB × $0.25
    expect(total(r, 'placed')).toBe('0.50'); // 1 M publishes; the SQS delivery is free
    // 1 M sends + 100 k receives + 100 k deletes + 557 k empty long polls, at $0.40/M.
    expect(total(r, 'jobs')).toBe('0.70');
    expect(total(r, 'receipts')).toBe('6.15'); // 50 GB × $0.023 + 1 M PUTs × $0.005/1000
    expect(cents(line(r, 'placed', 'Deliveries to SQS "jobs"'))).toBe('0.00');
  });

  it('every line cites its volume and price source', () => {
    for (const c of r.components) {
      expect(c.volumeFrom.length, `${c.node} ${c.component}`).toBeGreaterThan(10);
      expect(c.priceSource).toMatch(/^https:\/\//);
    }
  });
});

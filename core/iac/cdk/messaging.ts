import type { NodeOfKind } from '../../model/design';
import { type CdkContext, describe, duration, LIMITS } from './context';
import { type Expr, bool, call, constStmt, id, num, obj, str } from './writer';

/** Queues (dead-letter queues first, so redrive can name them), topics and event buses. */
export function exportMessaging(ctx: CdkContext): void {
  const queues = ctx.ofKind('sqsQueue');
  const visiting = new Set<string>();
  const visit = (q: NodeOfKind<'sqsQueue'>) => {
    if (ctx.declared.has(q.id) || visiting.has(q.id)) return;
    visiting.add(q.id);
    const redrive = ctx.from(q.id, 'deadLetter').filter((e) => ctx.node(e.to).kind === 'sqsQueue');
    if (redrive.length > 1) ctx.warn(q, `has ${redrive.length} dead-letter queues; a queue has one, so only the first is written`);
    const dlq = redrive[0] ? ctx.node(redrive[0].to) as NodeOfKind<'sqsQueue'> : undefined;
    if (dlq) visit(dlq);
    exportQueue(ctx, q, dlq && ctx.declared.has(dlq.id) ? { queue: ctx.v(dlq.id), maxReceiveCount: redrive[0].props.maxReceiveCount } : undefined);
    if (dlq && !ctx.declared.has(dlq.id)) ctx.warn(q, 'its dead-letter queues form a cycle; the redrive is left out');
  };
  for (const q of queues) visit(q);

  for (const t of ctx.ofKind('snsTopic')) {
    if (t.props.contentBasedDeduplication && !t.props.fifo) ctx.warn(t, 'content-based deduplication applies to FIFO topics only; left out');
    ctx.add('messaging', constStmt(ctx.varName(t.id), ctx.create('sns', 'Topic', ctx.cid(t.id), obj({
      fifo: t.props.fifo ? bool(true) : undefined,
      contentBasedDeduplication: t.props.contentBasedDeduplication && t.props.fifo ? bool(true) : undefined,
    }))));
    ctx.declared.add(t.id);
  }

  for (const bus of ctx.ofKind('eventBus')) {
    if (bus.props.busType === 'default') {
      ctx.add('messaging', constStmt(ctx.varName(bus.id), call(ctx.ns('events', 'EventBus', 'fromEventBusName'), id('this'), str(ctx.cid(bus.id)), str('default'))));
    } else {
      ctx.add('messaging', constStmt(ctx.varName(bus.id), ctx.create('events', 'EventBus', ctx.cid(bus.id), obj({
        description: describe(ctx, bus, LIMITS.eventsDescription),
      }))));
    }
    ctx.declared.add(bus.id);
  }
}

function exportQueue(ctx: CdkContext, q: NodeOfKind<'sqsQueue'>, dlq: { queue: Expr; maxReceiveCount: number | undefined } | undefined): void {
  const p = q.props;
  const encryption: Record<string, string> = { 'sqs-managed': 'SQS_MANAGED', 'aws-managed-kms': 'KMS_MANAGED', 'customer-kms': 'KMS', none: 'UNENCRYPTED' };
  let queueName = p.queueName;
  if (queueName !== null && p.fifo !== queueName.endsWith('.fifo')) {
    const fixed = p.fifo ? `${queueName.slice(0, LIMITS.queueName - 5)}.fifo` : queueName.replace(/\.fifo$/, '');
    ctx.warn(q, `queue name ${JSON.stringify(queueName)} ${p.fifo ? 'lacks' : 'has'} the .fifo suffix a ${p.fifo ? 'FIFO' : 'standard'} queue ${p.fifo ? 'needs' : 'must not have'} (CFG-07); the app names it ${JSON.stringify(fixed)}`);
    queueName = fixed || null;
  }
  if (queueName !== null && !/^[A-Za-z0-9_-]+(\.fifo)?$/.test(queueName)) {
    ctx.warn(q, `queue name ${JSON.stringify(queueName)} has characters SQS refuses (it takes letters, digits, - and _); the deploy will fail until it is renamed`);
  }
  if (p.contentBasedDeduplication && !p.fifo) ctx.warn(q, 'content-based deduplication applies to FIFO queues only; left out');
  if ((p.deduplicationScope !== undefined || p.fifoThroughputLimit !== undefined) && !p.fifo) ctx.warn(q, 'deduplication scope and FIFO throughput limit apply to FIFO queues only; left out');
  if (p.encryption === 'customer-kms') ctx.warn(q, 'customer-managed KMS encryption: the CDK app creates a new key for it (the design names none)');
  ctx.add('messaging', constStmt(ctx.varName(q.id), ctx.create('sqs', 'Queue', ctx.cid(q.id), obj({
    fifo: p.fifo ? bool(true) : undefined,
    queueName: queueName !== null ? str(queueName) : undefined,
    visibilityTimeout: p.visibilityTimeoutSeconds !== 30 ? duration(ctx, p.visibilityTimeoutSeconds) : undefined,
    retentionPeriod: p.messageRetentionSeconds !== 345600 ? duration(ctx, p.messageRetentionSeconds) : undefined,
    deliveryDelay: p.delaySeconds !== 0 ? duration(ctx, p.delaySeconds) : undefined,
    maxMessageSizeBytes: p.maximumMessageSizeBytes !== 1048576 ? num(p.maximumMessageSizeBytes) : undefined,
    receiveMessageWaitTime: p.receiveWaitTimeSeconds !== 0 ? duration(ctx, p.receiveWaitTimeSeconds) : undefined,
    contentBasedDeduplication: p.contentBasedDeduplication && p.fifo ? bool(true) : undefined,
    deduplicationScope: p.fifo && p.deduplicationScope ? ctx.ns('sqs', 'DeduplicationScope', p.deduplicationScope === 'queue' ? 'QUEUE' : 'MESSAGE_GROUP') : undefined,
    fifoThroughputLimit: p.fifo && p.fifoThroughputLimit ? ctx.ns('sqs', 'FifoThroughputLimit', p.fifoThroughputLimit === 'perQueue' ? 'PER_QUEUE' : 'PER_MESSAGE_GROUP_ID') : undefined,
    encryption: p.encryption !== 'sqs-managed' ? ctx.ns('sqs', 'QueueEncryption', encryption[p.encryption]) : undefined,
    // maxReceiveCount is required by SQS; a redrive edge without one reads as 10 (core/semantics).
    deadLetterQueue: dlq ? obj({ queue: dlq.queue, maxReceiveCount: num(dlq.maxReceiveCount ?? 10) }) : undefined,
  }))));
  ctx.declared.add(q.id);
}

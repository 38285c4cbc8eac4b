import type { NodeOfKind } from '../../model/design';
import { formatDuration, queueRedrive } from '../../semantics';
import { defineRule } from '../types';
import { isFailureSink, lambdaTriggers, MIN_RECEIVE_COUNT, names } from './support';

export default defineRule({
  id: 'RETRY-08',
  title: 'SQS source queue without a redrive policy',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html',
  appliesTo: ['sqsQueue', 'trigger'],
  why: 'Without a redrive policy, a message the function keeps failing on reappears after every visibility timeout until it succeeds or its retention runs out: a poison message loops and burns invocations. A redrive policy moves it to a dead-letter queue after maxReceiveCount receives. (Queues that are themselves dead-letter queues or failure destinations are not asked for one.)',
  check(ctx) {
    const triggers = lambdaTriggers(ctx, ['sqsQueue']);
    const consumersOf = new Map<NodeOfKind<'sqsQueue'>, NodeOfKind<'lambda'>[]>();
    for (const t of triggers) (consumersOf.get(t.source) ?? consumersOf.set(t.source, []).get(t.source)!).push(t.fn);
    return [...consumersOf.keys()].flatMap((queue) => {
      if (queueRedrive(ctx.index, queue.id) || isFailureSink(ctx.index, queue.id)) return [];
      const consumers = consumersOf.get(queue)!;
      const { visibilityTimeoutSeconds, messageRetentionSeconds, fifo, orderCritical } = queue.props;
      const loop = `a message that ${names(consumers)} keeps failing on comes back every ${formatDuration(visibilityTimeoutSeconds)} (the visibility timeout) for as long as the queue keeps it (${formatDuration(messageRetentionSeconds)})`;
      if (fifo && orderCritical) {
        return [{
          target: queue,
          severity: 'info' as const,
          message: `"${queue.name}" has no dead-letter queue, which keeps its strict order, but ${loop}, blocking its message group all that time.`,
          fix: `Keep it so if order matters more than progress; otherwise add a FIFO dead-letter queue to "${queue.name}" (maxReceiveCount ${MIN_RECEIVE_COUNT} or more), or lower its retention to bound the stall.`,
        }];
      }
      return [{
        target: queue,
        message: `"${queue.name}" has no dead-letter queue: ${loop}, then is lost.`,
        fix: `Add a dead-letter queue (redrive policy) to "${queue.name}" with maxReceiveCount ${MIN_RECEIVE_COUNT} or more.`,
      }];
    });
  },
});

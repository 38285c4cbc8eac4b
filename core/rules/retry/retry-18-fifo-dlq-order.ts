import { defineRule } from '../types';
import { queueRedrives } from './support';

export default defineRule({
  id: 'RETRY-18',
  title: 'FIFO queue with a dead-letter queue',
  severity: 'info',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
  appliesTo: ['deadLetter', 'sqsQueue'],
  why: 'SQS: "Don\'t use a dead-letter queue with a FIFO queue if you don\'t want to break the exact order of messages or operations." A message moved to the DLQ is skipped while later messages of its group go on. Until then, a failing message blocks its whole message group for all its receives.',
  check(ctx) {
    return queueRedrives(ctx).flatMap(({ edge, source, dlq }) => {
      if (!source.props.fifo) return [];
      const receives = edge.props.maxReceiveCount;
      const blocks = `a failing message blocks its message group for ${receives === undefined ? 'all its receives' : `up to ${receives} receives`}, then moves to "${dlq.name}" and the rest of its group goes on without it`;
      return source.props.orderCritical
        ? [{
          target: edge,
          severity: 'warning' as const,
          message: `"${source.name}" is marked order-critical, but ${blocks}: the exact order is broken.`,
          fix: `Remove the dead-letter queue of "${source.name}" if order must never break (failures then block their group until they succeed or expire), or unmark it as order-critical.`,
        }]
        : [{
          target: edge,
          message: `"${source.name}" is a FIFO queue with a dead-letter queue: ${blocks}.`,
          fix: `Keep the dead-letter queue if skipping a failed message is acceptable; if "${source.name}" needs exact order, mark it order-critical and remove the dead-letter queue.`,
        }];
    });
  },
});

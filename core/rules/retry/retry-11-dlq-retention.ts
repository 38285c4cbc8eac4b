import { sqsQueueProps } from '../../model/kinds';
import { rangeOf } from '../../model/limits';
import { formatDuration } from '../../semantics';
import { defineRule } from '../types';
import { queueRedrives } from './support';

export default defineRule({
  id: 'RETRY-11',
  title: 'Dead-letter queue retention not longer than its source\'s',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html',
  appliesTo: ['deadLetter', 'sqsQueue'],
  why: 'On standard queues a message\'s expiry counts from when it was first sent, and moving it to the dead-letter queue does not reset that. A message that failed late in its life can expire from the DLQ almost at once unless the DLQ keeps messages longer than the source queue. (FIFO queues reset the timestamp on the move.)',
  check(ctx) {
    const { max } = rangeOf(sqsQueueProps, 'messageRetentionSeconds');
    return queueRedrives(ctx).flatMap(({ source, dlq }) => {
      const kept = source.props.messageRetentionSeconds;
      const dlqKept = dlq.props.messageRetentionSeconds;
      if (source.props.fifo || dlqKept > kept) return [];
      return [{
        target: dlq,
        message: `"${dlq.name}" keeps messages ${formatDuration(dlqKept)}, no longer than its source "${source.name}" (${formatDuration(kept)}): age counts from the first send to "${source.name}", so a message that failed late in its life expires from "${dlq.name}" soon after it arrives.`,
        fix: kept < max
          ? `Raise the message retention of "${dlq.name}" above ${formatDuration(kept)} (up to ${formatDuration(max)}; the maximum is usual for a DLQ).`
          : `Lower the message retention of "${source.name}" below ${formatDuration(max)}, so that "${dlq.name}" (at ${formatDuration(max)}) keeps messages longer.`,
      }];
    });
  },
});

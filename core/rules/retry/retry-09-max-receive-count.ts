import type { NodeOfKind } from '../../model/design';
import { deadLetterProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
import { defineRule } from '../types';
import { lambdaTriggers, MIN_RECEIVE_COUNT, names, queueRedrives } from './support';

export default defineRule({
  id: 'RETRY-09',
  readsValuesAsWritten: true,
  title: 'maxReceiveCount too low for a Lambda consumer',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/operatorguide/sqs-retries.html',
  appliesTo: ['deadLetter', 'sqsQueue'],
  why: `SQS moves a message to the dead-letter queue after maxReceiveCount receives (1 to 1,000). Lambda counts a receive for every batch it polls, including batches returned after a throttle or a failure of another message, so AWS advises a maxReceiveCount of at least ${MIN_RECEIVE_COUNT} on a queue a function consumes: a lower one sends healthy messages to the DLQ.`,
  check(ctx) {
    const { min, max } = rangeOf(deadLetterProps, 'maxReceiveCount');
    const triggers = lambdaTriggers(ctx, ['sqsQueue']);
    const consumersOf = new Map<string, NodeOfKind<'lambda'>[]>();
    for (const t of triggers) (consumersOf.get(t.source.id) ?? consumersOf.set(t.source.id, []).get(t.source.id)!).push(t.fn);
    return queueRedrives(ctx).flatMap(({ edge, source, dlq }) => {
      const receives = edge.props.maxReceiveCount;
      const consumers = consumersOf.get(source.id) ?? [];
      if (receives === undefined) return [];
      if (receives < min || receives > max) {
        return [{
          target: edge,
          severity: 'error' as const,
          message: `The redrive policy of "${source.name}" sets maxReceiveCount to ${receives}; SQS accepts ${min} to ${max}.`,
          fix: `Set maxReceiveCount of "${source.name}" → "${dlq.name}" to a value from ${consumers.length ? MIN_RECEIVE_COUNT : min} to ${max}.`,
        }];
      }
      if (!consumers.length || receives >= MIN_RECEIVE_COUNT) return [];
      return [{
        target: edge,
        message: `"${source.name}" moves a message to "${dlq.name}" after ${receives} receive${receives === 1 ? '' : 's'}, fewer than the ${MIN_RECEIVE_COUNT} AWS advises for a queue consumed by ${names(consumers)}: throttled or batch-failed messages can land in the DLQ unprocessed.`,
        fix: `Raise maxReceiveCount of "${source.name}" → "${dlq.name}" to ${MIN_RECEIVE_COUNT} or more.`,
      }];
    });
  },
});

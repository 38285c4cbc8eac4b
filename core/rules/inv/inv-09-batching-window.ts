import { triggerProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
import { defineRule, type RuleFinding } from '../types';
import { functionTriggers, isFifo, MAPPING_SOURCES, nodeUsage, num } from './support';

/** Seconds in the 730-hour month that usage profiles count in. */
const MONTH_SECONDS = 730 * 3600;
/** On a quiet queue with a batching window, Lambda may wait up to 20 s (archived with-sqs.md). */
const QUIET_QUEUE_WAIT_SECONDS = 20;

/** "3 messages/s", "12 messages a minute", "40 messages an hour" */
function rateText(perSecond: number): string {
  if (perSecond >= 1) return `${num(perSecond)} messages/s`;
  return perSecond * 60 >= 1 ? `${num(perSecond * 60)} messages a minute` : `${num(perSecond * 3600)} messages an hour`;
}

export default defineRule({
  id: 'INV-09',
  readsValuesAsWritten: true,
  title: 'Batching window range and latency',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
  appliesTo: ['trigger', 'sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka'],
  why: 'MaximumBatchingWindowInSeconds is 0 to 300 whole seconds; the default is 0 s for SQS and streams and 500 ms for Kafka (once changed, a Kafka mapping cannot go back to 500 ms). With a window set, Lambda waits until the batch is full, the window ends or the batch reaches 6 MB, so on a low-traffic queue every message waits out the window, and Lambda may wait up to 20 s.',
  check(ctx) {
    const { min, max } = rangeOf(triggerProps, 'maximumBatchingWindowSeconds');
    // FIFO queues take no window at all (INV-07).
    return functionTriggers(ctx, MAPPING_SOURCES).filter((t) => !isFifo(t.source)).flatMap(({ edge, source, fn }): RuleFinding[] => {
      const window = edge.props.maximumBatchingWindowSeconds;
      const name = `"${source.name}" → "${fn.name}"`;
      if (window === undefined || window === 0) return [];
      if (window < min || window > max) {
        return [{
          target: edge,
          message: `The trigger ${name} sets a batching window of ${num(window)} s; Lambda accepts ${min} to ${max} s, so the mapping is rejected.`,
          fix: `Set the batching window of ${name} between ${min} and ${max} s.`,
        }];
      }
      // A quiet queue: on average less than one message arrives per window, so the window adds
      // latency without growing the batches.
      const perMonth = nodeUsage(ctx, source.id).requestsPerMonth;
      if (source.kind !== 'sqsQueue' || perMonth === undefined || (perMonth / MONTH_SECONDS) * window >= 1) return [];
      return [{
        target: edge,
        severity: 'info',
        message: `At about ${rateText(perMonth / MONTH_SECONDS)}, "${source.name}" rarely holds more than one message per ${window} s batching window: batches stay near one message, yet each waits up to ${window} s before "${fn.name}" sees it${window < QUIET_QUEUE_WAIT_SECONDS ? `, and on a quiet queue Lambda may wait up to ${QUIET_QUEUE_WAIT_SECONDS} s` : ''}.`,
        fix: `Remove the batching window of ${name} if "${fn.name}" should react quickly; at this traffic it adds latency without larger batches.`,
      }];
    });
  },
});

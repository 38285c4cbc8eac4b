import { defineRule } from '../types';
import { lambdaTriggers } from './support';

const RECOMMENDED_FACTOR = 6;

export default defineRule({
  id: 'RETRY-12',
  title: 'Queue visibility timeout versus function timeout',
  severity: 'error',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
  appliesTo: ['trigger', 'sqsQueue', 'lambda'],
  why: 'A message becomes visible again when its visibility timeout ends. Lambda refuses to create an SQS event source mapping whose function timeout exceeds the queue\'s visibility timeout; below about 6× the function timeout, retries after throttles or slow batches can make a message visible while it is still being processed, so it is handled twice.',
  check(ctx) {
    return lambdaTriggers(ctx, ['sqsQueue']).flatMap(({ edge, source: queue, fn }) => {
      const visibility = queue.props.visibilityTimeoutSeconds;
      const timeout = fn.props.timeoutSeconds;
      const window = ctx.trigger(edge).maximumBatchingWindowSeconds;
      if (timeout > visibility) {
        return [{
          target: edge,
          message: `"${fn.name}" can run for ${timeout} s but "${queue.name}" hides a message for only ${visibility} s: Lambda rejects this event source mapping.`,
          fix: `Raise the visibility timeout of "${queue.name}" to at least ${timeout} s (AWS recommends ${RECOMMENDED_FACTOR * timeout + window} s), or lower the timeout of "${fn.name}".`,
        }];
      }
      const recommended = RECOMMENDED_FACTOR * timeout + window;
      if (visibility < recommended) {
        return [{
          target: edge,
          severity: 'warning' as const,
          message: `"${queue.name}" hides a message for ${visibility} s, less than the recommended ${RECOMMENDED_FACTOR} × ${timeout} s function timeout${window ? ` + ${window} s batching window` : ''} = ${recommended} s; a retried batch may be processed twice.`,
          fix: `Set the visibility timeout of "${queue.name}" to ${recommended} s or more.`,
        }];
      }
      return [];
    });
  },
});

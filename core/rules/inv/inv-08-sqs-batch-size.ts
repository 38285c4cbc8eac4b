import { triggerProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
import { defineRule } from '../types';
import { functionTriggers, isFifo, num } from './support';

/** Above this batch size an SQS mapping needs a batching window of at least 1 s. */
const NO_WINDOW_MAX_BATCH = 10;

export default defineRule({
  id: 'INV-08',
  title: 'SQS standard queue batch size',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html',
  appliesTo: ['trigger', 'sqsQueue'],
  why: 'A standard SQS queue\'s mapping takes a batch size of 1 to 10,000 (default 10). "When you set BatchSize to a value greater than 10, you must set MaximumBatchingWindowInSeconds to at least 1": otherwise Lambda rejects the mapping.',
  check(ctx) {
    const { min, max } = rangeOf(triggerProps, 'batchSize');
    return functionTriggers(ctx, ['sqsQueue']).filter((t) => !isFifo(t.source)).flatMap(({ edge, source: queue, fn }) => {
      const { batchSize, maximumBatchingWindowSeconds: window } = ctx.trigger(edge);
      const name = `"${queue.name}" → "${fn.name}"`;
      if (batchSize < min || batchSize > max) {
        return [{
          target: edge,
          message: `The trigger ${name} sets a batch size of ${num(batchSize)}; a standard queue takes ${num(min)} to ${num(max)}, so the mapping is rejected.`,
          fix: `Set the batch size of ${name} between ${num(min)} and ${num(max)}.`,
        }];
      }
      if (batchSize <= NO_WINDOW_MAX_BATCH || window >= 1) return [];
      return [{
        target: edge,
        message: `The trigger ${name} sets a batch size of ${num(batchSize)} with ${window ? `a batching window of ${window} s` : 'no batching window'}; above ${NO_WINDOW_MAX_BATCH} messages Lambda requires a window of at least 1 s and rejects the mapping.`,
        fix: `Set a batching window of at least 1 s on ${name}, or lower its batch size to ${NO_WINDOW_MAX_BATCH}.`,
      }];
    });
  },
});

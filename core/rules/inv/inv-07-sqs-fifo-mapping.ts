import { triggerProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
import { defineRule, type RuleFinding } from '../types';
import { functionTriggers, isFifo, num } from './support';

/** A FIFO queue's mapping takes at most 10 messages a batch. */
const FIFO_MAX_BATCH = 10;

export default defineRule({
  id: 'INV-07',
  title: 'SQS FIFO event source mapping limits',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html',
  appliesTo: ['trigger', 'sqsQueue'],
  why: 'For a FIFO queue, Lambda accepts a batch size of 1 to 10 and does not support a batching window (MaximumBatchingWindowInSeconds): creating or updating the mapping fails otherwise.',
  check(ctx) {
    const { min } = rangeOf(triggerProps, 'batchSize');
    return functionTriggers(ctx, ['sqsQueue']).filter((t) => isFifo(t.source)).flatMap(({ edge, source: queue, fn }): RuleFinding[] => {
      const findings: RuleFinding[] = [];
      const { batchSize, maximumBatchingWindowSeconds: window } = edge.props;
      if (batchSize !== undefined && (batchSize > FIFO_MAX_BATCH || batchSize < min)) {
        findings.push({
          target: edge,
          message: `The trigger "${queue.name}" → "${fn.name}" sets a batch size of ${num(batchSize)}; a FIFO queue takes ${min} to ${FIFO_MAX_BATCH}, so the mapping is rejected.`,
          fix: `Set the batch size of "${queue.name}" → "${fn.name}" to ${FIFO_MAX_BATCH} or less${batchSize > FIFO_MAX_BATCH ? '; for more throughput, spread messages over more message groups' : ''}.`,
        });
      }
      if (window !== undefined && window > 0) {
        findings.push({
          target: edge,
          message: `The trigger "${queue.name}" → "${fn.name}" sets a batching window of ${num(window)} s, which FIFO queues do not support: the mapping is rejected.`,
          fix: `Remove the batching window from "${queue.name}" → "${fn.name}".`,
        });
      }
      return findings;
    });
  },
});

import { defineRule } from '../types';
import { functionTriggers, isFifo } from './support';

export default defineRule({
  id: 'INV-13',
  title: 'FIFO queue with partial batch responses: handler must stop at the first failure',
  severity: 'warning',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html',
  appliesTo: ['trigger', 'sqsQueue', 'lambda'],
  why: 'Messages of one FIFO message group arrive in order, and Lambda retries a failed message before it takes more from that group. With ReportBatchItemFailures on a FIFO queue, the function "should stop processing messages after the first failure" and return the failed and all unprocessed messages; a handler that goes on processes later messages of the group before the failed one is retried, which breaks the order.',
  check(ctx) {
    return functionTriggers(ctx, ['sqsQueue']).flatMap(({ edge, source: queue, fn }) => {
      if (!isFifo(queue) || !ctx.trigger(edge).reportBatchItemFailures || fn.props.stopsAtFirstFailure) return [];
      return [{
        target: fn,
        message: `"${fn.name}" reports partial batch failures for the FIFO queue "${queue.name}" but keeps processing after a failed message: later messages of the same group are handled before the failed one is retried, out of order.`,
        fix: `Make the handler of "${fn.name}" stop at the first failure and return that message and every unprocessed one as batch item failures (then mark it "stops at first failure"), or turn off partial batch responses on "${queue.name}" → "${fn.name}".`,
      }];
    });
  },
});

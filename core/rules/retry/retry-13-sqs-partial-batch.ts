import { defineRule } from '../types';
import { lambdaTriggers } from './support';

export default defineRule({
  id: 'RETRY-13',
  title: 'SQS batches without partial batch responses',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html',
  appliesTo: ['trigger', 'sqsQueue'],
  why: 'Without ReportBatchItemFailures, one failed message returns the whole batch to the queue, including the messages already processed: they run again and count towards maxReceiveCount. With it, the handler returns only the failed message ids (a thrown exception still fails the whole batch).',
  check(ctx) {
    return lambdaTriggers(ctx, ['sqsQueue']).flatMap(({ edge, source, fn }) => {
      const { batchSize, reportBatchItemFailures } = ctx.trigger(edge);
      if (batchSize <= 1 || reportBatchItemFailures) return [];
      return [{
        target: edge,
        message: `"${fn.name}" takes up to ${batchSize} messages a batch from "${source.name}" without partial batch responses: one failed message sends all ${batchSize} back to the queue, processed ones included.`,
        fix: `Turn on "report batch item failures" for "${source.name}" → "${fn.name}" and return the failed message ids from "${fn.name}", or set the batch size to 1.`,
      }];
    });
  },
});

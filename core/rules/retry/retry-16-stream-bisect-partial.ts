import { defineRule } from '../types';
import { lambdaTriggers, SHARD_STREAMS } from './support';

export default defineRule({
  id: 'RETRY-16',
  title: 'Stream batches neither bisected nor partially reported',
  severity: 'info',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html',
  appliesTo: ['trigger', 'kinesisStream', 'dynamoTable'],
  why: 'On a Kinesis or DynamoDB Streams mapping, one bad record fails its whole batch, and each retry processes every record again. BisectBatchOnFunctionError splits a failed batch in two to isolate it ("splitting a batch does not count towards the retry quota"); ReportBatchItemFailures lets the handler return the first failed sequence number so only the rest is retried. Bisect exists only for Kinesis and DynamoDB Streams.',
  check(ctx) {
    const unsupported = lambdaTriggers(ctx, ['sqsQueue', 'kafka']).flatMap(({ edge, source, fn }) => edge.props.bisectBatchOnFunctionError ? [{
      target: edge,
      message: `"${source.name}" → "${fn.name}" turns on bisect batch on function error, which only Kinesis and DynamoDB Streams mappings support.`,
      fix: `Turn off bisect on "${source.name}" → "${fn.name}"${source.kind === 'sqsQueue' ? '; report batch item failures is how an SQS mapping retries only the failed messages' : ''}.`,
    }] : []);
    const whole = lambdaTriggers(ctx, SHARD_STREAMS).flatMap(({ edge, source, fn }) => {
      const { batchSize, bisectBatchOnFunctionError, reportBatchItemFailures } = ctx.trigger(edge);
      if (batchSize <= 1 || bisectBatchOnFunctionError || reportBatchItemFailures) return [];
      return [{
        target: edge,
        message: `"${source.name}" → "${fn.name}" retries all ${batchSize} records of a batch when one fails: it neither bisects failed batches nor reports batch item failures.`,
        fix: `Turn on "bisect batch on function error" or "report batch item failures" (returning the first failed sequence number) for "${source.name}" → "${fn.name}".`,
      }];
    });
    return [...unsupported, ...whole];
  },
});

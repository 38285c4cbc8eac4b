import { formatDuration, mappingOnFailure } from '../../semantics';
import { defineRule } from '../types';
import { count, DESTINATION_MAPPINGS, lambdaTriggers } from './support';

export default defineRule({
  id: 'RETRY-15',
  title: 'Stream mapping discards exhausted records',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html',
  appliesTo: ['trigger', 'destination', 'kinesisStream', 'dynamoTable', 'kafka'],
  why: 'With a finite maximum retry attempts or maximum record age, a stream or Kafka mapping gives up on a failing batch; without an on-failure destination those records are skipped with no trace ("If no destination is set, the records will be bypassed"). SQS mappings are different: their failures go to the queue\'s redrive queue, and they take no destination.',
  check(ctx) {
    return lambdaTriggers(ctx, DESTINATION_MAPPINGS).flatMap(({ edge, source, fn }) => {
      const { maximumRetryAttempts, maximumRecordAgeSeconds } = ctx.trigger(edge);
      const limits = [
        ...(maximumRetryAttempts >= 0 ? [`after ${count(maximumRetryAttempts, 'retry')}`] : []),
        ...(maximumRecordAgeSeconds >= 0 ? [`once records are ${formatDuration(maximumRecordAgeSeconds)} old`] : []),
      ];
      if (!limits.length || mappingOnFailure(ctx.index, edge)) return [];
      return [{
        target: edge,
        message: `"${source.name}" → "${fn.name}" gives up on a failing batch ${limits.join(' or ')}, and has no on-failure destination: those records are skipped with no record kept.`,
        fix: `Add an on-failure destination (SQS queue, SNS topic or S3 bucket) from "${source.name}" for this mapping.`,
      }];
    });
  },
});

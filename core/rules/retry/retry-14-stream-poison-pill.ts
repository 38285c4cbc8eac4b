import { DYNAMODB_STREAM_RETENTION_SECONDS, formatDuration, seconds } from '../../semantics';
import { defineRule } from '../types';
import { lambdaTriggers, SHARD_STREAMS } from './support';

export default defineRule({
  id: 'RETRY-14',
  title: 'Stream mapping retries a failing batch until it expires',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html',
  appliesTo: ['trigger', 'kinesisStream', 'dynamoTable'],
  why: 'A Kinesis or DynamoDB Streams mapping left at maximum retry attempts -1 and maximum record age -1 retries a failing batch "until the records expire". One bad record then blocks its shard for the stream\'s whole retention (up to a week or more on Kinesis, a day on DynamoDB) while later records pile up behind it.',
  check(ctx) {
    return lambdaTriggers(ctx, SHARD_STREAMS).flatMap(({ edge, source, fn }) => {
      const { maximumRetryAttempts, maximumRecordAgeSeconds } = ctx.trigger(edge);
      if (maximumRetryAttempts !== -1 || maximumRecordAgeSeconds !== -1) return [];
      const retention = source.kind === 'kinesisStream' ? seconds.fromHours(source.props.retentionHours) : DYNAMODB_STREAM_RETENTION_SECONDS;
      return [{
        target: edge,
        message: `"${source.name}" → "${fn.name}" retries a failing batch without limit: one bad record can block its shard for up to ${formatDuration(retention)} (the stream's retention).`,
        fix: `Set maximum retry attempts (e.g. 3 to 10) or a maximum record age on "${source.name}" → "${fn.name}", turn on bisect on error, and give the mapping an on-failure destination.`,
      }];
    });
  },
});

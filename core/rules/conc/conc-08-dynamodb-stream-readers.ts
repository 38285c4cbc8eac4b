import { defineRule } from '../types';
import { functionTriggers } from './support';

/** "More than 2 processes are reading from the same streams shard at the same time" (LimitExceededException). */
const MAX_READERS_PER_SHARD = 2;

export default defineRule({
  id: 'CONC-08',
  title: 'More than two readers on a DynamoDB stream',
  severity: 'warning',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html',
  appliesTo: ['dynamoTable', 'trigger'],
  why: `DynamoDB Streams allows no more than ${MAX_READERS_PER_SHARD} processes to read the same shard at the same time; "exceeding this limit may result in request throttling". Each event source mapping is a reader, so a third one on a table's stream gets throttled and its functions fall behind.`,
  check(ctx) {
    return ctx.index.ofKind('dynamoTable').flatMap((table) => {
      const readers = functionTriggers(ctx, 'dynamoTable', { from: table.id });
      if (readers.length <= MAX_READERS_PER_SHARD) return [];
      return [{
        target: table,
        message: `${readers.length} event source mappings read the stream of "${table.name}" (${readers.map((t) => `"${t.fn.name}"`).join(', ')}), more than the ${MAX_READERS_PER_SHARD} simultaneous readers a DynamoDB stream shard allows: reads get throttled.`,
        fix: `Keep at most ${MAX_READERS_PER_SHARD} triggers on "${table.name}": let one function fan the changes out (for example to an SNS topic or EventBridge bus), or stream the table to a Kinesis data stream, which takes more consumers.`,
      }];
    });
  },
});

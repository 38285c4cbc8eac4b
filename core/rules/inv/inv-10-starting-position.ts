import { defineRule, type RuleFinding } from '../types';
import { functionTriggers, MAPPING_SOURCES } from './support';

const WHERE_STARTING_POSITION = ['kinesisStream', 'dynamoTable', 'kafka'];

export default defineRule({
  id: 'INV-10',
  title: 'Event source mapping starting position',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
  appliesTo: ['trigger', 'kinesisStream', 'dynamoTable', 'kafka', 'sqsQueue'],
  why: 'A Kinesis, DynamoDB Streams or Kafka mapping must say where to start reading: TRIM_HORIZON (oldest record), LATEST (new records only) or AT_TIMESTAMP (Kinesis and Kafka only, not DynamoDB Streams), and a starting timestamp belongs only with AT_TIMESTAMP. An SQS mapping takes no starting position. Lambda rejects the mapping otherwise.',
  check(ctx) {
    return functionTriggers(ctx, MAPPING_SOURCES).flatMap(({ edge, source, fn }): RuleFinding[] => {
      const { startingPosition: position, startingPositionTimestamp: timestamp } = edge.props;
      const name = `"${source.name}" → "${fn.name}"`;
      const finding = (problem: string, fix: string): RuleFinding[] => [{ target: edge, message: `The trigger ${name} ${problem}, so Lambda rejects the mapping.`, fix }];
      if (!WHERE_STARTING_POSITION.includes(source.kind)) {
        return position !== undefined || timestamp !== undefined
          ? finding(`sets a starting position (${position ?? 'a timestamp'}), which an SQS queue does not take`, `Remove the starting position from ${name}.`)
          : [];
      }
      if (position === undefined) {
        return finding('has no starting position, which a stream mapping requires', `Set the starting position of ${name}: TRIM_HORIZON to process the records already in "${source.name}", or LATEST for new records only.`);
      }
      if (position === 'AT_TIMESTAMP' && source.kind === 'dynamoTable') {
        return finding('starts AT_TIMESTAMP, which DynamoDB Streams do not support', `Set the starting position of ${name} to TRIM_HORIZON or LATEST.`);
      }
      if (position === 'AT_TIMESTAMP' && timestamp === undefined) {
        return finding('starts AT_TIMESTAMP but gives no starting timestamp', `Set the starting timestamp of ${name}, or choose TRIM_HORIZON or LATEST.`);
      }
      if (position !== 'AT_TIMESTAMP' && timestamp !== undefined) {
        return finding(`sets a starting timestamp with ${position}; a timestamp is valid only with AT_TIMESTAMP`, `Remove the starting timestamp from ${name}, or set its starting position to AT_TIMESTAMP.`);
      }
      return [];
    });
  },
});

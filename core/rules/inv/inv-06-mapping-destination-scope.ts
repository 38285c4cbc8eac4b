import { kindLabel } from '../../model/kinds';
import { defineRule } from '../types';
import { STREAM_SOURCES } from './support';

export default defineRule({
  id: 'INV-06',
  title: 'Destination on a source that has none',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html',
  appliesTo: ['destination', 'sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka'],
  why: 'An event source mapping takes a DestinationConfig only for Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka, and only an on-failure one: the API rejects OnSuccess. On SQS, failed messages go to the queue\'s redrive (dead-letter) queue, so an SQS mapping needs no destination at all. Other sources hand the event to Lambda\'s async queue, where the function\'s own destinations apply.',
  check(ctx) {
    return ctx.design.edges.flatMap((edge) => {
      if (edge.kind !== 'destination') return [];
      const from = ctx.index.node(edge.from);
      if (!from || from.kind === 'lambda') return [];
      const stream = (STREAM_SOURCES as readonly string[]).includes(from.kind);
      if (stream && edge.props.on === 'failure') return [];
      const to = ctx.index.node(edge.to)?.name ?? edge.to;
      if (stream) {
        return [{
          target: edge,
          message: `"${from.name}" has an on-success destination "${to}", but an event source mapping takes only an on-failure destination: the API rejects OnSuccess.`,
          fix: `Make the destination "${from.name}" → "${to}" on-failure, or have the function itself send its results to "${to}" (an access edge).`,
        }];
      }
      const queue = from.kind === 'sqsQueue';
      return [{
        target: edge,
        message: queue
          ? `SQS queue "${from.name}" has a destination "${to}", but an SQS event source mapping has no DestinationConfig: failed messages stay in the queue until its redrive policy moves them to a dead-letter queue.`
          : `${kindLabel(from.kind)} "${from.name}" has a destination "${to}", but destinations exist only for a function's asynchronous invocations and for Kinesis, DynamoDB Streams and Kafka mappings.`,
        fix: queue
          ? `Replace the destination with a dead-letter edge from "${from.name}" to ${ctx.index.node(edge.to)?.kind === 'sqsQueue' ? `"${to}"` : 'an SQS queue'} (a redrive policy, maxReceiveCount 5 or more).`
          : `Remove the destination from "${from.name}"; put an on-failure destination on the function it triggers${from.kind === 'snsTopic' || from.kind === 'eventRule' ? `, or a dead-letter edge on "${from.name}" for delivery failures` : ''}.`,
      }];
    });
  },
});

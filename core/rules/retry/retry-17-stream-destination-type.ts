import { kindLabel } from '../../model/kinds';
import { defineRule } from '../types';
import { DESTINATION_MAPPINGS } from './support';

const ACCEPTED = ['sqsQueue', 'snsTopic', 's3Bucket'];
const MAPPING: Record<string, string> = { kinesisStream: 'Kinesis', dynamoTable: 'DynamoDB Streams', kafka: 'Kafka' };

export default defineRule({
  id: 'RETRY-17',
  title: 'Invalid on-failure destination for a stream or Kafka mapping',
  severity: 'error',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html',
  appliesTo: ['destination', 'kinesisStream', 'dynamoTable', 'kafka'],
  why: 'A Kinesis, DynamoDB Streams or Kafka event source mapping sends the details of records it gave up on to a standard SQS queue, a standard SNS topic or an S3 bucket (Kafka mappings also to a Kafka topic). A Lambda function or an EventBridge bus is a destination for asynchronous invocations only.',
  check(ctx) {
    return ctx.design.edges.flatMap((edge) => {
      const source = ctx.index.node(edge.from);
      const target = ctx.index.node(edge.to);
      if (edge.kind !== 'destination' || !source || !target || !(DESTINATION_MAPPINGS as readonly string[]).includes(source.kind)) return [];
      const accepted = [...ACCEPTED, ...(source.kind === 'kafka' ? ['kafka'] : [])];
      const fifo = (target.props as { fifo?: boolean }).fifo === true;
      if (accepted.includes(target.kind) && !fifo) return [];
      const accepts = `a standard SQS queue, a standard SNS topic or an S3 bucket${source.kind === 'kafka' ? ', or a Kafka topic' : ''}`;
      return [{
        target: edge,
        message: `The on-failure destination of "${source.name}" is the ${fifo ? 'FIFO ' : ''}${kindLabel(target.kind)} "${target.name}"; ${MAPPING[source.kind]} mappings send failed records only to ${accepts}.`,
        fix: `Point the on-failure destination of "${source.name}" at ${accepts}${target.kind === 'lambda' ? '; a function can then consume that queue' : ''}.`,
      }];
    });
  },
});

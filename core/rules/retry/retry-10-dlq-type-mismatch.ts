import { defineRule } from '../types';
import { queueRedrives } from './support';

const type = (fifo: boolean) => (fifo ? 'FIFO' : 'standard');

export default defineRule({
  id: 'RETRY-10',
  title: 'Dead-letter queue type does not match its source queue',
  severity: 'error',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html',
  appliesTo: ['deadLetter', 'sqsQueue'],
  why: 'SQS requires a FIFO queue\'s dead-letter queue to be a FIFO queue and a standard queue\'s to be a standard queue; a redrive policy that mixes them is rejected.',
  check(ctx) {
    return queueRedrives(ctx).flatMap(({ edge, source, dlq }) => source.props.fifo === dlq.props.fifo ? [] : [{
      target: edge,
      message: `"${source.name}" is a ${type(source.props.fifo)} queue but its dead-letter queue "${dlq.name}" is a ${type(dlq.props.fifo)} queue; SQS rejects this redrive policy.`,
      fix: `Make "${dlq.name}" a ${type(source.props.fifo)} queue${source.props.fifo ? ' (its name ending in .fifo)' : ''}, or point the redrive of "${source.name}" at a ${type(source.props.fifo)} queue.`,
    }]);
  },
});

import { defineRule } from '../types';
import { isFifo } from './support';

export default defineRule({
  id: 'INV-11',
  title: 'SNS FIFO topic with a subscriber it cannot have',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html',
  appliesTo: ['snsTopic', 'trigger', 'lambda', 's3Bucket'],
  why: 'An SNS FIFO topic delivers only to SQS queues, so a Lambda function cannot subscribe to it; and S3 event notifications can target only a standard SNS topic, never a FIFO one. Neither subscription can be created.',
  check(ctx) {
    return ctx.design.edges.flatMap((edge) => {
      if (edge.kind !== 'trigger') return [];
      const from = ctx.index.node(edge.from);
      const to = ctx.index.node(edge.to);
      if (from?.kind === 'snsTopic' && isFifo(from) && to?.kind === 'lambda') {
        return [{
          target: edge,
          message: `"${to.name}" is subscribed to the FIFO topic "${from.name}", but a FIFO topic delivers only to SQS queues: the subscription cannot be created.`,
          fix: `Subscribe a FIFO SQS queue to "${from.name}" and trigger "${to.name}" from that queue (order is kept per message group), or make "${from.name}" a standard topic if order does not matter.`,
        }];
      }
      if (from?.kind === 's3Bucket' && to?.kind === 'snsTopic' && isFifo(to)) {
        return [{
          target: edge,
          message: `"${from.name}" sends event notifications to the FIFO topic "${to.name}", but S3 can notify only standard SNS topics: the notification cannot be configured.`,
          fix: `Send the notifications of "${from.name}" to a standard SNS topic (or an EventBridge bus), or make "${to.name}" a standard topic.`,
        }];
      }
      return [];
    });
  },
});

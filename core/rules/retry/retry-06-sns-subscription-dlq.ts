import { kindLabel } from '../../model/kinds';
import { defineRule, type RuleFinding } from '../types';

const kindOf = (fifo: boolean) => (fifo ? 'FIFO' : 'standard');

export default defineRule({
  id: 'RETRY-06',
  title: 'SNS subscription dead-letter queue constraints',
  severity: 'error',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html',
  appliesTo: ['deadLetter', 'snsTopic', 'sqsQueue'],
  why: 'An SNS subscription\'s dead-letter queue must be an SQS queue in the subscription\'s account and Region, FIFO for a FIFO topic and standard for a standard topic. An encrypted one needs a customer-managed KMS key whose policy lets SNS use it: the AWS-managed key\'s policy cannot grant that, so SNS cannot move messages there.',
  check(ctx) {
    return ctx.design.edges.flatMap((edge): RuleFinding[] => {
      const topic = ctx.index.node(edge.from);
      const dlq = ctx.index.node(edge.to);
      if (edge.kind !== 'deadLetter' || topic?.kind !== 'snsTopic' || !dlq) return [];
      if (dlq.kind !== 'sqsQueue') {
        return [{ target: edge, message: `The subscription dead-letter queue of "${topic.name}" is the ${kindLabel(dlq.kind)} "${dlq.name}"; SNS accepts only an SQS queue.`, fix: `Point the dead-letter edge of "${topic.name}" at an SQS queue.` }];
      }
      if (topic.props.fifo !== dlq.props.fifo) {
        return [{
          target: edge,
          message: `"${topic.name}" is a ${kindOf(topic.props.fifo)} topic but its subscription dead-letter queue "${dlq.name}" is a ${kindOf(dlq.props.fifo)} queue; SNS requires a ${kindOf(topic.props.fifo)} queue.`,
          fix: `Use a ${kindOf(topic.props.fifo)} SQS queue as the subscription dead-letter queue of "${topic.name}".`,
        }];
      }
      if (dlq.props.encryption === 'aws-managed-kms') {
        // The queue's key is what to change; the dead-letter edge and its subscription are related.
        const via = edge.props.via === undefined ? undefined : ctx.index.edge(edge.props.via);
        return [{
          target: dlq,
          related: via ? [edge, via] : [edge],
          message: `"${dlq.name}", the subscription dead-letter queue of "${topic.name}", is encrypted with the AWS-managed KMS key, whose policy cannot let SNS use it: failed deliveries cannot be moved there.`,
          fix: `Encrypt "${dlq.name}" with a customer-managed KMS key whose key policy lets SNS (sns.amazonaws.com) use it.`,
        }];
      }
      return [];
    });
  },
});

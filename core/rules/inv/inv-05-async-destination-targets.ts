import type { DesignNode } from '../../model/design';
import { kindLabel } from '../../model/kinds';
import { defineRule, type RuleFinding } from '../types';
import { isFifo } from './support';

const DESTINATION_KINDS: readonly DesignNode['kind'][] = ['sqsQueue', 'snsTopic', 's3Bucket', 'lambda', 'eventBus'];
const DLQ_KINDS: readonly DesignNode['kind'][] = ['sqsQueue', 'snsTopic'];

/** Why `to` cannot take a function's failed (or successful) async events; null when it can. */
function refusal(to: DesignNode, dlq: boolean, on: 'success' | 'failure'): string | null {
  if (!(dlq ? DLQ_KINDS : DESTINATION_KINDS).includes(to.kind)) return `${kindLabel(to.kind)} "${to.name}" cannot be ${dlq ? 'a dead-letter queue' : 'an async destination'}`;
  if (isFifo(to)) return `"${to.name}" is a FIFO ${kindLabel(to.kind)}, which Lambda cannot deliver to`;
  if (!dlq && to.kind === 's3Bucket' && on === 'success') return `S3 bucket "${to.name}" can be an on-failure destination only, not on-success`;
  return null;
}

export default defineRule({
  id: 'INV-05',
  title: 'Invalid async destination or dead-letter queue target',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html',
  appliesTo: ['destination', 'deadLetter', 'lambda'],
  why: 'An asynchronous invocation\'s on-success or on-failure destination must be a standard SQS queue, a standard SNS topic, an S3 bucket (on-failure only), a Lambda function or an EventBridge bus; a function\'s dead-letter queue must be a standard SQS queue or a standard SNS topic. Lambda cannot deliver to a FIFO queue or topic: the records are lost and DestinationDeliveryFailures rises.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => [...ctx.index.outgoing(fn.id, 'destination'), ...ctx.index.outgoing(fn.id, 'deadLetter')].flatMap((edge): RuleFinding[] => {
      const to = ctx.index.node(edge.to);
      const dlq = edge.kind === 'deadLetter';
      const reason = to && refusal(to, dlq, edge.kind === 'destination' ? edge.props.on : 'failure');
      if (!reason) return [];
      return [{
        target: edge,
        message: `${reason}: the ${dlq ? 'dead-letter queue' : `on-${edge.kind === 'destination' ? edge.props.on : 'failure'} destination`} of "${fn.name}" does not work.`,
        fix: dlq
          ? `Make the dead-letter queue of "${fn.name}" a standard SQS queue or a standard SNS topic.`
          : `Point the destination of "${fn.name}" at a standard SQS queue, a standard SNS topic, an EventBridge bus${edge.kind === 'destination' && edge.props.on === 'failure' ? ', a function or an S3 bucket' : ' or a function'}.`,
      }];
    }));
  },
});

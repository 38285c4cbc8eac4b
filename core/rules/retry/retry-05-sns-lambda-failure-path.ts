import { formatDuration, SNS_MANAGED_DELIVERY } from '../../semantics';
import { defineRule } from '../types';
import { asyncSourcePath } from './support';

export default defineRule({
  id: 'RETRY-05',
  title: 'SNS → Lambda: function errors not captured',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html',
  appliesTo: ['trigger', 'lambda', 'snsTopic'],
  why: `SNS counts a delivery to Lambda as done once Lambda accepts the asynchronous invoke (it retries that delivery up to ${SNS_MANAGED_DELIVERY.attempts.toLocaleString('en-US')} times over ${formatDuration(SNS_MANAGED_DELIVERY.seconds)}). A subscription's dead-letter queue catches only what SNS could not deliver: a deleted endpoint, a removed permission. Function errors and timeouts follow Lambda's async retries, and only a Lambda on-failure destination or DLQ keeps those events.`,
  check(ctx) {
    return asyncSourcePath(ctx, ['snsTopic'], ({ source }, dlq) => dlq
      ? `The subscription dead-letter queue "${dlq.name}" of "${source.name}" catches only messages SNS could not deliver.`
      : `"${source.name}" delivers to Lambda asynchronously.`, 'trigger');
  },
});

import { formatDuration } from '../../semantics';
import { defineRule } from '../types';
import { asyncSourcePath, count } from './support';

export default defineRule({
  id: 'RETRY-07',
  title: 'EventBridge → Lambda: function errors not captured',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
  appliesTo: ['trigger', 'lambda', 'eventRule'],
  why: 'A rule target\'s dead-letter queue receives events EventBridge could not deliver (by default it retries for 24 h, up to 185 times). Once Lambda has accepted an event, throttling and function errors are Lambda\'s to handle: only a Lambda on-failure destination or DLQ keeps those events.',
  check(ctx) {
    return asyncSourcePath(ctx, ['eventRule', 'eventBus'], ({ source, edge }, dlq) => {
      const policy = ctx.trigger(edge).retryPolicy;
      const delivery = `${count(policy.maximumRetryAttempts, 'delivery retry')} over ${formatDuration(policy.maximumEventAgeSeconds)}`;
      return dlq
        ? `The target dead-letter queue "${dlq.name}" of "${source.name}" catches only events EventBridge could not deliver (${delivery}).`
        : `"${source.name}" delivers to Lambda asynchronously (${delivery}).`;
    });
  },
});

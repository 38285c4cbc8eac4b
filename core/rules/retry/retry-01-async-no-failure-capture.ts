import { asyncFailureCapture, formatDuration } from '../../semantics';
import { defineRule } from '../types';
import { names } from './support';

export default defineRule({
  id: 'RETRY-01',
  title: 'Async-invoked function without failure capture',
  severity: 'warning',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
  appliesTo: ['lambda'],
  why: 'When an asynchronous invocation fails every retry, or waits longer than the maximum event age, Lambda discards the event unless an on-failure destination or a dead-letter queue keeps it.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      if (!ctx.invocationModelsOf(fn.id).has('async')) return [];
      const capture = asyncFailureCapture(ctx.index, fn.id);
      if (capture.onFailure.length || capture.dlq.length) return [];
      const sources = ctx.index.incoming(fn.id).filter((e) => ctx.invocation(e) === 'async').flatMap((e) => ctx.index.node(e.from) ?? []);
      const { maximumRetryAttempts, maximumEventAgeSeconds } = fn.props.asyncConfig;
      return [{
        target: fn,
        message: `"${fn.name}" is invoked asynchronously (by ${names(sources) || 'a destination'}) and keeps no failed events: after ${1 + maximumRetryAttempts} attempt${maximumRetryAttempts ? 's' : ''} or ${formatDuration(maximumEventAgeSeconds)} of throttling, an event is discarded.`,
        fix: `Add an on-failure destination (standard SQS queue, standard SNS topic, EventBridge bus or function) or a dead-letter queue to "${fn.name}".`,
      }];
    });
  },
});

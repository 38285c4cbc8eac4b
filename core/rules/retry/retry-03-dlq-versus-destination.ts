import { asyncFailureCapture } from '../../semantics';
import { defineRule } from '../types';
import { names } from './support';

export default defineRule({
  id: 'RETRY-03',
  title: 'Dead-letter queue instead of an on-failure destination',
  severity: 'info',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html',
  appliesTo: ['lambda', 'deadLetter', 'destination'],
  why: 'A function\'s dead-letter queue receives only the event payload, with the request id, error code and an error message truncated to 1 KB. An on-failure destination receives an invocation record with the request, the response and the error details, which is what you need to diagnose and replay. Delivery to a DLQ can also fail on permissions or message size.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      if (!ctx.invocationModelsOf(fn.id).has('async')) return [];
      const { onFailure, dlq } = asyncFailureCapture(ctx.index, fn.id);
      if (onFailure.length || !dlq.length) return [];
      const queues = dlq.flatMap((e) => ctx.index.node(e.to) ?? []);
      return [{
        target: fn,
        message: `"${fn.name}" keeps failed async events only in its dead-letter queue ${names(queues)}: each one holds the payload and an error message cut to 1 KB, without the invocation's response or context.`,
        fix: `Give "${fn.name}" an on-failure destination (${names(queues)} can serve as it) in place of, or beside, its dead-letter queue.`,
      }];
    });
  },
});

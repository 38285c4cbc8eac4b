import { lambdaProps } from '../../model/kinds/lambda';
import { rangeOf } from '../../model/limits';
import { asyncFailureCapture } from '../../semantics';
import { defineRule } from '../types';
import { LOW_RESERVED_CONCURRENCY, SHORT_EVENT_AGE_SECONDS, count, expectedConcurrency, invokerNames } from './support';

const LONGEST_EVENT_AGE = rangeOf(lambdaProps, 'asyncConfig', 'maximumEventAgeSeconds').max;

export default defineRule({
  id: 'CONC-10',
  title: 'Async throttling with a short maximum event age',
  severity: 'warning',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
  appliesTo: ['lambda'],
  why: 'Lambda keeps retrying throttled asynchronous events for up to 6 hours by default, backing off from 1 second to 5 minutes. With low reserved concurrency, bursts are throttled; with a short maximum event age, those events expire before a retry gets through and are discarded (or sent to the dead-letter queue or on-failure destination, if there is one).',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const reserved = fn.props.reservedConcurrency;
      const age = fn.props.asyncConfig.maximumEventAgeSeconds;
      if (!reserved || age >= SHORT_EVENT_AGE_SECONDS || !ctx.invocationModelsOf(fn.id).has('async')) return []; // 0 is CONC-02's case
      const asyncEdges = ctx.index.incoming(fn.id).filter((e) => ctx.invocation(e) === 'async');
      const load = expectedConcurrency(ctx, fn, asyncEdges.map((e) => ({ sourceId: e.from, batchSize: 1 })));
      const busy = load !== undefined && load.value >= reserved;
      if (reserved >= LOW_RESERVED_CONCURRENCY && !busy) return [];
      const { onFailure, dlq } = asyncFailureCapture(ctx.index, fn.id);
      const kept = [...onFailure, ...dlq].map((e) => `"${ctx.index.node(e.to)?.name ?? e.to}"`);
      const invokers = invokerNames(ctx, fn.id, 'async');
      return [{
        target: fn,
        message: `"${fn.name}" is invoked asynchronously${invokers ? ` by ${invokers}` : ''} with reserved concurrency ${reserved}${busy ? ` (the "${load.profile}" usage profile needs about ${count(Math.ceil(load.value))})` : ''} and a maximum event age of ${count(age)} s: events throttled for longer than that are ${kept.length ? `sent to ${kept.join(', ')}` : 'discarded'} instead of retried for up to 6 h.`,
        fix: `Raise the maximum event age of "${fn.name}" (up to ${count(LONGEST_EVENT_AGE)} s, the default) or its reserved concurrency${kept.length ? '' : `, and give "${fn.name}" an on-failure destination to keep expired events`}.`,
      }];
    });
  },
});

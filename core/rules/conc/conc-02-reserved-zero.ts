import { defineRule } from '../types';
import { invokerNames } from './support';

export default defineRule({
  id: 'CONC-02',
  title: 'Reserved concurrency of 0',
  severity: 'warning',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  appliesTo: ['lambda'],
  why: 'Reserved concurrency 0 throttles every invocation: it "stops any events from being processed until you remove the limit". Synchronous callers get 429 errors, asynchronous events are retried for up to the maximum event age (6 hours by default) and then discarded or sent to the on-failure destination, and queue messages return to the queue until they reach its dead-letter queue or expire.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      if (fn.props.reservedConcurrency !== 0) return [];
      const invokers = invokerNames(ctx, fn.id);
      if (fn.props.killSwitch) {
        return [{
          target: fn,
          severity: 'info' as const,
          message: `"${fn.name}" is switched off on purpose (reserved concurrency 0, marked as a kill switch): every invocation${invokers ? ` from ${invokers}` : ''} is throttled.`,
          fix: `Remove the reserved concurrency of "${fn.name}" (or set the number it needs) when it should run again.`,
        }];
      }
      return [{
        target: fn,
        message: `"${fn.name}" has reserved concurrency 0: Lambda throttles every invocation${invokers ? ` from ${invokers}` : ''}, so nothing is processed.`,
        fix: `Remove the reserved concurrency of "${fn.name}" or set it to the concurrency the function needs; if 0 is meant as a kill switch, mark "${fn.name}" as a kill switch.`,
      }];
    });
  },
});

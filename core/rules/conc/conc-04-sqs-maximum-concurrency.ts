import { defineRule } from '../types';
import { SQS_INITIAL_BATCHES, SQS_MAX_BATCHES_PER_MAPPING, count, functionTriggers } from './support';

export default defineRule({
  id: 'CONC-04',
  title: 'SQS maximum concurrency above the function\'s reserved concurrency',
  severity: 'warning',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html',
  appliesTo: ['trigger', 'sqsQueue', 'lambda'],
  why: 'AWS: "If you configure maximum concurrency, make sure that your function\'s reserved concurrency is greater than or equal to the total maximum concurrency for all Amazon SQS event sources on the function. Otherwise, Lambda may throttle your messages." Event source mappings do not account for reserved concurrency, so batches beyond it are throttled and return to the queue, and every such receive counts toward its maxReceiveCount. Maximum concurrency itself reserves nothing.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const reserved = fn.props.reservedConcurrency;
      const triggers = functionTriggers(ctx, 'sqsQueue', { to: fn.id });
      if (!reserved || !triggers.length) return []; // 0 throttles everything: CONC-02
      const capped = triggers.filter((t) => ctx.trigger(t.edge).maximumConcurrency !== undefined);
      const total = capped.reduce((sum, t) => sum + (ctx.trigger(t.edge).maximumConcurrency ?? 0), 0);
      if (total > reserved) {
        const one = capped.length === 1 ? capped[0] : undefined;
        return [{
          target: one ? one.edge : fn,
          message: one
            ? `The trigger from "${one.source.name}" may run ${total} concurrent batches of "${fn.name}" (maximum concurrency), but "${fn.name}" reserves only ${reserved}: the mapping keeps taking messages that Lambda then throttles.`
            : `The SQS triggers of "${fn.name}" may run ${total} concurrent batches together (${capped.map((t) => `"${t.source.name}" ${ctx.trigger(t.edge).maximumConcurrency}`).join(', ')}), but "${fn.name}" reserves only ${reserved}: the mappings keep taking messages that Lambda then throttles.`,
          fix: `Lower the maximum concurrency of ${one ? `the "${one.source.name}" trigger to ${reserved}` : `the SQS triggers of "${fn.name}" to ${reserved} in total`}, or raise the reserved concurrency of "${fn.name}" to ${total}.`,
        }];
      }
      // Uncapped mappings scale to 1,000 batches each whatever the reservation; below 5 is CONC-05's case.
      const cappedSet = new Set(capped);
      const uncapped = triggers.filter((t) => !cappedSet.has(t));
      if (!uncapped.length || reserved < SQS_INITIAL_BATCHES || total + uncapped.length * SQS_MAX_BATCHES_PER_MAPPING <= reserved) return [];
      return uncapped.map((t) => ({
        target: t.edge,
        severity: 'info' as const,
        message: `The trigger from "${t.source.name}" has no maximum concurrency, so it scales up to ${count(SQS_MAX_BATCHES_PER_MAPPING)} concurrent batches whatever the reserved concurrency of "${fn.name}" (${reserved}): batches beyond ${reserved} are throttled and return to the queue.`,
        fix: `Set the maximum concurrency of the "${t.source.name}" trigger so that the SQS triggers of "${fn.name}" allow ${reserved} concurrent batches at most (AWS recommends maximum concurrency, not reserved concurrency, to cap an SQS consumer).`,
      }));
    });
  },
});

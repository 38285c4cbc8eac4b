import type { NodeOfKind } from '../../model/design';
import { defineRule, type RuleContext, type RuleFinding } from '../types';
import { SQS_INITIAL_BATCHES, SQS_MAX_BATCHES_PER_MAPPING, SQS_SCALE_UP_PER_MINUTE, count, expectedConcurrency, functionTriggers, type FunctionTrigger } from './support';

/** Per trigger: FIFO parallelism is bounded by message groups; one mapping by 1,000 batches. */
function triggerFacts(ctx: RuleContext, t: FunctionTrigger<'sqsQueue'>): RuleFinding[] {
  const { maximumConcurrency, batchSize } = ctx.trigger(t.edge);
  const load = expectedConcurrency(ctx, t.fn, [{ sourceId: t.source.id, batchSize }]);
  const needed = load && Math.ceil(load.value);
  const onLoad = load ? `At the "${load.profile}" usage profile "${t.fn.name}" needs about ${count(needed ?? 0)} concurrent batches of "${t.source.name}"` : '';
  if (t.source.props.fifo) {
    // With usage, the load says how many groups are needed; without, the configured ceiling does.
    const reserved = t.fn.props.reservedConcurrency || Infinity;
    const cap = Math.min(maximumConcurrency ?? Infinity, reserved);
    const wanted = needed ?? cap;
    if (!Number.isFinite(wanted) || wanted <= 1) return [];
    const setting = cap === reserved ? `"${t.fn.name}" reserves ${count(cap)} concurrent executions` : `The trigger from "${t.source.name}" allows ${count(cap)} concurrent batches`;
    return [{
      target: t.edge,
      message: `${onLoad || setting}, but "${t.source.name}" is a FIFO queue: Lambda runs at most one batch per active message group, so that takes at least ${count(wanted)} message groups with messages waiting.`,
      fix: `Spread the messages of "${t.source.name}" over at least ${count(wanted)} message group IDs, or use a standard queue if their order does not matter.`,
    }];
  }
  if (!needed || needed <= SQS_MAX_BATCHES_PER_MAPPING) return [];
  return [{
    target: t.edge,
    message: `${onLoad}, more than the ${count(SQS_MAX_BATCHES_PER_MAPPING)} concurrent batches one SQS trigger runs at most: the queue backs up.`,
    fix: `Raise the batch size (with a batching window) of the "${t.source.name}" trigger, shorten "${t.fn.name}", or split the messages over several queues.`,
  }];
}

/** Per function invoked only by SQS: reserved concurrency its triggers can never use. AWS advises the
 *  opposite floor (reserved concurrency at least the total maximum concurrency of the SQS triggers, CONC-04),
 *  so the advice never goes below that total. */
function unusedReservation(ctx: RuleContext, fn: NodeOfKind<'lambda'>, triggers: FunctionTrigger<'sqsQueue'>[]): RuleFinding[] {
  const reserved = fn.props.reservedConcurrency ?? 0;
  const caps = triggers.map((t) => ctx.trigger(t.edge).maximumConcurrency);
  const reach = caps.reduce<number>((sum, cap) => sum + (cap ?? SQS_MAX_BATCHES_PER_MAPPING), 0);
  const models = ctx.invocationModelsOf(fn.id);
  const onlySqs = !models.has('sync') && !models.has('async') && ctx.index.incoming(fn.id, 'trigger').every((e) => ctx.index.node(e.from)?.kind === 'sqsQueue');
  if (!onlySqs || reserved <= reach) return [];
  const minutes = Math.ceil((reach - SQS_INITIAL_BATCHES) / SQS_SCALE_UP_PER_MINUTE);
  const capped = caps.some((cap) => cap !== undefined);
  return [{
    target: fn,
    message: `"${fn.name}" reserves ${count(reserved)} concurrent executions, but its SQS triggers run at most ${count(reach)} batches at once (starting at ${SQS_INITIAL_BATCHES}, adding up to ${SQS_SCALE_UP_PER_MINUTE} a minute, so about ${minutes} min to get there): ${count(reserved - reach)} reserved executions are never used and are withheld from every other function.`,
    fix: capped
      ? `Lower the reserved concurrency of "${fn.name}" to ${count(reach)}, the total maximum concurrency of its SQS triggers, and not below: AWS advises reserved concurrency of at least that total, or Lambda may throttle messages. Or raise the triggers' maximum concurrency to use the ${count(reserved)}.`
      : `Lower the reserved concurrency of "${fn.name}" to ${count(reach)}, the most its SQS triggers can use.`,
  }];
}

export default defineRule({
  id: 'CONC-06',
  title: 'SQS scaling limits',
  severity: 'info',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html',
  appliesTo: ['trigger', 'sqsQueue', 'lambda'],
  why: `For a standard queue Lambda starts with ${SQS_INITIAL_BATCHES} concurrent batches, adds up to ${SQS_SCALE_UP_PER_MINUTE} a minute and runs at most ${count(SQS_MAX_BATCHES_PER_MAPPING)} per event source mapping. For a FIFO queue concurrency is at most the number of active message groups. Capacity planned beyond these limits is never reached. A reservation above what the function's only triggers can use is withheld from every other function; AWS advises the floor the other way — "make sure that your function's reserved concurrency is greater than or equal to the total maximum concurrency for all Amazon SQS event sources on the function. Otherwise, Lambda may throttle your messages" — so the fix never goes below the triggers' total maximum concurrency.`,
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const triggers = functionTriggers(ctx, 'sqsQueue', { to: fn.id });
      if (!triggers.length) return [];
      return [...triggers.flatMap((t) => triggerFacts(ctx, t)), ...unusedReservation(ctx, fn, triggers)];
    });
  },
});

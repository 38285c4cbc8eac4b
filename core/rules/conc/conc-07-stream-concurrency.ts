import type { NodeOfKind } from '../../model/design';
import { triggerProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
import { defineRule, type RuleContext, type RuleFinding } from '../types';
import { count, expectedConcurrency, functionTriggers, type FunctionTrigger } from './support';

const MAX_FACTOR = rangeOf(triggerProps, 'parallelizationFactor').max;

type StreamTrigger = FunctionTrigger<'kinesisStream'> | FunctionTrigger<'dynamoTable'>;

/** Concurrent batches a stream trigger runs: shards × parallelization factor. Only a provisioned
 *  Kinesis stream has a known shard count; on-demand Kinesis and DynamoDB streams have at least one. */
function streamConcurrency(ctx: RuleContext, t: StreamTrigger): { shards: number | undefined; factor: number; atLeast: number } {
  const factor = ctx.trigger(t.edge).parallelizationFactor;
  const shards = t.source.kind === 'kinesisStream' && t.source.props.capacityMode === 'provisioned' ? t.source.props.shardCount : undefined;
  return { shards, factor, atLeast: (shards ?? 1) * factor };
}

/** The usage profile needs more concurrent batches than shards × factor allow: the stream lags. */
function lag(ctx: RuleContext, t: StreamTrigger): RuleFinding[] {
  const { shards, factor, atLeast } = streamConcurrency(ctx, t);
  const load = shards ? expectedConcurrency(ctx, t.fn, [{ sourceId: t.source.id, batchSize: ctx.trigger(t.edge).batchSize }]) : undefined;
  if (!shards || !load || load.value <= atLeast) return [];
  const needed = Math.ceil(load.value);
  const factorNeeded = Math.ceil(needed / shards);
  return [{
    target: t.edge,
    message: `At the "${load.profile}" usage profile "${t.fn.name}" needs about ${count(needed)} concurrent batches of "${t.source.name}", but ${shards} shard${shards > 1 ? 's' : ''} × parallelization factor ${factor} allow ${count(atLeast)}: records queue up and the iterator age grows.`,
    fix: factorNeeded <= MAX_FACTOR
      ? `Raise the parallelization factor of the "${t.source.name}" trigger to ${factorNeeded}, or give "${t.source.name}" more shards.`
      : `Give "${t.source.name}" at least ${count(Math.ceil(needed / MAX_FACTOR))} shards and a parallelization factor of ${MAX_FACTOR}, or make "${t.fn.name}" faster.`,
  }];
}

/** Reserved concurrency below what the stream triggers run: batches are throttled. */
function throttled(ctx: RuleContext, fn: NodeOfKind<'lambda'>, triggers: StreamTrigger[]): RuleFinding[] {
  const reserved = fn.props.reservedConcurrency;
  const parts = triggers.map((t) => ({ t, ...streamConcurrency(ctx, t) }));
  const total = parts.reduce((sum, p) => sum + p.atLeast, 0);
  if (!reserved || reserved >= total) return []; // 0 is CONC-02's case
  const unknown = parts.some((p) => p.shards === undefined);
  const terms = parts.map((p) => `"${p.t.source.name}" ${p.shards === undefined ? 'at least 1 shard' : `${count(p.shards)} shard${p.shards === 1 ? '' : 's'}`} × ${p.factor}`);
  return [{
    target: fn,
    message: `"${fn.name}" reserves ${reserved} concurrent executions, but its stream triggers run ${unknown ? 'at least ' : ''}${count(total)} batches at once (${terms.join(', ')}${unknown ? '; AWS sets the shard count of DynamoDB and on-demand Kinesis streams' : ''}): batches are throttled and retried, and the stream falls behind.`,
    fix: `Raise the reserved concurrency of "${fn.name}" to ${unknown ? 'at least ' : ''}${count(total)}, or lower the parallelization factor of its stream triggers.`,
  }];
}

export default defineRule({
  id: 'CONC-07',
  title: 'Stream concurrency: shards × parallelization factor',
  severity: 'info',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html',
  appliesTo: ['trigger', 'kinesisStream', 'dynamoTable', 'lambda'],
  why: `A stream trigger runs one batch per shard at a time, times the parallelization factor (at most ${MAX_FACTOR}): 100 shards × 2 = 200 concurrent invocations. That is both the most it can process at once and what the function's reserved concurrency must allow. The parallelization factor does not work with Kinesis aggregation.`,
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const triggers: StreamTrigger[] = [...functionTriggers(ctx, 'kinesisStream', { to: fn.id }), ...functionTriggers(ctx, 'dynamoTable', { to: fn.id })];
      return [...triggers.flatMap((t) => lag(ctx, t)), ...throttled(ctx, fn, triggers)];
    });
  },
});

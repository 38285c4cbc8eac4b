import type { NodeOfKind } from '../../model/design';
import { triggerProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
import { defineRule, type RuleContext, type RuleFinding } from '../types';
import { count, expectedConcurrency, functionTriggers, type FunctionTrigger } from './support';

const MAX_FACTOR = rangeOf(triggerProps, 'parallelizationFactor').max;

type StreamTrigger = FunctionTrigger<'kinesisStream'> | FunctionTrigger<'dynamoTable'> | FunctionTrigger<'kafka'>;

/** Concurrent batches a stream trigger runs: shards × parallelization factor. The shard count is
 *  known for a provisioned Kinesis stream, and for a DynamoDB stream whose shards the design states
 *  (streamShards); on-demand Kinesis and other DynamoDB streams have at least one. A Kafka mapping
 *  runs at most one batch per partition of its topic (topicPartitions, when stated) and has no
 *  parallelization factor: https://docs.aws.amazon.com/lambda/latest/dg/with-msk-configure.html */
function streamConcurrency(ctx: RuleContext, t: StreamTrigger): { shards: number | undefined; factor: number; atLeast: number; unit: string } {
  if (t.source.kind === 'kafka') {
    const partitions = t.source.props.topicPartitions;
    return { shards: partitions, factor: 1, atLeast: partitions ?? 1, unit: 'partition' };
  }
  const factor = ctx.trigger(t.edge).parallelizationFactor;
  const shards = t.source.kind === 'kinesisStream' ? (t.source.props.capacityMode === 'provisioned' ? t.source.props.shardCount : undefined) : t.source.props.streamShards;
  return { shards, factor, atLeast: (shards ?? 1) * factor, unit: 'shard' };
}

/** The usage profile needs more concurrent batches than shards × factor allow: the stream lags. */
function lag(ctx: RuleContext, t: StreamTrigger): RuleFinding[] {
  if (t.source.kind === 'kafka') return [];
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
  // Only Kafka mappings whose partitions are known count: an unknown topic says nothing about concurrency.
  if (parts.every((p) => p.t.source.kind === 'kafka' && p.shards === undefined)) return [];
  const unknown = parts.some((p) => p.shards === undefined);
  const terms = parts.map((p) => `"${p.t.source.name}" ${p.shards === undefined ? `at least 1 ${p.unit}` : `${count(p.shards)} ${p.unit}${p.shards === 1 ? '' : 's'}`}${p.unit === 'shard' ? ` × ${p.factor}` : ''}`);
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
  appliesTo: ['trigger', 'kinesisStream', 'dynamoTable', 'kafka', 'lambda'],
  why: `A stream trigger runs one batch per shard at a time, times the parallelization factor (at most ${MAX_FACTOR}): 100 shards × 2 = 200 concurrent invocations. That is both the most it can process at once and what the function's reserved concurrency must allow. A DynamoDB stream's shards count when the design states them; a Kafka mapping runs at most one batch per partition of its topic. The parallelization factor does not work with Kinesis aggregation.`,
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const triggers: StreamTrigger[] = [...functionTriggers(ctx, 'kinesisStream', { to: fn.id }), ...functionTriggers(ctx, 'dynamoTable', { to: fn.id }), ...functionTriggers(ctx, 'kafka', { to: fn.id })];
      return [...triggers.flatMap((t) => lag(ctx, t)), ...throttled(ctx, fn, triggers)];
    });
  },
});

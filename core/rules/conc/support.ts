import { DEFAULT_CONCURRENCY_LIMIT } from '../../model/account';
import { own } from '../../model/own';
import { formatNumber } from '../../format';
import type { DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
import type { InvocationModel } from '../../semantics';
import { NAMES_SHOWN } from '../support';
import type { RuleContext } from '../types';

/** Concurrent executions per Region in an account with the default quota; new accounts get less.
 *  Source: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html. A design states
 *  its own quota in `design.account.concurrencyLimit` (core/model/account.ts); this is the default. */
export const DEFAULT_ACCOUNT_CONCURRENCY = DEFAULT_CONCURRENCY_LIMIT;

/** Reserved concurrency can take the unreserved account concurrency "minus 100 for functions that
 *  don't have reserved concurrency" (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). */
export const UNRESERVED_FLOOR = 100;

/** SQS event source mapping scaling (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html):
 *  a standard queue starts with 5 concurrent batches, adds up to 300 per minute, and one mapping
 *  processes at most 1,000 batches at once. The archived with-sqs.md asks for reserved concurrency
 *  of at least 5 on an SQS consumer for the same reason (CONC-05). */
export const SQS_INITIAL_BATCHES = 5;
export const SQS_SCALE_UP_PER_MINUTE = 300;
export const SQS_MAX_BATCHES_PER_MAPPING = 1000;

/** Lambda retries throttled async events for up to 6 h, backing off from 1 s to 5 min
 *  (invocation-async-error-handling). Below an hour only a dozen or so tries fit at that backoff;
 *  under 10 reserved executions a burst from S3, SNS or EventBridge throttles at once (CONC-10). */
export const SHORT_EVENT_AGE_SECONDS = 3600;
export const LOW_RESERVED_CONCURRENCY = 10;

/** 730 hours: the month AWS prices by. */
const SECONDS_PER_MONTH = 730 * 3600;

export interface FunctionTrigger<K extends DesignNode['kind']> {
  edge: EdgeOfKind<'trigger'>;
  source: NodeOfKind<K>;
  fn: NodeOfKind<'lambda'>;
}

/** The enabled triggers from nodes of `kind` into functions; `at` narrows them to one function
 *  (`to`) or one source (`from`). */
export function functionTriggers<K extends DesignNode['kind']>(ctx: RuleContext, kind: K, at: { to?: string; from?: string } = {}): FunctionTrigger<K>[] {
  const edges = at.to !== undefined ? ctx.index.incoming(at.to, 'trigger') : at.from !== undefined ? ctx.index.outgoing(at.from, 'trigger') : ctx.design.edges;
  return edges.flatMap((edge) => {
    if (edge.kind !== 'trigger' || !edge.props.enabled) return [];
    const source = ctx.index.node(edge.from);
    const fn = ctx.index.node(edge.to);
    return source?.kind === kind && fn?.kind === 'lambda' ? [{ edge, source: source as NodeOfKind<K>, fn }] : [];
  });
}

/** Names of what invokes a function (under `model`, when given), quoted and joined. */
export function invokerNames(ctx: RuleContext, fnId: string, model?: InvocationModel): string {
  const quoted = ctx.index.incoming(fnId)
    .filter((e) => (model ? ctx.invocation(e) === model : ctx.invocation(e) !== undefined))
    .map((e) => `"${ctx.index.node(e.from)?.name ?? e.from}"`);
  return quoted.length > NAMES_SHOWN ? `${quoted.slice(0, NAMES_SHOWN - 1).join(', ')} and ${formatNumber(quoted.length - NAMES_SHOWN + 1)} others` : quoted.join(', ');
}

/** The average concurrency the active usage profile implies for a function (invocations per second
 *  × average duration): events entered at each source, one invocation per `batchSize` of them.
 *  Undefined when the profile lacks the function's duration or every source's volume. */
export function expectedConcurrency(ctx: RuleContext, fn: NodeOfKind<'lambda'>, inputs: readonly { sourceId: string; batchSize: number }[]): { value: number; profile: string } | undefined {
  const { active, profiles } = ctx.design.usage;
  const usage = own(profiles, active)?.nodes;
  const durationMs = usage?.[fn.id]?.avgDurationMs;
  if (!active || !usage || durationMs === undefined) return undefined;
  const volumes = inputs.filter((i) => usage[i.sourceId]?.requestsPerMonth !== undefined);
  if (!volumes.length) return undefined;
  const invocationsPerSecond = volumes.reduce((sum, i) => sum + (usage[i.sourceId].requestsPerMonth ?? 0) / i.batchSize, 0) / SECONDS_PER_MONTH;
  return { value: invocationsPerSecond * (durationMs / 1000), profile: active };
}

/** "1,000" */
export const count = (n: number) => formatNumber(n);

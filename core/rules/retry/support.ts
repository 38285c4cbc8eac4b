import type { DesignIndex } from '../../graph';
import type { DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
import { asyncFailureCapture, formatDuration, subscriptionDlq } from '../../semantics';
import type { RuleContext, RuleFinding } from '../types';

type Kind = DesignNode['kind'];

import { functionTriggers as lambdaTriggers, type FunctionTrigger as LambdaTrigger } from '../support';

export { lambdaTriggers, type LambdaTrigger };
export { names } from '../support';

/** Kinesis and DynamoDB Streams: the sources whose mappings bisect, retry by count and age and block a shard. */
export const SHARD_STREAMS = ['kinesisStream', 'dynamoTable'] as const;
/** Every event source mapping that takes an on-failure destination (DestinationConfig). */
export const DESTINATION_MAPPINGS = ['kinesisStream', 'dynamoTable', 'kafka'] as const;

/** Lambda's advice for a queue a function consumes: "set the maxReceiveCount ... to at least 5". */
export const MIN_RECEIVE_COUNT = 5;

/** Queue redrives: dead-letter edges from an SQS queue to another, with both queues. */
export function queueRedrives(ctx: RuleContext): { edge: EdgeOfKind<'deadLetter'>; source: NodeOfKind<'sqsQueue'>; dlq: NodeOfKind<'sqsQueue'> }[] {
  return ctx.design.edges.flatMap((edge) => {
    if (edge.kind !== 'deadLetter') return [];
    const source = ctx.index.node(edge.from);
    const dlq = ctx.index.node(edge.to);
    return source?.kind === 'sqsQueue' && dlq?.kind === 'sqsQueue' ? [{ edge, source, dlq }] : [];
  });
}

/** A queue that receives failures (a DLQ or an on-failure destination): nobody asks it for a DLQ of its own. */
export function isFailureSink(index: DesignIndex, nodeId: string): boolean {
  return index.incoming(nodeId).some((e) => e.kind === 'deadLetter' || (e.kind === 'destination' && e.props.on === 'failure'));
}

/** "1 retry", "2 retries", "1 attempt", "3 attempts". */
export function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** `"a", "b" and "c"` */

/** RETRY-05 / RETRY-07: an async source (SNS, EventBridge) whose own DLQ catches only delivery
 *  failures, in front of a function that keeps no failed events of its own. One finding a function:
 *  on the function, or (`on: 'trigger'`, RETRY-05) on its first such subscription edge, with the
 *  function, its other subscriptions and their dead-letter queues as related targets. */
export function asyncSourcePath(ctx: RuleContext, kinds: readonly Kind[], describe: (t: LambdaTrigger, dlq: NodeOfKind<'sqsQueue'> | undefined) => string, on: 'function' | 'trigger' = 'function'): RuleFinding[] {
  const byFunction = new Map<string, LambdaTrigger[]>();
  for (const t of lambdaTriggers(ctx, kinds)) (byFunction.get(t.fn.id) ?? byFunction.set(t.fn.id, []).get(t.fn.id)!).push(t);
  return [...byFunction.values()].flatMap((triggers) => {
    const fn = triggers[0].fn;
    const capture = asyncFailureCapture(ctx.index, fn.id);
    if (capture.onFailure.length || capture.dlq.length) return [];
    const dlqs: NodeOfKind<'sqsQueue'>[] = [];
    const parts = triggers.map((t) => {
      const dlqEdge = subscriptionDlq(ctx.index, t.edge);
      const dlq = dlqEdge && ctx.index.node(dlqEdge.to);
      if (dlq?.kind === 'sqsQueue') dlqs.push(dlq);
      return describe(t, dlq?.kind === 'sqsQueue' ? dlq : undefined);
    });
    const { maximumRetryAttempts, maximumEventAgeSeconds } = fn.props.asyncConfig;
    return [{
      ...(on === 'trigger' ? { target: triggers[0].edge, related: [fn, ...triggers.slice(1).map((t) => t.edge), ...dlqs] } : { target: fn }),
      message: `${parts.join(' ')} Once Lambda has accepted an event, errors and timeouts of "${fn.name}" follow its own async retries (${count(maximumRetryAttempts, 'retry')}, ${formatDuration(maximumEventAgeSeconds)} maximum age), and "${fn.name}" keeps no failed events.`,
      fix: `Add an on-failure destination (or a dead-letter queue) to "${fn.name}"; a DLQ on the ${triggers.length > 1 ? 'sources' : 'source'} alone does not catch function errors.`,
    }];
  });
}

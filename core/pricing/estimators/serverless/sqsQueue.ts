import type { EdgeOfKind } from '../../../model/design';
import { effectiveTrigger, expectedAttempts, queueRedrive } from '../../../semantics';
import { dec, Dec, ZERO } from '../../money';
import type { EstimateContext, Estimator } from '../../types';
import { averageKb, chunkedUnits, chunksOf, edgePayloadKb, fmt, inflows, type Line, noTraffic, readInflows, SECONDS_PER_HOUR, totalEvents } from './support';

/** "Each 64 KB chunk of payload is billed as 1 request" (pricing.md §3; AGL; INF SQS golden). */
const CHUNK_KB = 64;
/** ReceiveMessage returns at most 10 messages and DeleteMessageBatch takes at most 10 entries (SQS
 *  API reference: MaxNumberOfMessages 1–10), so a Lambda batch of 100 costs 10 receives. */
const MESSAGES_PER_CALL = 10;
/** Lambda's poller for a standard-mode SQS mapping: "When traffic is low, Lambda scales back the
 *  processing to five concurrent invokes" and keeps long polling
 *  (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html). Assumed: 5 long polls
 *  in flight all month, each empty one waiting the 20 s maximum (SQS long polling,
 *  https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html),
 *  and a receive that returns messages takes the place of an empty one. */
const IDLE_POLLERS = 5;
const LONG_POLL_SECONDS = 20;

/** SQS queue: requests in 64 KB chunks, at the standard or FIFO price (tiers across the design).
 *  Sends = every message arriving (entered, from SNS/EventBridge/S3, from functions, and messages
 *  moved here as a dead-letter queue, counted as one send each). A Lambda trigger adds the poller's
 *  receives (one per 10 messages, × the expected attempts under the function's error rate), its
 *  DeleteMessageBatch calls and the empty long polls of an idle poller; functions reading the queue
 *  through an access edge add one receive per read. Sends are counted one message per request
 *  (no SendMessageBatch assumed), an upper bound. */
export const estimateSqsQueue: Estimator = (ctx, node) => {
  if (node.kind !== 'sqsQueue') return [];
  const key = node.props.fifo ? 'sqs.fifo.requests' : 'sqs.standard.requests';
  const flows = inflows(ctx, node);
  const messageKb = ctx.usage(node.id).avgPayloadKb ?? averageKb(flows);
  const sends = chunkedUnits(flows, CHUNK_KB, noTraffic(node));
  const lines: Line[] = [ctx.line(node, 'Send requests', key, sends.quantity, sends.from)];

  for (const edge of ctx.index.outgoing(node.id, 'trigger') as EdgeOfKind<'trigger'>[]) {
    const fn = ctx.index.node(edge.to);
    if (fn?.kind !== 'lambda' || !edge.props.enabled) continue;
    const { receives, deletes, from } = pollerRequests(ctx, node.id, edge, messageKb);
    lines.push(ctx.line(node, `Receive requests by "${fn.name}"`, key, receives, from));
    lines.push(ctx.line(node, `Delete requests by "${fn.name}"`, key, deletes, `${fmt(deletes)} DeleteMessageBatch calls of up to ${MESSAGES_PER_CALL} messages`));
    const idle = Dec.max(ZERO, dec(IDLE_POLLERS * ctx.hoursPerMonth * SECONDS_PER_HOUR / LONG_POLL_SECONDS).minus(receives));
    lines.push(ctx.line(node, `Empty long polls by "${fn.name}"`, key, idle,
      `Lambda keeps ${IDLE_POLLERS} long polls of up to ${LONG_POLL_SECONDS} s open (${fmt(IDLE_POLLERS * ctx.hoursPerMonth * SECONDS_PER_HOUR / LONG_POLL_SECONDS)} a month, AWS "services-sqs-scaling"), less the receives that return messages`));
  }

  const reads = readInflows(ctx, node);
  if (reads.length) lines.push(ctx.line(node, 'Receive requests by functions', key, totalEvents(reads), reads.map((f) => f.from).join(' + ')));
  return lines;
};

/** The requests a Lambda event source mapping makes on the queue for the messages it delivers. */
function pollerRequests(ctx: EstimateContext, queueId: string, edge: EdgeOfKind<'trigger'>, messageKb: number | undefined) {
  const messages = dec(ctx.traffic.edges[edge.id]?.events ?? 0);
  const perCall = Math.min(effectiveTrigger('sqsQueue', edge).batchSize, MESSAGES_PER_CALL);
  const errorRate = ctx.usage(edge.to).errorRate ?? 0;
  const redrive = queueRedrive(ctx.index, queueId);
  // The same expected attempts as traffic propagation: a failed batch is received again until
  // maxReceiveCount (10 when the queue has no redrive policy, as in core/semantics/traffic.ts).
  const attempts = expectedAttempts(errorRate, (redrive?.props.maxReceiveCount ?? 10) - 1);
  const kb = edgePayloadKb(ctx, edge.id) ?? messageKb;
  const chunks = chunksOf(kb === undefined ? undefined : kb * perCall, CHUNK_KB);
  const calls = messages.div(perCall);
  const receives = calls.times(attempts).times(chunks);
  const from = `${fmt(messages)} messages / ${perCall} per ReceiveMessage${attempts > 1 ? ` × ${fmt(attempts)} expected attempts (error rate ${errorRate})` : ''}${chunks > 1 ? ` × ${chunks} (${perCall} × ${kb} KB in ${CHUNK_KB} KB chunks)` : ''}`;
  return { receives, deletes: calls, from };
}

import { formatNumber } from '../format';
import { indexDesign, type DesignIndex } from '../graph';
import { boundedForAnalysis } from '../model/bounded';
import { withoutRefusedEdges } from '../model/setAside';
import type { Design, DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../model/design';
import { asyncFailureCapture, mappingOnFailure, queueRedrive, subscriptionDlq } from './failure';
import { invocationModel, type InvocationModel } from './invocation';
import { ASYNC_RETRY_DELAYS_SECONDS, DYNAMODB_STREAM_RETENTION_SECONDS, formatDuration, SNS_MANAGED_DELIVERY } from './retryPolicy';
import { effectiveTrigger } from './settings';

export interface NodeRef { id: string; name: string; kind: string }

/** Where failed events end up, and which failures that place receives. */
export interface RetrySink {
  kind: 'onFailureDestination' | 'deadLetterQueue' | 'redriveQueue' | 'streamOnFailure' | 'caller';
  node: NodeRef;
  catches: string;
}

/** What happens to one event that keeps failing on one edge into a function. */
export interface RetryHop {
  edge: string;
  source: NodeRef;
  function: NodeRef;
  model: InvocationModel;
  /** Invocations of the function for one event that keeps failing; null: until the record expires. */
  attempts: number | null;
  /** The retry policy in words, with AWS's numbers. */
  policy: string;
  /** Worst case from the first attempt until the event reaches a sink or is dropped; null: unbounded. */
  worstCaseSeconds: number | null;
  /** Extra invocations with the same event at worst (at-least-once deliveries aside); null: unbounded. */
  duplicateInvocations: number | null;
  sinks: RetrySink[];
  /** Retries on the delivering service's side (SNS, EventBridge) and the DLQ that catches those. */
  delivery?: { policy: string; dlq?: NodeRef; catches: string };
  lost: boolean;
  lostReason?: string;
  notes: string[];
}

/** A chain from an entry point through functions and the queues/topics between them. */
export interface RetryPath {
  id: string;
  hops: RetryHop[];
  lost: boolean;
  worstCaseSeconds: number | null;
  /** Invocations of the last function per original event at worst (attempts multiply along a chain). */
  invocationsWorstCase: number | null;
  /** The chain runs back into a function already on it. */
  loopsBackTo?: NodeRef;
  /** The chain goes on to this node, but tracing stops after 12 hops. */
  continuesTo?: NodeRef;
}

/** The retry paths of a design as far as they were traced: the first `paths`, and how many more. */
export interface RetryTrace {
  paths: RetryPath[];
  /** Distinct paths traced beyond `paths` (not returned). */
  omitted: number;
  /** Tracing stopped at its budget (RETRY_TRACE_LIMIT paths or MAX_STEPS steps): there may be more
   *  paths than `paths.length + omitted`. */
  truncated: boolean;
  /** The retry hop of every edge into a function, in design order, whether or not its path is shown. */
  hops: RetryHop[];
  /** Where each returned path was found, in `paths` order: walking from a source node (pass 0, `at`
   *  its id), or from an edge no such walk covered (pass 1, `at` the edge id). The order of `paths`
   *  is pass, then `at` in design order, then the walk's own order — so paths traced part by part
   *  (core/incremental) merge into exactly the whole design's order. */
  origins: RetryPathOrigin[];
  /** Edges followed, against MAX_STEPS. */
  steps: number;
}

export interface RetryPathOrigin { pass: 0 | 1; at: string }

const MAX_DEPTH = 12;
/** Distinct paths traced at most (a design's paths can grow exponentially with its size: issue 13). */
export const RETRY_TRACE_LIMIT = 20_000;
/** Paths an analysis keeps (the app's Retry paths tab, the report); the rest are counted. */
export const RETRY_PATHS_SHOWN = 1_000;
/** Edges followed at most in one trace, whatever the shape. */
export const MAX_STEPS = 1_000_000;
const FLOW_TARGETS: readonly string[] = ['sqsQueue', 'snsTopic', 'eventBus', 'kinesisStream', 's3Bucket', 'dynamoTable'];
const WRITES: readonly string[] = ['write', 'readWrite', 'publish'];

const ref = (n: DesignNode): NodeRef => ({ id: n.id, name: n.name, kind: n.kind });
const sumNullable = (values: (number | null)[]) => (values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0));

function asyncHop(index: DesignIndex, edge: DesignEdge, source: DesignNode, fn: NodeOfKind<'lambda'>): RetryHop {
  const { maximumRetryAttempts: retries, maximumEventAgeSeconds: age } = fn.props.asyncConfig;
  const attempts = 1 + retries;
  const errorSeconds = attempts * fn.props.timeoutSeconds + ASYNC_RETRY_DELAYS_SECONDS.slice(0, retries).reduce((a, b) => a + b, 0);
  const capture = asyncFailureCapture(index, fn.id);
  const sinks: RetrySink[] = [
    ...capture.onFailure.map((e) => ({ kind: 'onFailureDestination' as const, node: ref(index.node(e.to)!), catches: 'function errors and timeouts after the last retry, and events older than the maximum event age — with the invocation record (request, response, error)' })),
    ...capture.dlq.map((e) => ({ kind: 'deadLetterQueue' as const, node: ref(index.node(e.to)!), catches: 'the same failures, as the event payload with RequestID, ErrorCode and ErrorMessage attributes only' })),
  ];
  const hop: RetryHop = {
    edge: edge.id, source: ref(source), function: ref(fn), model: 'async', attempts,
    policy: `${attempts} attempt${attempts > 1 ? 's' : ''} on function errors (retries after ${ASYNC_RETRY_DELAYS_SECONDS.slice(0, retries).map((s) => `${s / 60} min`).join(' then ') || 'none'}); throttled or 5xx events are retried for up to the maximum event age, ${formatDuration(age)}`,
    worstCaseSeconds: Math.max(errorSeconds, age),
    duplicateInvocations: retries,
    sinks,
    lost: sinks.length === 0,
    notes: [],
  };
  if (hop.lost) hop.lostReason = `no on-failure destination or DLQ on "${fn.name}": an event is discarded after ${attempts} failed attempt${attempts > 1 ? 's' : ''} (about ${formatDuration(errorSeconds)}) or after ${formatDuration(age)} of throttling`;
  if (source.kind === 'snsTopic' || source.kind === 'eventRule') {
    const dlq = subscriptionDlq(index, edge);
    const eb = source.kind === 'eventRule' && edge.kind === 'trigger' ? effectiveTrigger('eventRule', edge).retryPolicy : undefined;
    hop.delivery = source.kind === 'snsTopic'
      ? { policy: `SNS retries delivery up to ${formatNumber(SNS_MANAGED_DELIVERY.attempts)} times over ${formatDuration(SNS_MANAGED_DELIVERY.seconds)}`, dlq: dlq && ref(index.node(dlq.to)!), catches: 'only messages SNS could not hand to Lambda (endpoint deleted, permission removed) — never function errors' }
      : { policy: `EventBridge retries delivery up to ${eb!.maximumRetryAttempts} times over ${formatDuration(eb!.maximumEventAgeSeconds)}`, dlq: dlq && ref(index.node(dlq.to)!), catches: 'only events EventBridge could not deliver — once Lambda accepts an event, throttles and function errors are Lambda\'s to handle' };
  }
  if (source.kind === 's3Bucket') hop.notes.push('S3 delivers notifications at least once: the same event can arrive twice with no error at all.');
  return hop;
}

function sqsHop(index: DesignIndex, edge: EdgeOfKind<'trigger'>, queue: NodeOfKind<'sqsQueue'>, fn: NodeOfKind<'lambda'>): RetryHop {
  const redrive = queueRedrive(index, queue.id);
  const visibility = queue.props.visibilityTimeoutSeconds;
  const t = effectiveTrigger('sqsQueue', edge);
  const maxReceive = redrive ? redrive.props.maxReceiveCount ?? 10 : null;
  const hop: RetryHop = {
    edge: edge.id, source: ref(queue), function: ref(fn), model: 'poll', attempts: maxReceive,
    policy: maxReceive !== null
      ? `each failure makes the message visible again after ${visibility} s; after ${maxReceive} receives it moves to the redrive queue`
      : `each failure makes the message visible again after ${visibility} s, until the queue's retention (${formatDuration(queue.props.messageRetentionSeconds)}) ends`,
    worstCaseSeconds: maxReceive !== null ? maxReceive * visibility + queue.props.delaySeconds : queue.props.messageRetentionSeconds,
    duplicateInvocations: maxReceive !== null ? maxReceive - 1 : null,
    sinks: redrive ? [{ kind: 'redriveQueue', node: ref(index.node(redrive.to)!), catches: `messages received ${maxReceive} times: function errors, timeouts and throttled receives alike` }] : [],
    lost: !redrive,
    notes: [],
  };
  if (!redrive) hop.lostReason = `"${queue.name}" has no redrive policy: a failing message is retried every ${visibility} s and deleted when its retention (${formatDuration(queue.props.messageRetentionSeconds)}) ends`;
  if (t.batchSize > 1 && !t.reportBatchItemFailures) hop.notes.push(`One failing message returns the whole batch of up to ${t.batchSize}: messages already processed run again.`);
  if (queue.props.fifo) hop.notes.push('FIFO: a failing message blocks its message group until it succeeds or moves to the DLQ.');
  return hop;
}

function streamHop(index: DesignIndex, edge: EdgeOfKind<'trigger'>, stream: DesignNode, fn: NodeOfKind<'lambda'>): RetryHop {
  const t = effectiveTrigger(stream.kind, edge);
  const retention = stream.kind === 'kinesisStream' ? stream.props.retentionHours * 3600 : stream.kind === 'dynamoTable' ? DYNAMODB_STREAM_RETENTION_SECONDS : null;
  const ageLimit = t.maximumRecordAgeSeconds === -1 ? retention : retention === null ? t.maximumRecordAgeSeconds : Math.min(retention, t.maximumRecordAgeSeconds);
  const attempts = t.maximumRetryAttempts === -1 ? null : 1 + t.maximumRetryAttempts;
  const splits = t.bisectBatchOnFunctionError ? Math.ceil(Math.log2(Math.max(t.batchSize, 1))) : 0;
  const byAttempts = attempts === null ? null : attempts * (1 + splits) * fn.props.timeoutSeconds;
  const worst = byAttempts === null ? ageLimit : ageLimit === null ? byAttempts : Math.min(byAttempts, ageLimit);
  const destination = mappingOnFailure(index, edge);
  const hop: RetryHop = {
    edge: edge.id, source: ref(stream), function: ref(fn), model: 'poll', attempts,
    policy: `${attempts === null ? 'retries until the records expire' : `${attempts} attempt${attempts > 1 ? 's' : ''}`}${t.maximumRecordAgeSeconds !== -1 ? `, records older than ${formatDuration(t.maximumRecordAgeSeconds)} are skipped` : ''}${splits ? `; bisecting a failed batch (up to ${splits} splits, not counted as retries)` : ''}; the shard waits meanwhile`,
    worstCaseSeconds: worst,
    duplicateInvocations: attempts === null ? null : attempts - 1 + splits,
    sinks: destination ? [{ kind: 'streamOnFailure', node: ref(index.node(destination.to)!), catches: 'a record of the batch that failed every retry or aged out (shard, sequence numbers) — read the data from the stream before it expires' }] : [],
    lost: !destination,
    notes: ['The whole batch is retried: records before the failing one are processed again.'],
  };
  if (!destination) {
    hop.lostReason = attempts === null && t.maximumRecordAgeSeconds === -1
      ? `no on-failure destination and no retry limit: a bad record blocks its shard until it expires${retention ? ` (${formatDuration(retention)})` : ''}, and then it is gone`
      : 'no on-failure destination: records that fail every retry or age out are skipped with nothing kept';
  }
  return hop;
}

function syncHop(edge: DesignEdge, source: DesignNode, fn: NodeOfKind<'lambda'>): RetryHop {
  return {
    edge: edge.id, source: ref(source), function: ref(fn), model: 'sync', attempts: 1,
    policy: 'synchronous: Lambda does not retry; the error goes back to the caller',
    worstCaseSeconds: fn.props.timeoutSeconds, duplicateInvocations: 0,
    sinks: [{ kind: 'caller', node: ref(source), catches: 'every error: the caller decides whether to retry' }],
    lost: false, notes: [],
  };
}

/** The retry behaviour of one edge into a function, or undefined when the edge invokes nothing. */
export function analyzeRetryHop(index: DesignIndex, edge: DesignEdge): RetryHop | undefined {
  const source = index.node(edge.from);
  const fn = index.node(edge.to);
  if (!source || fn?.kind !== 'lambda') return undefined;
  const model = edge.kind === 'destination' && source.kind === 'lambda' ? 'async' : invocationModel(index, edge);
  if (!model) return undefined;
  if (model === 'async') return asyncHop(index, edge, source, fn);
  if (model === 'sync') return syncHop(edge, source, fn);
  if (edge.kind !== 'trigger') return undefined;
  return source.kind === 'sqsQueue' ? sqsHop(index, edge, source, fn) : streamHop(index, edge, source, fn);
}

/** A way on from a node: the edge (none from a bus to its rules), the next node, the retry hop when
 *  the next node is a function, and the parallel edges that behave exactly like this one. */
interface Step { edge?: DesignEdge; next: DesignNode; hop?: RetryHop; same: string[]; signature?: string }

/** What a hop does, without the edge it is on: equal for parallel edges that behave alike. */
const signatureOf = (step: Step): string => (step.signature ??= JSON.stringify({ ...step.hop, edge: '' }));

/** Every source → function chain with its retry behaviour, hop by hop (retry-path tracing). */
export function traceRetryPaths(design: Design): RetryPath[] {
  return traceRetryPathsCapped(design, RETRY_TRACE_LIMIT).paths;
}

/** The retry paths, the first `shown` of them returned and the rest counted (issue 13: a design with
 *  1,000 parallel edges printed 411 M characters). Parallel edges whose hops behave alike (same
 *  source, function, model, attempts, policy, sinks …) count as one, so paths are distinct. Tracing
 *  stops after RETRY_TRACE_LIMIT paths or a million steps, saying so (`truncated`). */
export function traceRetryPathsCapped(input: Design, shown: number): RetryTrace {
  const design = withoutRefusedEdges(boundedForAnalysis(input));
  const index = indexDesign(design);
  const hops = new Map<string, RetryHop | undefined>();
  const hopOf = (edge: DesignEdge) => {
    if (!hops.has(edge.id)) hops.set(edge.id, analyzeRetryHop(index, edge));
    return hops.get(edge.id);
  };
  /** Edges by which an event moves on from a node (deliveries, function outputs, rules on a bus),
   *  parallel edges alike merged: worked out once per node. */
  const steps = new Map<string, Step[]>();
  const stepOfEdge = new Map<string, Step>();
  const onward = (node: DesignNode): Step[] => {
    let list = steps.get(node.id);
    if (list) return list;
    list = [];
    // Steps to each next node; by signature once a second edge leads there (most nodes have one).
    const byNext = new Map<string, Step | Map<string, Step>>();
    const keyOf = (st: Step) => (st.hop ? signatureOf(st) : '');
    for (const edge of index.outgoing(node.id)) {
      const next = index.node(edge.to);
      if (!next) continue;
      const flows = node.kind === 'lambda'
        ? edge.kind === 'invoke' || edge.kind === 'destination' || (edge.kind === 'access' && WRITES.includes(edge.props.mode) && FLOW_TARGETS.includes(next.kind))
        : edge.kind === 'trigger';
      if (!flows) continue;
      const step: Step = { edge, next, hop: hopOf(edge), same: [edge.id] };
      let group = byNext.get(next.id);
      if (group && !(group instanceof Map)) byNext.set(next.id, (group = new Map([[keyOf(group), group]])));
      const same = group?.get(keyOf(step));
      if (same) { same.same.push(edge.id); stepOfEdge.set(edge.id, same); continue; }
      stepOfEdge.set(edge.id, step);
      if (group) group.set(keyOf(step), step);
      else byNext.set(next.id, step);
      list.push(step);
    }
    if (node.kind === 'eventBus') for (const rule of index.children(node.id)) list.push({ next: rule, same: [] });
    steps.set(node.id, list);
    return list;
  };

  const paths: RetryPath[] = [];
  let found = 0;
  let taken = 0;
  let truncated = false;
  const covered = new Set<string>();
  const sameOf = new Map<string, string[]>();
  const origins: RetryPathOrigin[] = [];
  let origin: RetryPathOrigin = { pass: 0, at: '' };
  const emit = (chain: RetryHop[], end?: { loopsBackTo?: NodeRef; continuesTo?: NodeRef }) => {
    if (!chain.length) return;
    if (found >= RETRY_TRACE_LIMIT) { truncated = true; return; }
    found++;
    for (const h of chain) for (const id of sameOf.get(h.edge) ?? [h.edge]) covered.add(id);
    if (paths.length >= shown) return;
    const attempts = chain.map((h) => h.attempts);
    origins.push(origin);
    paths.push({
      id: chain.map((h) => h.edge).join('>'),
      hops: chain,
      lost: chain.some((h) => h.lost),
      worstCaseSeconds: sumNullable(chain.map((h) => h.worstCaseSeconds)),
      invocationsWorstCase: attempts.some((a) => a === null) ? null : (attempts as number[]).reduce((a, b) => a * b, 1),
      ...end,
    });
  };
  /** Whether tracing must stop before a step it was about to take (then there may be more paths). */
  const stop = () => {
    if (found >= RETRY_TRACE_LIMIT) truncated = true;
    return truncated;
  };
  /** Follows every onward step; returns whether some path was emitted below this node. The depth is
   *  at most 12, so the recursion is too. */
  const walk = (node: DesignNode, chain: RetryHop[], seen: Set<string>, depth: number): boolean => {
    let emitted = false;
    for (const { edge, next, hop, same } of onward(node)) {
      if (stop()) return true;
      if (++taken > MAX_STEPS) { truncated = true; return true; }
      if (edge && hop) sameOf.set(edge.id, same);
      if (next.kind === 'lambda' && !hop) continue;
      const nextChain = hop ? [...chain, hop] : chain;
      if (seen.has(next.id) || depth >= MAX_DEPTH) {
        if (nextChain.length) {
          emit(nextChain, seen.has(next.id) ? { loopsBackTo: ref(next) } : { continuesTo: ref(next) });
          emitted = true;
        }
        continue;
      }
      emitted = walk(next, nextChain, new Set(seen).add(next.id), depth + 1) || emitted;
    }
    if (!emitted && node.kind === 'lambda' && chain.length) { emit(chain); return true; }
    return emitted;
  };

  const fed = new Set<string>();
  for (const e of design.edges) if (e.kind !== 'deadLetter') fed.add(e.to);
  for (const n of design.nodes) if (n.kind === 'eventRule' && n.parent) fed.add(n.id);
  for (const n of design.nodes) {
    if (fed.has(n.id) || n.kind === 'lambda' || !onward(n).length || stop()) continue;
    origin = { pass: 0, at: n.id };
    walk(n, [], new Set([n.id]), 0);
  }
  // Loops with no entry from outside (bus → rule → function → bus) still get every edge traced.
  for (const e of design.edges) {
    if (covered.has(e.id)) continue;
    const fn = index.node(e.to);
    const from = index.node(e.from);
    // Only an edge some node sends events along (a parallel edge alike stands for it).
    if (from) onward(from);
    const step = stepOfEdge.get(e.id);
    const hop = step ? step.hop : hopOf(e);
    if (!hop || !fn) continue;
    if (stop()) break;
    if (step?.edge) sameOf.set(step.edge.id, step.same);
    origin = { pass: 1, at: e.id };
    walk(fn, [hop], new Set([e.from, e.to]), 1);
  }
  return { paths, omitted: found - paths.length, truncated, hops: design.edges.flatMap((e) => hopOf(e) ?? []), origins, steps: taken };
}

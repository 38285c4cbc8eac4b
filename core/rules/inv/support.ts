import { own } from '../../model/own';
import { formatNumber } from '../../format';
import type { DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
import { stronglyConnected } from '../../graph/scc';
import type { RuleContext } from '../types';

import { nodeUsage } from '../support';

export { functionTriggers, names, nodeUsage, type FunctionTrigger } from '../support';

type Kind = DesignNode['kind'];

/** Sources Lambda polls through an event source mapping. */
export const MAPPING_SOURCES = ['sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka'] as const;
/** Mappings that have a starting position and take a DestinationConfig. */
export const STREAM_SOURCES = ['kinesisStream', 'dynamoTable', 'kafka'] as const;

export const isFifo = (node: DesignNode | undefined): boolean => (node?.props as { fifo?: unknown } | undefined)?.fifo === true;

/** "10,240" */
export const num = (n: number): string => formatNumber(n, 1);

/** "6 MB (6,144 KB)" */
export const limitText = (kb: number): string => `${num(kb / 1024)} MB (${num(kb)} KB)`;

export interface Payload {
  kb: number;
  /** Where the number was entered: on the edge or the source (one record or request), or at the
   *  function (the whole event it receives). */
  at: 'record' | 'event';
  /** Who the number belongs to, for messages. */
  node: DesignNode;
}

/** The average payload carried by a trigger or invoke edge in the active profile: the edge's own
 *  usage, else its source's (an S3 bucket's payload is its object size, not the notification, and a
 *  function's is what it receives, not what it sends), else the receiving function's event size. */
export function payloadOf(ctx: RuleContext, edge: DesignEdge): Payload | undefined {
  const { profiles, active } = ctx.design.usage;
  const onEdge = own(own(profiles, active)?.edges, edge.id)?.avgPayloadKb;
  const source = ctx.index.node(edge.from);
  const fn = ctx.index.node(edge.to);
  if (!source || !fn) return undefined;
  if (onEdge !== undefined) return { kb: onEdge, at: 'record', node: source };
  const fromSource = source.kind === 's3Bucket' || source.kind === 'lambda' ? undefined : nodeUsage(ctx, source.id).avgPayloadKb;
  if (fromSource !== undefined) return { kb: fromSource, at: 'record', node: source };
  const atFunction = nodeUsage(ctx, fn.id).avgPayloadKb;
  return atFunction !== undefined ? { kb: atFunction, at: 'event', node: fn } : undefined;
}

/** Services whose loops with Lambda the recursive loop detection covers (INV-14). */
const LOOP_KINDS: readonly Kind[] = ['sqsQueue', 'snsTopic', 's3Bucket'];
const WRITE_MODES: readonly string[] = ['write', 'readWrite', 'publish'];

/** Does a write under `written` (undefined: anywhere) fire this S3 trigger? Only object-created
 *  events fire on a write, and only when the two key prefixes overlap. */
function firesOnWrite(trigger: EdgeOfKind<'trigger'>, written: string | undefined): boolean {
  const { events, prefix = '' } = trigger.props;
  if (events && !events.some((e) => e.startsWith('s3:ObjectCreated'))) return false;
  const w = written ?? '';
  return w.startsWith(prefix) || prefix.startsWith(w);
}

/** Where an event goes next from `node`: a function's writes, destinations and invokes; a queue's,
 *  topic's or bucket's triggers (a bucket's only those its last write fires). */
type Hop = { edge: DesignEdge; to: DesignNode; written?: string };
function nextHops(ctx: RuleContext, node: DesignNode, written: string | undefined): Hop[] {
  return ctx.index.outgoing(node.id).flatMap((edge): Hop[] => {
    const to = ctx.index.node(edge.to);
    if (!to) return [];
    if (node.kind === 'lambda') {
      if (edge.kind === 'access') return WRITE_MODES.includes(edge.props.mode) && LOOP_KINDS.includes(to.kind) ? [{ edge, to, written: edge.props.prefix }] : [];
      return (edge.kind === 'destination' || edge.kind === 'invoke') && (to.kind === 'lambda' || LOOP_KINDS.includes(to.kind)) ? [{ edge, to }] : [];
    }
    if (edge.kind !== 'trigger' || !LOOP_KINDS.includes(node.kind) || !(to.kind === 'lambda' || LOOP_KINDS.includes(to.kind))) return [];
    return node.kind !== 's3Bucket' || firesOnWrite(edge, written) ? [{ edge, to }] : [];
  });
}

/** A recursive loop: the shortest chain of edges by which something `fn` writes comes back to
 *  trigger `fn`, through at least one SQS queue, SNS topic or S3 bucket (a function calling itself is
 *  INV-14's business only through one of those). `others`: the other functions caught in the same
 *  tangle of loops (the same strongly connected component) but not on this chain. */
export interface RecursiveLoop {
  fn: NodeOfKind<'lambda'>;
  loop: DesignEdge[];
  others: NodeOfKind<'lambda'>[];
}

/** Every recursive loop, one per strongly connected tangle of functions and queues, topics or buckets,
 *  led by its first function in design order (issue 13: O(V + E) — states, Tarjan's components, then
 *  one breadth-first search per component — where a search from every function took minutes on a
 *  chain of 10,000). A bucket is one state per key prefix written into it, since whether its trigger
 *  fires depends on the prefix (a bucket written under W distinct prefixes with T triggers adds W × T
 *  steps). */
export function recursiveLoops(ctx: RuleContext): RecursiveLoop[] {
  const states: { node: DesignNode; written?: string }[] = [];
  const ids = new Map<string, number>();
  const keyOf = (node: DesignNode, written: string | undefined) => (node.kind === 's3Bucket' ? `${node.id}\n${written ?? '*'}` : node.id);
  const stateOf = (node: DesignNode, written: string | undefined): number => {
    const key = keyOf(node, written);
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = states.length));
      states.push({ node, written: node.kind === 's3Bucket' ? written : undefined });
    }
    return id;
  };
  const lambdas = ctx.index.ofKind('lambda');
  for (const fn of lambdas) stateOf(fn, undefined);
  // Every state reachable from a function, with its steps (edge and next state) in nextHops' order.
  const succ: number[][] = [];
  const via: DesignEdge[][] = [];
  for (let v = 0; v < states.length; v++) {
    const hops = nextHops(ctx, states[v].node, states[v].written);
    succ.push(hops.map((h) => stateOf(h.to, h.written)));
    via.push(hops.map((h) => h.edge));
  }
  const { component, components } = stronglyConnected(states.length, (v) => succ[v]);
  const order = new Map(lambdas.map((fn, i) => [fn.id, i]));
  const loops: RecursiveLoop[] = [];
  for (const members of components) {
    if (members.length < 2) continue;
    const fns = members.filter((v) => states[v].node.kind === 'lambda').map((v) => states[v].node as NodeOfKind<'lambda'>);
    if (!fns.length || !members.some((v) => LOOP_KINDS.includes(states[v].node.kind))) continue;
    fns.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const loop = shortestLoop(states, succ, via, component, ids.get(fns[0].id)!);
    if (!loop) continue;
    const on = new Set(loop.map((e) => e.to));
    loops.push({ fn: fns[0], loop, others: fns.slice(1).filter((f) => !on.has(f.id)) });
  }
  return loops.sort((a, b) => order.get(a.fn.id)! - order.get(b.fn.id)!);
}

/** Breadth-first from `start` within its component, level by level in nextHops' order: the first
 *  chain back to `start` through a queue, topic or bucket. */
function shortestLoop(states: { node: DesignNode }[], succ: number[][], via: DesignEdge[][], component: Int32Array, start: number): DesignEdge[] | undefined {
  const home = component[start];
  // Steps taken: state, whether a queue/topic/bucket was passed, the step before, the edge.
  const state: number[] = [];
  const through: boolean[] = [];
  const parent: number[] = [];
  const edge: DesignEdge[] = [];
  const seen = new Set<number>();
  const chain = (step: number) => {
    const out: DesignEdge[] = [];
    for (let s = step; s >= 0; s = parent[s]) out.push(edge[s]);
    return out.reverse();
  };
  let frontier: number[] = [-1];
  while (frontier.length) {
    const next: number[] = [];
    for (const step of frontier) {
      const at = step < 0 ? start : state[step];
      const passed = step >= 0 && through[step];
      for (let i = 0; i < succ[at].length; i++) {
        const to = succ[at][i];
        if (component[to] !== home) continue;
        const t = passed || LOOP_KINDS.includes(states[to].node.kind);
        state.push(to);
        through.push(t);
        parent.push(step);
        edge.push(via[at][i]);
        if (to === start && t) return chain(state.length - 1);
        const key = to * 2 + (t ? 1 : 0);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(state.length - 1);
      }
    }
    frontier = next;
  }
  return undefined;
}

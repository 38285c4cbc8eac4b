import { formatNumber } from '../../format';
import type { DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
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

export const PAYLOAD_LIMIT_KB = { sync: 6 * 1024, async: 1024 } as const;

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
  const onEdge = active !== null ? profiles[active]?.edges[edge.id]?.avgPayloadKb : undefined;
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

/** The shortest chain of edges by which something `fn` writes comes back to trigger `fn`, through at
 *  least one SQS queue, SNS topic or S3 bucket (a function calling itself is INV-14's business only
 *  through one of those); undefined when there is none. */
export function recursiveLoop(ctx: RuleContext, fn: NodeOfKind<'lambda'>): DesignEdge[] | undefined {
  type Step = { node: DesignNode; written?: string; through: boolean; path: DesignEdge[] };
  const seen = new Set<string>();
  let frontier: Step[] = [{ node: fn, through: false, path: [] }];
  while (frontier.length) {
    const next: Step[] = [];
    for (const step of frontier) {
      for (const hop of nextHops(ctx, step.node, step.written)) {
        const path = [...step.path, hop.edge];
        const through = step.through || LOOP_KINDS.includes(hop.to.kind);
        if (hop.to.id === fn.id && through) return path;
        const key = `${hop.to.id}\n${hop.to.kind === 's3Bucket' ? (hop.written ?? '*') : ''}\n${through}`;
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ node: hop.to, written: hop.written, through, path });
      }
    }
    frontier = next;
  }
  return undefined;
}

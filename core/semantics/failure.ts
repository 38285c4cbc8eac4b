import type { DesignIndex } from '../graph';
import type { DesignEdge, EdgeOfKind } from '../model/design';

/** Where a function's failed async invocations are kept: on-failure destinations and its DLQ.
 *  Both apply to asynchronous invocations only (RETRY-04). */
export function asyncFailureCapture(index: DesignIndex, functionId: string): { onFailure: EdgeOfKind<'destination'>[]; dlq: EdgeOfKind<'deadLetter'>[] } {
  return {
    onFailure: index.outgoing(functionId, 'destination').filter((e): e is EdgeOfKind<'destination'> => e.kind === 'destination' && e.props.on === 'failure'),
    dlq: index.outgoing(functionId, 'deadLetter') as EdgeOfKind<'deadLetter'>[],
  };
}

/** The redrive (dead-letter) edge of a queue, if it has one. */
export function queueRedrive(index: DesignIndex, queueId: string): EdgeOfKind<'deadLetter'> | undefined {
  return index.outgoing(queueId, 'deadLetter')[0] as EdgeOfKind<'deadLetter'> | undefined;
}

/** Edges of `kind` leaving a trigger's source that belong to that trigger: those whose `via` names
 *  it, or — when the source has a single trigger — those that name none. */
function belongingTo<K extends 'destination' | 'deadLetter'>(index: DesignIndex, trigger: DesignEdge, kind: K): EdgeOfKind<K>[] {
  const triggers = index.outgoing(trigger.from, 'trigger');
  const all = index.outgoing(trigger.from, kind);
  // A topic with 10,000 subscriptions, each with its DLQ, asked once per subscription: group the
  // edges by `via` once instead of filtering them all each time (issue 13).
  if (triggers.length > 1) return (byVia(index, trigger.from, kind, all).get(trigger.id) ?? []) as EdgeOfKind<K>[];
  return all.filter((e) => {
    const via = (e.props as { via?: string }).via;
    return via === trigger.id || via === undefined;
  }) as EdgeOfKind<K>[];
}

const viaCache = new WeakMap<DesignIndex, Map<string, Map<string | undefined, DesignEdge[]>>>();

/** A source's edges of one kind grouped by the trigger their `via` names, in design order. */
function byVia(index: DesignIndex, from: string, kind: string, edges: readonly DesignEdge[]): Map<string | undefined, DesignEdge[]> {
  let perIndex = viaCache.get(index);
  if (!perIndex) viaCache.set(index, (perIndex = new Map()));
  const key = `${kind}\u0000${from}`;
  let groups = perIndex.get(key);
  if (!groups) {
    groups = new Map();
    for (const e of edges) {
      const via = (e.props as { via?: string }).via;
      const list = groups.get(via);
      if (list) list.push(e);
      else groups.set(via, [e]);
    }
    perIndex.set(key, groups);
  }
  return groups;
}

/** The on-failure destination of a stream or Kafka event source mapping. */
export function mappingOnFailure(index: DesignIndex, trigger: DesignEdge): EdgeOfKind<'destination'> | undefined {
  return belongingTo(index, trigger, 'destination').find((e) => e.props.on === 'failure');
}

/** The DLQ of an SNS subscription or an EventBridge rule target. */
export function subscriptionDlq(index: DesignIndex, trigger: DesignEdge): EdgeOfKind<'deadLetter'> | undefined {
  return belongingTo(index, trigger, 'deadLetter')[0];
}

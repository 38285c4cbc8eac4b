import type { DesignEdge } from '../model/design';

/** How AWS delivers events from a trigger's source to its function. The analysis issue will move
 *  this to core/semantics; until then the canvas uses it to label trigger edges. */
export type InvocationModel = 'sync' | 'async' | 'poll';

const SYNC_SOURCES: readonly string[] = ['apiGateway', 'alb', 'cloudfront', 'cognitoUserPool', 'stepFunction'];
const ASYNC_SOURCES: readonly string[] = ['s3Bucket', 'snsTopic', 'eventRule'];
const POLLED_SOURCES: readonly string[] = ['sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka'];

/** Sync: the caller waits for the function; async: Lambda queues the event and retries; poll: an
 *  event source mapping reads batches. Undefined for kinds that do not trigger functions. */
export function triggerInvocationModel(sourceKind: string): InvocationModel | undefined {
  if (SYNC_SOURCES.includes(sourceKind)) return 'sync';
  if (ASYNC_SOURCES.includes(sourceKind)) return 'async';
  if (POLLED_SOURCES.includes(sourceKind)) return 'poll';
  return undefined;
}

const EDGE_KIND_WORDS: Record<DesignEdge['kind'], string> = {
  trigger: 'trigger', invoke: 'invoke', destination: 'destination', deadLetter: 'dead-letter', access: 'access',
};

/** The short text drawn on an edge: its kind, plus what matters most about it at a glance. */
export function describeEdge(edge: DesignEdge, sourceKind: string, targetKind: string): string {
  const word = EDGE_KIND_WORDS[edge.kind];
  switch (edge.kind) {
    case 'trigger': {
      // Only a function's triggers have an invocation model; a rule → queue target is plain delivery.
      const model = targetKind === 'lambda' ? triggerInvocationModel(sourceKind) : undefined;
      return model ? `${word} · ${model}` : word;
    }
    case 'invoke':
      return `${word} · ${edge.props.mode}`;
    case 'destination':
      return `${word} · on ${edge.props.on}`;
    case 'deadLetter':
      return edge.props.maxReceiveCount !== undefined ? `${word} · after ${edge.props.maxReceiveCount}` : word;
    case 'access':
      // readWrite is the default and the common case; name the mode only when it says more.
      return edge.props.mode === 'readWrite' ? word : `${word} · ${edge.props.mode}`;
  }
}

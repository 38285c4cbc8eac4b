import type { EdgeKind } from './edges';
import { kindLabel, type NodeKind } from './kinds';

/** A node kind, or a node (kind + props) when the answer depends on settings such as FIFO. */
export type Endpoint = string | { kind: string; props?: Record<string, unknown> };

export type ConnectVerdict = { ok: true } | { ok: false; reason: string };

interface Allowed {
  edge: EdgeKind;
  from: readonly NodeKind[];
  to: readonly NodeKind[];
  /** A reason when these particular settings make the connection impossible. */
  refuse?: (from: Settings, to: Settings, props: Record<string, unknown>) => string | null;
}

interface Settings { kind: string; props: Record<string, unknown> }

const fifo = (s: Settings) => s.props.fifo === true;
/** "an SQS queue", "a Lambda function": the article follows how the label is spoken. */
const a = (kind: string) => `${/^([AEIOUaeiou]|SQS|SNS|S3|RDS)/.test(kindLabel(kind)) ? 'an' : 'a'} ${kindLabel(kind)}`;

const FUNCTION_TRIGGER_SOURCES = [
  'apiGateway', 'alb', 'cloudfront', 's3Bucket', 'snsTopic', 'sqsQueue', 'eventRule', 'kinesisStream',
  'dynamoTable', 'kafka', 'cognitoUserPool', 'stepFunction',
] as const satisfies readonly NodeKind[];

const ACCESS_TARGETS = [
  'dynamoTable', 's3Bucket', 'sqsQueue', 'snsTopic', 'eventBus', 'kinesisStream', 'stepFunction', 'rds', 'rdsProxy',
  'elasticache', 'externalEndpoint', 'awsService', 'kafka',
] as const satisfies readonly NodeKind[];

const NETWORK_KINDS: readonly string[] = ['vpc', 'subnet', 'internetGateway', 'natGateway', 'securityGroup', 'vpcEndpoint'];

/** What AWS lets connect to what. Every "no" carries the reason shown on the canvas and in imports. */
const ALLOWED: readonly Allowed[] = [
  {
    edge: 'trigger', from: FUNCTION_TRIGGER_SOURCES, to: ['lambda'],
    refuse: (from) => {
      if (from.kind === 'snsTopic' && fifo(from)) return 'An SNS FIFO topic delivers only to SQS queues; a Lambda function cannot subscribe to it (INV-11). Subscribe a FIFO queue and trigger the function from that queue.';
      if (from.kind === 'dynamoTable' && (from.props.streamViewType ?? 'NONE') === 'NONE') return 'This table has no DynamoDB stream, so it cannot trigger a function: set its stream view type (e.g. NEW_AND_OLD_IMAGES).';
      return null;
    },
  },
  { edge: 'trigger', from: ['apiGateway', 'eventRule'], to: ['stepFunction'] },
  {
    edge: 'trigger', from: ['snsTopic', 's3Bucket', 'eventRule', 'apiGateway'], to: ['sqsQueue'],
    refuse: (from, to) => {
      if (from.kind === 's3Bucket' && fifo(to)) return 'S3 event notifications cannot target a FIFO queue; use a standard queue.';
      if (from.kind === 'snsTopic' && !fifo(from) && fifo(to)) return 'A standard SNS topic cannot deliver to a FIFO queue; make the topic FIFO or the queue standard.';
      return null;
    },
  },
  {
    edge: 'trigger', from: ['s3Bucket', 'eventRule', 'apiGateway'], to: ['snsTopic'],
    refuse: (from, to) => (from.kind === 's3Bucket' && fifo(to) ? 'S3 event notifications can target only a standard SNS topic, never a FIFO one (INV-11).' : null),
  },
  { edge: 'trigger', from: ['s3Bucket', 'eventRule', 'apiGateway'], to: ['eventBus'] },
  { edge: 'trigger', from: ['eventRule', 'apiGateway'], to: ['kinesisStream'] },
  { edge: 'trigger', from: ['apiGateway'], to: ['dynamoTable'] },
  // EventBridge API destinations; SNS HTTP/S subscriptions.
  { edge: 'trigger', from: ['eventRule', 'snsTopic'], to: ['externalEndpoint'] },
  { edge: 'invoke', from: ['lambda'], to: ['lambda'] },
  {
    edge: 'destination', from: ['lambda'], to: ['sqsQueue', 'snsTopic', 'lambda', 'eventBus', 's3Bucket'],
    refuse: (_from, to, props) => {
      if (fifo(to)) return `${a(to.kind)} that is FIFO cannot be an async destination: delivery fails (INV-05). Use a standard ${kindLabel(to.kind)}.`;
      if (to.kind === 's3Bucket' && props.on === 'success') return 'An S3 bucket can be an on-failure destination only, not on-success (INV-05).';
      return null;
    },
  },
  {
    edge: 'destination', from: ['kinesisStream', 'dynamoTable', 'kafka'], to: ['sqsQueue', 'snsTopic', 's3Bucket', 'kafka'],
    refuse: (from, to, props) => {
      if (props.on === 'success') return 'An event source mapping takes only an on-failure destination; the API rejects OnSuccess (INV-06).';
      if (to.kind === 'kafka' && from.kind !== 'kafka') return 'A Kafka topic is an on-failure destination only for Kafka event sources (RETRY-17).';
      if (fifo(to)) return `${a(to.kind)} that is FIFO cannot take a mapping's failed records; use a standard one (RETRY-17).`;
      return null;
    },
  },
  {
    edge: 'deadLetter', from: ['lambda'], to: ['sqsQueue', 'snsTopic'],
    refuse: (_from, to) => (fifo(to) ? `A function's dead-letter queue must be a standard SQS queue or standard SNS topic, not a FIFO one (INV-05).` : null),
  },
  {
    edge: 'deadLetter', from: ['sqsQueue'], to: ['sqsQueue'],
    refuse: (from, to) => (fifo(from) !== fifo(to) ? `A ${fifo(from) ? 'FIFO' : 'standard'} queue takes only a ${fifo(from) ? 'FIFO' : 'standard'} dead-letter queue (RETRY-10).` : null),
  },
  {
    edge: 'deadLetter', from: ['snsTopic'], to: ['sqsQueue'],
    refuse: (from, to) => (fifo(from) !== fifo(to) ? `An SNS ${fifo(from) ? 'FIFO' : 'standard'} subscription DLQ must be a ${fifo(from) ? 'FIFO' : 'standard'} SQS queue (RETRY-06).` : null),
  },
  {
    edge: 'deadLetter', from: ['eventRule'], to: ['sqsQueue'],
    refuse: (_from, to) => (fifo(to) ? 'An EventBridge target dead-letter queue must be a standard SQS queue.' : null),
  },
  { edge: 'access', from: ['lambda'], to: ACCESS_TARGETS },
];

/** Hints for the mistakes people actually make, checked before the generic answer. */
function explainRefusal(from: Settings, to: Settings, edge: EdgeKind): string {
  if (NETWORK_KINDS.includes(from.kind) || NETWORK_KINDS.includes(to.kind)) {
    return 'VPC resources connect by placement, not by edges: set parents, subnets, routes and security groups in the inspector.';
  }
  if (to.kind === 'logGroup' || from.kind === 'logGroup') {
    return 'A function sends its logs to a log group through its "Log group" setting (LoggingConfig), not an edge: the Lambda service delivers them outside the function\'s network, with the basic execution permissions every function has. Pick the log group in the function\'s inspector.';
  }
  if (edge === 'invoke') {
    if (from.kind === 'sqsQueue' || from.kind === 'kinesisStream' || from.kind === 'dynamoTable' || from.kind === 'kafka') {
      return `${a(from.kind)} never invokes a function: Lambda polls it through an event source mapping. Draw a trigger edge instead.`;
    }
    if (to.kind !== 'lambda') return `Only functions are invoked. To send to ${a(to.kind)}, draw an access edge.`;
    return `Only a function invokes a function; ${a(from.kind)} delivers events with a trigger edge.`;
  }
  if (edge === 'trigger' && from.kind === 'lambda') {
    return to.kind === 'lambda'
      ? 'A function calls another function with an invoke edge (sync or async), not a trigger.'
      : `A function sends to ${a(to.kind)} with an access edge; triggers run from event sources to functions.`;
  }
  if (edge === 'access' && from.kind !== 'lambda') return `Access edges start at a function; ${a(from.kind)} does not read or write other resources in this model.`;
  if (edge === 'access' && to.kind === 'lambda') return 'A function calls another function with an invoke edge, not an access edge.';
  if (edge === 'destination' && !['lambda', 'kinesisStream', 'dynamoTable', 'kafka'].includes(from.kind)) {
    return from.kind === 'sqsQueue'
      ? 'An SQS event source mapping has no destinations: failed messages go to the queue\'s redrive (dead-letter) queue (INV-06). Draw a dead-letter edge from the queue.'
      : `Destinations belong to async function invocations and to stream or Kafka mappings, not to ${a(from.kind)}.`;
  }
  if (edge === 'destination' && ['kinesisStream', 'dynamoTable', 'kafka'].includes(from.kind)) {
    return `An event source mapping on ${a(from.kind)} sends failed records only to a standard SQS queue, a standard SNS topic or an S3 bucket${from.kind === 'kafka' ? ' (or a Kafka topic)' : ''}; ${a(to.kind)} cannot be its on-failure destination (RETRY-17).`;
  }
  return `AWS has no ${EDGE_LABELS[edge]} from ${a(from.kind)} to ${a(to.kind)}.`;
}

const EDGE_LABELS: Record<EdgeKind, string> = {
  trigger: 'trigger', invoke: 'invoke', destination: 'destination', deadLetter: 'dead-letter', access: 'access',
};

const settings = (e: Endpoint): Settings => (typeof e === 'string' ? { kind: e, props: {} } : { kind: e.kind, props: e.props ?? {} });

/** Can an edge of `edge` kind run from `from` to `to`? Pass nodes (not just kinds) to check
 *  settings-dependent limits such as FIFO topics. `props` are the edge's own props. */
export function canConnect(from: Endpoint, to: Endpoint, edge: EdgeKind, props: Record<string, unknown> = {}): ConnectVerdict {
  const f = settings(from);
  const t = settings(to);
  const entries = ALLOWED.filter((r) => r.edge === edge && (r.from as readonly string[]).includes(f.kind) && (r.to as readonly string[]).includes(t.kind));
  if (entries.length === 0) return { ok: false, reason: explainRefusal(f, t, edge) };
  for (const entry of entries) {
    const refusal = entry.refuse?.(f, t, props);
    if (refusal) return { ok: false, reason: refusal };
  }
  return { ok: true };
}

/** Edge kinds that may run from `from` to `to` (for the canvas's connect menu). */
export function possibleEdgeKinds(from: Endpoint, to: Endpoint): EdgeKind[] {
  return (Object.keys(EDGE_LABELS) as EdgeKind[]).filter((k) => canConnect(from, to, k).ok);
}

import type { EdgeOfKind, NodeOfKind } from '../../model/design';
import { jsonText } from '../cfn/properties';
import { type CdkContext, cfnOf, duration } from './context';
import { type Expr, arr, bool, call, construct, exprStmt, id, json, member, num, obj, str } from './writer';

/** Trigger edges into functions from polled and pushing sources: event source mappings (SQS,
 *  Kinesis, DynamoDB Streams, Kafka), S3 notifications and SNS subscriptions. Rules, schedules, APIs
 *  and state machines are in routing.ts. */
export function exportTriggers(ctx: CdkContext): void {
  for (const e of ctx.edges) {
    if (e.kind !== 'trigger' || !ctx.declared.has(e.from) || !ctx.declared.has(e.to)) continue;
    const source = ctx.node(e.from);
    const target = ctx.node(e.to);
    if (target.kind === 'lambda') {
      switch (source.kind) {
        case 'sqsQueue': addSource(ctx, e, construct(ctx.ns('sources', 'SqsEventSource'), ctx.v(source.id), mappingProps(ctx, e, 'sqs'))); break;
        case 'kinesisStream': {
          const consumer = ctx.consumers.get(source.id);
          addSource(ctx, e, consumer
            ? construct(ctx.ns('sources', 'KinesisConsumerEventSource'), id(consumer), mappingProps(ctx, e, 'stream'))
            : construct(ctx.ns('sources', 'KinesisEventSource'), ctx.v(source.id), mappingProps(ctx, e, 'stream')));
          break;
        }
        case 'dynamoTable': addSource(ctx, e, construct(ctx.ns('sources', 'DynamoEventSource'), ctx.v(source.id), mappingProps(ctx, e, 'stream'))); break;
        case 's3Bucket': addSource(ctx, e, construct(ctx.ns('sources', 'S3EventSource'), ctx.v(source.id), s3Props(ctx, e))); break;
        case 'snsTopic': subscribe(ctx, e, construct(ctx.ns('subscriptions', 'LambdaSubscription'), ctx.v(target.id), obj({ deadLetterQueue: subscriptionDlq(ctx, e) }))); break;
        default: break; // rules, APIs, state machines: routing.ts
      }
    } else if (source.kind === 'snsTopic' && target.kind === 'sqsQueue') {
      subscribe(ctx, e, construct(ctx.ns('subscriptions', 'SqsSubscription'), ctx.v(target.id), obj({
        rawMessageDelivery: e.props.rawMessageDelivery ? bool(true) : undefined,
        deadLetterQueue: subscriptionDlq(ctx, e),
      })));
    } else if (source.kind === 's3Bucket' && (target.kind === 'sqsQueue' || target.kind === 'snsTopic')) {
      for (const event of s3Events(e)) {
        ctx.add('sources', exprStmt(call(member(ctx.v(source.id), 'addEventNotification'), s3EventType(ctx, event),
          construct(ctx.ns('s3n', target.kind === 'sqsQueue' ? 'SqsDestination' : 'SnsDestination'), ctx.v(target.id)), ...s3Filters(e))));
      }
    }
  }
  for (const e of ctx.edges) {
    if (e.kind === 'trigger' && ctx.node(e.from)?.kind === 'kafka' && ctx.declared.has(e.to) && ctx.node(e.to).kind === 'lambda') kafkaSource(ctx, e);
    if (e.kind === 'trigger' && ctx.node(e.from)?.kind === 'snsTopic' && ctx.node(e.to)?.kind === 'externalEndpoint') {
      const endpoint = ctx.node(e.to) as NodeOfKind<'externalEndpoint'>;
      subscribe(ctx, e, construct(ctx.ns('subscriptions', 'UrlSubscription'), str(endpoint.props.url), obj({ deadLetterQueue: subscriptionDlq(ctx, e) })));
    }
  }
}

function addSource(ctx: CdkContext, e: EdgeOfKind<'trigger'>, source: Expr): void {
  ctx.add('sources', exprStmt(call(member(ctx.v(e.to), 'addEventSource'), source)));
}

function subscribe(ctx: CdkContext, e: EdgeOfKind<'trigger'>, subscription: Expr): void {
  const add = call(member(ctx.v(e.from), 'addSubscription'), subscription);
  const policy = e.props.filterPolicy;
  if (policy === undefined || policy === '') { ctx.add('sources', exprStmt(add)); return; }
  // The filter policy as designed (JSON), set on the subscription resource itself.
  const name = ctx.auxVar(`${ctx.varName(e.from)} subscription`);
  ctx.add('sources', { t: 'const', name, value: add });
  ctx.add('sources', exprStmt(call(member(cfnOf(ctx, id(name)), 'addPropertyOverride'), str('FilterPolicy'), json(jsonText.toCfn(policy)))));
}

/** The SQS dead-letter queue of a subscription: a deadLetter edge from the topic whose `via` is this
 *  trigger (or that has no `via` when the topic has one subscription). */
function subscriptionDlq(ctx: CdkContext, e: EdgeOfKind<'trigger'>): Expr | undefined {
  const dlqs = ctx.from(e.from, 'deadLetter');
  const triggers = ctx.from(e.from, 'trigger');
  const dlq = dlqs.find((d) => d.props.via === e.id) ?? (triggers.length === 1 ? dlqs.find((d) => d.props.via === undefined) : undefined);
  return dlq && ctx.declared.has(dlq.to) ? ctx.v(dlq.to) : undefined;
}

/** The on-failure destination of a stream or Kafka mapping: a destination edge from the source whose
 *  `via` is this trigger (or with no `via` when the source has one trigger). */
function onFailure(ctx: CdkContext, e: EdgeOfKind<'trigger'>): Expr | undefined {
  const dests = ctx.from(e.from, 'destination');
  const triggers = ctx.from(e.from, 'trigger');
  const d = dests.find((x) => x.props.via === e.id) ?? (triggers.length === 1 ? dests.find((x) => x.props.via === undefined) : undefined);
  if (!d || !ctx.declared.has(d.to)) return undefined;
  const kind = ctx.node(d.to).kind;
  const type = kind === 'sqsQueue' ? 'SqsDlq' : kind === 'snsTopic' ? 'SnsDlq' : kind === 's3Bucket' ? 'S3OnFailureDestination' : undefined;
  if (!type) { ctx.warn(ctx.node(e.from), `its on-failure destination ${ctx.node(d.to).name} cannot be said in the CDK; left out`); return undefined; }
  return construct(ctx.ns('sources', type), ctx.v(d.to));
}

const STARTING: Record<string, string> = { TRIM_HORIZON: 'TRIM_HORIZON', LATEST: 'LATEST', AT_TIMESTAMP: 'AT_TIMESTAMP' };

function mappingProps(ctx: CdkContext, e: EdgeOfKind<'trigger'>, kind: 'sqs' | 'stream' | 'kafka'): Expr {
  const p = e.props;
  const stream = kind !== 'sqs';
  if (kind === 'sqs' && (p.bisectBatchOnFunctionError || p.maximumRetryAttempts !== undefined || p.maximumRecordAgeSeconds !== undefined)) {
    ctx.warn(ctx.node(e.from), 'an SQS mapping has no bisect, retry or record-age settings (the queue\'s redrive decides); left out');
  }
  const fifoQueue = kind === 'sqs' && (ctx.node(e.from).props as { fifo?: boolean }).fifo === true;
  if (fifoQueue && p.maximumBatchingWindowSeconds) ctx.warn(ctx.node(e.from), 'a FIFO queue mapping has no batching window; left out');
  return obj({
    // The design leaves the starting position open: LATEST, as the SAM export writes.
    startingPosition: stream ? ctx.ns('lambda', 'StartingPosition', STARTING[p.startingPosition ?? 'LATEST']) : undefined,
    startingPositionTimestamp: stream && p.startingPosition === 'AT_TIMESTAMP' && p.startingPositionTimestamp !== undefined ? num(p.startingPositionTimestamp) : undefined,
    batchSize: p.batchSize !== undefined ? num(p.batchSize) : undefined,
    maxBatchingWindow: p.maximumBatchingWindowSeconds && !fifoQueue ? duration(ctx, p.maximumBatchingWindowSeconds) : undefined,
    bisectBatchOnError: stream && p.bisectBatchOnFunctionError ? bool(true) : undefined,
    // -1 (AWS's default: retry until the record expires) is CDK's default too.
    retryAttempts: stream && p.maximumRetryAttempts !== undefined && p.maximumRetryAttempts >= 0 ? num(p.maximumRetryAttempts) : undefined,
    maxRecordAge: stream && p.maximumRecordAgeSeconds !== undefined && p.maximumRecordAgeSeconds > 0 ? duration(ctx, p.maximumRecordAgeSeconds) : undefined,
    parallelizationFactor: kind === 'stream' && p.parallelizationFactor !== undefined && p.parallelizationFactor !== 1 ? num(p.parallelizationFactor) : undefined,
    tumblingWindow: kind === 'stream' && p.tumblingWindowSeconds ? duration(ctx, p.tumblingWindowSeconds) : undefined,
    reportBatchItemFailures: p.reportBatchItemFailures ? bool(true) : undefined,
    maxConcurrency: kind === 'sqs' && p.maximumConcurrency !== undefined ? num(p.maximumConcurrency) : undefined,
    provisionedPollerConfig: kind !== 'stream' && p.provisionedPollers ? obj({
      minimumPollers: p.provisionedPollers.minimumPollers !== undefined ? num(p.provisionedPollers.minimumPollers) : undefined,
      maximumPollers: p.provisionedPollers.maximumPollers !== undefined ? num(p.provisionedPollers.maximumPollers) : undefined,
    }) : undefined,
    filters: p.filters?.length ? arr(p.filters.map((f) => obj({ pattern: str(f) }))) : undefined,
    enabled: p.enabled === false ? bool(false) : undefined,
    onFailure: stream ? onFailure(ctx, e) : undefined,
  });
}

/** Kafka: the cluster (or bootstrap servers) and topic are parameters, as the design names neither.
 *  The mapping is written with addEventSourceMapping: the Kafka event-source classes build a construct
 *  id from the cluster ARN, which cannot be a parameter. */
function kafkaSource(ctx: CdkContext, e: EdgeOfKind<'trigger'>): void {
  const kafka = ctx.node(e.from) as NodeOfKind<'kafka'>;
  const base = ctx.cid(kafka.id);
  const param = (suffix: string, description: string): Expr => {
    const name = ctx.auxVar(`${kafka.name} ${suffix}`);
    ctx.add('sources', { t: 'const', name, value: ctx.create('cdk', 'CfnParameter', ctx.auxId(base, suffix), obj({ type: str('String'), description: str(description) })) });
    return member(id(name), 'valueAsString');
  };
  const managed = kafka.props.flavor === 'msk';
  const cluster = managed ? param('Cluster Arn', 'The ARN of the MSK cluster the function reads (the design does not name it)') : param('Bootstrap Servers', 'The Kafka bootstrap servers, host:port (the design does not name them)');
  const topic = param('Topic', 'The Kafka topic the function reads (the design does not name it)');
  const settings = mappingProps(ctx, e, 'kafka') as Extract<Expr, { t: 'obj' }>;
  const props = obj([
    [managed ? 'eventSourceArn' : 'kafkaBootstrapServers', managed ? cluster : arr([cluster])],
    ['kafkaTopic', topic],
    ...settings.entries.filter(([k]) => k !== 'parallelizationFactor' && k !== 'tumblingWindow' && k !== 'onFailure'),
  ]);
  ctx.add('sources', exprStmt(call(member(ctx.v(e.to), 'addEventSourceMapping'), str(ctx.auxId(`${base} Mapping`, '')), props)));
  if (managed) {
    // What Lambda needs to read an MSK cluster: https://docs.aws.amazon.com/lambda/latest/dg/with-msk-permissions.html
    ctx.add('sources', exprStmt(call(member(ctx.v(e.to), 'addToRolePolicy'), construct(ctx.ns('iam', 'PolicyStatement'), obj({
      actions: arr(['kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers', 'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeVpcs',
        'ec2:DeleteNetworkInterface', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'].map(str)),
      resources: arr([str('*')]),
    })))));
  }
}

// ---------- S3 ----------

const S3_EVENTS: Record<string, string> = {
  's3:ObjectCreated:*': 'OBJECT_CREATED', 's3:ObjectCreated:Put': 'OBJECT_CREATED_PUT', 's3:ObjectCreated:Post': 'OBJECT_CREATED_POST',
  's3:ObjectCreated:Copy': 'OBJECT_CREATED_COPY', 's3:ObjectCreated:CompleteMultipartUpload': 'OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD',
  's3:ObjectRemoved:*': 'OBJECT_REMOVED', 's3:ObjectRemoved:Delete': 'OBJECT_REMOVED_DELETE', 's3:ObjectRemoved:DeleteMarkerCreated': 'OBJECT_REMOVED_DELETE_MARKER_CREATED',
  's3:ObjectRestore:*': 'OBJECT_RESTORE', 's3:ObjectRestore:Post': 'OBJECT_RESTORE_POST', 's3:ObjectRestore:Completed': 'OBJECT_RESTORE_COMPLETED',
  's3:ObjectTagging:*': 'OBJECT_TAGGING', 's3:ObjectTagging:Put': 'OBJECT_TAGGING_PUT', 's3:ObjectTagging:Delete': 'OBJECT_TAGGING_DELETE',
  's3:ObjectAcl:Put': 'OBJECT_ACL_PUT', 's3:LifecycleExpiration:*': 'LIFECYCLE_EXPIRATION', 's3:IntelligentTiering': 'INTELLIGENT_TIERING',
  's3:Replication:*': 'REPLICATION', 's3:LifecycleTransition': 'LIFECYCLE_TRANSITION',
};

const s3Events = (e: EdgeOfKind<'trigger'>) => (e.props.events?.length ? e.props.events : ['s3:ObjectCreated:*']);

function s3EventType(ctx: CdkContext, event: string): Expr {
  const member = S3_EVENTS[event];
  return member ? ctx.ns('s3', 'EventType', member) : { t: 'as', expr: str(event), type: ctx.ns('s3', 'EventType') };
}

function s3Filters(e: EdgeOfKind<'trigger'>): Expr[] {
  const { prefix, suffix } = e.props;
  if (!prefix && !suffix) return [];
  return [obj({ prefix: prefix ? str(prefix) : undefined, suffix: suffix ? str(suffix) : undefined })];
}

function s3Props(ctx: CdkContext, e: EdgeOfKind<'trigger'>): Expr {
  const filters = s3Filters(e);
  return obj({ events: arr(s3Events(e).map((ev) => s3EventType(ctx, ev))), filters: filters.length ? arr(filters) : undefined });
}

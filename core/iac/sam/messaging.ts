import type { NodeOfKind } from '../../model/design';
import { type Props, tableForKind } from '../cfn/properties';
import { slugFor } from '../names';
import { type ExportContext, getAtt, ref, sub } from './context';

/** Queues (with redrive), topics, event buses, Kinesis streams (with an enhanced fan-out consumer),
 *  buckets (with notifications to queues, topics and EventBridge) and Cognito user pools. */
export function exportMessaging(ctx: ExportContext): void {
  for (const q of ctx.ofKind('sqsQueue')) exportQueue(ctx, q);
  for (const t of ctx.ofKind('snsTopic')) exportTopic(ctx, t);
  for (const bus of ctx.ofKind('eventBus')) exportBus(ctx, bus);
  for (const s of ctx.ofKind('kinesisStream')) exportStream(ctx, s);
  for (const b of ctx.ofKind('s3Bucket')) exportBucket(ctx, b);
  for (const pool of ctx.ofKind('cognitoUserPool')) exportUserPool(ctx, pool);
  for (const g of ctx.ofKind('logGroup')) exportLogGroup(ctx, g);
}

/** A log group functions send their logs to (their LoggingConfig.LogGroup names it). */
function exportLogGroup(ctx: ExportContext, g: NodeOfKind<'logGroup'>): void {
  const id = ctx.id(g.id);
  ctx.add(id, { Type: 'AWS::Logs::LogGroup', Properties: ctx.applyTable(tableForKind('logGroup', g.props)!, g) });
  ctx.output(`${id}Name`, { Description: `${g.name}: log group name`, Value: ref(id) });
}

function exportQueue(ctx: ExportContext, q: NodeOfKind<'sqsQueue'>): void {
  const id = ctx.id(q.id);
  const props = ctx.applyTable(tableForKind('sqsQueue', q.props)!, q);
  if (q.props.encryption === 'customer-kms') {
    const param = ctx.param(`${id} Kms Key Arn`, { Type: 'String', Description: `The KMS key that encrypts ${q.name} (the design says customer-managed, not which key)` });
    props.KmsMasterKeyId = ref(param);
  }
  if (q.props.fifo && q.props.queueName !== null && !q.props.queueName.endsWith('.fifo')) ctx.warn(q, 'is FIFO, but its name does not end in .fifo; SQS will refuse it (CFG-07)');
  const redrives = ctx.from(q.id, 'deadLetter');
  if (redrives.length > 1) ctx.warn(q, `has ${redrives.length} dead-letter queues; a queue has one redrive policy, so only the first is written`);
  const redrive = redrives[0];
  if (redrive) {
    // maxReceiveCount is required by SQS; the design's default reading is 10 (core/semantics/retryPaths.ts).
    props.RedrivePolicy = { deadLetterTargetArn: getAtt(ctx.id(redrive.to), 'Arn'), maxReceiveCount: redrive.props.maxReceiveCount ?? 10 };
  }
  ctx.add(id, { Type: 'AWS::SQS::Queue', Properties: props });
  ctx.output(`${id}Url`, { Description: `${q.name}: queue URL`, Value: ref(id) });
}

function exportTopic(ctx: ExportContext, t: NodeOfKind<'snsTopic'>): void {
  const id = ctx.id(t.id);
  ctx.add(id, { Type: 'AWS::SNS::Topic', Properties: { ...ctx.applyTable(tableForKind('snsTopic', t.props)!, t) } });
  ctx.output(`${id}Arn`, { Description: `${t.name}: topic ARN`, Value: ref(id) });
}

function exportBus(ctx: ExportContext, bus: NodeOfKind<'eventBus'>): void {
  if (bus.props.busType === 'default') return; // every account has it; the node travels in the template metadata
  const id = ctx.id(bus.id);
  ctx.add(id, { Type: 'AWS::Events::EventBus', Properties: { Name: sub(`\${AWS::StackName}-${slugFor(bus.name, 'bus')}`), ...ctx.applyTable(tableForKind('eventBus', bus.props)!, bus) } });
  ctx.output(`${id}Name`, { Description: `${bus.name}: event bus name`, Value: ref(id) });
}

/** The bus a rule or an access edge names: a custom bus's !Ref, or `default`. */
export function busName(ctx: ExportContext, busId: string | undefined): unknown {
  if (!ctx.has(busId)) return undefined;
  const bus = ctx.node(busId);
  return bus.kind === 'eventBus' && bus.props.busType === 'default' ? 'default' : ref(ctx.id(busId));
}

function exportStream(ctx: ExportContext, s: NodeOfKind<'kinesisStream'>): void {
  const id = ctx.id(s.id);
  ctx.add(id, { Type: 'AWS::Kinesis::Stream', Properties: { ...ctx.applyTable(tableForKind('kinesisStream', s.props)!, s) } });
  if (s.props.enhancedFanOut) {
    const consumer = ctx.auxId(id, 'Consumer');
    ctx.add(consumer, { Type: 'AWS::Kinesis::StreamConsumer', Properties: { ConsumerName: `${slugFor(s.name, 'stream')}-consumer`, StreamARN: getAtt(id, 'Arn') } });
    ctx.consumers.set(s.id, consumer);
  }
}

function exportBucket(ctx: ExportContext, b: NodeOfKind<'s3Bucket'>): void {
  const id = ctx.id(b.id);
  const props = ctx.applyTable(tableForKind('s3Bucket', b.props)!, b);
  // A function triggered by this bucket that also has access to it: a !Ref in its policy would close a
  // cycle (bucket → notification → permission → function → role → bucket), so the bucket gets a name.
  const triggered = new Set(ctx.from(b.id, 'trigger').filter((e) => ctx.node(e.to).kind === 'lambda').map((e) => e.to));
  if (ctx.to(b.id, 'access').some((e) => triggered.has(e.from))) {
    const name = sub(`${slugFor(b.name, 'bucket').slice(0, 30)}-\${AWS::AccountId}-\${AWS::Region}`);
    props.BucketName = name;
    ctx.bucketNames.set(b.id, name);
    ctx.warn(b, 'gets a fixed name (<name>-<account>-<region>) because a function it triggers also accesses it; deploy the design once per account and region');
  }
  const queues: Props[] = [];
  const topics: Props[] = [];
  const dependsOn: string[] = [];
  for (const e of ctx.from(b.id, 'trigger')) {
    const target = ctx.node(e.to);
    const filter = s3Filter(e.props);
    for (const event of e.props.events?.length ? e.props.events : ['s3:ObjectCreated:*']) {
      const entry = { Event: event, ...(filter ? { Filter: filter } : {}) };
      if (target.kind === 'sqsQueue') queues.push({ ...entry, Queue: getAtt(ctx.id(target.id), 'Arn') });
      if (target.kind === 'snsTopic') topics.push({ ...entry, Topic: ref(ctx.id(target.id)) });
    }
    // The destination's policy must exist before S3 checks it; it names the account, not the bucket, to keep out of a cycle.
    const condition = { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } };
    if (target.kind === 'sqsQueue') {
      ctx.allowQueue(target.id, { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: getAtt(ctx.id(target.id), 'Arn'), Condition: condition });
      dependsOn.push(policyId(ctx, target.id));
    } else if (target.kind === 'snsTopic') {
      ctx.allowTopic(target.id, { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sns:Publish', Resource: ref(ctx.id(target.id)), Condition: condition });
      dependsOn.push(policyId(ctx, target.id));
    } else if (target.kind === 'eventBus') {
      props.NotificationConfiguration = { ...(props.NotificationConfiguration as Props | undefined), EventBridgeConfiguration: { EventBridgeEnabled: true } };
      if (target.props.busType !== 'default') ctx.warn(b, `S3 sends events to the default bus only; "${target.name}" needs a rule on the default bus to forward them`);
    }
  }
  if (queues.length || topics.length) {
    props.NotificationConfiguration = {
      ...(props.NotificationConfiguration as Props | undefined),
      ...(queues.length ? { QueueConfigurations: queues } : {}),
      ...(topics.length ? { TopicConfigurations: topics } : {}),
    };
  }
  const unique = [...new Set(dependsOn)];
  ctx.add(id, { Type: 'AWS::S3::Bucket', ...(unique.length ? { DependsOn: unique } : {}), Properties: props });
  ctx.output(`${id}Name`, { Description: `${b.name}: bucket name`, Value: ref(id) });
}

export function s3Filter(p: { prefix?: string; suffix?: string }): Props | undefined {
  const rules = [
    ...(p.prefix ? [{ Name: 'prefix', Value: p.prefix }] : []),
    ...(p.suffix ? [{ Name: 'suffix', Value: p.suffix }] : []),
  ];
  return rules.length ? { S3Key: { Rules: rules } } : undefined;
}

function exportUserPool(ctx: ExportContext, pool: NodeOfKind<'cognitoUserPool'>): void {
  const id = ctx.id(pool.id);
  const props = ctx.applyTable(tableForKind('cognitoUserPool', pool.props)!, pool);
  if (pool.props.mfa !== 'OFF') props.EnabledMfas = ['SOFTWARE_TOKEN_MFA'];
  ctx.add(id, { Type: 'AWS::Cognito::UserPool', Properties: props });
  ctx.output(`${id}Id`, { Description: `${pool.name}: user pool id`, Value: ref(id) });
}

/** The logical id of a queue's or topic's resource policy (allocated once, written by `exportPolicies`). */
const policyIds = new WeakMap<ExportContext, Map<string, string>>();
export function policyId(ctx: ExportContext, nodeId: string): string {
  if (!policyIds.has(ctx)) policyIds.set(ctx, new Map());
  const map = policyIds.get(ctx)!;
  let id = map.get(nodeId);
  if (!id) { id = ctx.auxId(ctx.id(nodeId), 'Policy'); map.set(nodeId, id); }
  return id;
}

/** One resource policy per queue / topic that other services send to. */
export function exportResourcePolicies(ctx: ExportContext): void {
  for (const [nodeId, statements] of ctx.queueStatements) {
    ctx.add(policyId(ctx, nodeId), { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [ref(ctx.id(nodeId))], PolicyDocument: { Version: '2012-10-17', Statement: statements } } });
  }
  for (const [nodeId, statements] of ctx.topicStatements) {
    ctx.add(policyId(ctx, nodeId), { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [ref(ctx.id(nodeId))], PolicyDocument: { Version: '2012-10-17', Statement: statements } } });
  }
}

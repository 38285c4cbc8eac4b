import type { EdgeOfKind, NodeOfKind } from '../../model/design';
import { getPath, isAwsDefault, type Props, type SamEventType, setPath, TRIGGER_TABLES } from '../cfn/properties';
import { logicalIdFor } from '../names';
import { type ExportContext, getAtt, ref, sub } from './context';
import { nonDefaultProps } from '../defaults';
import { busName } from './messaging';
import { deadLetterFor, needsSubscription } from './routing';

/** Trigger edges into a function, written as SAM `Events` on it. Sources SAM has no event type for
 *  (ALB, CloudFront, WebSocket APIs, step functions) are wired elsewhere (apis.ts, stateMachines.ts);
 *  SNS subscriptions with a dead-letter queue and shared EventBridge rules are resources (routing.ts). */

/** Decides which EventBridge rules become SAM events: a rule (or schedule) with exactly one target, a
 *  function, still enabled where SAM's event type cannot say "disabled". Run before routing. */
export function planRuleEvents(ctx: ExportContext): void {
  for (const rule of ctx.ofKind('eventRule')) {
    const triggers = ctx.from(rule.id, 'trigger');
    if (triggers.length !== 1 || ctx.node(triggers[0].to).kind !== 'lambda') continue;
    if (rule.props.ruleType === 'pattern' && !triggers[0].props.enabled) continue;
    ctx.rulesAsEvents.add(rule.id);
  }
}

export interface FunctionEvents {
  events: Props;
  /** IAM statements the events need that SAM does not add itself. */
  statements: Props[];
}

export function functionEvents(ctx: ExportContext, fn: NodeOfKind<'lambda'>): FunctionEvents {
  const events: Props = {};
  const statements: Props[] = [];
  // `Events: { Ref: … }` would read as an intrinsic function.
  const keys = new Set<string>(['Ref', 'Condition']);
  const eventMeta: Props = {};
  for (const e of ctx.to(fn.id, 'trigger')) {
    const source = ctx.node(e.from);
    const built = eventFor(ctx, fn, e, statements);
    if (!built) continue;
    const key = logicalIdFor(source.name, keys, 'Event');
    events[key] = built;
    if (source.kind === 'eventRule' || source.kind === 'kafka') eventMeta[key] = { source: sourceMeta(source) };
  }
  if (Object.keys(eventMeta).length) ctx.meta(ctx.id(fn.id)).events = eventMeta;
  return { events, statements };
}

/** The design node an event stands for, when no resource of its own carries it. */
function sourceMeta(source: NodeOfKind<'eventRule'> | NodeOfKind<'kafka'>): Props {
  const props = nonDefaultProps(source);
  return { kind: source.kind, name: source.name, ...(Object.keys(props).length ? { props } : {}) };
}

/** The table entries of an event type, applied to the trigger edge (and, for `source` entries, the source node). */
function settings(type: SamEventType, e: EdgeOfKind<'trigger'>, source: { props: unknown }, skip: readonly string[] = []): Props {
  const out: Props = {};
  for (const entry of TRIGGER_TABLES[type]) {
    if (skip.includes(entry.cfn.join('.'))) continue;
    const from = (entry.source ? source.props : e.props) as Props;
    const value = entry.model.length ? getPath(from, entry.model) : from;
    if (entry.model.length && isAwsDefault(entry, value)) continue;
    const converted = entry.toCfn ? entry.toCfn(value) : value;
    if (converted !== undefined) setPath(out, entry.cfn, converted);
  }
  return out;
}

function eventFor(ctx: ExportContext, fn: NodeOfKind<'lambda'>, e: EdgeOfKind<'trigger'>, statements: Props[]): Props | undefined {
  const source = ctx.node(e.from);
  const sourceId = ctx.id(source.id);
  switch (source.kind) {
    case 'sqsQueue':
      // SAM's SQS event has no ProvisionedPollerConfig (only its MSK and SelfManagedKafka events do).
      if (e.props.provisionedPollers) ctx.warn(source, `its trigger to "${fn.name}" sets provisioned pollers, which SAM's SQS event cannot say; left out (set ProvisionedPollerConfig on the mapping after deploying, or export to CDK)`);
      return { Type: 'SQS', Properties: { Queue: getAtt(sourceId, 'Arn'), ...settings('SQS', e, source) } };
    case 'kinesisStream': {
      const consumer = ctx.consumers.get(source.id);
      const stream = consumer ? getAtt(consumer, 'ConsumerARN') : getAtt(sourceId, 'Arn');
      if (consumer) statements.push({ Effect: 'Allow', Action: ['kinesis:SubscribeToShard', 'kinesis:DescribeStreamConsumer'], Resource: getAtt(consumer, 'ConsumerARN') });
      return { Type: 'Kinesis', Properties: { Stream: stream, StartingPosition: 'LATEST', ...settings('Kinesis', e, source), ...onFailure(ctx, e, statements) } };
    }
    case 'dynamoTable':
      return { Type: 'DynamoDB', Properties: { Stream: getAtt(sourceId, 'StreamArn'), StartingPosition: 'LATEST', ...settings('DynamoDB', e, source), ...onFailure(ctx, e, statements) } };
    case 'kafka':
      return kafkaEvent(ctx, source, e, statements);
    case 's3Bucket':
      return {
        Type: 'S3',
        Properties: { Bucket: ref(sourceId), Events: e.props.events?.length ? e.props.events : ['s3:ObjectCreated:*'], ...settings('S3', e, source, ['Events']) },
      };
    case 'snsTopic':
      if (needsSubscription(ctx, e)) return undefined;
      return { Type: 'SNS', Properties: { Topic: ref(sourceId), ...settings('SNS', e, source) } };
    case 'apiGateway': {
      if (source.props.apiType === 'websocket') return undefined;
      const type = source.props.apiType === 'rest' ? 'Api' : 'HttpApi';
      const props: Props = { [type === 'Api' ? 'RestApiId' : 'ApiId']: ref(sourceId), Method: e.props.method ?? 'ANY', Path: e.props.path ?? '/{proxy+}' };
      if (source.props.integrationTimeoutMs !== null) props.TimeoutInMillis = source.props.integrationTimeoutMs;
      return { Type: type, Properties: props };
    }
    case 'eventRule':
      return ctx.rulesAsEvents.has(source.id) ? ruleEvent(ctx, source, e) : undefined;
    case 'cognitoUserPool':
      // The design does not say which Cognito trigger: PreSignUp is where most pools start.
      return { Type: 'Cognito', Properties: { UserPool: ref(sourceId), Trigger: 'PreSignUp' } };
    default:
      return undefined;
  }
}

/** A stream or Kafka mapping's on-failure destination: a destination edge from the source whose `via`
 *  is this trigger (or, with no `via`, the source's only one). */
function onFailure(ctx: ExportContext, e: EdgeOfKind<'trigger'>, statements: Props[]): Props {
  const dests = ctx.from(e.from, 'destination').filter((d) => d.props.on === 'failure');
  const dest = dests.find((d) => d.props.via === e.id) ?? dests.find((d) => d.props.via === undefined);
  if (!dest) return {};
  const target = ctx.node(dest.to);
  const id = ctx.id(target.id);
  if (target.kind === 'sqsQueue') return { DestinationConfig: { OnFailure: { Type: 'SQS', Destination: getAtt(id, 'Arn') } } };
  if (target.kind === 'snsTopic') return { DestinationConfig: { OnFailure: { Type: 'SNS', Destination: ref(id) } } };
  if (target.kind === 's3Bucket') {
    statements.push({ Effect: 'Allow', Action: 's3:PutObject', Resource: sub(`\${${id}.Arn}/*`) });
    return { DestinationConfig: { OnFailure: { Destination: getAtt(id, 'Arn') } } };
  }
  ctx.warn(ctx.node(e.from), `cannot send failed records to ${target.kind} "${target.name}" from SAM; left out`);
  return {};
}

function ruleEvent(ctx: ExportContext, rule: NodeOfKind<'eventRule'>, e: EdgeOfKind<'trigger'>): Props {
  const dlq = deadLetterFor(ctx, e);
  const dlqProps = dlq ? { DeadLetterConfig: { Arn: getAtt(ctx.id(dlq.to), 'Arn') } } : {};
  if (dlq) {
    // The rule SAM generates has no logical id here to name: the queue admits this account's rules.
    ctx.allowQueue(dlq.to, {
      Effect: 'Allow', Principal: { Service: rule.props.scheduler ? 'scheduler.amazonaws.com' : 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: getAtt(ctx.id(dlq.to), 'Arn'),
      Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
    });
  }
  const description = rule.props.description ? { Description: rule.props.description } : {};
  if (rule.props.ruleType === 'schedule' && rule.props.scheduler) {
    return { Type: 'ScheduleV2', Properties: { ...settings('ScheduleV2', e, rule), ...description, ...dlqProps } };
  }
  if (rule.props.ruleType === 'schedule') {
    return { Type: 'Schedule', Properties: { ...settings('Schedule', e, rule), ...description, ...dlqProps } };
  }
  const bus = rule.parent !== undefined ? busName(ctx, rule.parent) : undefined;
  return { Type: 'EventBridgeRule', Properties: { ...settings('EventBridgeRule', e, rule), ...(bus !== undefined && bus !== 'default' ? { EventBusName: bus } : {}), ...dlqProps } };
}

function kafkaEvent(ctx: ExportContext, kafka: NodeOfKind<'kafka'>, e: EdgeOfKind<'trigger'>, statements: Props[]): Props {
  const base = ctx.id(kafka.id);
  const topic = ctx.param(`${base} Topic`, { Type: 'String', Description: `The Kafka topic of ${kafka.name} the function reads (the design does not name it)` });
  const access: Props[] = [];
  const secretParam = () => {
    const p = ctx.param(`${base} Secret Arn`, { Type: 'String', Description: `The Secrets Manager secret with ${kafka.name}'s ${kafka.props.auth} credentials` });
    statements.push({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ref(p) });
    return ref(p);
  };
  if (kafka.props.auth === 'sasl-scram') access.push({ Type: 'SASL_SCRAM_512_AUTH', URI: secretParam() });
  if (kafka.props.auth === 'mtls') access.push({ Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: secretParam() });
  if (kafka.props.flavor === 'msk') {
    const cluster = kafkaClusterParam(ctx, kafka);
    return {
      Type: 'MSK',
      Properties: { Stream: ref(cluster), Topics: [ref(topic)], StartingPosition: 'LATEST', ...settings('MSK', e, kafka), ...onFailure(ctx, e, statements), ...(access.length ? { SourceAccessConfigurations: access } : {}) },
    };
  }
  // SAM wants a literal list here (its schema refuses a list parameter): one broker, more can be added.
  const server = ctx.param(`${base} Bootstrap Server`, { Type: 'String', Description: `A bootstrap server (host:port) of ${kafka.name}` });
  for (const s of ctx.refs(kafka, kafka.props.subnets)) access.push({ Type: 'VPC_SUBNET', URI: sub(`subnet:\${${s.Ref}}`) });
  for (const g of ctx.refs(kafka, kafka.props.securityGroups)) access.push({ Type: 'VPC_SECURITY_GROUP', URI: sub(`security_group:\${${g.Ref}}`) });
  if (!access.length) {
    // Lambda reaches a self-managed cluster either inside a VPC or with credentials; the design gives neither.
    access.push({ Type: 'BASIC_AUTH', URI: secretParam() });
    ctx.warn(kafka, `is self-managed with ${kafka.props.auth === 'iam' ? 'IAM auth (which only MSK has)' : 'no credentials'} and no subnets; Lambda needs one or the other, so the template asks for a BASIC_AUTH secret`);
  }
  if (e.props.maximumBatchingWindowSeconds !== undefined) ctx.warn(kafka, 'SAM\'s SelfManagedKafka event has no batching window; maximumBatchingWindowSeconds is left out');
  return {
    Type: 'SelfManagedKafka',
    Properties: {
      KafkaBootstrapServers: [ref(server)], Topics: [ref(topic)], StartingPosition: 'LATEST', ...settings('SelfManagedKafka', e, kafka),
      ...(access.length ? { SourceAccessConfigurations: access } : {}),
    },
  };
}

/** The MSK cluster a design's Kafka node stands for: a parameter, as the template does not create it. */
export function kafkaClusterParam(ctx: ExportContext, kafka: NodeOfKind<'kafka'>): string {
  return ctx.param(`${ctx.id(kafka.id)} Cluster Arn`, { Type: 'String', Description: `The ARN of the MSK cluster ${kafka.name} (not created by this template)` });
}

import type { DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
import { jsonText, type Props, tableForKind, TRIGGER_TABLES } from '../cfn/properties';
import { slugFor } from '../names';
import { type ExportContext, getAtt, ref } from './context';
import { busName } from './messaging';

/** Routing that is not a SAM event: SNS subscriptions (to queues, HTTPS endpoints, and to functions when
 *  the subscription has a dead-letter queue), EventBridge rules with targets, EventBridge Scheduler
 *  schedules. Each carries its retry policy and dead-letter queue. */
export function exportRouting(ctx: ExportContext): void {
  for (const topic of ctx.ofKind('snsTopic')) {
    for (const e of ctx.from(topic.id, 'trigger')) if (needsSubscription(ctx, e)) exportSubscription(ctx, topic, e);
  }
  for (const rule of ctx.ofKind('eventRule')) {
    if (ctx.rulesAsEvents.has(rule.id)) continue;
    if (rule.props.ruleType === 'schedule' && rule.props.scheduler) exportSchedules(ctx, rule);
    else exportRule(ctx, rule);
  }
}

/** The dead-letter queue of one subscription / rule target: a deadLetter edge from the source whose
 *  `via` is this trigger, or one with no `via` (then it serves every trigger of the source). */
export function deadLetterFor(ctx: ExportContext, trigger: DesignEdge): EdgeOfKind<'deadLetter'> | undefined {
  const dlqs = ctx.from(trigger.from, 'deadLetter');
  return dlqs.find((d) => d.props.via === trigger.id) ?? dlqs.find((d) => d.props.via === undefined);
}

/** A topic → function trigger is a SAM SNS event unless its subscription needs a dead-letter queue,
 *  which the SNS event cannot say. */
export function needsSubscription(ctx: ExportContext, e: EdgeOfKind<'trigger'>): boolean {
  return ctx.node(e.to).kind !== 'lambda' || deadLetterFor(ctx, e) !== undefined;
}

function exportSubscription(ctx: ExportContext, topic: NodeOfKind<'snsTopic'>, e: EdgeOfKind<'trigger'>): void {
  const target = ctx.node(e.to);
  const topicId = ctx.id(topic.id);
  const props: Props = { TopicArn: ref(topicId) };
  if (target.kind === 'sqsQueue') {
    Object.assign(props, { Protocol: 'sqs', Endpoint: getAtt(ctx.id(target.id), 'Arn') });
    ctx.allowQueue(target.id, snsToQueue(ctx, topicId, target.id));
  } else if (target.kind === 'lambda') {
    Object.assign(props, { Protocol: 'lambda', Endpoint: getAtt(ctx.id(target.id), 'Arn') });
    permission(ctx, target, 'sns.amazonaws.com', ref(topicId), `${topicId} Permission`);
  } else if (target.kind === 'externalEndpoint') {
    Object.assign(props, { Protocol: target.props.url.startsWith('http:') ? 'http' : 'https', Endpoint: target.props.url });
  } else {
    ctx.warn(topic, `SNS cannot deliver to ${target.kind} "${target.name}"; left out`);
    return;
  }
  for (const entry of tableFor('SNSSubscription')) {
    const value = (e.props as Props)[entry.model[0]];
    if (value === undefined || value === entry.awsDefault) continue;
    if (entry.model[0] === 'rawMessageDelivery' && target.kind === 'lambda') continue; // raw delivery is for queues and HTTP/S
    props[entry.cfn[0]] = entry.toCfn ? entry.toCfn(value) : value;
  }
  const dlq = deadLetterFor(ctx, e);
  if (dlq) {
    props.RedrivePolicy = { deadLetterTargetArn: getAtt(ctx.id(dlq.to), 'Arn') };
    ctx.allowQueue(dlq.to, snsToQueue(ctx, topicId, dlq.to));
  }
  ctx.add(ctx.auxId(topicId, `To ${ctx.id(target.id)}`), { Type: 'AWS::SNS::Subscription', Properties: props });
}

const tableFor = (name: 'SNSSubscription' | 'EventBridgeTarget') => TRIGGER_TABLES[name];

const snsToQueue = (ctx: ExportContext, topicId: string, queueNodeId: string): Props => ({
  Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: getAtt(ctx.id(queueNodeId), 'Arn'),
  Condition: { ArnEquals: { 'aws:SourceArn': ref(topicId) } },
});

/** Lets a service invoke a function (from one source ARN). */
export function permission(ctx: ExportContext, fn: DesignNode, principal: string, sourceArn: unknown, name: string): string {
  const id = ctx.auxId(ctx.id(fn.id), name);
  ctx.add(id, { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: ref(ctx.id(fn.id)), Principal: principal, SourceArn: sourceArn } });
  return id;
}

/** The retry policy of a rule target / schedule, AWS defaults left out. */
export function retryPolicy(e: EdgeOfKind<'trigger'>): Props | undefined {
  const out: Props = {};
  for (const entry of tableFor('EventBridgeTarget')) {
    const value = (e.props.retryPolicy as Props | undefined)?.[entry.model[1]];
    if (value !== undefined && value !== entry.awsDefault) out[entry.cfn[1]] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

interface TargetSpec { arn: unknown; statement?: Props; extra?: Props }

/** How a rule or schedule reaches a target: its ARN, and what its role must be allowed (none for
 *  functions, queues and topics, which take resource policies instead). */
function targetSpec(ctx: ExportContext, owner: DesignNode, target: DesignNode): TargetSpec | undefined {
  const id = ctx.id(target.id);
  switch (target.kind) {
    case 'lambda': return { arn: getAtt(id, 'Arn'), statement: { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: getAtt(id, 'Arn') } };
    case 'sqsQueue': return { arn: getAtt(id, 'Arn'), statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt(id, 'Arn') }, ...(target.props.fifo ? { extra: { SqsParameters: { MessageGroupId: 'default' } } } : {}) };
    case 'snsTopic': return { arn: ref(id), statement: { Effect: 'Allow', Action: 'sns:Publish', Resource: ref(id) } };
    case 'eventBus': return { arn: target.props.busType === 'default' ? { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' } : getAtt(id, 'Arn'), statement: { Effect: 'Allow', Action: 'events:PutEvents', Resource: target.props.busType === 'default' ? { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' } : getAtt(id, 'Arn') } };
    case 'kinesisStream': return { arn: getAtt(id, 'Arn'), statement: { Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: getAtt(id, 'Arn') } };
    case 'stepFunction': return { arn: ref(id), statement: { Effect: 'Allow', Action: 'states:StartExecution', Resource: ref(id) } };
    case 'externalEndpoint': {
      const connection = ctx.auxId(ctx.id(owner.id), `${target.name} Connection`);
      const param = ctx.param(`${ctx.id(owner.id)} ${target.name} Api Key`, { Type: 'String', NoEcho: true, Description: `The API key EventBridge sends to ${target.props.url} (the design does not say how that API authenticates)` });
      ctx.add(connection, { Type: 'AWS::Events::Connection', Properties: { AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: ref(param) } } } });
      const destination = ctx.auxId(ctx.id(owner.id), `${target.name} Destination`);
      ctx.add(destination, { Type: 'AWS::Events::ApiDestination', Properties: { ConnectionArn: getAtt(connection, 'Arn'), InvocationEndpoint: target.props.url, HttpMethod: 'POST' } });
      return { arn: getAtt(destination, 'Arn'), statement: { Effect: 'Allow', Action: 'events:InvokeApiDestination', Resource: getAtt(destination, 'Arn') } };
    }
    default:
      ctx.warn(owner, `EventBridge cannot target ${target.kind} "${target.name}"; left out`);
      return undefined;
  }
}

function exportRule(ctx: ExportContext, rule: NodeOfKind<'eventRule'>): void {
  const id = ctx.id(rule.id);
  const props = ctx.applyTable(tableForKind('eventRule', rule.props, 'AWS::Events::Rule')!, rule);
  if (rule.parent !== undefined) props.EventBusName = busName(ctx, rule.parent);
  const triggers = ctx.from(rule.id, 'trigger');
  if (triggers.length > 0 && triggers.every((e) => !e.props.enabled)) props.State = 'DISABLED';
  const roleStatements: Props[] = [];
  const targets: Props[] = [];
  triggers.forEach((e, i) => {
    const target = ctx.node(e.to);
    const spec = targetSpec(ctx, rule, target);
    if (!spec) return;
    const t: Props = { Id: `${slugFor(target.name, 'target').slice(0, 50)}-${i + 1}`, Arn: spec.arn, ...spec.extra };
    if (target.kind === 'lambda') permission(ctx, target, 'events.amazonaws.com', getAtt(id, 'Arn'), `${id} Permission`);
    else if (target.kind === 'sqsQueue') ctx.allowQueue(target.id, { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: getAtt(ctx.id(target.id), 'Arn'), Condition: { ArnEquals: { 'aws:SourceArn': getAtt(id, 'Arn') } } });
    else if (target.kind === 'snsTopic') ctx.allowTopic(target.id, { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: ref(ctx.id(target.id)), Condition: { ArnEquals: { 'aws:SourceArn': getAtt(id, 'Arn') } } });
    else if (spec.statement) { roleStatements.push(spec.statement); t.RoleArn = 'ROLE'; }
    const retry = retryPolicy(e);
    if (retry) t.RetryPolicy = retry;
    const dlq = deadLetterFor(ctx, e);
    if (dlq) {
      t.DeadLetterConfig = { Arn: getAtt(ctx.id(dlq.to), 'Arn') };
      ctx.allowQueue(dlq.to, { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: getAtt(ctx.id(dlq.to), 'Arn'), Condition: { ArnEquals: { 'aws:SourceArn': getAtt(id, 'Arn') } } });
    }
    targets.push(t);
  });
  if (roleStatements.length) {
    const role = ctx.serviceRole(id, 'events.amazonaws.com', roleStatements);
    for (const t of targets) if (t.RoleArn === 'ROLE') t.RoleArn = getAtt(role, 'Arn');
  }
  if (targets.length) props.Targets = targets;
  ctx.add(id, { Type: 'AWS::Events::Rule', Properties: props });
}

/** EventBridge Scheduler: one schedule per target (a schedule has exactly one). */
function exportSchedules(ctx: ExportContext, rule: NodeOfKind<'eventRule'>): void {
  const id = ctx.id(rule.id);
  const base = ctx.applyTable(tableForKind('eventRule', rule.props, 'AWS::Scheduler::Schedule')!, rule);
  const triggers = ctx.from(rule.id, 'trigger');
  if (triggers.length === 0) {
    ctx.warn(rule, 'is a schedule with no target; EventBridge Scheduler needs one, so it is left out');
    return;
  }
  triggers.forEach((e, i) => {
    const target = ctx.node(e.to);
    const scheduleId = i === 0 ? id : ctx.auxId(id, `${i + 1}`);
    const spec = targetSpec(ctx, rule, target);
    if (!spec?.statement) return;
    const dlq = deadLetterFor(ctx, e);
    const statements = [spec.statement, ...(dlq ? [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt(ctx.id(dlq.to), 'Arn') }] : [])];
    const role = ctx.serviceRole(scheduleId, 'scheduler.amazonaws.com', statements);
    const retry = retryPolicy(e);
    ctx.add(scheduleId, {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        ...base,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ...(e.props.enabled ? {} : { State: 'DISABLED' }),
        Target: { Arn: spec.arn, RoleArn: getAtt(role, 'Arn'), ...spec.extra, ...(retry ? { RetryPolicy: retry } : {}), ...(dlq ? { DeadLetterConfig: { Arn: getAtt(ctx.id(dlq.to), 'Arn') } } : {}) },
      },
    });
  });
}

/** The event pattern of a rule as an object (EventBridge takes JSON or YAML). */
export const patternOf = (rule: NodeOfKind<'eventRule'>): unknown => jsonText.toCfn(rule.props.eventPattern);

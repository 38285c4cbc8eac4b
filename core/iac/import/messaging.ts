import type { ImportContext, TemplateResource } from './context';
import { patternText, ruleDeadLetter, s3Filter } from './events';
import { describe, externalArnNode } from './functions';
import { asBoolean, asNumber, asString, isObject, type Raw, referencedResources } from './resolve';
import { readTable } from './tables';

/** Queues, topics, buses, rules, streams, tables, buckets, state machines: nodes first, then their edges. */

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function numberInto(ctx: ImportContext, id: string, out: Raw, p: Raw, key: string, field: string): void {
  if (p[key] === undefined) return;
  const n = asNumber(p[key]);
  if (n === undefined) ctx.partial(id, `Properties.${key} could not be resolved (${describe(p[key])}); the model's default applies`);
  else out[field] = n;
}

export function sqsQueue(ctx: ImportContext, res: TemplateResource): void {
  const props = readTable(ctx, res);
  const name = asString(res.props.QueueName);
  if (name?.endsWith('.fifo')) props.fifo = true;
  ctx.addNode(res.logicalId, 'sqsQueue', props, {});
}

export function sqsQueueLinks(ctx: ImportContext, res: TemplateResource): void {
  const redrive = res.props.RedrivePolicy;
  if (redrive === undefined) return;
  const r = isObject(redrive) ? redrive : typeof redrive === 'string' ? safeJson(redrive) : undefined;
  if (!isObject(r)) { ctx.partial(res.logicalId, `RedrivePolicy could not be read (${describe(redrive)})`); return; }
  const target = ctx.nodeOf(r.deadLetterTargetArn, ['sqsQueue']) ?? externalArnNode(ctx, res.logicalId, r.deadLetterTargetArn);
  if (!target) { ctx.partial(res.logicalId, `RedrivePolicy.deadLetterTargetArn could not be resolved (${describe(r.deadLetterTargetArn)})`); return; }
  const props: Raw = {};
  const max = asNumber(r.maxReceiveCount);
  if (max !== undefined) props.maxReceiveCount = max;
  ctx.addEdge(res.logicalId, 'deadLetter', res.logicalId, target, props);
}

function safeJson(s: string): unknown {
  try { return JSON.parse(s); } catch { return undefined; }
}

export function snsTopic(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'snsTopic', readTable(ctx, res), {});
}

/** Inline `Subscription` list of a topic, and AWS::SNS::Subscription. */
export function snsTopicLinks(ctx: ImportContext, res: TemplateResource): void {
  for (const s of list(res.props.Subscription)) if (isObject(s)) subscribe(ctx, res.logicalId, res.logicalId, s);
}

export function snsSubscription(ctx: ImportContext, res: TemplateResource): void {
  const topic = ctx.nodeOf(res.props.TopicArn, ['snsTopic']) ?? externalArnNode(ctx, res.logicalId, res.props.TopicArn);
  if (!topic) { ctx.skip(res.logicalId, `TopicArn does not name a topic (${describe(res.props.TopicArn)})`); return; }
  subscribe(ctx, res.logicalId, topic, res.props);
}

function subscribe(ctx: ImportContext, owner: string, topic: string, s: Raw): void {
  const protocol = asString(s.Protocol)?.toLowerCase();
  const props: Raw = {};
  if (s.FilterPolicy !== undefined) props.filterPolicy = patternText(ctx, owner, 'FilterPolicy', s.FilterPolicy);
  const raw = asBoolean(s.RawMessageDelivery);
  if (raw !== undefined) props.rawMessageDelivery = raw;
  let target: string | undefined;
  if (protocol === 'lambda' || protocol === 'sqs') {
    target = ctx.nodeOf(s.Endpoint, [protocol === 'lambda' ? 'lambda' : 'sqsQueue']);
    // An endpoint of the other kind (a queue under the lambda protocol): drawn to what it names, the
    // protocol kept on the subscription so CFG-10 reports the mismatch.
    const other = target ? undefined : ctx.nodeOf(s.Endpoint, [protocol === 'lambda' ? 'sqsQueue' : 'lambda']);
    if (other) { target = other; props.protocol = protocol; }
    target ??= externalArnNode(ctx, owner, s.Endpoint);
  }
  else if (protocol === 'http' || protocol === 'https') {
    const url = asString(s.Endpoint);
    if (url) target = ctx.externalNode(owner, 'externalEndpoint', url, { url });
  } else { ctx.partial(owner, `subscription protocol ${protocol ?? describe(s.Protocol)}: no such subscriber in the model`); return; }
  if (!target) { ctx.partial(owner, `subscription endpoint could not be resolved (${describe(s.Endpoint)})`); return; }
  const trigger = ctx.addEdge(owner, 'trigger', topic, target, props);
  const redrive = isObject(s.RedrivePolicy) ? s.RedrivePolicy : typeof s.RedrivePolicy === 'string' ? safeJson(s.RedrivePolicy) : undefined;
  if (isObject(redrive)) {
    const dlq = ctx.nodeOf(redrive.deadLetterTargetArn, ['sqsQueue']) ?? externalArnNode(ctx, owner, redrive.deadLetterTargetArn);
    if (dlq) ctx.addEdge(owner, 'deadLetter', topic, dlq, { via: trigger });
    else ctx.partial(owner, `RedrivePolicy.deadLetterTargetArn could not be resolved (${describe(redrive.deadLetterTargetArn)})`);
  }
}

export function eventBus(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'eventBus', readTable(ctx, res, { busType: 'custom' }), {});
}

/** AWS::Events::Rule and AWS::Scheduler::Schedule as nodes (targets are linked later). */
export function eventRule(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const scheduler = res.type === 'AWS::Scheduler::Schedule';
  const base: Raw = scheduler ? { ruleType: 'schedule', scheduler: true } : { ruleType: p.ScheduleExpression !== undefined ? 'schedule' : 'pattern' };
  const props = readTable(ctx, res, base);
  if (p.EventPattern !== undefined) props.eventPattern = patternText(ctx, res.logicalId, 'EventPattern', p.EventPattern);
  ctx.addNode(res.logicalId, 'eventRule', props, {});
}

export function eventRuleLinks(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const id = res.logicalId;
  const rule = ctx.draft(id);
  if (!rule) return;
  if (p.EventBusName !== undefined) {
    const bus = ctx.nodeOf(p.EventBusName, ['eventBus']);
    if (bus) rule.parent = bus;
  }
  const targets = res.type === 'AWS::Scheduler::Schedule' ? [p.Target] : list(p.Targets);
  const disabled = p.State === 'DISABLED';
  targets.forEach((t, i) => {
    if (!isObject(t)) return;
    const target = ctx.nodeOf(t.Arn) ?? externalArnNode(ctx, id, t.Arn);
    const where = res.type === 'AWS::Scheduler::Schedule' ? 'Target' : `Targets[${i}]`;
    if (!target) { ctx.partial(id, `${where}: ${describe(t.Arn)} is not a target the model has`); return; }
    const props: Raw = {};
    if (disabled) props.enabled = false;
    if (isObject(t.RetryPolicy)) {
      const retry: Raw = {};
      const a = asNumber(t.RetryPolicy.MaximumRetryAttempts);
      const b = asNumber(t.RetryPolicy.MaximumEventAgeInSeconds);
      if (a !== undefined) retry.maximumRetryAttempts = a;
      if (b !== undefined) retry.maximumEventAgeSeconds = b;
      props.retryPolicy = retry;
    }
    const trigger = ctx.addEdge(id, 'trigger', id, target, props);
    ruleDeadLetter(ctx, id, id, trigger, t.DeadLetterConfig, `${id}DLQ`, where);
  });
}

export function kinesisStream(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'kinesisStream', readTable(ctx, res), {});
}

export function kinesisConsumer(ctx: ImportContext, res: TemplateResource): void {
  const stream = ctx.nodeOf(res.props.StreamARN, ['kinesisStream']);
  if (!stream) { ctx.skip(res.logicalId, 'StreamARN names no stream of this template'); return; }
  ctx.draft(stream)!.props.enhancedFanOut = true;
  // A mapping that reads through the consumer reads the stream.
  ctx.aliases.set(res.logicalId, [stream]);
  ctx.note(res.logicalId, `folded into stream ${stream} (enhanced fan-out)`);
}

export function dynamoTable(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const id = res.logicalId;
  let props: Raw;
  if (res.type === 'AWS::Serverless::SimpleTable') {
    props = {};
    if (isObject(p.ProvisionedThroughput)) {
      props.billingMode = 'provisioned';
      numberInto(ctx, id, props, p.ProvisionedThroughput, 'ReadCapacityUnits', 'readCapacityUnits');
      numberInto(ctx, id, props, p.ProvisionedThroughput, 'WriteCapacityUnits', 'writeCapacityUnits');
    }
  } else {
    // CloudFormation's default billing mode is PROVISIONED: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html
    props = readTable(ctx, res, { billingMode: p.BillingMode === undefined ? 'provisioned' : undefined });
  }
  ctx.addNode(id, 'dynamoTable', props, {});
}

export function s3Bucket(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 's3Bucket', readTable(ctx, res), {});
}

/** NotificationConfiguration of a bucket (and CDK's Custom::S3BucketNotifications, same shape). */
export function bucketNotifications(ctx: ImportContext, owner: string, bucket: string, nc: unknown): void {
  if (!isObject(nc)) return;
  const groups: [string, string, 'lambda' | 'sqsQueue' | 'snsTopic'][] = [
    ['LambdaConfigurations', 'Function', 'lambda'], ['LambdaFunctionConfigurations', 'LambdaFunctionArn', 'lambda'],
    ['QueueConfigurations', 'Queue', 'sqsQueue'], ['QueueConfigurations', 'QueueArn', 'sqsQueue'],
    ['TopicConfigurations', 'Topic', 'snsTopic'], ['TopicConfigurations', 'TopicArn', 'snsTopic'],
  ];
  for (const [key, field, kind] of groups) {
    for (const c of list(nc[key])) {
      if (!isObject(c) || c[field] === undefined) continue;
      const target = ctx.nodeOf(c[field], [kind]) ?? externalArnNode(ctx, owner, c[field]);
      if (!target) { ctx.partial(owner, `NotificationConfiguration.${key}: ${describe(c[field])} could not be resolved`); continue; }
      const events = c.Event !== undefined ? [c.Event] : list(c.Events);
      const filter = isObject(c.Filter) ? c.Filter : undefined;
      const rules = filter && isObject(filter.Key) ? { S3Key: { Rules: list(filter.Key.FilterRules) } } : filter;
      ctx.addEdge(owner, 'trigger', bucket, target, s3Filter(events, rules));
    }
  }
}

export function s3BucketLinks(ctx: ImportContext, res: TemplateResource): void {
  bucketNotifications(ctx, res.logicalId, res.logicalId, res.props.NotificationConfiguration);
}

export function stateMachine(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'stepFunction', readTable(ctx, res), {});
}

/** The functions a state machine runs (its Definition, DefinitionSubstitutions, DefinitionString)
 *  → trigger edges, in the order the definition names them; SAM Events → triggers into it. */
export function stateMachineLinks(ctx: ImportContext, res: TemplateResource): void {
  const sm = res.logicalId;
  const p = res.props;
  for (const ref of referencedResources([p.DefinitionSubstitutions, p.Definition, p.DefinitionString], ctx.rawResources)) {
    if (ctx.draft(ref)?.kind === 'lambda') ctx.addEdge(sm, 'trigger', sm, ref, {});
  }
  const events = res.props.Events;
  if (!isObject(events)) return;
  for (const [name, event] of Object.entries(events)) {
    if (!isObject(event)) continue;
    const p = isObject(event.Properties) ? event.Properties : {};
    const type = event.Type;
    if (type === 'Api' || type === 'HttpApi') {
      const ref = type === 'Api' ? p.RestApiId : p.ApiId;
      const implicit = type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
      const api = (ref !== undefined ? ctx.nodeOf(ref, ['apiGateway']) : undefined) ?? ctx.addNode(sm, 'apiGateway', { apiType: type === 'Api' ? 'rest' : 'http', stage: 'Prod' }, { id: implicit, name: implicit });
      const props: Raw = {};
      const method = asString(p.Method)?.toUpperCase();
      if (method && ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(method)) props.method = method;
      if (typeof p.Path === 'string') props.path = p.Path;
      ctx.addEdge(sm, 'trigger', api, sm, props);
    } else if (type === 'Schedule' || type === 'ScheduleV2' || type === 'EventBridgeRule' || type === 'CloudWatchEvent') {
      const isSchedule = type === 'Schedule' || type === 'ScheduleV2';
      const props: Raw = { ruleType: isSchedule ? 'schedule' : 'pattern' };
      if (type === 'ScheduleV2') props.scheduler = true;
      if (isSchedule) { const s = asString(p.Schedule ?? p.ScheduleExpression); if (s) props.scheduleExpression = s; } else props.eventPattern = patternText(ctx, sm, `Events.${name}`, p.Pattern ?? {});
      const bus = p.EventBusName !== undefined ? ctx.nodeOf(p.EventBusName, ['eventBus']) : undefined;
      const rule = ctx.addNode(sm, 'eventRule', props, { id: `${sm}${name}`, name: `${sm}${name}`, parent: bus });
      ctx.addEdge(sm, 'trigger', rule, sm, {});
    } else ctx.partial(sm, `Events.${name} (${String(type)}): no such state machine event source in the model`);
  }
  // Policies of a SAM state machine grant it access, but access edges start at functions only.
}

export function secretOrParameter(ctx: ImportContext, res: TemplateResource): void {
  // A database's credentials (its master password, its proxy's auth) belong to the database node.
  const users = [...ctx.resources.values()].filter((r) => r.logicalId !== res.logicalId && referencedResources(r.allProps, ctx.rawResources).has(res.logicalId));
  const db = users.find((r) => /^AWS::(RDS::DB(Instance|Cluster|Proxy)|SecretsManager::SecretTargetAttachment|DocDB::DBCluster)$/.test(r.type));
  if (db && !users.some((r) => r.type === 'AWS::Serverless::Function' || r.type === 'AWS::Lambda::Function')) {
    ctx.note(res.logicalId, `folded into ${db.logicalId} (its credentials)`);
    ctx.aliases.set(res.logicalId, []);
    return;
  }
  const service = res.type === 'AWS::SecretsManager::Secret' ? 'secretsmanager' : 'ssm';
  ctx.addNode(res.logicalId, 'awsService', { service, description: `${res.type === 'AWS::SecretsManager::Secret' ? 'Secret' : 'Parameter'} ${res.logicalId}` });
  ctx.note(res.logicalId, `shown as the ${service} API (the model has no node for a single ${service === 'ssm' ? 'parameter' : 'secret'})`);
}

export function cognitoUserPool(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'cognitoUserPool', readTable(ctx, res), {});
}

export function cognitoUserPoolLinks(ctx: ImportContext, res: TemplateResource): void {
  const triggers = res.props.LambdaConfig;
  if (!isObject(triggers)) return;
  for (const [key, arn] of Object.entries(triggers)) {
    const fn = ctx.nodeOf(arn, ['lambda']);
    if (fn) ctx.addEdge(res.logicalId, 'trigger', res.logicalId, fn, {});
    else if (key !== 'KMSKeyID') ctx.partial(res.logicalId, `LambdaConfig.${key} names no function of this template (${describe(arn)})`);
  }
}

export function mskCluster(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'kafka', { flavor: 'msk' }, {});
}

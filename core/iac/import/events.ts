import type { NodeKind } from '../../model/kinds';
import type { ImportContext, TemplateResource } from './context';
import { describe, externalArnNode } from './functions';
import { asBoolean, asNumber, asString, isObject, nameFromArn, plainJsonText, type Raw } from './resolve';
import { TRIGGER_TABLES } from '../cfn/properties';
import { designerOf } from './support';
import { logicalIdFor } from '../names';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Event source mapping settings (SAM SQS/Kinesis/DynamoDB/MSK events and AWS::Lambda::EventSourceMapping
 *  share CloudFormation's names) → trigger props. */
export function mappingProps(ctx: ImportContext, owner: string, where: string, p: Raw): Raw {
  const out: Raw = {};
  const num = (key: string, field: string, value: unknown = p[key]) => {
    if (value === undefined) return;
    const n = asNumber(value);
    if (n === undefined) ctx.partial(owner, `${where}.${key} could not be resolved (${describe(value)}); AWS's default applies`);
    else out[field] = n;
  };
  const enabled = asBoolean(p.Enabled);
  if (enabled !== undefined) out.enabled = enabled;
  num('BatchSize', 'batchSize');
  num('MaximumBatchingWindowInSeconds', 'maximumBatchingWindowSeconds');
  const start = asString(p.StartingPosition);
  if (start === 'TRIM_HORIZON' || start === 'LATEST' || start === 'AT_TIMESTAMP') out.startingPosition = start;
  num('StartingPositionTimestamp', 'startingPositionTimestamp');
  const bisect = asBoolean(p.BisectBatchOnFunctionError);
  if (bisect !== undefined) out.bisectBatchOnFunctionError = bisect;
  num('MaximumRetryAttempts', 'maximumRetryAttempts');
  num('MaximumRecordAgeInSeconds', 'maximumRecordAgeSeconds');
  num('ParallelizationFactor', 'parallelizationFactor');
  num('TumblingWindowInSeconds', 'tumblingWindowSeconds');
  if (list(p.FunctionResponseTypes).includes('ReportBatchItemFailures')) out.reportBatchItemFailures = true;
  if (isObject(p.ScalingConfig)) num('ScalingConfig.MaximumConcurrency', 'maximumConcurrency', p.ScalingConfig.MaximumConcurrency);
  // Provisioned mode (SQS and Kafka mappings): the pollers kept and scaled to (CFG-08).
  if (isObject(p.ProvisionedPollerConfig)) {
    const pollers: Raw = {};
    for (const [key, field] of [['MinimumPollers', 'minimumPollers'], ['MaximumPollers', 'maximumPollers']] as const) {
      const v = p.ProvisionedPollerConfig[key];
      if (v === undefined) continue;
      const n = asNumber(v);
      if (n === undefined) ctx.partial(owner, `${where}.ProvisionedPollerConfig.${key} could not be resolved (${describe(v)}); AWS's default applies`);
      else pollers[field] = n;
    }
    if (Object.keys(pollers).length) out.provisionedPollers = pollers;
  }
  if (isObject(p.FilterCriteria)) {
    const filters = list(p.FilterCriteria.Filters).map((f) => (isObject(f) ? f.Pattern : undefined)).map((pat) => (typeof pat === 'string' ? pat : pat === undefined ? undefined : JSON.stringify(pat))).filter((s): s is string => s !== undefined);
    if (filters.length) out.filters = filters;
  }
  return out;
}

/** A trigger edge from a mapping's source, plus its on-failure destination. */
function mapping(ctx: ImportContext, owner: string, fnId: string, where: string, source: string, p: Raw): void {
  const trigger = ctx.addEdge(owner, 'trigger', source, fnId, mappingProps(ctx, owner, where, p));
  const onFailure = isObject(p.DestinationConfig) && isObject(p.DestinationConfig.OnFailure) ? p.DestinationConfig.OnFailure.Destination : undefined;
  if (onFailure !== undefined) {
    const target = ctx.nodeOf(onFailure) ?? externalArnNode(ctx, owner, onFailure);
    if (target) ctx.addEdge(owner, 'destination', source, target, { on: 'failure', via: trigger });
    else ctx.partial(owner, `${where}.DestinationConfig.OnFailure could not be resolved (${describe(onFailure)})`);
  }
}

/** The node a mapping's source ARN names: a resource of the template, or an outside one by ARN. */
export function mappingSource(ctx: ImportContext, owner: string, arn: unknown, kinds: readonly NodeKind[]): string | undefined {
  const inTemplate = ctx.nodeOf(arn, kinds);
  if (inTemplate) return inTemplate;
  const s = asString(arn);
  if (!s) return undefined;
  const service = s.startsWith('arn:') ? s.split(':')[2] : '';
  const kind: NodeKind | undefined = service === 'sqs' ? 'sqsQueue' : service === 'kinesis' ? 'kinesisStream' : service === 'dynamodb' ? 'dynamoTable' : service === 'kafka' ? 'kafka' : kinds.length === 1 ? kinds[0] : undefined;
  if (!kind || !kinds.includes(kind)) return undefined;
  return ctx.externalNode(owner, kind, s, kind === 'dynamoTable' ? { streamViewType: 'NEW_AND_OLD_IMAGES' } : {});
}

/** AWS::Lambda::EventSourceMapping. */
export function eventSourceMapping(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const fn = ctx.nodeOf(p.FunctionName, ['lambda']) ?? externalArnNode(ctx, res.logicalId, p.FunctionName);
  if (!fn) { ctx.skip(res.logicalId, `FunctionName does not name a function of this template (${describe(p.FunctionName)})`); return; }
  let source = p.EventSourceArn !== undefined ? mappingSource(ctx, res.logicalId, p.EventSourceArn, ['sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka']) : undefined;
  if (!source && (p.SelfManagedEventSource !== undefined || p.Topics !== undefined)) source = kafkaByParameter(ctx, res.logicalId, p.EventSourceArn, p.SelfManagedEventSource !== undefined);
  if (!source) { ctx.skip(res.logicalId, `EventSourceArn names no queue, stream, table or Kafka cluster the model has (${describe(p.EventSourceArn)})`); return; }
  mapping(ctx, res.logicalId, fn, 'Properties', source, p);
}

/** SAM `Events` of a function: each becomes a trigger edge (and the implicit API, rule or queue SAM creates). */
export function importEvents(ctx: ImportContext, res: TemplateResource): void {
  const fn = res.logicalId;
  const events = res.props.Events;
  if (events === undefined) return;
  if (!isObject(events)) { ctx.partial(fn, `Properties.Events is not a map of events (${describe(events)})`); return; }
  for (const [name, event] of Object.entries(events)) {
    const where = `Events.${name}`;
    if (!isObject(event) || typeof event.Type !== 'string') { ctx.partial(fn, `${where} has no Type`); continue; }
    const p = isObject(event.Properties) ? event.Properties : {};
    const handler = EVENT_HANDLERS[event.Type];
    if (!handler) { ctx.partial(fn, `${where} (${event.Type}): no such event source in the model; the event was left out`); continue; }
    handler(ctx, fn, name, where, p);
  }
}

type EventHandler = (ctx: ImportContext, fn: string, name: string, where: string, p: Raw) => void;

const METHODS = new Set(['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function apiEvent(type: 'rest' | 'http'): EventHandler {
  return (ctx, fn, _name, where, p) => {
    const ref = type === 'rest' ? p.RestApiId : p.ApiId;
    let api = ref !== undefined ? ctx.nodeOf(ref, ['apiGateway']) : undefined;
    if (!api) {
      if (ref !== undefined) ctx.partial(fn, `${where}: the API it names is not in this template (${describe(ref)}); the implicit API was used`);
      const implicit = type === 'rest' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
      // SAM's implicit REST API is edge-optimized, with the stage Prod.
      api = ctx.addNode(fn, 'apiGateway', { apiType: type, stage: 'Prod', ...(type === 'rest' ? { endpointType: 'edge' } : {}) }, { id: implicit, name: implicit });
      if (ctx.entries.get(implicit) === undefined) ctx.note(fn, `SAM's implicit ${type === 'rest' ? 'REST' : 'HTTP'} API ${implicit} was added as a node`);
    }
    const props: Raw = {};
    const method = asString(p.Method)?.toUpperCase();
    if (method !== undefined) {
      const m = method === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : method;
      if (METHODS.has(m)) props.method = m;
      else ctx.partial(fn, `${where}: method ${method} is not one the model knows`);
    }
    const path = asString(p.Path);
    if (path !== undefined) props.path = path;
    // An absent Method or Path reads as AWS's default for the event type (the table the exporter writes with).
    for (const entry of TRIGGER_TABLES[type === 'rest' ? 'Api' : 'HttpApi']) {
      const field = entry.model[0];
      if (props[field] === undefined && entry.awsDefault !== undefined && p[entry.cfn[0]] === undefined) props[field] = entry.awsDefault;
    }
    ctx.addEdge(fn, 'trigger', api, fn, props);
  };
}

function streamEvent(kinds: NodeKind[]): EventHandler {
  return (ctx, fn, _name, where, p) => {
    const source = mappingSource(ctx, fn, p.Stream ?? p.Queue, kinds);
    if (!source) { ctx.partial(fn, `${where}: its source could not be resolved (${describe(p.Stream ?? p.Queue)}); the event was left out`); return; }
    const draft = ctx.draft(source);
    // A DynamoDB event implies a stream even where the template sets it elsewhere (a parameter, a Condition).
    if (draft?.kind === 'dynamoTable' && (draft.props.streamViewType ?? 'NONE') === 'NONE') {
      draft.props.streamViewType = 'NEW_AND_OLD_IMAGES';
      ctx.partial(draft.owner, `the table's StreamSpecification could not be read but ${fn} reads its stream; NEW_AND_OLD_IMAGES was assumed`);
    }
    mapping(ctx, fn, fn, where, source, p);
  };
}

function ruleEvent(kind: 'pattern' | 'schedule' | 'scheduler'): EventHandler {
  return (ctx, fn, name, where, p) => {
    const props: Raw = { ruleType: kind === 'pattern' ? 'pattern' : 'schedule' };
    if (kind === 'scheduler') props.scheduler = true;
    if (kind === 'pattern') props.eventPattern = patternText(ctx, fn, where, p.Pattern ?? {});
    else {
      const expr = asString(p.Schedule ?? p.ScheduleExpression);
      if (expr) props.scheduleExpression = expr;
      else ctx.partial(fn, `${where}: the schedule expression could not be resolved (${describe(p.Schedule ?? p.ScheduleExpression)})`);
    }
    if (typeof p.Description === 'string') props.description = p.Description;
    const bus = p.EventBusName !== undefined ? ctx.nodeOf(p.EventBusName, ['eventBus']) : undefined;
    if (p.EventBusName !== undefined && !bus && p.EventBusName !== 'default') ctx.note(fn, `${where}: bus ${describe(p.EventBusName)} is not in this template; the rule is shown on the default bus`);
    const source = sourceFromMetadata(ctx, fn, name, 'eventRule');
    const ruleName = source?.name ?? asString(p.Name) ?? `${fn}${name}`;
    const rule = ctx.addNode(fn, 'eventRule', { ...props, ...(source?.props ?? {}) }, { id: `${fn}${name}`, name: ruleName, parent: bus });
    const triggerProps: Raw = {};
    const enabled = asBoolean(p.Enabled) ?? (p.State === 'DISABLED' ? false : undefined);
    if (enabled !== undefined) triggerProps.enabled = enabled;
    if (isObject(p.RetryPolicy)) {
      const retry: Raw = {};
      const a = asNumber(p.RetryPolicy.MaximumRetryAttempts);
      const b = asNumber(p.RetryPolicy.MaximumEventAgeInSeconds);
      if (a !== undefined) retry.maximumRetryAttempts = a;
      if (b !== undefined) retry.maximumEventAgeSeconds = b;
      triggerProps.retryPolicy = retry;
    }
    const trigger = ctx.addEdge(fn, 'trigger', rule, fn, triggerProps);
    ruleDeadLetter(ctx, fn, rule, trigger, p.DeadLetterConfig, `${fn}${name}Queue`, where);
  };
}

/** DeadLetterConfig of a rule target: {Arn} names a queue; SAM's {Type: SQS} creates one. */
export function ruleDeadLetter(ctx: ImportContext, owner: string, rule: string, trigger: unknown, config: unknown, implicitId: string, where: string): void {
  if (!isObject(config)) return;
  let queue = config.Arn !== undefined ? ctx.nodeOf(config.Arn, ['sqsQueue']) ?? externalArnNode(ctx, owner, config.Arn) : undefined;
  if (!queue && config.Type === 'SQS') {
    queue = ctx.addNode(owner, 'sqsQueue', {}, { id: implicitId, name: asString(config.QueueLogicalId) ?? implicitId });
    ctx.note(owner, `${where}: SAM's dead-letter queue ${implicitId} was added as a node`);
  }
  if (queue) ctx.addEdge(owner, 'deadLetter', rule, queue, { via: trigger });
  else ctx.partial(owner, `${where}.DeadLetterConfig could not be resolved (${describe(config)})`);
}

const EVENT_HANDLERS: Record<string, EventHandler> = {
  Api: apiEvent('rest'),
  HttpApi: apiEvent('http'),
  SQS: streamEvent(['sqsQueue']),
  Kinesis: streamEvent(['kinesisStream']),
  DynamoDB: streamEvent(['dynamoTable']),
  MSK: (ctx, fn, name, where, p) => {
    const source = kafkaFromMetadata(ctx, fn, name) ?? mappingSource(ctx, fn, p.Stream, ['kafka']) ?? (p.Stream !== undefined ? kafkaByParameter(ctx, fn, p.Stream, false) : undefined);
    if (!source) { ctx.partial(fn, `${where}: its cluster could not be resolved`); return; }
    mapping(ctx, fn, fn, where, source, p);
  },
  SelfManagedKafka: (ctx, fn, name, where, p) => {
    const servers = list(p.KafkaBootstrapServers).map(asString).filter(Boolean).join(',');
    const source = kafkaFromMetadata(ctx, fn, name) ?? ctx.externalNode(fn, 'kafka', servers ? nameFromArn(servers.split(',')[0]) : `${fn}${name}`, { flavor: 'selfManaged' });
    mapping(ctx, fn, fn, where, source, p);
  },
  S3: (ctx, fn, _name, where, p) => {
    const bucket = ctx.nodeOf(p.Bucket, ['s3Bucket']);
    if (!bucket) { ctx.partial(fn, `${where}: SAM's S3 event needs a bucket of this template (${describe(p.Bucket)})`); return; }
    ctx.addEdge(fn, 'trigger', bucket, fn, s3Filter(list(p.Events), p.Filter));
  },
  SNS: (ctx, fn, name, where, p) => {
    const topic = ctx.nodeOf(p.Topic, ['snsTopic']) ?? externalArnNode(ctx, fn, p.Topic);
    if (!topic) { ctx.partial(fn, `${where}: its topic could not be resolved (${describe(p.Topic)})`); return; }
    const props: Raw = {};
    if (p.FilterPolicy !== undefined) props.filterPolicy = patternText(ctx, fn, where, p.FilterPolicy);
    if (p.SqsSubscription === true || isObject(p.SqsSubscription)) {
      // SAM puts a queue between the topic and the function.
      const queue = ctx.addNode(fn, 'sqsQueue', {}, { id: `${fn}${name}Queue`, name: `${fn}${name}Queue` });
      ctx.addEdge(fn, 'trigger', topic, queue, props);
      ctx.addEdge(fn, 'trigger', queue, fn, {});
      ctx.note(fn, `${where}: SAM's subscription queue ${queue} was added between the topic and the function`);
      return;
    }
    ctx.addEdge(fn, 'trigger', topic, fn, props);
  },
  EventBridgeRule: ruleEvent('pattern'),
  CloudWatchEvent: ruleEvent('pattern'),
  Schedule: ruleEvent('schedule'),
  ScheduleV2: ruleEvent('scheduler'),
  Cognito: (ctx, fn, _name, where, p) => {
    const pool = ctx.nodeOf(p.UserPool, ['cognitoUserPool']);
    if (!pool) { ctx.partial(fn, `${where}: its user pool could not be resolved (${describe(p.UserPool)})`); return; }
    ctx.addEdge(fn, 'trigger', pool, fn, {});
  },
};

/** S3 filter rules (prefix/suffix) and event types → trigger props. */
export function s3Filter(events: unknown[], filter: unknown): Raw {
  const props: Raw = {};
  const ev = events.map(asString).filter((e): e is string => !!e);
  if (ev.length) props.events = ev;
  const rules = isObject(filter) && isObject(filter.S3Key) ? list(filter.S3Key.Rules) : [];
  for (const r of rules) {
    if (!isObject(r)) continue;
    const n = asString(r.Name)?.toLowerCase();
    const v = asString(r.Value);
    if (v === undefined) continue;
    if (n === 'prefix') props.prefix = v;
    if (n === 'suffix') props.suffix = v;
  }
  return props;
}

/** What the exporter wrote about an event's source node (its name and props) in the function's metadata. */
function sourceFromMetadata(ctx: ImportContext, fn: string, event: string, kind: NodeKind): { name?: string; props?: Raw } | undefined {
  const md = designerOf(ctx.resources.get(fn));
  const ev = isObject(md.events) ? md.events[event] : undefined;
  const source = isObject(ev) && isObject(ev.source) ? ev.source : undefined;
  if (!source || source.kind !== kind) return undefined;
  return { name: typeof source.name === 'string' ? source.name : undefined, props: isObject(source.props) ? source.props : undefined };
}

/** A Kafka source kept as a metadata node, named in the event's metadata. */
function kafkaFromMetadata(ctx: ImportContext, fn: string, event: string): string | undefined {
  const source = sourceFromMetadata(ctx, fn, event, 'kafka');
  return source?.name ? ctx.metaNodes.get(source.name) : undefined;
}

/** An event pattern or filter policy as JSON text; a resource it names is noted (it reads `${Id}`). */
export function patternText(ctx: ImportContext, owner: string, where: string, value: unknown): string {
  const named = new Set<string>();
  const text = plainJsonText(value, ctx.rawResources, named);
  if (named.size) ctx.note(owner, `${where}: the pattern names ${[...named].join(', ')}, shown as \${…} in its text`);
  return text;
}

/** A Kafka cluster named by a parameter (its ARN or bootstrap servers are not in the template): the
 *  exporter's metadata node whose logical id starts the parameter's name, else a node of its own. */
function kafkaByParameter(ctx: ImportContext, owner: string, arn: unknown, selfManaged: boolean): string {
  const param = isObject(arn) && typeof arn.Ref === 'string' ? arn.Ref : undefined;
  if (param) {
    for (const [name, id] of ctx.metaNodes) {
      if (ctx.draft(id)?.kind === 'kafka' && param.startsWith(logicalIdFor(name, new Set(), 'Kafka'))) return id;
    }
  }
  return ctx.externalNode(owner, 'kafka', param ?? asString(arn) ?? (selfManaged ? 'self-managed-kafka' : 'msk'), { flavor: selfManaged ? 'selfManaged' : 'msk' });
}

import { LAMBDA_RUNTIMES, LOG_RETENTION_DAYS } from '../../model/kinds/lambda';
import type { ImportContext, TemplateResource } from './context';
import { importEvents } from './events';
import { readTable } from './tables';
import { accessFromRole, accessFromSamPolicies, addAccess } from './iam';
import { asBoolean, asNumber, asString, isObject, isUnresolvedParameter, type Raw, referencedResources } from './resolve';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Function settings shared by AWS::Serverless::Function and AWS::Lambda::Function. */
export function functionNode(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const id = res.logicalId;
  const image = p.PackageType === 'Image' || p.ImageUri !== undefined || (isObject(p.Code) && p.Code.ImageUri !== undefined);
  const props = readTable(ctx, res, image ? { packageType: 'Image' } : {});
  const runtime = props.runtime;
  if (runtime !== undefined && !(LAMBDA_RUNTIMES as readonly unknown[]).includes(runtime)) {
    delete props.runtime;
    ctx.partial(id, `Properties.Runtime ${describe(runtime)} is not a runtime the model knows; the model's default (nodejs22.x) is shown`);
  }
  // Environment values that name resources (or parameters without defaults) are shown as ${Name}.
  const env = isObject(p.Environment) && isObject(p.Environment.Variables) ? p.Environment.Variables : {};
  const environment: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    const s = asString(v) ?? (typeof v === 'boolean' ? String(v) : undefined);
    if (s !== undefined) environment[k] = s;
    else {
      const refs = [...referencedResources(v, ctx.rawResources)];
      environment[k] = refs.length ? `\${${refs.join(',')}}` : isUnresolvedParameter(v) ? `\${${String((v as Raw).Ref)}}` : JSON.stringify(v);
    }
  }
  props.environment = environment;
  const layers = list(p.Layers).map((l) => asString(l) ?? [...referencedResources(l, ctx.rawResources)][0]).filter((l): l is string => !!l);
  props.layers = layers;
  if (isObject(p.EventInvokeConfig)) props.asyncConfig = { ...(isObject(props.asyncConfig) ? props.asyncConfig : {}), ...asyncConfigOf(ctx, id, p.EventInvokeConfig) };
  delete props.vpc;
  ctx.addNode(id, 'lambda', props);
}

function asyncConfigOf(ctx: ImportContext, id: string, cfg: Raw): Raw {
  const out: Raw = {};
  const retries = asNumber(cfg.MaximumRetryAttempts);
  const age = asNumber(cfg.MaximumEventAgeInSeconds);
  if (retries !== undefined) out.maximumRetryAttempts = retries;
  if (age !== undefined) out.maximumEventAgeSeconds = age;
  if (cfg.MaximumRetryAttempts !== undefined && retries === undefined) ctx.partial(id, 'EventInvokeConfig.MaximumRetryAttempts could not be resolved');
  return out;
}

/** Edges of a function: triggers (SAM Events), DLQ, destinations, VPC attachment, access. */
export function functionLinks(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const id = res.logicalId;
  const node = ctx.draft(id);
  if (!node) return;
  // Dead-letter queue: SAM DeadLetterQueue {Type, TargetArn}; CloudFormation DeadLetterConfig {TargetArn}.
  const dlq = isObject(p.DeadLetterQueue) ? p.DeadLetterQueue.TargetArn : isObject(p.DeadLetterConfig) ? p.DeadLetterConfig.TargetArn : undefined;
  if (dlq !== undefined) {
    const target = ctx.nodeOf(dlq, ['sqsQueue', 'snsTopic']) ?? externalArnNode(ctx, id, dlq);
    if (target) ctx.addEdge(id, 'deadLetter', id, target);
    else ctx.partial(id, `its dead-letter target could not be resolved (${describe(dlq)})`);
  }
  if (isObject(p.EventInvokeConfig)) destinations(ctx, id, id, p.EventInvokeConfig.DestinationConfig);
  // VPC attachment.
  if (isObject(p.VpcConfig)) vpcAttachment(ctx, id, p.VpcConfig);
  // Access: SAM Policies, a Role (either form), environment variables that name resources.
  accessFromSamPolicies(ctx, id, id, p.Policies);
  const role = [...referencedResources(p.Role, ctx.rawResources)][0];
  if (role) accessFromRole(ctx, id, id, role);
  const env = isObject(p.Environment) && isObject(p.Environment.Variables) ? p.Environment.Variables : {};
  for (const [name, v] of Object.entries(env)) {
    for (const target of ctx.nodesOf(v)) {
      if (ctx.edges.some((e) => (e.kind === 'access' || e.kind === 'invoke') && e.from === id && e.to === target)) continue;
      const kind = ctx.draft(target)!.kind;
      // The variable says the function talks to it; with no IAM grant in the template, say which access is assumed.
      const mode = kind === 'snsTopic' || kind === 'eventBus' ? 'publish' : kind === 'stepFunction' || kind === 'externalEndpoint' ? 'invoke'
        : kind === 'rds' || kind === 'rdsProxy' || kind === 'elasticache' ? 'connect' : kind === 'awsService' ? 'read' : 'readWrite';
      addAccess(ctx, id, id, target, kind === 'lambda' ? 'invokeFunction' : mode, `environment variable ${name}`);
    }
  }
  if (res.type === 'AWS::Serverless::Function') importEvents(ctx, res);
}

/** EventInvokeConfig.DestinationConfig {OnSuccess, OnFailure: {Type?, Destination}} → destination edges. */
export function destinations(ctx: ImportContext, owner: string, fnId: string, config: unknown): void {
  if (!isObject(config)) return;
  for (const [key, on] of [['OnSuccess', 'success'], ['OnFailure', 'failure']] as const) {
    const d = config[key];
    if (!isObject(d)) continue;
    const target = ctx.nodeOf(d.Destination) ?? externalArnNode(ctx, owner, d.Destination);
    if (target) ctx.addEdge(owner, 'destination', fnId, target, { on });
    else ctx.partial(owner, `DestinationConfig.${key} could not be resolved to a queue, topic, bus, bucket or function (${describe(d.Destination)})`);
  }
}

/** VpcConfig {SubnetIds, SecurityGroupIds} → lambda.vpc. */
export function vpcAttachment(ctx: ImportContext, id: string, cfg: Raw): void {
  const node = ctx.draft(id)!;
  const subnets = list(cfg.SubnetIds).flatMap((s) => ctx.nodesOf(s).filter((n) => ctx.draft(n)!.kind === 'subnet'));
  const groups = list(cfg.SecurityGroupIds).flatMap((s) => ctx.nodesOf(s).filter((n) => ctx.draft(n)!.kind === 'securityGroup'));
  const subnetsGiven = list(cfg.SubnetIds).length + (Array.isArray(cfg.SubnetIds) ? 0 : 0);
  if (subnets.length && groups.length) node.props.vpc = { subnets: [...new Set(subnets)], securityGroups: [...new Set(groups)] };
  else if (subnetsGiven || cfg.SecurityGroupIds !== undefined) {
    ctx.partial(id, `VpcConfig names subnets or security groups that are not in this template (${describe(cfg.SubnetIds)}); the function is shown outside a VPC`);
  }
}

/** A node for a queue/topic/bus/function ARN string that names something outside the template. */
export function externalArnNode(ctx: ImportContext, owner: string, value: unknown): string | undefined {
  const arn = asString(value);
  if (!arn || !arn.startsWith('arn:')) return undefined;
  const service = arn.split(':')[2];
  const kind = service === 'sqs' ? 'sqsQueue' : service === 'sns' ? 'snsTopic' : service === 'lambda' ? 'lambda' : service === 'events' ? 'eventBus' : service === 's3' ? 's3Bucket' : undefined;
  return kind ? ctx.externalNode(owner, kind, arn) : undefined;
}

const FUNCTION_TYPES: readonly string[] = ['AWS::Serverless::Function', 'AWS::Lambda::Function'];

/** The functions whose LoggingConfig.LogGroup points at this log group (by reference, or by the
 *  literal name the group is given). */
function loggingFunctions(ctx: ImportContext, res: TemplateResource): TemplateResource[] {
  // allProps: the name is matched here, not imported (it is reported as not in the model).
  const name = asString(res.allProps.LogGroupName);
  return [...ctx.resources.values()].filter((r) => FUNCTION_TYPES.includes(r.type) && isObject(r.props.LoggingConfig)
    && (referencedResources(r.props.LoggingConfig.LogGroup, ctx.rawResources).has(res.logicalId) || (name !== undefined && asString(r.props.LoggingConfig.LogGroup) === name)));
}

/** AWS::Logs::LogGroup as a log group node: when it states a LogGroupClass (both exporters always do
 *  for a log group node) or several functions send their logs to it. Otherwise it is one function's own
 *  group (its retention is the function's logRetentionDays: `logGroup` below). The functions pointing
 *  at it get it as their `logGroup` setting. */
export function logGroupNode(ctx: ImportContext, res: TemplateResource): void {
  const users = loggingFunctions(ctx, res);
  const stated = res.props.LogGroupClass;
  if (stated === undefined && users.length < 2) return;
  const props = readTable(ctx, res);
  if (stated === 'DELIVERY') ctx.partial(res.logicalId, 'LogGroupClass DELIVERY (Lambda logs passed on to S3 or Firehose) is not in the model; shown as STANDARD');
  const days = props.retentionInDays;
  if (days !== undefined && days !== null && !(LOG_RETENTION_DAYS as readonly unknown[]).includes(days)) {
    ctx.partial(res.logicalId, `RetentionInDays ${String(days)} is not a value CloudWatch Logs accepts; shown as never expiring`);
    props.retentionInDays = null;
  }
  ctx.addNode(res.logicalId, 'logGroup', props, {});
}

/** AWS::Logs::LogGroup named /aws/lambda/<function> (or the one group a function's LoggingConfig names,
 *  with no class stated): its retention is the function's logRetentionDays. A log group node instead
 *  becomes the `logGroup` setting of the functions sending to it. */
export function logGroup(ctx: ImportContext, res: TemplateResource): void {
  if (ctx.draft(res.logicalId)?.kind === 'logGroup') {
    for (const fn of loggingFunctions(ctx, res)) if (ctx.draft(fn.logicalId)?.kind === 'lambda') ctx.draft(fn.logicalId)!.props.logGroup = res.logicalId;
    return;
  }
  const name = res.props.LogGroupName;
  const literal = asString(name);
  const target = [...referencedResources(name, ctx.rawResources)].find((r) => ctx.draft(r)?.kind === 'lambda')
    ?? (literal?.startsWith('/aws/lambda/') ? [...ctx.resources.values()].find((r) => ctx.draft(r.logicalId)?.kind === 'lambda' && asString(r.props.FunctionName) === literal.slice('/aws/lambda/'.length))?.logicalId : undefined);
  // Functions point at their log group with LoggingConfig.LogGroup as well.
  const owner = target ?? [...ctx.resources.values()].find((r) => isObject(r.props.LoggingConfig) && referencedResources(r.props.LoggingConfig.LogGroup, ctx.rawResources).has(res.logicalId) && ctx.draft(r.logicalId))?.logicalId;
  if (!owner) { ctx.skip(res.logicalId, 'a log group no function of this template sends its logs to (an API\'s access logs …), with no LogGroupClass: not a log group node of the design'); return; }
  const days = asNumber(res.props.RetentionInDays);
  if (days !== undefined) {
    if ((LOG_RETENTION_DAYS as readonly number[]).includes(days)) ctx.draft(owner)!.props.logRetentionDays = days;
    else ctx.partial(res.logicalId, `RetentionInDays ${days} is not a value CloudWatch Logs accepts`);
  }
  ctx.note(res.logicalId, `folded into function ${owner} (log retention)`);
}

/** Lambda::EventInvokeConfig → asyncConfig + destinations of the function it names. */
export function eventInvokeConfig(ctx: ImportContext, res: TemplateResource): void {
  const fn = ctx.nodeOf(res.props.FunctionName, ['lambda']);
  if (!fn) { ctx.skip(res.logicalId, `FunctionName does not name a function of this template (${describe(res.props.FunctionName)})`); return; }
  const node = ctx.draft(fn)!;
  node.props.asyncConfig = { ...(isObject(node.props.asyncConfig) ? node.props.asyncConfig : {}), ...asyncConfigOf(ctx, res.logicalId, res.props) };
  destinations(ctx, res.logicalId, fn, res.props.DestinationConfig);
  ctx.note(res.logicalId, `folded into function ${fn} (async invocation settings)`);
}

/** Lambda::Alias / Version: publishing and provisioned concurrency of the function. */
export function aliasOrVersion(ctx: ImportContext, res: TemplateResource): void {
  const fn = ctx.nodeOf(res.props.FunctionName, ['lambda']);
  if (!fn) { ctx.skip(res.logicalId, `FunctionName does not name a function of this template (${describe(res.props.FunctionName)})`); return; }
  const node = ctx.draft(fn)!;
  if (res.type === 'AWS::Lambda::Alias') {
    const name = asString(res.props.Name);
    if (name) node.props.publish = { alias: name };
  }
  const pc = isObject(res.props.ProvisionedConcurrencyConfig) ? asNumber(res.props.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions) : undefined;
  if (pc !== undefined) node.props.provisionedConcurrency = pc;
  ctx.note(res.logicalId, `folded into function ${fn}`);
}

export function describe(value: unknown): string {
  if (isUnresolvedParameter(value)) return `parameter ${String((value as Raw).Ref)} has no default`;
  if (value === null) return 'an empty value';
  const s = JSON.stringify(value);
  return s === undefined ? 'nothing' : s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

export const asFlag = asBoolean;

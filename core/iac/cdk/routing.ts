import type { DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
import { jsonText } from '../cfn/properties';
import { exportLoadBalancers } from './alb';
import { type CdkContext, cfnOf, describe, duration, LIMITS } from './context';
import { type Expr, arr, bool, call, constStmt, construct, exprStmt, id, json, member, obj, str } from './writer';

/** State machines, EventBridge rules and schedules with their targets, and APIs with their routes:
 *  everything that routes events to functions (and state machines, queues, topics …). */
export function exportRouting(ctx: CdkContext): void {
  for (const sm of ctx.ofKind('stepFunction')) stateMachine(ctx, sm);
  for (const rule of ctx.ofKind('eventRule')) {
    if (rule.props.ruleType === 'schedule' && rule.props.scheduler) schedule(ctx, rule);
    else eventRule(ctx, rule);
  }
  for (const api of ctx.ofKind('apiGateway')) {
    if (api.props.apiType === 'http') httpApi(ctx, api);
    else if (api.props.apiType === 'rest') restApi(ctx, api);
    else webSocketApi(ctx, api);
  }
  exportLoadBalancers(ctx);
  for (const n of ctx.ofKind('cloudfront')) ctx.warn(n, 'is not exported to the CDK app yet; left out');
}

function stateMachine(ctx: CdkContext, sm: NodeOfKind<'stepFunction'>): void {
  const steps = ctx.from(sm.id, 'trigger').filter((e) => ctx.declared.has(e.to) && ctx.node(e.to).kind === 'lambda');
  let chain: Expr | undefined;
  for (const e of steps) {
    const task = ctx.auxVar(`invoke ${ctx.varName(e.to)}`);
    ctx.add('wiring', constStmt(task, ctx.create('tasks', 'LambdaInvoke', ctx.auxId(`Invoke ${ctx.cid(e.to)}`, ''), obj({ lambdaFunction: ctx.v(e.to) }))));
    chain = chain ? call(member(chain, 'next'), id(task)) : id(task);
  }
  if (!chain) {
    const start = ctx.auxVar(`${ctx.varName(sm.id)} start`);
    ctx.add('wiring', constStmt(start, ctx.create('sfn', 'Pass', ctx.auxId(ctx.cid(sm.id), 'Start'))));
    chain = id(start);
  }
  ctx.add('wiring', constStmt(ctx.varName(sm.id), ctx.create('sfn', 'StateMachine', ctx.cid(sm.id), obj({
    stateMachineType: sm.props.workflowType === 'express' ? ctx.ns('sfn', 'StateMachineType', 'EXPRESS') : undefined,
    // A placeholder workflow: the functions the design triggers, in order. Replace it with the real one.
    definitionBody: call(ctx.ns('sfn', 'DefinitionBody', 'fromChainable'), chain),
  }))));
  ctx.declared.add(sm.id);
}

/** The dead-letter queue of a rule target: a deadLetter edge whose `via` is the trigger, or the
 *  rule's only one when it has one target. */
function targetDlq(ctx: CdkContext, e: EdgeOfKind<'trigger'>): Expr | undefined {
  const dlqs = ctx.from(e.from, 'deadLetter');
  const d = dlqs.find((x) => x.props.via === e.id) ?? (ctx.from(e.from, 'trigger').length === 1 || dlqs.length === 1 ? dlqs.find((x) => x.props.via === undefined) : undefined);
  return d && ctx.declared.has(d.to) ? ctx.v(d.to) : undefined;
}

function targetOptions(ctx: CdkContext, e: EdgeOfKind<'trigger'>): Record<string, Expr | undefined> {
  const r = e.props.retryPolicy;
  return {
    retryAttempts: r && r.maximumRetryAttempts !== 185 ? { t: 'atom', code: String(r.maximumRetryAttempts) } : undefined,
    maxEventAge: r && r.maximumEventAgeSeconds !== 86400 ? duration(ctx, r.maximumEventAgeSeconds) : undefined,
    deadLetterQueue: targetDlq(ctx, e),
  };
}

const EVENT_TARGETS: Record<string, string> = { lambda: 'LambdaFunction', sqsQueue: 'SqsQueue', snsTopic: 'SnsTopic', kinesisStream: 'KinesisStream', stepFunction: 'SfnStateMachine', eventBus: 'EventBus' };

/** EventPattern fields of the CDK (camelCase) that take a list of strings. */
const PATTERN_LISTS: Record<string, string> = { version: 'version', id: 'id', 'detail-type': 'detailType', source: 'source', account: 'account', time: 'time', region: 'region', resources: 'resources' };

/** The pattern as the CDK's typed EventPattern, or undefined when it uses fields or content filters
 *  the typed form cannot hold (then the pattern is set on the resource as designed). */
function typedPattern(pattern: unknown): Expr | undefined {
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) return undefined;
  const entries: [string, Expr][] = [];
  for (const [k, v] of Object.entries(pattern as Record<string, unknown>)) {
    if (k === 'detail' && v !== null && typeof v === 'object' && !Array.isArray(v)) { entries.push(['detail', json(v)]); continue; }
    const name = PATTERN_LISTS[k];
    if (!name || !Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined;
    entries.push([name, json(v)]);
  }
  return entries.length ? obj(entries) : undefined;
}

function eventRule(ctx: CdkContext, rule: NodeOfKind<'eventRule'>): void {
  const p = rule.props;
  const bus = rule.parent && ctx.declared.has(rule.parent) && (ctx.node(rule.parent).props as { busType?: string }).busType !== 'default' ? ctx.v(rule.parent) : undefined;
  let pattern: Expr | undefined;
  let override: unknown;
  if (p.ruleType === 'pattern') {
    const parsed = jsonText.toCfn(p.eventPattern);
    pattern = typedPattern(parsed);
    if (!pattern) {
      if (typeof parsed === 'string') ctx.warn(rule, 'its event pattern is not JSON; it is written as the text it is');
      override = parsed;
      pattern = obj({ account: arr([ctx.ns('cdk', 'Aws', 'ACCOUNT_ID')]) });
    }
  }
  ctx.add('wiring', constStmt(ctx.varName(rule.id), ctx.create('events', 'Rule', ctx.cid(rule.id), obj({
    description: describe(ctx, rule, LIMITS.eventsDescription),
    eventBus: bus,
    eventPattern: pattern,
    schedule: p.ruleType === 'schedule' ? call(ctx.ns('events', 'Schedule', 'expression'), str(p.scheduleExpression)) : undefined,
  }))));
  ctx.declared.add(rule.id);
  if (override !== undefined) {
    ctx.add('wiring', exprStmt(call(member(cfnOf(ctx, ctx.v(rule.id)), 'addPropertyOverride'), str('EventPattern'), json(override)),
      'The pattern as designed (content filters the typed EventPattern cannot hold); it replaces the placeholder above.'));
  }
  for (const e of ctx.from(rule.id, 'trigger')) {
    const target = ctx.node(e.to);
    const type = EVENT_TARGETS[target.kind];
    if (!type || !ctx.declared.has(target.id)) { ctx.warn(rule, `its target ${target.name} (${target.kind}) is not exported to the CDK app yet; left out`); continue; }
    const options = target.kind === 'eventBus' ? { deadLetterQueue: targetDlq(ctx, e) } : targetOptions(ctx, e);
    const hasOptions = Object.values(options).some(Boolean);
    ctx.add('wiring', exprStmt(call(member(ctx.v(rule.id), 'addTarget'), construct(ctx.ns('targets', type), ctx.v(target.id), ...(hasOptions ? [obj(options)] : [])))));
  }
}

function schedule(ctx: CdkContext, rule: NodeOfKind<'eventRule'>): void {
  const triggers = ctx.from(rule.id, 'trigger').filter((e) => ctx.declared.has(e.to) && ctx.node(e.to).kind === 'lambda');
  if (triggers.length === 0) { ctx.warn(rule, 'an EventBridge Scheduler schedule needs a target function; left out'); return; }
  triggers.forEach((e, i) => {
    const options = targetOptions(ctx, e);
    const target = construct(ctx.ns('schedulerTargets', 'LambdaInvoke'), ctx.v(e.to), ...(Object.values(options).some(Boolean) ? [obj(options)] : []));
    const name = i === 0 ? ctx.varName(rule.id) : ctx.auxVar(`${ctx.varName(rule.id)} ${i + 1}`);
    ctx.add('wiring', constStmt(name, ctx.create('scheduler', 'Schedule', i === 0 ? ctx.cid(rule.id) : ctx.auxId(ctx.cid(rule.id), String(i + 1)), obj({
      description: describe(ctx, rule, LIMITS.schedulerDescription),
      schedule: call(ctx.ns('scheduler', 'ScheduleExpression', 'expression'), str(rule.props.scheduleExpression)),
      target,
      enabled: e.props.enabled === false ? bool(false) : undefined,
    }))));
  });
  ctx.declared.add(rule.id);
}

/** API Gateway path parts the CDK accepts (anything else would fail at synth). */
const PATH_PART = /^([a-zA-Z0-9._-]+|\{[a-zA-Z0-9._-]+\+?\})$/;
const routePath = (e: EdgeOfKind<'trigger'>) => e.props.path ?? '/{proxy+}';

function validPath(ctx: CdkContext, api: DesignNode, path: string): boolean {
  const parts = path.split('/').filter(Boolean);
  if (path.startsWith('/') && parts.every((p) => PATH_PART.test(p))) return true;
  ctx.warn(api, `route path ${JSON.stringify(path)} is not a valid API Gateway path; the route is left out`);
  return false;
}

function httpApi(ctx: CdkContext, api: NodeOfKind<'apiGateway'>): void {
  const p = api.props;
  const authorizer = p.authorizer === 'iam' ? construct(ctx.ns('authorizers', 'HttpIamAuthorizer'))
    : p.authorizer === 'cognito' && ctx.isDeclared(p.authorizerRef) ? construct(ctx.ns('authorizers', 'HttpUserPoolAuthorizer'), str(`${ctx.cid(api.id)}Authorizer`), ctx.v(p.authorizerRef!))
      : p.authorizer === 'lambda' && ctx.isDeclared(p.authorizerRef) ? construct(ctx.ns('authorizers', 'HttpLambdaAuthorizer'), str(`${ctx.cid(api.id)}Authorizer`), ctx.v(p.authorizerRef!))
        : undefined;
  if (p.authorizer !== 'none' && !authorizer) ctx.warn(api, `its ${p.authorizer} authorizer names no node of this export; the API is written without one`);
  ctx.add('wiring', constStmt(ctx.varName(api.id), ctx.create('apigwv2', 'HttpApi', ctx.cid(api.id), obj({
    description: p.description ? str(p.description) : undefined,
    defaultAuthorizer: authorizer,
    createDefaultStage: bool(false),
  }))));
  ctx.add('wiring', exprStmt(call(member(ctx.v(api.id), 'addStage'), str('Stage'), obj({ stageName: str(p.stage), autoDeploy: bool(true) }))));
  ctx.declared.add(api.id);
  for (const e of ctx.from(api.id, 'trigger')) {
    const target = ctx.node(e.to);
    if (!ctx.declared.has(target.id)) continue;
    const path = routePath(e);
    if (!validPath(ctx, api, path)) continue;
    const integrationId = str(ctx.auxId(`${ctx.cid(target.id)} Integration`, ''));
    let integration: Expr;
    if (target.kind === 'lambda') integration = construct(ctx.ns('integrations', 'HttpLambdaIntegration'), integrationId, ctx.v(target.id));
    else if (target.kind === 'stepFunction') integration = construct(ctx.ns('integrations', 'HttpStepFunctionsIntegration'), integrationId, obj({ stateMachine: ctx.v(target.id) }));
    else { ctx.warn(api, `a route to ${target.name} (${target.kind}) is not exported to the CDK app yet; left out`); continue; }
    ctx.add('wiring', exprStmt(call(member(ctx.v(api.id), 'addRoutes'), obj({
      path: str(path),
      methods: arr([ctx.ns('apigwv2', 'HttpMethod', e.props.method ?? 'ANY')]),
      integration,
    }))));
  }
}

/** WebSocket APIs: a route per trigger edge (its `path` is the route key, `$default` when unset). */
function webSocketApi(ctx: CdkContext, api: NodeOfKind<'apiGateway'>): void {
  const p = api.props;
  if (p.authorizer !== 'none') {
    ctx.warn(api, `a WebSocket API authorizes on $connect; its ${p.authorizer} authorizer is not exported to the CDK app yet (it is kept in the design metadata)`);
    ctx.meta(api.id).authorizer = p.authorizer;
    if (p.authorizerRef !== null && ctx.isDeclared(p.authorizerRef)) ctx.meta(api.id).authorizerRef = ctx.logicalIdOf(p.authorizerRef);
  }
  ctx.add('wiring', constStmt(ctx.varName(api.id), ctx.create('apigwv2', 'WebSocketApi', ctx.cid(api.id), obj({
    description: p.description ? str(p.description) : undefined,
  }))));
  ctx.add('wiring', exprStmt(ctx.create('apigwv2', 'WebSocketStage', ctx.auxId(ctx.cid(api.id), 'Stage'), obj({
    webSocketApi: ctx.v(api.id), stageName: str(p.stage), autoDeploy: bool(true),
  }))));
  ctx.declared.add(api.id);
  const taken = new Set<string>();
  for (const e of ctx.from(api.id, 'trigger')) {
    const target = ctx.node(e.to);
    if (!ctx.declared.has(target.id)) continue;
    const routeKey = e.props.path ?? '$default';
    if (target.kind !== 'lambda') { ctx.warn(api, `a route to ${target.name} (${target.kind}) is not exported to the CDK app yet; left out`); continue; }
    if (taken.has(routeKey)) { ctx.warn(api, `route ${JSON.stringify(routeKey)} is drawn twice; a WebSocket route has one integration, so only the first is written`); continue; }
    taken.add(routeKey);
    ctx.add('wiring', exprStmt(call(member(ctx.v(api.id), 'addRoute'), str(routeKey), obj({
      integration: construct(ctx.ns('integrations', 'WebSocketLambdaIntegration'), str(ctx.auxId(`${ctx.cid(target.id)} Integration`, '')), ctx.v(target.id)),
    }))));
  }
}

function restApi(ctx: CdkContext, api: NodeOfKind<'apiGateway'>): void {
  const p = api.props;
  const cid = ctx.cid(api.id);
  let authorizer: Expr | undefined;
  let authorizationType: string | undefined;
  if (p.authorizer === 'iam') authorizationType = 'IAM';
  else if (p.authorizer !== 'none' && ctx.isDeclared(p.authorizerRef)) {
    const name = ctx.auxVar(`${ctx.varName(api.id)} authorizer`);
    ctx.add('wiring', constStmt(name, p.authorizer === 'cognito'
      ? ctx.create('apigateway', 'CognitoUserPoolsAuthorizer', ctx.auxId(cid, 'Authorizer'), obj({ cognitoUserPools: arr([ctx.v(p.authorizerRef!)]) }))
      : ctx.create('apigateway', 'TokenAuthorizer', ctx.auxId(cid, 'Authorizer'), obj({ handler: ctx.v(p.authorizerRef!) }))));
    authorizer = id(name);
    authorizationType = p.authorizer === 'cognito' ? 'COGNITO' : 'CUSTOM';
  } else if (p.authorizer !== 'none') ctx.warn(api, `its ${p.authorizer} authorizer names no node of this export; the API is written without one`);
  const endpoint: Record<string, string> = { regional: 'REGIONAL', edge: 'EDGE', private: 'PRIVATE' };
  ctx.add('wiring', constStmt(ctx.varName(api.id), ctx.create('apigateway', 'RestApi', cid, obj({
    description: p.description ? str(p.description) : undefined,
    endpointTypes: arr([ctx.ns('apigateway', 'EndpointType', endpoint[p.endpointType])]),
    deployOptions: obj({
      stageName: str(p.stage),
      cacheClusterEnabled: p.cacheSizeGb !== null ? bool(true) : undefined,
      cacheClusterSize: p.cacheSizeGb !== null ? str(p.cacheSizeGb) : undefined,
    }),
    defaultMethodOptions: authorizationType ? obj({ authorizationType: ctx.ns('apigateway', 'AuthorizationType', authorizationType), authorizer }) : undefined,
  }))));
  ctx.declared.add(api.id);
  for (const e of ctx.from(api.id, 'trigger')) {
    const target = ctx.node(e.to);
    if (!ctx.declared.has(target.id)) continue;
    const path = routePath(e);
    if (!validPath(ctx, api, path)) continue;
    const resource = path === '/' ? member(ctx.v(api.id), 'root') : call(member(member(ctx.v(api.id), 'root'), 'resourceForPath'), str(path));
    let integration: Expr;
    const extra: Expr[] = [];
    if (target.kind === 'lambda') integration = construct(ctx.ns('apigateway', 'LambdaIntegration'), ctx.v(target.id));
    else if (target.kind === 'stepFunction') {
      integration = startExecution(ctx, api, target as NodeOfKind<'stepFunction'>);
      extra.push(obj({ methodResponses: arr([obj({ statusCode: str('200') })]) }));
    } else { ctx.warn(api, `a route to ${target.name} (${target.kind}) is not exported to the CDK app yet; left out`); continue; }
    ctx.add('wiring', exprStmt(call(member(resource, 'addMethod'), str(e.props.method ?? 'ANY'), integration, ...extra)));
  }
}

/** REST → StartExecution of a (standard or express) state machine, through a role that may start it. */
function startExecution(ctx: CdkContext, api: DesignNode, sm: NodeOfKind<'stepFunction'>): Expr {
  const role = ctx.auxVar(`${ctx.varName(api.id)} ${ctx.varName(sm.id)} role`);
  ctx.add('wiring', constStmt(role, ctx.create('iam', 'Role', ctx.auxId(ctx.cid(api.id), `${ctx.cid(sm.id)} Role`), obj({
    assumedBy: construct(ctx.ns('iam', 'ServicePrincipal'), str('apigateway.amazonaws.com')),
  }))));
  ctx.add('wiring', exprStmt(call(member(ctx.v(sm.id), 'grantStartExecution'), id(role))));
  const template = call(member(id('JSON'), 'stringify'), obj({ input: str("$util.escapeJavaScript($input.json('$'))"), stateMachineArn: member(ctx.v(sm.id), 'stateMachineArn') }));
  return construct(ctx.ns('apigateway', 'AwsIntegration'), obj({
    service: str('states'),
    action: str('StartExecution'),
    options: obj({
      credentialsRole: id(role),
      requestTemplates: obj({ 'application/json': template }),
      integrationResponses: arr([obj({ statusCode: str('200') })]),
    }),
  }));
}


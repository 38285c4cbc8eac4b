import type { ImportContext, TemplateResource } from './context';
import { TRIGGER_TABLES } from '../cfn/properties';
import { describe } from './functions';
import { readTable } from './tables';
import { asNumber, asString, isObject, type Raw, referencedResources } from './resolve';

/** API Gateway (SAM and plain), load balancers, CloudFront: nodes, and the routes that trigger functions. */

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const METHODS = new Set(['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function endpointType(v: unknown): string | undefined {
  const t = (isObject(v) ? list(v.Types ?? v.Type)[0] : v) as unknown;
  const s = asString(t)?.toLowerCase();
  return s === 'regional' || s === 'edge' || s === 'private' ? s : undefined;
}

export function api(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const props: Raw = {};
  if (typeof p.Description === 'string') props.description = p.Description;
  switch (res.type) {
    case 'AWS::Serverless::Api':
    case 'AWS::ApiGateway::RestApi': {
      props.apiType = 'rest';
      // SAM's and CloudFormation's default for a REST API is edge-optimized; SAM also takes the type as a plain string.
      props.endpointType = endpointType(p.EndpointConfiguration) ?? 'edge';
      if (p.CacheClusterEnabled === true && asString(p.CacheClusterSize)) props.cacheSizeGb = asString(p.CacheClusterSize);
      break;
    }
    case 'AWS::Serverless::HttpApi': props.apiType = 'http'; break;
    default: props.apiType = asString(p.ProtocolType) === 'WEBSOCKET' ? 'websocket' : 'http'; // AWS::ApiGatewayV2::Api
  }
  const table = readTable(ctx, res, props);
  if (table.endpointType === undefined) table.endpointType = props.endpointType;
  if (typeof p.StageName === 'string') table.stage = p.StageName;
  ctx.addNode(res.logicalId, 'apiGateway', table);
}

/** Authorizers of SAM APIs; ApiGatewayV2 quick-create `Target`. */
export function apiLinks(ctx: ImportContext, res: TemplateResource): void {
  const node = ctx.draft(res.logicalId);
  if (!node) return;
  const auth = isObject(res.props.Auth) ? res.props.Auth : undefined;
  if (auth) {
    const authorizers = isObject(auth.Authorizers) ? auth.Authorizers : {};
    const chosen = asString(auth.DefaultAuthorizer);
    const def = chosen === 'AWS_IAM' ? undefined : isObject(authorizers[chosen ?? '']) ? (authorizers[chosen ?? ''] as Raw) : (Object.values(authorizers).find(isObject) as Raw | undefined);
    if (chosen === 'AWS_IAM') node.props.authorizer = 'iam';
    else if (def) {
      const pool = ctx.nodeOf(def.UserPoolArn ?? (isObject(def.JwtConfiguration) ? def.JwtConfiguration.issuer : undefined), ['cognitoUserPool']);
      const fn = ctx.nodeOf(def.FunctionArn, ['lambda']);
      if (pool) { node.props.authorizer = 'cognito'; node.props.authorizerRef = pool; } else if (fn) { node.props.authorizer = 'lambda'; node.props.authorizerRef = fn; } else if (def.UserPoolArn !== undefined) node.props.authorizer = 'cognito';
    }
  }
  openApiIntegrations(ctx, res.logicalId, res.props.DefinitionBody ?? res.props.Body);
  if (res.type === 'AWS::ApiGatewayV2::Api' && res.props.Target !== undefined) {
    const fn = ctx.nodeOf(res.props.Target, ['lambda']);
    if (fn) ctx.addEdge(res.logicalId, 'trigger', res.logicalId, fn, {});
  }
}

/** Which node an integration URI calls: a function, or a service integration (SQS, SNS, Step Functions, …). */
function integrationTarget(ctx: ImportContext, uri: unknown, extra: unknown[] = []): string | undefined {
  for (const v of [uri, ...extra]) {
    for (const ref of referencedResources(v, ctx.rawResources)) {
      const d = ctx.draft(ref);
      if (d && ['lambda', 'sqsQueue', 'snsTopic', 'stepFunction', 'kinesisStream', 'dynamoTable', 'eventBus'].includes(d.kind)) return ref;
      const alias = ctx.aliases.get(ref)?.[0];
      if (alias) return alias;
    }
  }
  return undefined;
}

/** An inline OpenAPI body (DefinitionBody / Body): each x-amazon-apigateway-integration is a route. */
function openApiIntegrations(ctx: ImportContext, apiId: string, body: unknown): void {
  if (!isObject(body) || !isObject(body.paths)) return;
  for (const [path, ops] of Object.entries(body.paths)) {
    if (!isObject(ops)) continue;
    for (const [verb, op] of Object.entries(ops)) {
      const integration = isObject(op) ? op['x-amazon-apigateway-integration'] : undefined;
      if (!isObject(integration) || integration.type === 'mock') continue;
      const target = integrationTarget(ctx, integration.uri, [integration.requestParameters, integration.requestTemplates]);
      if (!target) continue;
      const method = verb.toUpperCase() === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : verb.toUpperCase();
      ctx.addEdge(apiId, 'trigger', apiId, target, { ...(METHODS.has(method) ? { method } : {}), path });
    }
  }
}

function resourcePath(ctx: ImportContext, resourceId: unknown, depth = 0): string {
  const ref = [...referencedResources(resourceId, ctx.rawResources)][0];
  const r = ref ? ctx.resources.get(ref) : undefined;
  if (!r || r.type !== 'AWS::ApiGateway::Resource' || depth > 30) return '';
  return `${resourcePath(ctx, r.props.ParentId, depth + 1)}/${asString(r.props.PathPart) ?? '{?}'}`;
}

/** AWS::ApiGateway::Method → trigger from its API to what the integration calls. */
export function restMethod(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const apiId = ctx.nodeOf(p.RestApiId, ['apiGateway']);
  if (!apiId) { ctx.skip(res.logicalId, `RestApiId names no API of this template (${describe(p.RestApiId)})`); return; }
  const integration = isObject(p.Integration) ? p.Integration : {};
  if (integration.Type === 'MOCK' || p.HttpMethod === 'OPTIONS') { ctx.note(res.logicalId, `folded into API ${apiId} (${integration.Type === 'MOCK' ? 'mock integration' : 'CORS preflight'})`); return; }
  const target = integrationTarget(ctx, integration.Uri, [integration.RequestParameters, integration.RequestTemplates]);
  if (!target) {
    const uri = asString(integration.Uri);
    if (uri && /^https?:\/\//.test(uri)) { ctx.note(res.logicalId, `HTTP proxy to ${uri}: the model has no API → endpoint trigger; folded into API ${apiId}`); return; }
    ctx.partial(res.logicalId, `its integration (${describe(integration.Uri)}) calls nothing the model has; folded into API ${apiId}`);
    return;
  }
  methodAuthorization(ctx, res.logicalId, apiId, p.AuthorizationType, p.AuthorizerId);
  const props: Raw = {};
  const method = asString(p.HttpMethod)?.toUpperCase();
  if (method && METHODS.has(method)) props.method = method;
  const path = resourcePath(ctx, p.ResourceId);
  props.path = path || '/';
  ctx.addEdge(res.logicalId, 'trigger', apiId, target, props);
}

/** ApiGatewayV2 Route → the Integration it targets → trigger. */
export function httpRoute(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const apiId = ctx.nodeOf(p.ApiId, ['apiGateway']);
  if (!apiId) { ctx.skip(res.logicalId, `ApiId names no API of this template (${describe(p.ApiId)})`); return; }
  methodAuthorization(ctx, res.logicalId, apiId, p.AuthorizationType, p.AuthorizerId);
  const integ = [...referencedResources(p.Target, ctx.rawResources)].map((r) => ctx.resources.get(r)).find((r) => r?.type === 'AWS::ApiGatewayV2::Integration');
  if (!integ) { ctx.note(res.logicalId, `folded into API ${apiId} (no integration in this template)`); return; }
  const target = integrationTarget(ctx, integ.props.IntegrationUri, [integ.props.RequestParameters]);
  if (!target) { ctx.partial(res.logicalId, `integration ${integ.logicalId} calls nothing the model has (${describe(integ.props.IntegrationUri ?? integ.props.IntegrationSubtype)}); folded into API ${apiId}`); return; }
  const props: Raw = {};
  const key = asString(p.RouteKey);
  const m = key?.match(/^(\S+)\s+(\S+)$/);
  if (m) {
    if (METHODS.has(m[1].toUpperCase())) props.method = m[1].toUpperCase();
    props.path = m[2];
  } else if (key) props.path = key; // $default, $connect, …
  ctx.addEdge(res.logicalId, 'trigger', apiId, target, props);
  ctx.note(integ.logicalId, `read through route ${res.logicalId}`);
}

/** Parts of an API that the model folds into its node (stages, deployments, resources, integrations). */
export function apiPart(ctx: ImportContext, res: TemplateResource): void {
  const apiId = ctx.nodeOf(res.props.RestApiId ?? res.props.ApiId, ['apiGateway']);
  if (!apiId) { ctx.skip(res.logicalId, `names no API of this template (${describe(res.props.RestApiId ?? res.props.ApiId)})`); return; }
  if ((res.type === 'AWS::ApiGateway::Stage' || res.type === 'AWS::ApiGatewayV2::Stage') && typeof res.props.StageName === 'string') {
    ctx.draft(apiId)!.props.stage = res.props.StageName;
    if (res.props.CacheClusterEnabled === true && asString(res.props.CacheClusterSize)) ctx.draft(apiId)!.props.cacheSizeGb = asString(res.props.CacheClusterSize);
  }
  ctx.note(res.logicalId, `folded into API ${apiId}`);
}

export function loadBalancer(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  if (p.Type === 'network' || p.Type === 'gateway') { ctx.skip(res.logicalId, `a ${String(p.Type)} load balancer: the model has Application Load Balancers only`); return; }
  const props: Raw = {};
  if (p.Scheme === 'internal') props.scheme = 'internal';
  ctx.addNode(res.logicalId, 'alb', props, {});
}

export function loadBalancerLinks(ctx: ImportContext, res: TemplateResource): void {
  const node = ctx.draft(res.logicalId);
  if (!node) return;
  const subnets = list(res.props.Subnets).flatMap((s) => ctx.nodesOf(s)).filter((n) => ctx.draft(n)?.kind === 'subnet');
  const groups = list(res.props.SecurityGroups).flatMap((s) => ctx.nodesOf(s)).filter((n) => ctx.draft(n)?.kind === 'securityGroup');
  if (subnets.length) node.props.subnets = subnets;
  if (groups.length) node.props.securityGroups = groups;
  const vpc = ctx.draft(subnets[0])?.parent;
  if (vpc) node.parent = vpc;
}

/** A Lambda target group stands for its function; a listener's forward action is the trigger. */
export function targetGroup(ctx: ImportContext, res: TemplateResource): void {
  const fns = list(res.props.Targets).flatMap((t) => (isObject(t) ? ctx.nodesOf(t.Id) : [])).filter((n) => ctx.draft(n)?.kind === 'lambda');
  if (res.props.TargetType !== 'lambda' || !fns.length) { ctx.skip(res.logicalId, `a target group of ${asString(res.props.TargetType) ?? 'instances'}: the model's load balancers trigger functions only`); return; }
  ctx.aliases.set(res.logicalId, fns);
  ctx.note(res.logicalId, `stands for function ${fns.join(', ')}`);
}

export function listener(ctx: ImportContext, res: TemplateResource): void {
  const alb = ctx.nodeOf(res.props.LoadBalancerArn, ['alb']);
  if (!alb) { ctx.skip(res.logicalId, `LoadBalancerArn names no Application Load Balancer of this template (${describe(res.props.LoadBalancerArn)})`); return; }
  let made = false;
  for (const action of list(res.props.DefaultActions)) {
    if (!isObject(action)) continue;
    const groups = [action.TargetGroupArn, ...(isObject(action.ForwardConfig) ? list(action.ForwardConfig.TargetGroups).map((g) => (isObject(g) ? g.TargetGroupArn : undefined)) : [])];
    for (const g of groups) {
      for (const fn of ctx.nodesOf(g)) { if (ctx.draft(fn)?.kind === 'lambda') { ctx.addEdge(res.logicalId, 'trigger', alb, fn, {}); made = true; } }
      // The target group's attributes are the load balancer's multiValueHeaders in the model.
      const tg = ctx.resources.get([...referencedResources(g, ctx.rawResources)][0] ?? '');
      if (tg?.type === 'AWS::ElasticLoadBalancingV2::TargetGroup') Object.assign(ctx.draft(alb)!.props, readTable(ctx, tg));
    }
  }
  if (!made) ctx.note(res.logicalId, `folded into load balancer ${alb}`);
  const port = asNumber(res.props.Port);
  if (port !== undefined) ctx.note(res.logicalId, `listens on port ${port}`);
}

export function distribution(ctx: ImportContext, res: TemplateResource): void {
  const cfg = isObject(res.props.DistributionConfig) ? res.props.DistributionConfig : {};
  const price = asString(cfg.PriceClass);
  ctx.addNode(res.logicalId, 'cloudfront', price === 'PriceClass_100' || price === 'PriceClass_200' || price === 'PriceClass_All' ? { priceClass: price } : {});
}

export function distributionLinks(ctx: ImportContext, res: TemplateResource): void {
  const cfg = isObject(res.props.DistributionConfig) ? res.props.DistributionConfig : {};
  const behaviors = [cfg.DefaultCacheBehavior, ...list(cfg.CacheBehaviors)];
  for (const b of behaviors) {
    if (!isObject(b)) continue;
    for (const assoc of list(b.LambdaFunctionAssociations)) {
      if (!isObject(assoc)) continue;
      const fn = ctx.nodeOf(assoc.LambdaFunctionARN, ['lambda']);
      const eventType = asString(assoc.EventType);
      if (fn) ctx.addEdge(res.logicalId, 'trigger', res.logicalId, fn, eventType ? { eventType } : {});
    }
  }
}

/** A listener rule forwarding to a Lambda target group: a trigger with the rule's path and method. */
export function listenerRule(ctx: ImportContext, res: TemplateResource): void {
  const listenerRes = ctx.resources.get([...referencedResources(res.props.ListenerArn, ctx.rawResources)][0] ?? '');
  const alb = listenerRes?.type === 'AWS::ElasticLoadBalancingV2::Listener' ? ctx.nodeOf(listenerRes.props.LoadBalancerArn, ['alb']) : undefined;
  if (!alb) { ctx.skip(res.logicalId, `ListenerArn names no listener of an Application Load Balancer in this template (${describe(res.props.ListenerArn)})`); return; }
  const props: Raw = {};
  for (const c of list(res.props.Conditions)) {
    if (!isObject(c)) continue;
    const values = list(isObject(c.PathPatternConfig) ? c.PathPatternConfig.Values : isObject(c.HttpRequestMethodConfig) ? c.HttpRequestMethodConfig.Values : c.Values).map(asString);
    if (c.Field === 'path-pattern' && values[0] && values[0] !== '/*') props.path = values[0];
    if (c.Field === 'http-request-method' && values[0] && METHODS.has(values[0].toUpperCase())) props.method = values[0].toUpperCase();
    if (values.length > 1) ctx.note(res.logicalId, `condition ${String(c.Field)} lists ${values.length} values; the first is shown`);
  }
  let made = false;
  for (const action of list(res.props.Actions)) {
    if (!isObject(action)) continue;
    const groups = [action.TargetGroupArn, ...(isObject(action.ForwardConfig) ? list(action.ForwardConfig.TargetGroups).map((g) => (isObject(g) ? g.TargetGroupArn : undefined)) : [])];
    for (const g of groups) {
      for (const fn of ctx.nodesOf(g)) if (ctx.draft(fn)?.kind === 'lambda') { ctx.addEdge(res.logicalId, 'trigger', alb, fn, { ...props }); made = true; }
      const tg = ctx.resources.get([...referencedResources(g, ctx.rawResources)][0] ?? '');
      if (tg?.type === 'AWS::ElasticLoadBalancingV2::TargetGroup') Object.assign(ctx.draft(alb)!.props, readTable(ctx, tg));
    }
  }
  if (!made) ctx.skip(res.logicalId, 'it forwards to no Lambda target group: the model\'s load balancers trigger functions only');
}

/** A method's or route's AuthorizationType (and its Authorizer resource) → the API's authorizer: the
 *  model has one per API, so the first method that says one decides. */
function methodAuthorization(ctx: ImportContext, owner: string, apiId: string, type: unknown, authorizerId: unknown): void {
  const api = ctx.draft(apiId)!;
  const t = asString(type);
  if (!t || t === 'NONE' || (api.props.authorizer !== undefined && api.props.authorizer !== 'none')) return;
  if (t === 'AWS_IAM') { api.props.authorizer = 'iam'; return; }
  const authorizer = ctx.resources.get([...referencedResources(authorizerId, ctx.rawResources)][0] ?? '');
  const ap = authorizer?.props ?? {};
  const pool = [...list(ap.ProviderARNs), isObject(ap.JwtConfiguration) ? ap.JwtConfiguration.Issuer : undefined].flatMap((v) => ctx.nodesOf(v)).find((n) => ctx.draft(n)?.kind === 'cognitoUserPool');
  const fn = ctx.nodesOf(ap.AuthorizerUri).find((n) => ctx.draft(n)?.kind === 'lambda');
  if (t === 'COGNITO_USER_POOLS' || t === 'JWT') { api.props.authorizer = 'cognito'; if (pool) api.props.authorizerRef = pool; }
  else if (t === 'CUSTOM') { api.props.authorizer = 'lambda'; if (fn) api.props.authorizerRef = fn; }
  else ctx.note(owner, `AuthorizationType ${t} is not an authorizer the model has`);
  if (authorizer) ctx.note(authorizer.logicalId, `folded into API ${apiId} (its authorizer)`);
}

/** API Gateway authorizers are read through the methods and routes that use them. */
export function apiAuthorizer(ctx: ImportContext, res: TemplateResource): void {
  const apiId = ctx.nodeOf(res.props.RestApiId ?? res.props.ApiId, ['apiGateway']);
  if (!apiId) { ctx.skip(res.logicalId, `names no API of this template (${describe(res.props.RestApiId ?? res.props.ApiId)})`); return; }
  if (!ctx.entries.get(res.logicalId)?.notes.length) ctx.skip(res.logicalId, 'an authorizer no method or route of this template uses');
}

/** Routes read without a method or path (a permission's SourceArn, a quick-create Target, a catch-all
 *  event) take AWS's defaults from the trigger tables, as an absent Method/Path reads on export. */
export function routeDefaults(ctx: ImportContext): void {
  for (const e of ctx.edges) {
    const api = ctx.draft(e.from);
    if (e.kind !== 'trigger' || api?.kind !== 'apiGateway' || ctx.draft(e.to)?.kind !== 'lambda') continue;
    const type = api.props.apiType === 'rest' ? 'Api' : api.props.apiType === 'websocket' ? undefined : 'HttpApi';
    if (!type || e.props.method !== undefined || e.props.path !== undefined) continue;
    for (const entry of TRIGGER_TABLES[type]) if (entry.awsDefault !== undefined) e.props[entry.model[0]] = entry.awsDefault;
  }
}

import type { NodeOfKind } from '../../model/design';
import { type Props, tableForKind } from '../cfn/properties';
import { type ExportContext, getAtt, nameTag, ref, sub } from './context';
import { permission } from './routing';

/** Front doors: API Gateway (HTTP and REST as SAM APIs, WebSocket as ApiGatewayV2), Application Load
 *  Balancers with a Lambda target group per function, CloudFront with Lambda@Edge associations. Runs
 *  after the functions (Lambda@Edge needs a published version of its function). */
/** Stage names: letters, digits, hyphens and underscores, at most 128 (HTTP APIs also take $default):
 *  https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html */
const STAGE_NAME = /^([A-Za-z0-9_-]{1,128}|\$default)$/;

export function exportApis(ctx: ExportContext): void {
  for (const api of ctx.ofKind('apiGateway')) {
    if (!STAGE_NAME.test(api.props.stage)) ctx.warn(api, `its stage name ${JSON.stringify(api.props.stage)} is not letters, digits, - and _; API Gateway will refuse it`);
    if (api.props.apiType === 'websocket') exportWebSocketApi(ctx, api);
    else exportApi(ctx, api);
    const unsupported = ctx.from(api.id, 'trigger').filter((e) => !['lambda', 'stepFunction'].includes(ctx.node(e.to).kind));
    if (unsupported.length) {
      ctx.meta(ctx.id(api.id)).triggers = unsupported.map((e) => ({ to: ctx.id(e.to), ...(Object.keys(e.props).length ? { props: e.props } : {}) }));
      for (const e of unsupported) ctx.warn(api, `the service integration to ${ctx.node(e.to).name} (${ctx.node(e.to).kind}) needs an OpenAPI definition the export does not write; it is kept in Metadata only`);
    }
  }
  for (const alb of ctx.ofKind('alb')) exportAlb(ctx, alb);
  for (const cf of ctx.ofKind('cloudfront')) exportDistribution(ctx, cf);
}

function authorizer(ctx: ExportContext, api: NodeOfKind<'apiGateway'>, http: boolean): Props | undefined {
  const p = api.props;
  if (p.authorizer === 'none') return undefined;
  if (p.authorizer === 'iam') return http ? { EnableIamAuthorizer: true, DefaultAuthorizer: 'AWS_IAM' } : { DefaultAuthorizer: 'AWS_IAM' };
  const target = ctx.has(p.authorizerRef) ? ctx.node(p.authorizerRef) : undefined;
  if (p.authorizer === 'cognito') {
    if (target?.kind !== 'cognitoUserPool') {
      ctx.warn(api, 'uses a Cognito authorizer but names no user pool; the API is exported without an authorizer');
      ctx.meta(ctx.id(api.id)).authorizer = p.authorizer;
      return undefined;
    }
    const pool = ctx.id(target.id);
    if (!http) return { Authorizers: { CognitoAuthorizer: { UserPoolArn: getAtt(pool, 'Arn') } }, DefaultAuthorizer: 'CognitoAuthorizer' };
    const client = ctx.auxId(pool, 'Client');
    if (!ctx.resources[client]) ctx.add(client, { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: ref(pool) } });
    return {
      Authorizers: { CognitoAuthorizer: { IdentitySource: '$request.header.Authorization', JwtConfiguration: { issuer: sub(`https://cognito-idp.\${AWS::Region}.amazonaws.com/\${${pool}}`), audience: [ref(client)] } } },
      DefaultAuthorizer: 'CognitoAuthorizer',
    };
  }
  if (target?.kind !== 'lambda') {
    ctx.warn(api, 'uses a Lambda authorizer but names no function; the API is exported without an authorizer');
    ctx.meta(ctx.id(api.id)).authorizer = p.authorizer;
    return undefined;
  }
  const fnArn = getAtt(ctx.id(target.id), 'Arn');
  return http
    ? { Authorizers: { LambdaAuthorizer: { FunctionArn: fnArn, AuthorizerPayloadFormatVersion: '2.0', EnableSimpleResponses: true } }, DefaultAuthorizer: 'LambdaAuthorizer' }
    : { Authorizers: { LambdaAuthorizer: { FunctionArn: fnArn } }, DefaultAuthorizer: 'LambdaAuthorizer' };
}

function exportApi(ctx: ExportContext, api: NodeOfKind<'apiGateway'>): void {
  const id = ctx.id(api.id);
  const http = api.props.apiType === 'http';
  const table = tableForKind('apiGateway', api.props)!;
  const props = ctx.applyTable(table, api);
  if (http) {
    if (api.props.endpointType !== 'regional') ctx.warn(api, `HTTP APIs are regional only; the ${api.props.endpointType} endpoint type is left out`);
    if (api.props.cacheSizeGb !== null) ctx.warn(api, 'HTTP APIs have no cache; cacheSizeGb is left out');
  } else if (api.props.cacheSizeGb !== null) {
    props.CacheClusterEnabled = true;
  }
  const auth = authorizer(ctx, api, http);
  if (auth) props.Auth = auth;
  const served = ctx.from(api.id, 'trigger').some((e) => ['lambda', 'stepFunction'].includes(ctx.node(e.to).kind));
  if (!served && !http) {
    // SAM builds a REST API's OpenAPI from its events; with none, an empty definition keeps the transform valid.
    props.DefinitionBody = { openapi: '3.0.1', info: { title: api.name, version: '1.0' }, paths: {} };
    ctx.warn(api, 'has no function or state machine behind it; API Gateway refuses to deploy a REST API without methods');
  }
  ctx.add(id, { Type: http ? 'AWS::Serverless::HttpApi' : 'AWS::Serverless::Api', Properties: props });
  const stagePath = http && api.props.stage === '$default' ? '' : `/${api.props.stage}`;
  ctx.output(`${id}Url`, { Description: `${api.name}: endpoint`, Value: sub(`https://\${${id}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}${stagePath.replace(/\$\{/g, '${!')}`) });
}

function exportWebSocketApi(ctx: ExportContext, api: NodeOfKind<'apiGateway'>): void {
  const id = ctx.id(api.id);
  if (api.props.authorizer !== 'none') {
    ctx.warn(api, `the ${api.props.authorizer} authorizer of a WebSocket API belongs on its $connect route, which the export does not write; it is kept in Metadata only`);
    ctx.meta(id).authorizer = api.props.authorizer;
    // The user pool or authorizer function, by its logical id (the importer's node id for it).
    if (api.props.authorizerRef !== null) ctx.meta(id).authorizerRef = ctx.id(api.props.authorizerRef);
  }
  ctx.add(id, { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: api.name, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action', ...(api.props.description ? { Description: api.props.description } : {}) } });
  const routes: string[] = [];
  for (const e of ctx.from(api.id, 'trigger')) {
    const fn = ctx.node(e.to);
    if (fn.kind !== 'lambda') continue;
    const fnId = ctx.id(fn.id);
    const integration = ctx.auxId(id, `${fnId} Integration`);
    ctx.add(integration, { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: ref(id), IntegrationType: 'AWS_PROXY', IntegrationUri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fnId}.Arn}/invocations`) } });
    const route = ctx.auxId(id, `${fnId} Route`);
    ctx.add(route, { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: ref(id), RouteKey: e.props.path ?? '$default', Target: sub(`integrations/\${${integration}}`) } });
    routes.push(route);
    permission(ctx, fn, 'apigateway.amazonaws.com', sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id}}/*`), `${id} Permission`);
  }
  const stage = ctx.auxId(id, 'Stage');
  ctx.add(stage, { Type: 'AWS::ApiGatewayV2::Stage', ...(routes.length ? { DependsOn: routes } : {}), Properties: { ApiId: ref(id), StageName: api.props.stage, AutoDeploy: true } });
  ctx.output(`${id}Url`, { Description: `${api.name}: WebSocket endpoint`, Value: sub(`\${${id}.ApiEndpoint}/${api.props.stage.replace(/\$\{/g, '${!')}`) });
}

function exportAlb(ctx: ExportContext, alb: NodeOfKind<'alb'>): void {
  const id = ctx.id(alb.id);
  const props = ctx.applyTable(tableForKind('alb', alb.props, 'AWS::ElasticLoadBalancingV2::LoadBalancer')!, alb);
  if (alb.props.subnets.length < 2) ctx.warn(alb, 'an Application Load Balancer needs subnets in at least two AZs');
  ctx.add(id, { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', ...props, Tags: nameTag(alb) } });
  ctx.output(`${id}DnsName`, { Description: `${alb.name}: DNS name`, Value: getAtt(id, 'DNSName') });
  const triggers = ctx.from(alb.id, 'trigger').filter((e) => ctx.node(e.to).kind === 'lambda');
  if (!triggers.length) {
    // Multi-value headers are a target group attribute; with no function behind it there is no target group.
    if (alb.props.multiValueHeaders) ctx.meta(id).multiValueHeaders = true;
    return;
  }
  const listener = ctx.auxId(id, 'Listener');
  ctx.add(listener, {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: { LoadBalancerArn: ref(id), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' } }] },
  });
  const groupTable = tableForKind('alb', alb.props, 'AWS::ElasticLoadBalancingV2::TargetGroup')!;
  triggers.forEach((e, i) => {
    const fn = ctx.node(e.to);
    const fnId = ctx.id(fn.id);
    // SourceArn would name the target group, which must wait for this permission: left out to keep out of a cycle.
    const perm = ctx.auxId(fnId, `${id} Permission`);
    ctx.add(perm, { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: getAtt(fnId, 'Arn'), Principal: 'elasticloadbalancing.amazonaws.com' } });
    const group = ctx.auxId(id, `${fnId} Targets`);
    ctx.add(group, { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', DependsOn: perm, Properties: { TargetType: 'lambda', Targets: [{ Id: getAtt(fnId, 'Arn') }], ...ctx.applyTable(groupTable, alb) } });
    const conditions: Props[] = [{ Field: 'path-pattern', PathPatternConfig: { Values: [e.props.path ?? '/*'] } }];
    if (e.props.method && e.props.method !== 'ANY') conditions.push({ Field: 'http-request-method', HttpRequestMethodConfig: { Values: [e.props.method] } });
    ctx.add(ctx.auxId(id, `${fnId} Rule`), {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: { ListenerArn: ref(listener), Priority: i + 1, Conditions: conditions, Actions: [{ Type: 'forward', TargetGroupArn: ref(group) }] },
    });
  });
}

/** CachingOptimized, an AWS managed cache policy:
 *  https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

function exportDistribution(ctx: ExportContext, cf: NodeOfKind<'cloudfront'>): void {
  const id = ctx.id(cf.id);
  const origin = ctx.param(`${id} Origin Domain`, { Type: 'String', Description: `The origin ${cf.name} serves (a domain name; the design does not say which)` });
  const associations: Props[] = [];
  for (const e of ctx.from(cf.id, 'trigger')) {
    const fn = ctx.node(e.to);
    if (fn.kind !== 'lambda') continue;
    const fnId = ctx.id(fn.id);
    const resource = ctx.resources[fnId];
    if (ctx.design.region !== 'us-east-1') ctx.warn(fn, `is a Lambda@Edge function, which must be deployed in us-east-1; the design's region is ${ctx.design.region}`);
    if (fn.props.vpc !== null || Object.keys(fn.props.environment).length) ctx.warn(fn, 'Lambda@Edge functions take no VPC and no environment variables; deployment will fail');
    if (resource?.Properties && resource.Properties.AutoPublishAlias === undefined) {
      // Lambda@Edge needs a numbered version: SAM publishes one with an alias.
      resource.Properties.AutoPublishAlias = 'edge';
      ctx.meta(fnId).publish = { alias: null }; // the design's own setting, for import
      ctx.warn(fn, 'is associated with CloudFront, which needs a published version; the export publishes one under the alias "edge"');
    }
    associations.push({ EventType: e.props.eventType ?? 'origin-request', LambdaFunctionARN: ref(`${fnId}.Version`) });
  }
  const config: Props = {
    Enabled: true,
    Origins: [{ Id: 'origin', DomainName: ref(origin), CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
    DefaultCacheBehavior: { TargetOriginId: 'origin', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: CACHING_OPTIMIZED, ...(associations.length ? { LambdaFunctionAssociations: associations } : {}) },
    ...(cf.props.description ? { Comment: cf.props.description.slice(0, 128) } : {}),
  };
  const props = ctx.applyTable(tableForKind('cloudfront', cf.props)!, cf);
  ctx.add(id, { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { ...config, ...(props.DistributionConfig as Props | undefined) } } });
  ctx.output(`${id}DomainName`, { Description: `${cf.name}: domain name`, Value: getAtt(id, 'DomainName') });
}

import { parseTemplateText } from '../cfn/yaml';
import { createDesign, designSchema, REGION_PATTERN, type Design } from '../../model/design';
import * as apis from './apis';
import { cdkInternalReason, cdkNames, isCdkTemplate } from './cdk';
import { ImportContext, type TemplateResource } from './context';
import { eventSourceMapping } from './events';
import * as fns from './functions';
import * as msg from './messaging';
import * as net from './network';
import { computeTotals, type ImportReport, type ResourceReport } from './report';
import { isObject, type Raw, Resolver } from './resolve';
import {
  designMetadata, foldSupport, lambdaPermission, logRetentionCustom, metadataEdges, metadataNodes, metadataProps, METADATA_OWNER, s3NotificationsCustom,
} from './support';

export { formatImportReport, COVERED_TYPES, type ImportReport, type ResourceReport } from './report';
export { TemplateSyntaxError } from '../cfn/yaml';

export interface ImportOptions {
  /** The design's name (otherwise: the template's designer metadata, its file name, or its description). */
  name?: string;
  /** Shown in the report; also names the design when nothing else does. */
  fileName?: string;
}

export interface ImportResult {
  design: Design;
  report: ImportReport;
}

type Step = (ctx: ImportContext, res: TemplateResource) => void;
/** Per CloudFormation type: `nodes` makes its node, `wire` places it (network), `links` draws its edges. */
interface TypeHandler { nodes?: Step; wire?: Step; links?: Step; last?: Step }

const HANDLERS: Record<string, TypeHandler> = {
  'AWS::Serverless::Function': { nodes: fns.functionNode, links: fns.functionLinks },
  'AWS::Lambda::Function': { nodes: fns.functionNode, links: fns.functionLinks },
  'AWS::Lambda::EventSourceMapping': { links: eventSourceMapping },
  'AWS::Lambda::EventInvokeConfig': { links: fns.eventInvokeConfig },
  'AWS::Lambda::Alias': { wire: fns.aliasOrVersion },
  'AWS::Lambda::Version': { wire: fns.aliasOrVersion },
  'AWS::Lambda::Permission': { last: lambdaPermission },
  'AWS::Logs::LogGroup': { nodes: fns.logGroupNode, wire: fns.logGroup },
  'AWS::Serverless::StateMachine': { nodes: msg.stateMachine, links: msg.stateMachineLinks },
  'AWS::StepFunctions::StateMachine': { nodes: msg.stateMachine, links: msg.stateMachineLinks },
  'AWS::Serverless::Api': { nodes: apis.api, links: apis.apiLinks },
  'AWS::Serverless::HttpApi': { nodes: apis.api, links: apis.apiLinks },
  'AWS::ApiGateway::RestApi': { nodes: apis.api, links: apis.apiLinks },
  'AWS::ApiGatewayV2::Api': { nodes: apis.api, links: apis.apiLinks },
  'AWS::ApiGateway::Method': { links: apis.restMethod },
  'AWS::ApiGatewayV2::Route': { links: apis.httpRoute },
  'AWS::ApiGateway::Authorizer': { last: apis.apiAuthorizer },
  'AWS::ApiGatewayV2::Authorizer': { last: apis.apiAuthorizer },
  'AWS::SecretsManager::SecretTargetAttachment': { last: foldSupport },
  'AWS::ApiGateway::Resource': { wire: apis.apiPart },
  'AWS::ApiGateway::Deployment': { wire: apis.apiPart },
  'AWS::ApiGateway::Stage': { wire: apis.apiPart },
  'AWS::ApiGatewayV2::Stage': { wire: apis.apiPart },
  'AWS::ApiGatewayV2::Deployment': { wire: apis.apiPart },
  'AWS::ApiGatewayV2::Integration': { wire: apis.apiPart },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { nodes: apis.loadBalancer, wire: apis.loadBalancerLinks },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { wire: apis.targetGroup },
  'AWS::ElasticLoadBalancingV2::Listener': { links: apis.listener },
  'AWS::ElasticLoadBalancingV2::ListenerRule': { links: apis.listenerRule },
  'AWS::CloudFront::Distribution': { nodes: apis.distribution, links: apis.distributionLinks },
  'AWS::S3::Bucket': { nodes: msg.s3Bucket, links: msg.s3BucketLinks },
  'AWS::SQS::Queue': { nodes: msg.sqsQueue, links: msg.sqsQueueLinks },
  'AWS::SNS::Topic': { nodes: msg.snsTopic, links: msg.snsTopicLinks },
  'AWS::SNS::Subscription': { links: msg.snsSubscription },
  'AWS::Events::EventBus': { nodes: msg.eventBus },
  'AWS::Events::Rule': { nodes: msg.eventRule, links: msg.eventRuleLinks },
  'AWS::Scheduler::Schedule': { nodes: msg.eventRule, links: msg.eventRuleLinks },
  'AWS::Kinesis::Stream': { nodes: msg.kinesisStream },
  'AWS::Kinesis::StreamConsumer': { wire: msg.kinesisConsumer },
  'AWS::MSK::Cluster': { nodes: msg.mskCluster, wire: net.placement },
  'AWS::DynamoDB::Table': { nodes: msg.dynamoTable },
  'AWS::Serverless::SimpleTable': { nodes: msg.dynamoTable },
  'AWS::Cognito::UserPool': { nodes: msg.cognitoUserPool, links: msg.cognitoUserPoolLinks },
  'AWS::SecretsManager::Secret': { nodes: msg.secretOrParameter },
  'AWS::SSM::Parameter': { nodes: msg.secretOrParameter },
  'AWS::EC2::VPC': { nodes: net.vpc },
  'AWS::EC2::Subnet': { nodes: net.subnet },
  'AWS::EC2::InternetGateway': { nodes: net.internetGateway },
  'AWS::EC2::NatGateway': { nodes: net.natGateway },
  'AWS::EC2::EIP': { wire: net.eip },
  'AWS::EC2::VPCEndpoint': { nodes: net.vpcEndpoint, links: net.vpcEndpointLinks },
  'AWS::EC2::SecurityGroup': { nodes: net.securityGroup, wire: net.securityGroupRules, last: net.defaultEgress },
  'AWS::EC2::SecurityGroupIngress': { links: net.standaloneRule },
  'AWS::EC2::SecurityGroupEgress': { links: net.standaloneRule },
  'AWS::EC2::Route': { links: net.route },
  'AWS::EC2::VPCGatewayAttachment': { wire: net.gatewayAttachment },
  'AWS::RDS::DBInstance': { nodes: net.database, wire: net.placement },
  'AWS::RDS::DBCluster': { nodes: net.database, wire: net.placement },
  'AWS::RDS::DBProxy': { nodes: net.rdsProxy, wire: net.placement },
  'AWS::RDS::DBProxyTargetGroup': { links: net.proxyTargetGroup },
  'AWS::RDS::DBSubnetGroup': { nodes: net.subnetGroup },
  'AWS::ElastiCache::CacheCluster': { nodes: net.cache, wire: net.placement },
  'AWS::ElastiCache::ReplicationGroup': { nodes: net.cache, wire: net.placement },
  'AWS::ElastiCache::ServerlessCache': { nodes: net.cache, wire: net.placement },
  'AWS::ElastiCache::SubnetGroup': { nodes: net.subnetGroup },
  'Custom::S3BucketNotifications': { links: s3NotificationsCustom },
  'Custom::LogRetention': { wire: logRetentionCustom },
  // Read from the functions that use them (see iam.ts) and reported in `last`.
  'AWS::IAM::Role': { last: foldSupport },
  'AWS::IAM::Policy': { last: foldSupport },
  'AWS::IAM::RolePolicy': { last: foldSupport },
  'AWS::IAM::ManagedPolicy': { last: foldSupport },
  'AWS::SQS::QueuePolicy': { last: foldSupport },
  'AWS::SNS::TopicPolicy': { last: foldSupport },
  'AWS::S3::BucketPolicy': { last: foldSupport },
  'AWS::EC2::SubnetRouteTableAssociation': {},
  'AWS::EC2::RouteTable': {},
  'AWS::EC2::NetworkAcl': {},
  'AWS::EC2::NetworkAclEntry': {},
  'AWS::EC2::SubnetNetworkAclAssociation': {},
};

const DEFAULT_REGION = 'us-east-1';

/** Reads a SAM, CloudFormation or CDK-synthesized template (YAML or JSON) into a design, with a report
 *  saying for each resource what became of it. Throws TemplateSyntaxError only for unreadable text. */
export function importTemplate(text: string, opts: ImportOptions = {}): ImportResult {
  const parsed = parseTemplateText(text);
  const template = parsed.template;
  const designMd = designMetadata(template);
  const region = typeof designMd.region === 'string' && REGION_PATTERN.test(designMd.region) ? designMd.region : DEFAULT_REGION;
  const notes: string[] = [...(parsed.warnings ?? [])];
  const rawResources: Raw = isObject(template.Resources) ? template.Resources : {};
  if (template.Resources === undefined) notes.push('the template has no Resources section: nothing to import');
  else if (!isObject(template.Resources)) notes.push(`Resources is ${Array.isArray(template.Resources) ? 'a list' : `a ${typeof template.Resources}`}, not a map of logical ids to resources: nothing was imported`);

  const cdk = isCdkTemplate(template);
  const sam = !cdk && [template.Transform].flat().some((t) => typeof t === 'string' && t.startsWith('AWS::Serverless'));
  let current = '';
  const unresolvedSeen = new Set<string>();
  const resolver = new Resolver({
    region,
    parameters: isObject(template.Parameters) ? template.Parameters : {},
    resources: rawResources,
    mappings: isObject(template.Mappings) ? template.Mappings : {},
    conditions: isObject(template.Conditions) ? template.Conditions : {},
    unresolved: (what) => { if (!unresolvedSeen.has(what)) { unresolvedSeen.add(what); notes.push(`${what} (first used by ${current || 'the template'})`); } },
    choseBranch: (condition, branch, why) => ctx.note(current, `Fn::If on condition ${condition}: took the ${branch ? 'true' : 'false'} branch (${why})`),
  });
  // SAM's implicit APIs can be named (`!Ref ServerlessRestApi`) although no resource says so.
  const refTargets: Raw = sam ? { ServerlessRestApi: {}, ServerlessHttpApi: {}, ...rawResources } : rawResources;
  const ctx = new ImportContext(refTargets, resolver, region);
  if (isObject(template.Conditions) && Object.keys(template.Conditions).length) {
    notes.push(`conditions kept as data, not evaluated away: ${Object.keys(template.Conditions).join(', ')}; resources with a Condition are imported and marked`);
  }
  const globals = sam && isObject(template.Globals) ? template.Globals : {};
  if (Object.keys(globals).length) notes.push(`Globals applied: ${Object.keys(globals).join(', ')}`);
  const names = cdk ? cdkNames(rawResources) : new Map<string, string>();

  // Read every resource: structure problems become report lines, never exceptions.
  const active: TemplateResource[] = [];
  for (const [logicalId, raw] of Object.entries(rawResources)) {
    current = logicalId;
    const entry: ResourceReport = { logicalId, type: isObject(raw) && typeof raw.Type === 'string' ? raw.Type : '(no Type)', line: parsed.lineOf(['Resources', logicalId]), status: 'imported', nodes: [], edges: [], reasons: [], notes: [] };
    ctx.entries.set(logicalId, entry);
    if (!isObject(raw)) { ctx.skip(logicalId, `a resource is a map with a Type, not ${Array.isArray(raw) ? 'a list' : raw === null ? 'nothing' : `a ${typeof raw}`}`); continue; }
    if (typeof raw.Type !== 'string') { ctx.skip(logicalId, 'the resource has no Type'); continue; }
    if (typeof raw.Condition === 'string') {
      entry.condition = raw.Condition;
      if (!isObject(template.Conditions) || !(raw.Condition in template.Conditions)) ctx.partial(logicalId, `Condition ${raw.Condition} is not defined in Conditions; CloudFormation would refuse this template`);
    }
    const internal = cdk ? cdkInternalReason(raw, logicalId) : undefined;
    if (internal) { entry.cdkInternal = true; ctx.skip(logicalId, internal); continue; }
    const md = isObject(raw.Metadata) ? raw.Metadata : {};
    const designer = isObject(md.ServerlessDesigner) ? md.ServerlessDesigner : {};
    const name = typeof designer.name === 'string' && designer.name ? designer.name : names.get(logicalId);
    if (name) ctx.names.set(logicalId, name);
    let props = isObject(raw.Properties) ? raw.Properties : {};
    if (raw.Properties !== undefined && !isObject(raw.Properties)) ctx.partial(logicalId, `Properties is not a map (${Array.isArray(raw.Properties) ? 'a list' : typeof raw.Properties})`);
    const globalKey = raw.Type.startsWith('AWS::Serverless::') ? raw.Type.slice('AWS::Serverless::'.length) : undefined;
    if (globalKey && isObject(globals[globalKey])) props = mergeGlobals(globals[globalKey] as Raw, props);
    const resolved = resolver.resolve(props);
    const allProps = isObject(resolved) ? resolved : {};
    const read = new Set<string>();
    const watched = new Proxy(allProps, { get: (target, key) => { if (typeof key === 'string') read.add(key); return target[key as string]; } });
    const res: TemplateResource = { logicalId, type: raw.Type, props: watched, allProps, read, raw, metadata: md };
    ctx.resources.set(logicalId, res);
    active.push(res);
  }
  checkReferencesAndDependencies(ctx, rawResources, template, sam);

  const run = (phase: keyof TypeHandler) => {
    if (phase === 'wire') { current = ''; guard(ctx, '', () => net.routeTables(ctx)); guard(ctx, '', () => net.networkAcls(ctx)); }
    for (const res of active) {
      const step = HANDLERS[res.type]?.[phase];
      if (!step || ctx.entries.get(res.logicalId)?.status === 'skipped') continue;
      current = res.logicalId;
      guard(ctx, res.logicalId, () => step(ctx, res));
    }
  };
  run('nodes');
  ctx.resolveParents();
  // The exporter's Metadata.ServerlessDesigner: nodes with no resource, design-only settings.
  const metaByName = metadataNodes(ctx, template);
  for (const res of active) guard(ctx, res.logicalId, () => metadataProps(ctx, res));
  run('wire');
  run('links');
  for (const res of active) if (ctx.entries.get(res.logicalId)?.status !== 'skipped') guard(ctx, res.logicalId, () => metadataEdges(ctx, res, metaByName));
  run('last');
  guard(ctx, '', () => apis.routeDefaults(ctx));
  for (const res of active) {
    if (HANDLERS[res.type]) continue;
    const reason = res.type.startsWith('Custom::') || res.type === 'AWS::CloudFormation::CustomResource'
      ? `${res.type}: a custom resource runs code at deploy time; the model has no such resource`
      : `${res.type}: no such resource kind in the model`;
    ctx.skip(res.logicalId, reason);
  }

  const { nodes, edges } = ctx.finish();
  reportUnreadProperties(ctx, active);
  const base = createDesign(designName(opts, designMd, template), region);
  const design = designSchema.parse({ ...base, nodes, edges });
  const metaEntry = ctx.entries.get(METADATA_OWNER);
  if (metaEntry) for (const r of metaEntry.reasons) notes.push(`Metadata.ServerlessDesigner.nodes: ${r}`);
  const resources = [...ctx.entries.values()].filter((e) => e.type !== 'AWS::Serverless::Implicit');
  if (cdk) notes.push(`CDK-synthesized template: names come from aws:cdk:path; ${resources.filter((r) => r.cdkInternal).length} CDK internals listed, not imported`);
  const report: ImportReport = {
    ...(opts.fileName ? { fileName: opts.fileName } : {}),
    format: parsed.format,
    flavor: cdk ? 'cdk' : sam ? 'sam' : 'cloudformation',
    resources,
    notes: [...notes, ...ctx.notes],
    totals: computeTotals(resources),
  };
  return { design, report };
}

/** Properties the model has no setting for, named on each resource that became a node (never dropped silently). */
const NO_DESIGN_MEANING = new Set(['Tags', 'CodeUri', 'Code', 'InlineCode', 'ImageUri', 'ImageConfig', 'DefinitionUri', 'Metadata']);
function reportUnreadProperties(ctx: ImportContext, active: readonly TemplateResource[]): void {
  for (const res of active) {
    const entry = ctx.entries.get(res.logicalId);
    if (!entry || entry.status === 'skipped' || entry.nodes.length === 0) continue;
    const unread = Object.keys(res.allProps).filter((k) => !res.read.has(k) && !NO_DESIGN_MEANING.has(k));
    if (unread.length) entry.notes.push(`not in the model, so not imported: ${unread.join(', ')}`);
  }
}

/** A handler that fails on something unforeseen costs its resource, never the import. */
function guard(ctx: ImportContext, logicalId: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (logicalId) ctx.skip(logicalId, `the importer could not read this resource: ${message}`);
    else ctx.notes.push(`the importer could not read part of the template: ${message}`);
  }
}

/** SAM Globals: the resource's own value wins for scalars, maps merge, lists add up. */
function mergeGlobals(globals: Raw, props: Raw): Raw {
  const out: Raw = { ...globals };
  for (const [k, v] of Object.entries(props)) {
    const g = globals[k];
    if (isObject(g) && isObject(v) && !Object.keys(v).some((key) => key === 'Ref' || key.startsWith('Fn::'))) out[k] = mergeGlobals(g, v);
    else if (Array.isArray(g) && Array.isArray(v)) out[k] = [...g, ...v];
    else out[k] = v;
  }
  return out;
}

function designName(opts: ImportOptions, md: Raw, template: Raw): string {
  if (opts.name?.trim()) return opts.name.trim();
  if (typeof md.design === 'string' && md.design.trim()) return md.design.trim();
  if (opts.fileName) {
    const base = opts.fileName.split(/[\\/]/).pop()!.replace(/\.(template\.)?(ya?ml|json)$/i, '');
    if (base) return base;
  }
  const description = typeof template.Description === 'string' ? template.Description.split('\n')[0].trim().slice(0, 80) : '';
  return description || 'Imported template';
}

const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

/** Refs to nothing and DependsOn cycles: CloudFormation refuses both; each is said on its resource. */
function checkReferencesAndDependencies(ctx: ImportContext, resources: Raw, template: Raw, sam: boolean): void {
  const params = isObject(template.Parameters) ? template.Parameters : {};
  // SAM generates resources named after the ones written (FnRole, Fn.Alias, ServerlessRestApiProdStage, ApiStage …).
  const samPrefixes = sam ? ['ServerlessRestApi', 'ServerlessHttpApi', ...Object.entries(resources).filter(([, r]) => isObject(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::Serverless::')).map(([id]) => id)] : [];
  const known = (name: string) => name in resources || name in params || PSEUDO.has(name) || samPrefixes.some((p) => name.startsWith(p));
  for (const [id, raw] of Object.entries(resources)) {
    if (!isObject(raw)) continue;
    const missing = new Set<string>();
    const walk = (v: unknown, depth: number, locals: Set<string>) => {
      if (depth > 100) return;
      if (Array.isArray(v)) { for (const x of v) walk(x, depth + 1, locals); return; }
      if (!isObject(v)) return;
      if (typeof v.Ref === 'string' && !known(v.Ref) && !locals.has(v.Ref)) missing.add(`Ref ${v.Ref}`);
      const ga = v['Fn::GetAtt'];
      if (Array.isArray(ga) && typeof ga[0] === 'string' && !known(ga[0])) missing.add(`Fn::GetAtt ${ga[0]}`);
      const sub = v['Fn::Sub'];
      const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
      const vars = Array.isArray(sub) && isObject(sub[1]) ? new Set(Object.keys(sub[1])) : new Set<string>();
      if (text) for (const m of text.matchAll(/\$\{([^}!][^}.]*)(\.[^}]*)?\}/g)) if (!known(m[1]) && !vars.has(m[1])) missing.add(`\${${m[0].slice(2, -1)}}`);
      for (const [k, x] of Object.entries(v)) if (k !== 'Ref') walk(x, depth + 1, locals);
    };
    walk(raw.Properties, 0, new Set());
    for (const m of missing) ctx.partial(id, `${m} points to nothing in this template (no resource or parameter of that name)`);
    for (const dep of [raw.DependsOn].flat()) {
      if (dep === undefined) continue;
      if (typeof dep !== 'string' || !(dep in resources)) ctx.partial(id, `DependsOn ${JSON.stringify(dep)} names no resource of this template`);
    }
  }
  // DependsOn cycles (Tarjan-free: a DFS with colours is enough at template sizes).
  const colour = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const deps = (id: string) => { const r = resources[id]; return isObject(r) ? [r.DependsOn].flat().filter((d): d is string => typeof d === 'string' && d in resources) : []; };
  const visit = (id: string) => {
    colour.set(id, 1);
    stack.push(id);
    for (const d of deps(id)) {
      if (colour.get(d) === 1) {
        const cycle = [...stack.slice(stack.indexOf(d)), d];
        for (const member of cycle.slice(0, -1)) if (!reported.has(member)) { reported.add(member); ctx.partial(member, `DependsOn forms a cycle (${cycle.join(' → ')}); CloudFormation would refuse this template`); }
      } else if (!colour.has(d)) visit(d);
    }
    stack.pop();
    colour.set(id, 2);
  };
  for (const id of Object.keys(resources)) if (!colour.has(id)) visit(id);
}

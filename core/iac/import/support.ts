import type { ImportContext, TemplateResource } from './context';
import { describe } from './functions';
import { bucketNotifications } from './messaging';
import { asNumber, isObject, type Raw, referencedResources } from './resolve';
import { LOG_RETENTION_DAYS } from '../../model/kinds/lambda';
import { lambdaPermission as lambdaPermissionSchema } from '../../model/permissions';
import { canConnect } from '../../model/connections';
import { isNodeKind, nodeKindSpec } from '../../model/kinds';
import { DESIGN_ONLY_PROPS, METADATA_KEY } from '../cfn/metadata';
import { slugFor } from '../names';

/** Resources that say something about other resources (permissions, policies, CDK's helpers' inputs). */

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The template's `Metadata.ServerlessDesigner` ({design, region}) written by the exporter. */
export function designMetadata(template: Raw): Raw {
  const md = isObject(template.Metadata) ? template.Metadata : {};
  return isObject(md.ServerlessDesigner) ? md.ServerlessDesigner : {};
}

/** Who refers to a resource, and which of them have nodes. */
function referrers(ctx: ImportContext, id: string): TemplateResource[] {
  return [...ctx.resources.values()].filter((r) => r.logicalId !== id && referencedResources(r.allProps, ctx.rawResources).has(id));
}

const hasNode = (ctx: ImportContext, id: string) => ctx.drafts.has(id) || (ctx.aliases.get(id)?.length ?? 0) > 0;

/** Roles, IAM policies and resource policies: read where they matter, reported here. */
export function foldSupport(ctx: ImportContext, res: TemplateResource): void {
  const id = res.logicalId;
  const p = res.props;
  if (res.type === 'AWS::IAM::Role') {
    const users = referrers(ctx, id).filter((r) => !r.type.startsWith('AWS::IAM::'));
    const fnUsers = users.filter((r) => ctx.draft(r.logicalId)?.kind === 'lambda');
    if (fnUsers.length) { ctx.note(id, `read as the access of function${fnUsers.length > 1 ? 's' : ''} ${fnUsers.map((r) => r.logicalId).join(', ')}`); return; }
    const shown = users.filter((r) => hasNode(ctx, r.logicalId) || ctx.entries.get(r.logicalId)?.status !== 'skipped' && isModelled(r.type));
    if (shown.length) { ctx.note(id, `permissions of ${shown.map((r) => r.logicalId).join(', ')}: the model draws access edges from functions only`); return; }
    const external = [...ctx.resources.values()].find((r) => r.props.DefinitionUri !== undefined);
    ctx.skip(id, users.length ? `a role of ${users.map((r) => `${r.logicalId} (${r.type})`).join(', ')}, which the model does not show`
      : `a role no resource of this template names${external ? ` (${external.logicalId}'s DefinitionUri, a file the import does not read, may)` : ''}`);
    return;
  }
  const targets = res.type === 'AWS::SQS::QueuePolicy' ? list(p.Queues) : res.type === 'AWS::SNS::TopicPolicy' ? list(p.Topics) : res.type === 'AWS::S3::BucketPolicy' ? [p.Bucket]
    : res.type === 'AWS::SecretsManager::SecretTargetAttachment' ? [p.TargetId] : [...list(p.Roles), p.RoleName];
  const ids = targets.flatMap((t) => [...referencedResources(t, ctx.rawResources)]);
  if (res.type.startsWith('AWS::IAM::')) {
    const roles = ids.filter((r) => ctx.resources.get(r)?.type === 'AWS::IAM::Role' || ctx.entries.get(r)?.cdkInternal);
    if (roles.length && roles.every((r) => ctx.entries.get(r)?.cdkInternal)) {
      ctx.entry(id).cdkInternal = true;
      ctx.skip(id, `CDK internals: a policy of CDK's helper role ${roles.join(', ')}`);
      return;
    }
    const live = roles.filter((r) => ctx.entries.get(r)?.status !== 'skipped');
    if (live.length) { if (!ctx.entries.get(id)?.notes.length) ctx.note(id, `part of role ${live.join(', ')}`); return; }
    ctx.skip(id, roles.length ? `attached to role ${roles.join(', ')}, which the model does not show` : `attached to no role of this template (${describe(targets)})`);
    return;
  }
  const shown = ids.filter((r) => hasNode(ctx, r));
  if (shown.length) ctx.note(id, res.type === 'AWS::SecretsManager::SecretTargetAttachment' ? `folded into ${shown.join(', ')} (its credentials)` : `resource policy of ${shown.join(', ')}: the model checks who may send by its edges`);
  else ctx.skip(id, `a resource policy of nothing the model shows (${describe(targets)})`);
}

const MODELLED = new Set(['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Integration', 'AWS::Events::Rule', 'AWS::Scheduler::Schedule', 'AWS::Serverless::StateMachine',
  'AWS::StepFunctions::StateMachine', 'AWS::Serverless::Api', 'AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api', 'AWS::Serverless::HttpApi']);
const isModelled = (type: string) => MODELLED.has(type);

/** The service principal a trigger from each source kind is invoked through (as CFG-10 reads it). */
const TRIGGER_PRINCIPAL: Readonly<Record<string, string>> = {
  s3Bucket: 's3.amazonaws.com', snsTopic: 'sns.amazonaws.com', eventRule: 'events.amazonaws.com',
  apiGateway: 'apigateway.amazonaws.com', alb: 'elasticloadbalancing.amazonaws.com', cognitoUserPool: 'cognito-idp.amazonaws.com',
};

/** Per import, how many source-less load-balancer permissions of each function were taken as its ALB triggers' own. */
const albPermissionsSeen = new WeakMap<ImportContext, Map<string, number>>();

/** AWS::Lambda::Permission corroborates a trigger; where no trigger says the same, it draws one.
 *  One that names a principal other than its source's service, or an S3 source without
 *  SourceAccount, is kept on the trigger (`permission`) for CFG-10. One whose source is not in the
 *  template, and that no drawn trigger explains, becomes one of the function's `permissions`. */
export function lambdaPermission(ctx: ImportContext, res: TemplateResource): void {
  const fn = ctx.nodeOf(res.props.FunctionName, ['lambda']);
  if (!fn) { ctx.skip(res.logicalId, `FunctionName names no function of this template (${describe(res.props.FunctionName)})`); return; }
  const principal = typeof res.props.Principal === 'string' ? res.props.Principal : describe(res.props.Principal);
  const sourceAccount = typeof res.props.SourceAccount === 'string' || typeof res.props.SourceAccount === 'number' ? String(res.props.SourceAccount) : undefined;
  const source = [...referencedResources(res.props.SourceArn, ctx.rawResources)].flatMap((r) => (ctx.drafts.has(r) ? [r] : ctx.aliases.get(r) ?? []))[0];
  if (!source) {
    // A load balancer's permission has no SourceArn (it would name the target group, which waits for it):
    // one per ALB trigger into the function is that trigger's own; any other is a statement of the function.
    const albTriggers = ctx.edges.filter((e) => e.kind === 'trigger' && e.to === fn && ctx.draft(e.from)?.kind === 'alb').length;
    const used = albPermissionsSeen.get(ctx) ?? albPermissionsSeen.set(ctx, new Map()).get(ctx)!;
    // A statement the exporter marked as the design's own (Metadata.ServerlessDesigner.statement) is never a trigger's.
    const own = typeof designerOf(res).statement === 'number';
    const explained = !own && principal === TRIGGER_PRINCIPAL.alb && res.props.SourceArn === undefined && (used.get(fn) ?? 0) < albTriggers;
    if (explained) used.set(fn, (used.get(fn) ?? 0) + 1);
    if (explained || typeof res.props.Principal !== 'string') { ctx.note(res.logicalId, `lets ${principal} invoke ${fn}`); return; }
    const sourceArn = typeof res.props.SourceArn === 'string' ? res.props.SourceArn : undefined;
    const draft = ctx.draft(fn)!;
    const statement = { principal, ...(sourceArn ? { sourceArn } : {}), ...(sourceAccount ? { sourceAccount } : {}) };
    if (!lambdaPermissionSchema.safeParse(statement).success) { ctx.partial(res.logicalId, `a permission for ${principal}${sourceArn ? ` from ${sourceArn}` : ''} the model cannot hold (principal, SourceArn or SourceAccount not in AWS's form)`); return; }
    const list = Array.isArray(draft.props.permissions) ? draft.props.permissions as Raw[] : (draft.props.permissions = []) as Raw[];
    list.push(statement);
    ctx.note(res.logicalId, `folded into function ${fn} (a permission for ${principal}${sourceArn ? ` from ${sourceArn}` : ''})`);
    return;
  }
  const trigger = ctx.edges.find((e) => e.kind === 'trigger' && e.from === source && e.to === fn);
  const expected = TRIGGER_PRINCIPAL[ctx.draft(source)?.kind ?? ''];
  const wired = expected !== undefined && typeof res.props.Principal === 'string' && (principal !== expected || (expected === 's3.amazonaws.com' && sourceAccount === undefined));
  const candidate = { principal, ...(sourceAccount ? { sourceAccount } : {}) };
  const permission = wired && lambdaPermissionSchema.safeParse(candidate).success ? candidate : undefined;
  if (trigger) {
    if (permission) trigger.props.permission = permission;
    ctx.note(res.logicalId, `corroborates ${source} → ${fn}`);
    if (permission) ctx.note(res.logicalId, `its principal ${principal}${sourceAccount ? '' : ' and missing SourceAccount'} kept on the trigger (CFG-10 checks it)`);
    return;
  }
  ctx.addEdge(res.logicalId, 'trigger', source, fn, permission ? { permission } : {});
  ctx.note(res.logicalId, `${principal} may invoke ${fn} from ${source}, and nothing else in the template says how: drawn as a trigger`);
}

/** CDK's Custom::LogRetention: the log retention of the function it names. */
export function logRetentionCustom(ctx: ImportContext, res: TemplateResource): void {
  const fn = [...referencedResources(res.props.LogGroupName, ctx.rawResources)].find((r) => ctx.draft(r)?.kind === 'lambda');
  if (!fn) { ctx.skip(res.logicalId, `CDK log retention of a log group that belongs to no function of this template (${describe(res.props.LogGroupName)})`); return; }
  const days = asNumber(res.props.RetentionInDays);
  if (days !== undefined && (LOG_RETENTION_DAYS as readonly number[]).includes(days)) ctx.draft(fn)!.props.logRetentionDays = days;
  else ctx.partial(res.logicalId, `RetentionInDays ${describe(res.props.RetentionInDays)} is not a value CloudWatch Logs accepts`);
  ctx.note(res.logicalId, `folded into function ${fn} (log retention set by CDK's helper)`);
}

/** CDK's Custom::S3BucketNotifications: the bucket's notifications, as a bucket would carry them. */
export function s3NotificationsCustom(ctx: ImportContext, res: TemplateResource): void {
  const bucket = ctx.nodeOf(res.props.BucketName, ['s3Bucket']);
  if (!bucket) { ctx.skip(res.logicalId, `notifications of a bucket not in this template (${describe(res.props.BucketName)})`); return; }
  bucketNotifications(ctx, res.logicalId, bucket, res.props.NotificationConfiguration);
  const nc = isObject(res.props.NotificationConfiguration) ? res.props.NotificationConfiguration : {};
  if (isObject(nc.EventBridgeConfiguration)) ctx.draft(bucket)!.props.eventBridgeNotifications = true;
  ctx.note(res.logicalId, `folded into bucket ${bucket} (its event notifications)`);
}

/** The exporter's `Metadata.ServerlessDesigner` (see core/iac/cfn/metadata.ts), read back. */
export const designerOf = (res: TemplateResource | undefined): Raw => (res && isObject(res.metadata[METADATA_KEY]) ? res.metadata[METADATA_KEY] as Raw : {});

/** Template-level nodes with no resource of their own (Kafka clusters, external endpoints, AWS APIs, the default bus). */
export function metadataNodes(ctx: ImportContext, template: Raw): Map<string, string> {
  const byName = ctx.metaNodes;
  const nodes = list(designMetadata(template).nodes);
  nodes.forEach((n, i) => {
    if (!isObject(n) || typeof n.kind !== 'string' || !isNodeKind(n.kind) || typeof n.name !== 'string' || !n.name) {
      ctx.notes.push(`Metadata.ServerlessDesigner.nodes[${i}] is not a node (kind and name): left out`);
      return;
    }
    let id = `meta-${slugFor(n.name, n.kind)}`;
    for (let k = 2; ctx.drafts.has(id) || ctx.rawResources[id] !== undefined; k += 1) id = `meta-${slugFor(n.name, n.kind)}-${k}`;
    const parent = typeof n.parent === 'string' ? n.parent : undefined;
    ctx.addNode(METADATA_OWNER, n.kind, isObject(n.props) ? { ...n.props } : {}, { id, name: n.name, parent });
    byName.set(n.name, id);
  });
  return byName;
}

export const METADATA_OWNER = 'Metadata.ServerlessDesigner';

/** Design-only props and the node's description, once the node exists. */
export function metadataProps(ctx: ImportContext, res: TemplateResource): void {
  const md = designerOf(res);
  const node = ctx.draft(res.logicalId);
  if (!node || !Object.keys(md).length) return;
  if (typeof md.description === 'string') node.props.description = md.description;
  // DESIGN_ONLY_PROPS, and any other prop of the kind the exporter had to keep here (an HTTP API's
  // endpoint type, which SAM cannot say): the kind's schema decides what is a prop.
  const shape = (nodeKindSpec(node.kind)?.props as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  for (const [key, value] of Object.entries(md)) {
    if (METADATA_RESERVED.has(key) || value === undefined) continue;
    if ((DESIGN_ONLY_PROPS[node.kind] ?? []).includes(key) || key in shape) node.props[key] = value;
    else ctx.note(res.logicalId, `Metadata.ServerlessDesigner.${key} is not a setting of a ${node.kind}; ignored`);
  }
}

const METADATA_RESERVED = new Set(['name', 'description', 'access', 'invokes', 'events', 'triggers']);

/** Edges only the metadata can say: access mode/port/prefix, invoke modes, service-integration triggers. */
export function metadataEdges(ctx: ImportContext, res: TemplateResource, metaByName: Map<string, string>): void {
  const md = designerOf(res);
  const from = ctx.draft(res.logicalId)?.id;
  if (!from || !Object.keys(md).length) return;
  // `to` is a logical id or a metadata node's name; where both exist, the one the edge can reach wins.
  const fromDraft = ctx.draft(from)!;
  const target = (to: unknown, edge: 'access' | 'invoke' | 'trigger', toMetadataNode = false): string | undefined => {
    if (typeof to !== 'string') return undefined;
    if (toMetadataNode) return metaByName.get(to);
    const candidates = [ctx.drafts.has(to) ? to : ctx.aliases.get(to)?.[0], metaByName.get(to)].filter((c): c is string => c !== undefined);
    return candidates.find((c) => canConnect(fromDraft, ctx.draft(c)!, edge).ok) ?? candidates[0];
  };
  for (const a of list(md.access)) {
    if (!isObject(a)) continue;
    const to = target(a.to, 'access', a.toMetadataNode === true);
    if (!to) { ctx.partial(res.logicalId, `Metadata access to ${describe(a.to)}: no such node`); continue; }
    const props: Raw = { mode: a.mode ?? 'readWrite', ...(a.port !== undefined ? { port: a.port } : {}), ...(a.prefix !== undefined ? { prefix: a.prefix } : {}) };
    const existing = ctx.edges.find((e) => e.kind === 'access' && e.from === from && e.to === to);
    if (existing) { existing.props = props; existing.fromMetadata = true; } else ctx.addEdge(res.logicalId, 'access', from, to, props).fromMetadata = true;
  }
  // The metadata lists the design's access edges: IAM grants beyond them served something else
  // (a mapping's read, a proxy's secret) and are not drawn.
  if (Array.isArray(md.access)) {
    for (const e of ctx.edges) {
      if (e.kind === 'access' && e.from === from && !e.fromMetadata && !e.dropped) e.dropped = `IAM grants access to ${e.to}, which the design's metadata does not list as an access edge`;
    }
  }
  for (const inv of list(md.invokes)) {
    if (!isObject(inv)) continue;
    const to = target(inv.to, 'invoke');
    if (!to) { ctx.partial(res.logicalId, `Metadata invoke of ${describe(inv.to)}: no such node`); continue; }
    const existing = ctx.edges.find((e) => e.kind === 'invoke' && e.from === from && e.to === to);
    if (existing) existing.props = { mode: inv.mode ?? 'sync' };
    else ctx.addEdge(res.logicalId, 'invoke', from, to, { mode: inv.mode ?? 'sync' });
  }
  for (const t of list(md.triggers)) {
    if (!isObject(t)) continue;
    const to = target(t.to, 'trigger');
    if (!to) { ctx.partial(res.logicalId, `Metadata trigger to ${describe(t.to)}: no such node`); continue; }
    const props = isObject(t.props) ? t.props : {};
    const existing = ctx.edges.find((e) => e.kind === 'trigger' && e.from === from && e.to === to);
    if (existing) existing.props = { ...existing.props, ...props };
    else ctx.addEdge(res.logicalId, 'trigger', from, to, props);
  }
}

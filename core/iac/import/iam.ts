import type { AccessProps } from '../../model/edges';
import type { ImportContext } from './context';
import { asString, isObject, type Raw } from './resolve';

type Mode = AccessProps['mode'];

/** SAM policy templates: which access each grants (the name says it; the parameter names the resource).
 *  https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html */
function modeOfPolicyTemplate(name: string): Mode | 'invokeFunction' | undefined {
  if (/^LambdaInvokePolicy$/.test(name)) return 'invokeFunction';
  if (/^StepFunctionsExecutionPolicy$/.test(name)) return 'invoke';
  if (/^SNSPublishMessagePolicy$|^EventBridgePutEventsPolicy$/.test(name)) return 'publish';
  if (/StreamReadPolicy$|^SQSPollerPolicy$/.test(name)) return undefined; // a trigger's own permission, not access
  if (/Crud|FullAccess/.test(name)) return 'readWrite';
  if (/Write|Send|Put/.test(name)) return 'write';
  if (/Read|Get|Describe|List|Decrypt/.test(name)) return 'read';
  return undefined;
}

const READ_VERBS = /^(Get|List|Describe|Query|Scan|BatchGet|Receive|Select|Head|Lookup|Decrypt|ConditionCheck|Subscribe|Read)/;
const WRITE_VERBS = /^(Put|Delete|Update|BatchWrite|Send|Create|Write|Change|Restore|Abort|Replicate|Start|Tag|Untag|Encrypt|GenerateDataKey|Purge|TransactWrite)/;

/** The access an IAM action list gives on one target kind. */
function modeOfActions(actions: string[], targetKind: string): Mode | 'invokeFunction' | undefined {
  let read = false;
  let write = false;
  for (const action of actions) {
    const [service, verbRaw = ''] = action.split(':');
    const verb = verbRaw.replace(/\*$/, '');
    if (service === '*' || verb === '') { read = true; write = true; continue; }
    if (service === 'lambda' && /^Invoke/.test(verb)) return 'invokeFunction';
    if (service === 'states' && /^Start/.test(verb)) return 'invoke';
    if (service === 'sns' && verb === 'Publish') return 'publish';
    if (service === 'events' && verb === 'PutEvents') return 'publish';
    if (service === 'rds-db' || service === 'rds-data') return 'connect';
    if (READ_VERBS.test(verb)) read = true;
    else if (WRITE_VERBS.test(verb)) write = true;
  }
  if (targetKind === 'rds' || targetKind === 'rdsProxy' || targetKind === 'elasticache') return read || write ? 'connect' : undefined;
  return read && write ? 'readWrite' : read ? 'read' : write ? 'write' : undefined;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Access edges from one IAM policy document attached to `fnId`. */
export function accessFromPolicyDocument(ctx: ImportContext, owner: string, fnId: string, doc: unknown): void {
  if (!isObject(doc)) return;
  for (const statement of list(doc.Statement)) {
    if (!isObject(statement) || statement.Effect === 'Deny') continue;
    const actions = list(statement.Action).map(asString).filter((a): a is string => a !== undefined);
    for (const resource of list(statement.Resource)) {
      for (const target of ctx.nodesOf(resource)) addAccess(ctx, owner, fnId, target, modeOfActions(actions, ctx.draft(target)!.kind), 'an IAM statement');
    }
  }
}

/** SAM `Policies`: policy templates, inline documents, managed policy names/ARNs (those name no resource). */
export function accessFromSamPolicies(ctx: ImportContext, owner: string, fnId: string, policies: unknown): void {
  for (const policy of list(policies)) {
    if (typeof policy === 'string') continue; // a managed policy: grants on no particular resource of this template
    if (!isObject(policy)) continue;
    if ('Statement' in policy) { accessFromPolicyDocument(ctx, owner, fnId, policy); continue; }
    for (const [name, params] of Object.entries(policy)) {
      if (name === 'Ref' || name.startsWith('Fn::')) continue;
      const mode = modeOfPolicyTemplate(name);
      if (!isObject(params)) continue;
      for (const value of Object.values(params)) {
        for (const target of ctx.nodesOf(value)) addAccess(ctx, owner, fnId, target, mode, `the SAM policy template ${name}`);
      }
    }
  }
}

/** Statements of a role: inline Policies, plus AWS::IAM::Policy / RolePolicy / ManagedPolicy attached to it. */
export function accessFromRole(ctx: ImportContext, owner: string, fnId: string, roleId: string): void {
  const role = ctx.resources.get(roleId);
  if (!role) return;
  for (const p of list(role.props.Policies)) if (isObject(p)) accessFromPolicyDocument(ctx, owner, fnId, p.PolicyDocument);
  for (const arn of list(role.props.ManagedPolicyArns)) {
    const ref = ctx.resources.get(typeof arn === 'object' && isObject(arn) && typeof arn.Ref === 'string' ? arn.Ref : '');
    if (ref?.type === 'AWS::IAM::ManagedPolicy') accessFromPolicyDocument(ctx, owner, fnId, ref.props.PolicyDocument);
  }
  for (const other of ctx.resources.values()) {
    if (other.type !== 'AWS::IAM::Policy' && other.type !== 'AWS::IAM::RolePolicy' && other.type !== 'AWS::IAM::ManagedPolicy') continue;
    const roles = other.type === 'AWS::IAM::RolePolicy' ? [other.props.RoleName] : list(other.props.Roles);
    if (!roles.some((r) => isObject(r) && (r.Ref === roleId || (Array.isArray(r['Fn::GetAtt']) && r['Fn::GetAtt'][0] === roleId)))) continue;
    accessFromPolicyDocument(ctx, owner, fnId, other.props.PolicyDocument);
    ctx.note(other.logicalId, `read as access of function ${fnId} (attached to role ${roleId})`);
  }
}

const ACCESS_KINDS = new Set(['dynamoTable', 's3Bucket', 'sqsQueue', 'snsTopic', 'eventBus', 'kinesisStream', 'stepFunction', 'rds', 'rdsProxy', 'elasticache', 'externalEndpoint', 'awsService', 'kafka']);

export function addAccess(ctx: ImportContext, owner: string, fnId: string, target: string, mode: Mode | 'invokeFunction' | undefined, source: string): void {
  const kind = ctx.draft(target)?.kind;
  if (!kind || target === fnId) return;
  if (kind === 'lambda') {
    if (mode === 'invokeFunction' || mode === undefined) addOnce(ctx, owner, 'invoke', fnId, target, { mode: 'sync' });
    return;
  }
  if (!ACCESS_KINDS.has(kind) || mode === undefined || mode === 'invokeFunction') return;
  const existing = ctx.edges.find((e) => e.kind === 'access' && e.from === fnId && e.to === target);
  if (existing) {
    const merged = mergeModes(existing.props.mode as Mode, mode);
    existing.props.mode = merged;
    return;
  }
  ctx.addEdge(owner, 'access', fnId, target, { mode });
  ctx.note(owner, `access ${fnId} → ${target} (${mode}) from ${source}`);
}

function mergeModes(a: Mode, b: Mode): Mode {
  if (a === b) return a;
  const rw = new Set<Mode>(['read', 'write', 'readWrite']);
  if (rw.has(a) && rw.has(b)) return 'readWrite';
  return a;
}

function addOnce(ctx: ImportContext, owner: string, kind: 'invoke', from: string, to: string, props: Raw): void {
  if (ctx.edges.some((e) => e.kind === kind && e.from === from && e.to === to)) return;
  ctx.addEdge(owner, kind, from, to, props);
}

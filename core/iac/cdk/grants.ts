import type { EdgeOfKind } from '../../model/design';
import { hasNoResource } from '../cfn/metadata';
import type { CdkContext } from './context';
import { type Expr, call, exprStmt, member, str } from './writer';

/** The grant method per target kind and access mode (least privilege, as the CDK names it). */
const GRANTS: Record<string, Partial<Record<string, string[]>> & { default: string[] }> = {
  dynamoTable: { read: ['grantReadData'], write: ['grantWriteData'], default: ['grantReadWriteData'] },
  s3Bucket: { read: ['grantRead'], write: ['grantWrite'], default: ['grantReadWrite'] },
  sqsQueue: { read: ['grantConsumeMessages'], write: ['grantSendMessages'], publish: ['grantSendMessages'], default: ['grantSendMessages', 'grantConsumeMessages'] },
  snsTopic: { read: ['grantSubscribe'], default: ['grantPublish'] },
  eventBus: { default: ['grantPutEventsTo'] },
  kinesisStream: { read: ['grantRead'], write: ['grantWrite'], publish: ['grantWrite'], default: ['grantReadWrite'] },
  stepFunction: { read: ['grantRead'], default: ['grantStartExecution'] },
  rdsProxy: { default: ['grantConnect'] },
};

/** IAM grants from access and invoke edges, and the access list in each function's design metadata
 *  (IAM says the mode, not a database `connect`, a port or a key prefix). */
export function exportGrants(ctx: CdkContext): void {
  for (const fn of ctx.ofKind('lambda')) {
    if (!ctx.declared.has(fn.id)) continue;
    const access: Record<string, unknown>[] = [];
    for (const e of ctx.from(fn.id, 'access')) {
      const target = ctx.node(e.to);
      const resource = !hasNoResource(target.kind, target.props as Record<string, unknown>) && ctx.declared.has(target.id);
      access.push({
        to: resource ? ctx.logicalIdOf(target.id) : target.name,
        ...(resource ? {} : { toMetadataNode: true }),
        ...(e.props.mode !== 'readWrite' ? { mode: e.props.mode } : {}),
        ...(e.props.port !== null ? { port: e.props.port } : {}),
        ...(e.props.prefix !== undefined ? { prefix: e.props.prefix } : {}),
      });
      if (resource) grant(ctx, e);
    }
    if (access.length) ctx.meta(fn.id).access = access;
    const invokes: Record<string, unknown>[] = [];
    for (const e of ctx.from(fn.id, 'invoke')) {
      if (!ctx.declared.has(e.to)) continue;
      ctx.add('grants', exprStmt(call(member(ctx.v(e.to), 'grantInvoke'), ctx.v(fn.id))));
      invokes.push({ to: ctx.logicalIdOf(e.to), ...(e.props.mode !== 'sync' ? { mode: e.props.mode } : {}) });
    }
    if (invokes.length) ctx.meta(fn.id).invokes = invokes;
  }
}

function grant(ctx: CdkContext, e: EdgeOfKind<'access'>): void {
  const target = ctx.node(e.to);
  const fn = ctx.v(e.from);
  if (target.kind === 'rds') {
    // The function reads the credentials the database generated.
    ctx.add('grants', exprStmt(call(member(member(ctx.v(target.id), 'secret'), 'grantRead', true), fn)));
    return;
  }
  const methods = GRANTS[target.kind];
  if (!methods) return; // ElastiCache: reached over the network only; the metadata keeps the edge.
  const pattern: Expr[] = target.kind === 's3Bucket' && e.props.prefix ? [str(`${e.props.prefix}*`)] : [];
  for (const method of methods[e.props.mode] ?? methods.default) {
    ctx.add('grants', exprStmt(call(member(ctx.v(target.id), method), fn, ...pattern)));
  }
}

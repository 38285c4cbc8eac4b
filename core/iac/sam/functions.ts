import type { NodeOfKind } from '../../model/design';
import { type Props, tableForKind } from '../cfn/properties';
import { hasNoResource, METADATA_KEY } from '../cfn/metadata';
import { slugFor } from '../names';
import { type ExportContext, getAtt, ref, sub } from './context';
import { functionEvents } from './events';
import { functionPolicies } from './policies';

/** Where each function's code lives in the export (`src/<slug>/`), unique per function. */
export type CodeDirs = Map<string, string>;

export function codeDirs(ctx: ExportContext): CodeDirs {
  const dirs: CodeDirs = new Map();
  const used = new Set<string>();
  for (const fn of ctx.ofKind('lambda')) {
    const base = slugFor(fn.name, 'function');
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    dirs.set(fn.id, `src/${slug}`);
  }
  return dirs;
}

const DESTINATION_TYPES: Record<string, string> = { sqsQueue: 'SQS', snsTopic: 'SNS', lambda: 'Lambda', eventBus: 'EventBridge', s3Bucket: 'S3Bucket' };

export function exportFunctions(ctx: ExportContext, dirs: CodeDirs): void {
  for (const fn of ctx.ofKind('lambda')) exportFunction(ctx, fn, dirs.get(fn.id)!);
}

function exportFunction(ctx: ExportContext, fn: NodeOfKind<'lambda'>, dir: string): void {
  const id = ctx.id(fn.id);
  const p = fn.props;
  const props = ctx.applyTable(tableForKind('lambda', p, 'AWS::Serverless::Function')!, fn);
  const envKeys = Object.keys(p.environment);
  if (envKeys.length === 1 && /^(Ref|Condition|Fn::.*)$/.test(envKeys[0])) {
    // CloudFormation reads a mapping with the single key Ref (or Fn::…) as an intrinsic function.
    ctx.warn(fn, `its only environment variable is named ${envKeys[0]}, which CloudFormation reads as an intrinsic function; the environment is left out`);
    delete props.Environment;
  }
  const resource: Props = {};
  if (p.packageType === 'Image') {
    // `sam build` builds the image from this folder's Dockerfile.
    resource.Metadata = { Dockerfile: 'Dockerfile', DockerContext: `./${dir}`, DockerTag: 'latest' };
  } else {
    props.CodeUri = `${dir}/`;
  }
  if (p.provisionedConcurrency > 0 && p.publish.alias === null) {
    ctx.warn(fn, 'has provisioned concurrency but no alias to put it on (CONC-03); SAM needs AutoPublishAlias, so provisioned concurrency is left out');
    delete props.ProvisionedConcurrencyConfig;
  }
  if (p.reservedConcurrency !== null && p.provisionedConcurrency > p.reservedConcurrency) {
    ctx.warn(fn, `provisioned concurrency ${p.provisionedConcurrency} exceeds reserved concurrency ${p.reservedConcurrency}; Lambda will refuse it`);
  }

  const dlqs = ctx.from(fn.id, 'deadLetter');
  if (dlqs.length > 1) ctx.warn(fn, `has ${dlqs.length} dead-letter queues; a function has one, so only the first is written`);
  if (dlqs[0]) {
    const target = ctx.node(dlqs[0].to);
    props.DeadLetterQueue = target.kind === 'snsTopic' ? { Type: 'SNS', TargetArn: ref(ctx.id(target.id)) } : { Type: 'SQS', TargetArn: getAtt(ctx.id(target.id), 'Arn') };
  }

  const destinations: Props = {};
  for (const d of ctx.from(fn.id, 'destination')) {
    const key = d.props.on === 'success' ? 'OnSuccess' : 'OnFailure';
    if (destinations[key]) { ctx.warn(fn, `has more than one ${d.props.on === 'success' ? 'on-success' : 'on-failure'} destination; only the first is written`); continue; }
    const target = ctx.node(d.to);
    const targetId = ctx.id(target.id);
    const arn = target.kind === 'snsTopic' ? ref(targetId) : getAtt(targetId, 'Arn');
    destinations[key] = { Type: DESTINATION_TYPES[target.kind], Destination: arn };
  }
  if (Object.keys(destinations).length) props.EventInvokeConfig = { ...(props.EventInvokeConfig as Props | undefined), DestinationConfig: destinations };

  // A function sending its logs to a log group node has LoggingConfig from the table; its own group's
  // retention then has no effect (it travels in metadata: sam/index.ts `unexpressed`).
  const sharedGroup = p.logGroup !== null && ctx.has(p.logGroup) && ctx.node(p.logGroup).kind === 'logGroup';
  if (sharedGroup && p.logRetentionDays !== null) ctx.warn(fn, `its logs go to log group "${ctx.node(p.logGroup!).name}", whose retention applies; its own log retention (${p.logRetentionDays} days) is not written`);
  if (p.logRetentionDays !== null && !sharedGroup) {
    const group = ctx.auxId(id, 'Log Group');
    ctx.add(group, { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: sub(`/aws/lambda/\${AWS::StackName}/${dir.slice(4)}`), RetentionInDays: p.logRetentionDays } });
    props.LoggingConfig = { LogGroup: ref(group) };
  }

  const { events, statements } = functionEvents(ctx, fn);
  if (Object.keys(events).length) props.Events = events;
  const policies = functionPolicies(ctx, fn, statements);
  if (policies.length) props.Policies = policies;

  const meta = ctx.meta(id);
  const access = ctx.from(fn.id, 'access').map((e) => {
    const target = ctx.node(e.to);
    const inMetadata = hasNoResource(target.kind, target.props as Props);
    return {
      to: inMetadata ? target.name : ctx.id(target.id),
      ...(inMetadata ? { toMetadataNode: true } : {}),
      ...(e.props.mode !== 'readWrite' ? { mode: e.props.mode } : {}),
      ...(e.props.port !== null ? { port: e.props.port } : {}),
      ...(e.props.prefix !== undefined ? { prefix: e.props.prefix } : {}),
    };
  });
  if (access.length) meta.access = access;
  const invokes = ctx.from(fn.id, 'invoke').map((e) => ({ to: ctx.id(e.to), ...(e.props.mode !== 'sync' ? { mode: e.props.mode } : {}) }));
  if (invokes.length) meta.invokes = invokes;

  ctx.add(id, { Type: 'AWS::Serverless::Function', ...resource, Properties: props });
  // Resource-based permissions for invokers the design does not draw (CFG-10 checks them).
  (p.permissions ?? []).forEach((perm, i) => {
    // Marked as the design's own statement, so the import never takes it for a trigger's permission.
    ctx.add(ctx.auxId(id, `Permission ${i + 1}`), { Type: 'AWS::Lambda::Permission', Metadata: { [METADATA_KEY]: { statement: i + 1 } }, Properties: {
      Action: 'lambda:InvokeFunction', FunctionName: ref(id), Principal: perm.principal,
      ...(perm.sourceArn !== null ? { SourceArn: perm.sourceArn } : {}), ...(perm.sourceAccount !== null ? { SourceAccount: perm.sourceAccount } : {}),
    } });
  });
  ctx.output(`${id}Arn`, { Description: `${fn.name}: function ARN`, Value: getAtt(id, 'Arn') });
}

/** Function properties worth moving to Globals when every function has the same value. */
const GLOBAL_KEYS = ['Runtime', 'Architectures', 'MemorySize', 'Timeout', 'Handler'] as const;

/** Moves settings shared by every function (two or more) into Globals.Function. */
export function hoistGlobals(ctx: ExportContext): Props | undefined {
  const fns = Object.values(ctx.resources).filter((r) => r.Type === 'AWS::Serverless::Function');
  if (fns.length < 2) return undefined;
  const shared: Props = {};
  for (const key of GLOBAL_KEYS) {
    const first = fns[0].Properties?.[key];
    if (first === undefined) continue;
    const text = JSON.stringify(first);
    if (fns.every((f) => JSON.stringify(f.Properties?.[key]) === text)) shared[key] = first;
  }
  if (!Object.keys(shared).length) return undefined;
  for (const f of fns) for (const key of Object.keys(shared)) delete f.Properties![key];
  return { Function: shared };
}

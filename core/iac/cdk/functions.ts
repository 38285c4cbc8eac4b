import type { NodeOfKind } from '../../model/design';
import { slugFor } from '../names';
import { type CdkContext, describe, duration, LIMITS } from './context';
import { subnetSelection } from './network';
import { type Expr, arr, call, constStmt, construct, exprStmt, id, member, num, obj, str } from './writer';

/** Runtimes Lambda no longer takes for new functions, and the nearest one it does
 *  (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated). */
const DEPRECATED: Record<string, string> = { 'nodejs18.x': 'nodejs22.x', 'nodejs20.x': 'nodejs22.x', 'python3.9': 'python3.10', 'provided.al2': 'provided.al2023' };

/** A layer version ARN as Lambda takes it: https://docs.aws.amazon.com/lambda/latest/api/API_LayerVersionsListItem.html */
const LAYER_ARN = /^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$/;

const RUNTIMES: Record<string, string> = {
  'nodejs24.x': 'NODEJS_24_X', 'nodejs22.x': 'NODEJS_22_X',
  'python3.14': 'PYTHON_3_14', 'python3.13': 'PYTHON_3_13', 'python3.12': 'PYTHON_3_12', 'python3.11': 'PYTHON_3_11', 'python3.10': 'PYTHON_3_10',
  java25: 'JAVA_25', java21: 'JAVA_21', java17: 'JAVA_17', java11: 'JAVA_11', 'java8.al2': 'JAVA_8_CORRETTO',
  dotnet10: 'DOTNET_10', dotnet8: 'DOTNET_8', 'ruby3.4': 'RUBY_3_4', 'ruby3.3': 'RUBY_3_3',
  'provided.al2023': 'PROVIDED_AL2023', 'provided.al2': 'PROVIDED_AL2',
};

/** CloudWatch Logs retention values as aws-logs RetentionDays members. */
const RETENTION: Record<number, string> = {
  1: 'ONE_DAY', 3: 'THREE_DAYS', 5: 'FIVE_DAYS', 7: 'ONE_WEEK', 14: 'TWO_WEEKS', 30: 'ONE_MONTH', 60: 'TWO_MONTHS',
  90: 'THREE_MONTHS', 120: 'FOUR_MONTHS', 150: 'FIVE_MONTHS', 180: 'SIX_MONTHS', 365: 'ONE_YEAR', 400: 'THIRTEEN_MONTHS',
  545: 'EIGHTEEN_MONTHS', 731: 'TWO_YEARS', 1096: 'THREE_YEARS', 1827: 'FIVE_YEARS', 2192: 'SIX_YEARS', 2557: 'SEVEN_YEARS',
  2922: 'EIGHT_YEARS', 3288: 'NINE_YEARS', 3653: 'TEN_YEARS',
};

/** Where each function's code lives in the app (`lambda/<slug>`), unique per function. */
export function codeDirs(ctx: CdkContext): Map<string, string> {
  const dirs = new Map<string, string>();
  const used = new Set<string>();
  for (const fn of ctx.ofKind('lambda')) {
    const base = slugFor(fn.name, 'function');
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    dirs.set(fn.id, slug);
  }
  return dirs;
}

/** The runtime the app uses: the design's, or the nearest supported one for a deprecated runtime. */
export const effectiveRuntime = (runtime: string): string => DEPRECATED[runtime] ?? runtime;

export function runtimeOf(ctx: CdkContext, fn: NodeOfKind<'lambda'>): string {
  const replacement = DEPRECATED[fn.props.runtime];
  if (replacement) ctx.warn(fn, `runtime ${fn.props.runtime} is deprecated for new functions; the CDK app uses ${replacement}`);
  return replacement ?? fn.props.runtime;
}

/** Functions in an order where an async destination function is declared before the functions
 *  sending to it; a function whose destination function comes later configures it afterwards. */
export function exportFunctions(ctx: CdkContext, dirs: Map<string, string>): void {
  for (const g of ctx.ofKind('logGroup')) exportLogGroup(ctx, g);
  for (const fn of ctx.ofKind('lambda')) exportFunction(ctx, fn, dirs.get(fn.id)!);
}

/** A log group functions send their logs to. Retention said always (the L2 default is two years; the
 *  design's null is INFINITE), and the class too: import reads a stated class as a log group node. */
function exportLogGroup(ctx: CdkContext, g: NodeOfKind<'logGroup'>): void {
  ctx.add('functions', constStmt(ctx.varName(g.id), ctx.create('logs', 'LogGroup', ctx.cid(g.id), obj({
    retention: ctx.ns('logs', 'RetentionDays', g.props.retentionInDays === null ? 'INFINITE' : RETENTION[g.props.retentionInDays]),
    logGroupClass: ctx.ns('logs', 'LogGroupClass', g.props.logGroupClass),
  }))));
  ctx.declared.add(g.id);
}

const DESTINATIONS: Record<string, string> = { sqsQueue: 'SqsDestination', snsTopic: 'SnsDestination', lambda: 'LambdaDestination', eventBus: 'EventBridgeDestination', s3Bucket: 'S3Destination' };

function exportFunction(ctx: CdkContext, fn: NodeOfKind<'lambda'>, dir: string): void {
  const p = fn.props;
  const cid = ctx.cid(fn.id);

  let logGroup: Expr | undefined;
  const sharedGroup = p.logGroup !== null && ctx.declared.has(p.logGroup) && ctx.node(p.logGroup).kind === 'logGroup' ? p.logGroup : undefined;
  if (sharedGroup) {
    logGroup = ctx.v(sharedGroup);
    if (p.logRetentionDays !== null) {
      ctx.warn(fn, `its logs go to log group "${ctx.node(sharedGroup).name}", whose retention applies; its own log retention (${p.logRetentionDays} days) is not written`);
      ctx.meta(fn.id).logRetentionDays = p.logRetentionDays;
    }
  } else if (p.logRetentionDays !== null) {
    const name = ctx.auxVar(`${ctx.varName(fn.id)} logs`);
    ctx.add('functions', constStmt(name, ctx.create('logs', 'LogGroup', ctx.auxId(cid, 'Logs'), obj({
      retention: ctx.ns('logs', 'RetentionDays', RETENTION[p.logRetentionDays]),
    }))));
    logGroup = id(name);
  }

  const dlqs = ctx.from(fn.id, 'deadLetter');
  if (dlqs.length > 1) ctx.warn(fn, `has ${dlqs.length} dead-letter queues; a function has one, so only the first is written`);
  const dlq = dlqs[0] && ctx.declared.has(dlqs[0].to) ? ctx.node(dlqs[0].to) : undefined;

  const async: Record<string, Expr | undefined> = {
    retryAttempts: p.asyncConfig.maximumRetryAttempts !== 2 ? num(p.asyncConfig.maximumRetryAttempts) : undefined,
    maxEventAge: p.asyncConfig.maximumEventAgeSeconds !== 21600 ? duration(ctx, p.asyncConfig.maximumEventAgeSeconds) : undefined,
  };
  let later = false;
  for (const d of ctx.from(fn.id, 'destination')) {
    const key = d.props.on === 'success' ? 'onSuccess' : 'onFailure';
    if (async[key]) { ctx.warn(fn, `has more than one ${d.props.on === 'success' ? 'on-success' : 'on-failure'} destination; only the first is written`); continue; }
    const target = ctx.node(d.to);
    if (target.kind === 'lambda' && !ctx.declared.has(target.id)) later = true;
    else if (!ctx.declared.has(target.id)) continue;
    async[key] = construct(ctx.ns('destinations', DESTINATIONS[target.kind]), ctx.v(target.id));
  }

  const subnets = p.vpc ? ctx.refs(fn, p.vpc.subnets) : [];
  const sgs = p.vpc ? ctx.refs(fn, p.vpc.securityGroups) : [];
  const vpcNode = p.vpc && p.vpc.subnets[0] && ctx.has(p.vpc.subnets[0]) ? ctx.node(p.vpc.subnets[0]).parent : undefined;
  const inVpc = subnets.length > 0 && vpcNode !== undefined && ctx.declared.has(vpcNode);
  if (p.vpc && !inVpc) ctx.warn(fn, 'its VPC subnets are not in this export; the function is written without VpcConfig');
  const provisionedWithoutAlias = p.provisionedConcurrency > 0 && p.publish.alias === null;
  if (provisionedWithoutAlias) ctx.warn(fn, 'has provisioned concurrency but no alias to put it on (CONC-03); provisioned concurrency is left out');
  if (p.reservedConcurrency !== null && p.provisionedConcurrency > p.reservedConcurrency) {
    ctx.warn(fn, `provisioned concurrency ${p.provisionedConcurrency} exceeds reserved concurrency ${p.reservedConcurrency}; Lambda will refuse it`);
  }
  const env = Object.entries(p.environment);
  // Environment variable names Lambda takes: https://docs.aws.amazon.com/lambda/latest/api/API_Environment.html
  for (const [name] of env) if (!/^[a-zA-Z][a-zA-Z0-9_]+$/.test(name)) ctx.warn(fn, `environment variable name ${JSON.stringify(name)} is one Lambda refuses (a letter, then letters, digits or _); the deploy will fail until it is renamed`);

  const image = p.packageType === 'Image';
  for (const arn of p.layers) if (!LAYER_ARN.test(arn)) ctx.warn(fn, `layer ${JSON.stringify(arn)} is not a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>); the deploy will fail until it is`);
  if (image && p.layers.length) ctx.warn(fn, 'an image function takes no layers (they belong in the image); left out');
  const folder = call(path(ctx, 'join'), id('__dirname'), str('..'), str('lambda'), str(dir));
  ctx.add('functions', constStmt(ctx.varName(fn.id), ctx.create('lambda', image ? 'DockerImageFunction' : 'Function', cid, obj({
    description: describe(ctx, fn, LIMITS.lambdaDescription),
    runtime: image ? undefined : ctx.ns('lambda', 'Runtime', RUNTIMES[runtimeOf(ctx, fn)]),
    handler: image ? undefined : str(p.handler),
    // An image function: the image is built from the Dockerfile in its folder.
    code: image ? call(ctx.ns('lambda', 'DockerImageCode', 'fromImageAsset'), folder) : call(ctx.ns('lambda', 'Code', 'fromAsset'), folder),
    architecture: p.architecture === 'arm64' ? ctx.ns('lambda', 'Architecture', 'ARM_64') : undefined,
    memorySize: p.memoryMb !== 128 ? num(p.memoryMb) : undefined,
    timeout: p.timeoutSeconds !== 3 ? duration(ctx, p.timeoutSeconds) : undefined,
    ephemeralStorageSize: p.ephemeralStorageMb !== 512 ? call(ctx.ns('cdk', 'Size', 'mebibytes'), num(p.ephemeralStorageMb)) : undefined,
    reservedConcurrentExecutions: p.reservedConcurrency !== null ? num(p.reservedConcurrency) : undefined,
    environment: env.length ? obj(env.map(([k, v]) => [k, str(v)] as const)) : undefined,
    layers: p.layers.length && !image ? arr(p.layers.map((arn, i) => call(ctx.ns('lambda', 'LayerVersion', 'fromLayerVersionArn'), id('this'), str(ctx.auxId(cid, `Layer ${i + 1}`)), str(arn)))) : undefined,
    vpc: inVpc ? ctx.v(vpcNode!) : undefined,
    vpcSubnets: inVpc ? subnetSelection(ctx, subnets) : undefined,
    securityGroups: inVpc && sgs.length ? arr(sgs) : undefined,
    deadLetterQueue: dlq?.kind === 'sqsQueue' ? ctx.v(dlq.id) : undefined,
    deadLetterTopic: dlq?.kind === 'snsTopic' ? ctx.v(dlq.id) : undefined,
    ...(later ? {} : async),
    logGroup,
    recursiveLoop: p.recursiveLoop === 'Allow' ? ctx.ns('lambda', 'RecursiveLoop', 'ALLOW') : undefined,
  }))));
  ctx.declared.add(fn.id);
  // Resource-based permissions for invokers the design does not draw (CFG-10 checks them): L1, as written.
  (p.permissions ?? []).forEach((perm, i) => {
    // Marked as the design's own statement, so the import never takes it for a trigger's permission.
    ctx.add('functions', exprStmt(call(member(ctx.create('lambda', 'CfnPermission', ctx.auxId(cid, `Permission ${i + 1}`), obj({
      action: str('lambda:InvokeFunction'),
      functionName: member(ctx.v(fn.id), 'functionName'),
      principal: str(perm.principal),
      sourceArn: perm.sourceArn !== null ? str(perm.sourceArn) : undefined,
      sourceAccount: perm.sourceAccount !== null ? str(perm.sourceAccount) : undefined,
    })), 'addMetadata'), str('ServerlessDesigner'), obj({ statement: num(i + 1) }))));
  });
  // What the app could not say travels in the design metadata, so an import gives it back: an image
  // function's runtime, handler and layers (they live in the image), a deprecated runtime replaced.
  const meta = ctx.meta(fn.id);
  if (image) {
    if (p.runtime !== 'nodejs22.x') meta.runtime = p.runtime;
    if (p.handler !== 'index.handler') meta.handler = p.handler;
    if (p.layers.length) meta.layers = p.layers;
  } else if (DEPRECATED[p.runtime]) meta.runtime = p.runtime;

  if (later && Object.values(async).some(Boolean)) {
    // Its destination function is declared further down, so the async settings follow all functions.
    ctx.add('sources', exprStmt(call(member(ctx.v(fn.id), 'configureAsyncInvoke'), obj(async))));
  }
  if (p.publish.alias !== null) {
    const alias = ctx.auxVar(`${ctx.varName(fn.id)} alias`);
    ctx.add('functions', constStmt(alias, ctx.create('lambda', 'Alias', ctx.auxId(cid, 'Alias'), obj({
      aliasName: str(p.publish.alias),
      version: member(ctx.v(fn.id), 'currentVersion'),
      provisionedConcurrentExecutions: p.provisionedConcurrency > 0 ? num(p.provisionedConcurrency) : undefined,
    }))));
    ctx.aliases.set(fn.id, alias);
  }
}

/** `path.join` from node:path in the generated app (not in core). */
const path = (ctx: CdkContext, fnName: string): Expr => { ctx.helpers.add('path'); return member(id('path'), fnName); };

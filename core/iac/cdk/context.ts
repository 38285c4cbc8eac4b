import { type Design, type DesignNode } from '../../model/design';
import { DesignExportContext } from '../exportContext';
import { identifierFor, logicalIdFor } from '../names';
import { type Expr, type Stmt, call, construct, id, member, path, str } from './writer';

/** The module each namespace alias of the generated stack imports. */
export const MODULES = {
  cdk: 'aws-cdk-lib',
  lambda: 'aws-cdk-lib/aws-lambda',
  sources: 'aws-cdk-lib/aws-lambda-event-sources',
  destinations: 'aws-cdk-lib/aws-lambda-destinations',
  logs: 'aws-cdk-lib/aws-logs',
  iam: 'aws-cdk-lib/aws-iam',
  sqs: 'aws-cdk-lib/aws-sqs',
  sns: 'aws-cdk-lib/aws-sns',
  subscriptions: 'aws-cdk-lib/aws-sns-subscriptions',
  events: 'aws-cdk-lib/aws-events',
  targets: 'aws-cdk-lib/aws-events-targets',
  scheduler: 'aws-cdk-lib/aws-scheduler',
  schedulerTargets: 'aws-cdk-lib/aws-scheduler-targets',
  apigateway: 'aws-cdk-lib/aws-apigateway',
  apigwv2: 'aws-cdk-lib/aws-apigatewayv2',
  integrations: 'aws-cdk-lib/aws-apigatewayv2-integrations',
  authorizers: 'aws-cdk-lib/aws-apigatewayv2-authorizers',
  cognito: 'aws-cdk-lib/aws-cognito',
  elbv2: 'aws-cdk-lib/aws-elasticloadbalancingv2',
  elbTargets: 'aws-cdk-lib/aws-elasticloadbalancingv2-targets',
  dynamodb: 'aws-cdk-lib/aws-dynamodb',
  kinesis: 'aws-cdk-lib/aws-kinesis',
  s3: 'aws-cdk-lib/aws-s3',
  s3n: 'aws-cdk-lib/aws-s3-notifications',
  sfn: 'aws-cdk-lib/aws-stepfunctions',
  tasks: 'aws-cdk-lib/aws-stepfunctions-tasks',
  ec2: 'aws-cdk-lib/aws-ec2',
  rds: 'aws-cdk-lib/aws-rds',
  elasticache: 'aws-cdk-lib/aws-elasticache',
} as const;
export type Namespace = keyof typeof MODULES;

/** Names the stack file declares itself; node variables never take them. */
const FILE_NAMES = [...Object.keys(MODULES), 'Construct', 'path', 'designMetadata', 'logicalIdOf', 'this'];

export type Section = 'network' | 'data' | 'messaging' | 'functions' | 'sources' | 'wiring' | 'grants' | 'metadata' | 'outputs';
const SECTIONS: Section[] = ['network', 'data', 'messaging', 'functions', 'sources', 'wiring', 'grants', 'metadata', 'outputs'];

type Props = Record<string, unknown>;

/** Everything one CDK export shares: variables and construct ids per node, statements per section
 *  (printed in section order so every variable is declared before use), namespaces used, warnings. */
export class CdkContext extends DesignExportContext {
  readonly used = new Set<Namespace>();
  readonly helpers = new Set<'designMetadata' | 'logicalIdOf' | 'path'>();
  /** Kinesis stream node id → the variable of its enhanced fan-out consumer. */
  readonly consumers = new Map<string, string>();
  /** Function node id → the variable of its alias. */
  readonly aliases = new Map<string, string>();
  readonly stmts = new Map<Section, Stmt[]>(SECTIONS.map((s) => [s, []]));
  /** Design metadata per node (merged into one designMetadata call each, at the end). */
  readonly metadata = new Map<string, Props>();
  /** Nodes written as a construct (variable declared). */
  readonly declared = new Set<string>();
  private readonly vars = new Map<string, string>();
  private readonly cids = new Map<string, string>();
  private readonly takenVars = new Set<string>(FILE_NAMES);
  private readonly takenIds = new Set<string>();

  constructor(design: Design) {
    // Edges whose ends are not both nodes are left out with a warning (`edges` holds the rest).
    super(design, true);
    for (const n of design.nodes) {
      this.vars.set(n.id, identifierFor(softenAcronyms(n.name), this.takenVars, kindLower(n.kind)));
      this.cids.set(n.id, logicalIdFor(n.name, this.takenIds, kindUpper(n.kind)));
    }
  }

  /** A namespace path (`ns('lambda', 'Runtime', 'NODEJS_22_X')`), recording the import. */
  ns(namespace: Namespace, ...names: string[]): Expr {
    this.used.add(namespace);
    return path(namespace, ...names);
  }

  /** `new ns.Type(this, 'Id', props?)`. */
  create(namespace: Namespace, type: string, constructId: string, props?: Expr): Expr {
    const empty = props?.t === 'obj' && props.entries.length === 0;
    return construct(this.ns(namespace, type), id('this'), str(constructId), ...(props && !empty ? [props] : []));
  }

  /** The variable holding a node's construct. */
  v(nodeId: string): Expr {
    const name = this.vars.get(nodeId);
    if (name === undefined) throw new Error(`no node "${nodeId}" in design "${this.design.name}"`);
    return id(name);
  }

  varName(nodeId: string): string { this.v(nodeId); return this.vars.get(nodeId)!; }

  /** The construct id of a node (also the name CDK's template paths carry). */
  cid(nodeId: string): string {
    const c = this.cids.get(nodeId);
    if (c === undefined) throw new Error(`no node "${nodeId}" in design "${this.design.name}"`);
    return c;
  }

  /** A fresh construct id for something that belongs to a node (its log group, alias …). */
  auxId(owner: string, suffix: string): string {
    return logicalIdFor(`${owner} ${suffix}`, this.takenIds);
  }

  /** A fresh variable name for a helper construct. */
  auxVar(base: string): string {
    return identifierFor(softenAcronyms(base), this.takenVars);
  }

  has(nodeId: string | null | undefined): nodeId is string {
    return typeof nodeId === 'string' && this.nodes.has(nodeId);
  }

  /** Was the node written as a construct (its variable declared)? */
  isDeclared(nodeId: string | null | undefined): nodeId is string {
    return typeof nodeId === 'string' && this.declared.has(nodeId);
  }

  node(nodeId: string): DesignNode {
    const n = this.nodes.get(nodeId);
    if (!n) throw new Error(`no node "${nodeId}" in design "${this.design.name}"`);
    return n;
  }

  add(section: Section, stmt: Stmt): void { this.stmts.get(section)!.push(stmt); }

  meta(nodeId: string): Props {
    let m = this.metadata.get(nodeId);
    if (!m) { m = {}; this.metadata.set(nodeId, m); }
    return m;
  }

  /** `logicalIdOf(x)`: the logical id CDK gives a node's resource, resolved at synth. */
  logicalIdOf(nodeId: string): Expr {
    this.helpers.add('logicalIdOf');
    return call(id('logicalIdOf'), this.v(nodeId));
  }

  /** Variables of the referenced nodes that were declared (others are left out with a warning). */
  refs(owner: DesignNode, ids: readonly string[] | null | undefined): Expr[] {
    const out: Expr[] = [];
    for (const ref of ids ?? []) {
      if (this.declared.has(ref)) out.push(this.v(ref));
      else this.warn(owner, `refers to "${ref}", which is not a resource of this export; left out`);
    }
    return out;
  }
}

/** `NAT gateway A` → `Nat gateway A`, so that the variable reads `natGatewayA`, not `nATGatewayA`. */
const softenAcronyms = (name: string) => name.replace(/[A-Z]{2,}/g, (w) => w.charAt(0) + w.slice(1).toLowerCase());

const kindLower = (kind: string) => kind.charAt(0).toLowerCase() + kind.slice(1);
const kindUpper = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);

// ---------- small helpers every builder uses ----------

/** Lengths AWS accepts (characters unless said):
 *  Lambda Description 256: https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
 *  EventBridge rule / bus Description 512: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html,
 *    https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html
 *  Scheduler Description 512: https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
 *  Template Description 1024 bytes: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-description-structure.html
 *  SQS queue name 80 (with .fifo): https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
 *  Kinesis consumer name 128: https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html
 *  Stack name 128: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html */
export const LIMITS = {
  lambdaDescription: 256, eventsDescription: 512, schedulerDescription: 512, templateDescriptionBytes: 1024,
  queueName: 80, consumerName: 128, stackName: 128,
} as const;

/** A node's description for a construct that takes at most `max` characters; a longer one is cut
 *  there and kept whole in the design metadata. */
export function describe(ctx: CdkContext, node: DesignNode, max: number): Expr | undefined {
  const text = (node.props as { description?: string }).description ?? '';
  if (text === '') return undefined;
  if (text.length > max) ctx.meta(node.id).description = text;
  return str(text.slice(0, max));
}

/** `text` cut to at most `max` UTF-8 bytes, on a code point boundary. */
export function truncateUtf8(text: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + n > max) break;
    bytes += n;
    out += ch;
  }
  return out;
}

export const duration = (ctx: CdkContext, seconds: number): Expr => {
  if (seconds % 86400 === 0) return call(ctx.ns('cdk', 'Duration', 'days'), { t: 'atom', code: String(seconds / 86400) });
  if (seconds % 3600 === 0) return call(ctx.ns('cdk', 'Duration', 'hours'), { t: 'atom', code: String(seconds / 3600) });
  if (seconds % 60 === 0 && seconds >= 60) return call(ctx.ns('cdk', 'Duration', 'minutes'), { t: 'atom', code: String(seconds / 60) });
  return call(ctx.ns('cdk', 'Duration', 'seconds'), { t: 'atom', code: String(seconds) });
};

/** `x.node.defaultChild as cdk.CfnResource` — for L1 escape hatches. */
export const cfnOf = (ctx: CdkContext, target: Expr, type: Expr = ctx.ns('cdk', 'CfnResource')): Expr =>
  ({ t: 'as', expr: member(member(target, 'node'), 'defaultChild'), type });

export { defaultsOf, nonDefaultProps, same } from '../defaults';

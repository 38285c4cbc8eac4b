import type { Design, DesignNode } from '../../model/design';
import { getPath, isAwsDefault, type Props, type ResourceTable, setPath } from '../cfn/properties';
import { DesignExportContext } from '../exportContext';
import { logicalIdFor } from '../names';

/** A template resource as the exporter builds it (long-form intrinsics). */
export interface Resource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, unknown>;
  Properties?: Props;
}

export const ref = (logicalId: string) => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const sub = (text: string, vars?: Props) => ({ 'Fn::Sub': vars ? [text, vars] : text });

/** Everything one export shares: the design, logical ids per node, the resources, parameters and
 *  outputs built so far, and the warnings. Builders add to it in design order, so the same design
 *  always gives the same template. */
export class ExportContext extends DesignExportContext {
  readonly resources: Record<string, Resource> = {};
  readonly parameters: Record<string, Props> = {};
  readonly outputs: Record<string, Props> = {};
  /** Resource-level metadata per logical id (merged into Metadata.ServerlessDesigner at the end). */
  readonly metadata = new Map<string, Props>();
  /** Resource policy statements per queue / topic node id (one AWS::SQS::QueuePolicy / AWS::SNS::TopicPolicy each). */
  readonly queueStatements = new Map<string, Props[]>();
  readonly topicStatements = new Map<string, Props[]>();
  /** Fixed bucket names (a Sub), for buckets a function both is triggered by and accesses: the policy
   *  names the bucket by this instead of !Ref, which would close a dependency cycle. */
  readonly bucketNames = new Map<string, unknown>();
  /** Kinesis stream node id → its enhanced fan-out consumer's logical id. */
  readonly consumers = new Map<string, string>();
  /** Rule / schedule node ids written as SAM events on their function rather than resources. */
  readonly rulesAsEvents = new Set<string>();
  private readonly taken = new Set<string>();
  private readonly ids = new Map<string, string>();

  constructor(design: Design) {
    super(design, false);
    // A mapping whose only key is Ref or Condition is an intrinsic function to CloudFormation: no logical id may be one.
    for (const id of ['Stage', 'AWS', 'Ref', 'Condition']) this.taken.add(id);
    for (const n of design.nodes) this.ids.set(n.id, logicalIdFor(n.name, this.taken, kindFallback(n.kind)));
  }

  /** The logical id of a node's main resource. */
  id(nodeId: string): string {
    const id = this.ids.get(nodeId);
    if (id === undefined) throw new Error(`no node "${nodeId}" in design "${this.design.name}"`);
    return id;
  }

  has(nodeId: string | null | undefined): nodeId is string {
    return typeof nodeId === 'string' && this.nodes.has(nodeId);
  }

  node(nodeId: string): DesignNode {
    const n = this.nodes.get(nodeId);
    if (!n) throw new Error(`no node "${nodeId}" in design "${this.design.name}"`);
    return n;
  }

  /** A fresh logical id for a resource that belongs to `owner` (its route table, its log group …). */
  auxId(owner: string, suffix: string): string {
    return logicalIdFor(`${owner} ${suffix}`, this.taken);
  }

  private readonly paramNames = new Map<string, string>();
  /** A parameter for something the design leaves open, declared once per `name`; returns its logical id. */
  param(name: string, spec: Props): string {
    let id = this.paramNames.get(name);
    if (!id) {
      id = logicalIdFor(name, this.taken, 'Param');
      this.paramNames.set(name, id);
      this.parameters[id] = spec;
    }
    return id;
  }

  /** An output, under a name no other output has. */
  output(name: string, value: Props): void {
    let key = name;
    for (let n = 2; key in this.outputs; n += 1) key = `${name}${n}`;
    this.outputs[key] = value;
  }

  add(logicalId: string, resource: Resource): Resource {
    this.resources[logicalId] = resource;
    return resource;
  }

  meta(logicalId: string): Props {
    let m = this.metadata.get(logicalId);
    if (!m) { m = {}; this.metadata.set(logicalId, m); }
    return m;
  }

  allowQueue(queueId: string, statement: Props): void {
    addOnce(this.queueStatements, queueId, statement);
  }

  allowTopic(topicId: string, statement: Props): void {
    addOnce(this.topicStatements, topicId, statement);
  }

  /** A role a service assumes, with one inline policy of these statements; returns its logical id. */
  serviceRole(owner: string, service: string, statements: Props[]): string {
    const id = this.auxId(owner, 'Role');
    this.add(id, {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'Targets', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      },
    });
    return id;
  }

  /** `!Ref` to each referenced node that exists (a dangling id is left out with a warning). */
  refs(owner: DesignNode, ids: readonly string[] | null | undefined): { Ref: string }[] {
    const out: { Ref: string }[] = [];
    for (const id of ids ?? []) {
      if (this.has(id)) out.push(ref(this.id(id)));
      else this.warn(owner, `refers to "${id}", which is not a node of this design; left out`);
    }
    return out;
  }

  /** The template Properties a table says for a node: every entry that applies, AWS defaults left out,
   *  references as !Ref. Entries with `via` belong to another resource and are skipped. */
  applyTable(table: ResourceTable, node: DesignNode, exclude: readonly string[] = []): Props {
    const props = node.props as Props;
    const out: Props = {};
    for (const entry of table.properties) {
      if (entry.via || (entry.when && !entry.when(props)) || exclude.includes(entry.cfn.join('.'))) continue;
      const value = entry.model[0] === '$parent' ? node.parent : entry.model.length ? getPath(props, entry.model) : props;
      if (entry.model.length && isAwsDefault(entry, value)) continue;
      let converted: unknown = value;
      if (entry.ref === 'one') {
        if (typeof value !== 'string' || !this.has(value)) continue;
        if (entry.refKinds && !entry.refKinds.includes(this.node(value).kind)) continue;
        converted = ref(this.id(value));
      } else if (entry.ref === 'many') {
        converted = this.refs(node, value as string[]);
        if ((converted as unknown[]).length === 0) continue;
      } else if (entry.toCfn) converted = entry.toCfn(value);
      if (converted === undefined) continue;
      setPath(out, entry.cfn, converted);
    }
    return out;
  }
}

function addOnce(map: Map<string, Props[]>, key: string, statement: Props): void {
  const list = map.get(key) ?? [];
  const text = JSON.stringify(statement);
  if (!list.some((s) => JSON.stringify(s) === text)) list.push(statement);
  map.set(key, list);
}

const kindFallback = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);

/** An ARN for resources that have one by GetAtt or Ref, per kind. */
export function arnOf(ctx: ExportContext, nodeId: string): unknown {
  const n = ctx.node(nodeId);
  const id = ctx.id(nodeId);
  switch (n.kind) {
    case 'sqsQueue': case 'lambda': case 's3Bucket': case 'kinesisStream': case 'dynamoTable': case 'eventBus': case 'eventRule': case 'cognitoUserPool':
      return getAtt(id, 'Arn');
    case 'snsTopic': case 'stepFunction': return ref(id);
    default: return ref(id);
  }
}

/** Tags with Name = node name (network resources). */
/** Tag values hold at most 256 characters: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions */
export const nameTag = (node: DesignNode, suffix = '') => [{ Key: 'Name', Value: Array.from(suffix ? `${node.name} ${suffix}` : node.name).slice(0, 256).join('') }];

/** What travels in `Metadata.ServerlessDesigner`: settings a design has that no CloudFormation
 *  property says. The SAM exporter writes them (only values that differ from the model's default), the
 *  CDK exporter sets the same with `addMetadata('ServerlessDesigner', …)`, the importer reads them back.
 *
 *  Template level: `Metadata: { ServerlessDesigner: TemplateMetadata }`.
 *  Resource level: `Metadata: { ServerlessDesigner: ResourceMetadata }` on the node's main resource. */

import { tableForKind } from './properties';

export const METADATA_KEY = 'ServerlessDesigner';

/** Model props per kind with no CloudFormation property (paths are top-level prop names). */
export const DESIGN_ONLY_PROPS: Readonly<Record<string, readonly string[]>> = {
  /** killSwitch: reserved concurrency 0 is intended; stopsAtFirstFailure: the handler's batch semantics;
   *  codeSize: the package sizes the design was checked against (CFG-04); idempotency(Note): the
   *  handler declared idempotent, and how (INV-12); maxResponseKb/responseStreaming: the largest
   *  response and whether it is streamed (INV-04; the design has no function URL to carry InvokeMode). */
  lambda: ['killSwitch', 'stopsAtFirstFailure', 'codeSize', 'account', 'region', 'idempotency', 'idempotencyNote', 'maxResponseKb', 'responseStreaming'],
  /** The design says strict order matters (RETRY-18). account/region (here and below): a resource in
   *  another account or Region than the stack's, as the design placed it (CFG-12); the export warns. */
  sqsQueue: ['orderCritical', 'account', 'region'],
  snsTopic: ['account', 'region'],
  alb: ['account', 'region'],
  /** For cost: state transitions per execution. */
  stepFunction: ['transitionsPerExecution'],
  /** The objects' storage class (an object setting, not a bucket property). */
  s3Bucket: ['storageClass'],
  /** The stream's shard count when known (DynamoDB sets it; CONC-07). */
  dynamoTable: ['streamShards'],
  /** AWS::RDS::DBProxy has no such property (a proxy is never public; NET-12 says so). */
  rdsProxy: ['publiclyAccessible'],
  /** AWS sets the timeout per integration (each event's TimeoutInMillis); the design holds one per API. */
  apiGateway: ['integrationTimeoutMs'],
};

/** Kinds that become no resource of their own: the whole node travels in the template's metadata
 *  (`nodes`), and edges to it in the source resource's metadata. A Kafka cluster is a parameter (its ARN
 *  or bootstrap servers), the default event bus exists in every account. */
export function hasNoResource(kind: string, props: Record<string, unknown>): boolean {
  if (kind === 'externalEndpoint' || kind === 'awsService' || kind === 'kafka') return true;
  if (kind === 'eventBus') return props.busType === 'default';
  return false;
}

/** A node kept whole in the template metadata. `props` holds only values that differ from the defaults. */
export interface MetadataNode {
  kind: string;
  name: string;
  /** The logical id of the parent's resource (a Kafka cluster's VPC). */
  parent?: string;
  props?: Record<string, unknown>;
}

/** An access edge as the function's metadata records it: `to` is the target's logical id, or the
 *  name of a metadata node; mode, port and prefix are the edge's props (defaults left out). IAM
 *  policies say much of this too, but not `connect` to a database, a port, or a prefix. */
export interface MetadataAccess {
  to: string;
  /** `to` names a node of the template's metadata (`nodes`), not a logical id: the two may coincide. */
  toMetadataNode?: boolean;
  mode?: string;
  port?: number;
  prefix?: string;
}

/** A function → function invoke edge (`to`: the called function's logical id). */
export interface MetadataInvoke {
  to: string;
  mode?: 'sync' | 'async';
}

/** What a SAM event on a function stands for when its source node has no resource of its own (an
 *  EventBridge rule or schedule written as an event, a Kafka cluster): the node's name and props. */
export interface MetadataEvent {
  /** The source node (kind, name, non-default props). */
  source?: MetadataNode;
}

export interface ResourceMetadata {
  /** The node's name when it is not the logical id. */
  name?: string;
  /** The node's description when the resource has no Description property. */
  description?: string;
  /** Design-only props (DESIGN_ONLY_PROPS), non-default values only. */
  [designOnlyProp: string]: unknown;
  access?: MetadataAccess[];
  invokes?: MetadataInvoke[];
  /** Keyed by the event's key in `Events`. */
  events?: Record<string, MetadataEvent>;
  /** Trigger edges the template cannot say (an API Gateway service integration to a queue …): target
   *  logical id and the trigger's props. */
  triggers?: { to: string; props?: Record<string, unknown> }[];
}

export interface TemplateMetadata {
  design: string;
  region: string;
  /** Nodes with no resource of their own (see hasNoResource). */
  nodes?: MetadataNode[];
}

/** Does the kind's main resource carry the description (Description, GroupDescription,
 *  ReplicationGroupDescription)? If not, a description goes in metadata. Where the resource holds the
 *  node name in its place (an empty description) or a cleaned-up text, metadata says the original. */
export function describedByResource(kind: string, props: Record<string, unknown>): boolean {
  const table = tableForKind(kind, props);
  return table?.properties.some((p) => p.model.length === 1 && p.model[0] === 'description' && p.cfn[0].endsWith('Description')) ?? false;
}

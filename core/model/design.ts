import { z } from 'zod';
import { accountSchema, AWS_REGION_PATTERN } from './account';
import { EDGE_KINDS } from './edges';
import * as K from './kinds';
import { USAGE_LIMITS } from './limits';
import { CURRENT_SCHEMA_VERSION, DESIGN_FORMAT } from './migrations';

const id = () => z.string().min(1, { message: 'an id must not be empty' });

/** A node schema for one kind; a missing `props` reads as {} so every AWS default applies. */
const nodeOf = <K extends string, P extends z.ZodType>(kind: K, props: P) =>
  z.looseObject({
    id: id(),
    kind: z.literal(kind),
    name: z.string().min(1, { message: 'a node needs a name' }),
    /** Containment: subnet ⊂ VPC, NAT gateway ⊂ subnet, rule ⊂ bus … (see core/graph). */
    parent: z.string().min(1).optional(),
    props: z.preprocess((v) => v ?? {}, props),
  });

/** One schema per kind, listed explicitly so each node type keeps its props type. A test checks
 *  this list against NODE_KINDS. */
export const nodeSchema = z.discriminatedUnion('kind', [
  nodeOf('lambda', K.lambdaProps),
  nodeOf('stepFunction', K.stepFunctionProps),
  nodeOf('apiGateway', K.apiGatewayProps),
  nodeOf('alb', K.albProps),
  nodeOf('cloudfront', K.cloudfrontProps),
  nodeOf('s3Bucket', K.s3BucketProps),
  nodeOf('eventRule', K.eventRuleProps),
  nodeOf('cognitoUserPool', K.cognitoUserPoolProps),
  nodeOf('snsTopic', K.snsTopicProps),
  nodeOf('sqsQueue', K.sqsQueueProps),
  nodeOf('eventBus', K.eventBusProps),
  nodeOf('kinesisStream', K.kinesisStreamProps),
  nodeOf('kafka', K.kafkaProps),
  nodeOf('dynamoTable', K.dynamoTableProps),
  nodeOf('rds', K.rdsProps),
  nodeOf('rdsProxy', K.rdsProxyProps),
  nodeOf('elasticache', K.elasticacheProps),
  nodeOf('logGroup', K.logGroupProps),
  nodeOf('externalEndpoint', K.externalEndpointProps),
  nodeOf('awsService', K.awsServiceProps),
  nodeOf('vpc', K.vpcProps),
  nodeOf('subnet', K.subnetProps),
  nodeOf('internetGateway', K.internetGatewayProps),
  nodeOf('natGateway', K.natGatewayProps),
  nodeOf('securityGroup', K.securityGroupProps),
  nodeOf('vpcEndpoint', K.vpcEndpointProps),
]);

const edgeOf = <K extends string, P extends z.ZodType>(kind: K, props: P) =>
  z.looseObject({ id: id(), kind: z.literal(kind), from: id(), to: id(), props: z.preprocess((v) => v ?? {}, props) });

export const edgeSchema = z.discriminatedUnion('kind', [
  edgeOf('trigger', EDGE_KINDS.trigger.props),
  edgeOf('invoke', EDGE_KINDS.invoke.props),
  edgeOf('destination', EDGE_KINDS.destination.props),
  edgeOf('deadLetter', EDGE_KINDS.deadLetter.props),
  edgeOf('access', EDGE_KINDS.access.props),
]);

/** Usage entered at a node: requests at sources, durations and payloads at functions, volumes AWS
 *  bills on. What each field means, its unit and the kinds it applies to: core/model/usageFields.ts.
 *  A volume entered here replaces the one the analysis would derive (traffic, routing). Every number
 *  is bounded: AWS's limit where it has one, else USAGE_LIMITS (core/model/limits.ts, with reasons). */
export const nodeUsageSchema = z.looseObject({
  requestsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  avgDurationMs: z.number().min(0).max(900000).optional(),
  avgPayloadKb: z.number().min(0).max(1048576).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  storageGb: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  logKbPerInvocation: z.number().min(0).max(USAGE_LIMITS.logKbPerInvocation).optional(),
  dataOutGbPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  /** WebSocket APIs: connection minutes a month. */
  connectionMinutesPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  /** Lambda provisioned concurrency schedule: hours a day it is on, and days a month. */
  provisionedHoursPerDay: z.number().min(0).max(24).optional(),
  provisionedDaysPerMonth: z.number().min(0).max(31).optional(),
  /** NAT gateway / VPC endpoint: GB processed a month. */
  gbProcessedPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  /** DynamoDB: request units a month, and how reads and writes are made. */
  readRequestUnitsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  writeRequestUnitsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  readConsistency: z.enum(['eventual', 'strong', 'transactional']).optional(),
  transactionalWrites: z.boolean().optional(),
  /** DynamoDB Streams: GetRecords calls a month by consumers other than Lambda triggers. */
  streamReadRequestsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  /** S3 requests by class: PUT/COPY/POST/LIST, and GET/SELECT/other. */
  putRequestsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  getRequestsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  /** Data transfer between Availability Zones and to other Regions. */
  crossAzGbPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  interRegionGbPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  /** EventBridge bus: archive, replay and partner events. */
  archivedGbPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  archiveStorageGb: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  replayedEventsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  partnerEventsPerMonth: z.number().min(0).max(USAGE_LIMITS.perMonth).optional(),
  /** Kinesis: enhanced fan-out consumers (at most 20 a stream:
   *  https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html), and data read back
   *  from long-term retention. */
  enhancedFanOutConsumers: z.number().int().min(0).max(20).optional(),
  longTermRetrievedGbPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  /** Step Functions Express: memory an execution uses (billed in 64 MB chunks). */
  billedMemoryMb: z.number().min(0).max(10240).optional(),
  /** CloudWatch Logs log group: GB ingested a month, and GB scanned by Logs Insights queries. */
  ingestedGbPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
  insightsGbScannedPerMonth: z.number().min(0).max(USAGE_LIMITS.gigabytes).optional(),
});

/** Usage carried by an edge: how many messages/writes each invocation of `from` makes along it. */
export const edgeUsageSchema = z.looseObject({
  perInvocation: z.number().min(0).max(USAGE_LIMITS.perInvocation).optional(),
  avgPayloadKb: z.number().min(0).max(1048576).optional(),
});

export const usageProfileSchema = z.looseObject({
  description: z.string().default(''),
  nodes: z.record(z.string(), nodeUsageSchema).default({}),
  edges: z.record(z.string(), edgeUsageSchema).default({}),
});

export const usageSchema = z.looseObject({
  profiles: z.record(z.string().min(1), usageProfileSchema).default({}),
  /** The profile the canvas shows; null when the design has none. */
  active: z.string().nullable().default(null),
});

export const suppressionSchema = z.looseObject({
  ruleId: z.string().regex(/^[A-Z]+-\d{2}$/, { message: 'expected a rule id such as RETRY-01' }),
  /** A node or edge id, or "*" for a finding about the whole design. */
  target: id(),
  reason: z.string().trim().min(1, { message: 'a suppression needs a reason' }),
});

export const layoutSchema = z.looseObject({
  positions: z.record(z.string(), z.looseObject({
    x: z.number(),
    y: z.number(),
    width: z.number().positive().optional(),
    height: z.number().positive().optional(),
  })).default({}),
  viewport: z.looseObject({ x: z.number(), y: z.number(), zoom: z.number().positive() }).optional(),
  /** Sticky notes on the canvas: layout only, so the analysis, exports and the cost never see them.
   *  A note's place and size are in `positions` under its id. */
  notes: z.array(z.looseObject({ id: id(), text: z.string() })).optional(),
});

export const REGION_PATTERN = AWS_REGION_PATTERN;

/** What a variant of the design consists of: the design being edited has it at the top level, every
 *  other variant in `alternatives`. */
const variantShape = {
  region: z.string().regex(REGION_PATTERN, { message: 'expected an AWS region such as us-east-1' }).default('us-east-1'),
  nodes: z.array(nodeSchema).default([]),
  edges: z.array(edgeSchema).default([]),
  usage: usageSchema.prefault({}),
  suppressions: z.array(suppressionSchema).default([]),
  layout: layoutSchema.prefault({}),
};

/** Another variant of the design, kept in the same file (a design review circulates one file). A node
 *  it shares with the others keeps its id, so usage entered per node carries over and a comparison
 *  pairs lines by node. */
export const alternativeSchema = z.looseObject({
  name: z.string().min(1, { message: 'an alternative needs a name' }),
  ...variantShape,
});

/** The name the design being edited goes by when it does not name itself (`alternativeName`). */
export const DEFAULT_ALTERNATIVE_NAME = 'A';

export const designSchema = z.looseObject({
  format: z.literal(DESIGN_FORMAT),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  name: z.string().min(1, { message: 'a design needs a name' }),
  /** The name of the variant at the top level (the one being edited) among the alternatives. */
  alternativeName: z.string().min(1, { message: 'an alternative needs a name' }).optional(),
  ...variantShape,
  /** The AWS account the design goes to: its ID and Lambda concurrency quota (core/model/account.ts);
   *  absent: the default quota of 1,000 and nothing reserved outside the design. */
  account: accountSchema.optional(),
  /** The other variants (core/commands/alternatives.ts switches between them). */
  alternatives: z.array(alternativeSchema).default([]),
});

export type Design = z.output<typeof designSchema>;
export type DesignNode = Design['nodes'][number];
export type DesignEdge = Design['edges'][number];
export type NodeOfKind<K extends DesignNode['kind']> = Extract<DesignNode, { kind: K }>;
export type EdgeOfKind<K extends DesignEdge['kind']> = Extract<DesignEdge, { kind: K }>;
export type UsageProfile = z.output<typeof usageProfileSchema>;
export type NodeUsage = z.output<typeof nodeUsageSchema>;
export type Suppression = z.output<typeof suppressionSchema>;
export type Layout = z.output<typeof layoutSchema>;
export type Note = NonNullable<Layout['notes']>[number];
export type Alternative = z.output<typeof alternativeSchema>;

export const DEFAULT_PROFILES = ['low', 'expected', 'peak'] as const;

/** A new, empty design with the three standard usage profiles. */
export function createDesign(name: string, region = 'us-east-1'): Design {
  return designSchema.parse({
    format: DESIGN_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name,
    region,
    usage: { profiles: Object.fromEntries(DEFAULT_PROFILES.map((p) => [p, {}])), active: 'expected' },
  });
}

/** A node of `kind` with AWS's defaults for every prop not given. Throws on an unknown kind. */
export function createNode(kind: DesignNode['kind'], nodeId: string, name: string, props: Record<string, unknown> = {}, parent?: string): DesignNode {
  return nodeSchema.parse({ id: nodeId, kind, name, props, ...(parent ? { parent } : {}) });
}

export function createEdge(kind: DesignEdge['kind'], edgeId: string, from: string, to: string, props: Record<string, unknown> = {}): DesignEdge {
  return edgeSchema.parse({ id: edgeId, kind, from, to, props });
}

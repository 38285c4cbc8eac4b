import fc from 'fast-check';
import {
  canConnect, createDesign, designSchema, edgeSchema, NODE_KINDS, nodeSchema, NODE_REFS, type Design, type DesignEdge, type DesignNode,
} from '../../core/model';
import { arbitraryFor } from './arbitraries';

/* Designs that IaC can carry: every node kind's settings drawn from its own zod schema (so a new prop
 * is exercised without touching this file), wired the way AWS wires them — triggers only from sources
 * that can deliver to the target, each trigger carrying the settings its source kind has, one DLQ per
 * function and per queue, a VPC whose references point at real subnets and groups. */

type AnySchema = Parameters<typeof arbitraryFor>[0];
type Props = Record<string, unknown>;

const propsArb = (kind: DesignNode['kind']): fc.Arbitrary<Props> => {
  const spec = NODE_KINDS.find((k) => k.kind === kind)!;
  const arb = arbitraryFor(spec.props as unknown as AnySchema);
  return (typeof arb === 'symbol' ? fc.constant({}) : arb).map((p) => clearRefs(kind, withoutExtras(p) as Props));
};

/** `x-…` keys are a newer tool's fields in a design file; a template has nowhere to put them. */
function withoutExtras(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExtras);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('x-')).map(([k, v]) => [k, withoutExtras(v)]));
}

/** References are drawn below from the design's own nodes, never from the schema's strings. */
function clearRefs(kind: string, props: Props): Props {
  const p = JSON.parse(JSON.stringify(props)) as Props;
  for (const ref of NODE_REFS[kind] ?? []) {
    const [first, second] = ref.path as string[];
    const holder = (second === undefined ? p : (p[first] as Props | undefined)) as Props | undefined;
    if (holder && typeof holder === 'object') delete holder[second ?? first];
  }
  if (kind === 'lambda') {
    p.vpc = null;
    // Layers are ARNs in AWS; the model keeps the string the user typed.
    if (Array.isArray(p.layers)) p.layers = p.layers.map((_, i) => `arn:aws:lambda:us-east-1:123456789012:layer:shared-${i}:${i + 1}`);
  }
  // Settings AWS ignores in this configuration have nothing in a template to come back from.
  if (kind === 'dynamoTable' && p.billingMode !== 'provisioned') { delete p.readCapacityUnits; delete p.writeCapacityUnits; }
  if ((kind === 'sqsQueue' || kind === 'snsTopic') && p.fifo !== true) delete p.contentBasedDeduplication;
  if (kind === 'sqsQueue' && p.fifo !== true) { delete p.deduplicationScope; delete p.fifoThroughputLimit; }
  if (kind === 'kinesisStream' && p.capacityMode === 'onDemand') delete p.shardCount;
  // HTTP and WebSocket APIs have no cache and are regional only.
  if (kind === 'apiGateway' && p.apiType !== 'rest') { delete p.cacheSizeGb; delete p.endpointType; }
  if (kind === 'securityGroup') { p.ingress = []; p.egress = null; }
  return p;
}

/** The model holds these as free strings; a template holds a parsed pattern and a valid expression. */
const RULE_SHAPES = fc.record({
  eventPattern: fc.constantFrom('{"source":["orders"]}', '{"source":["aws.s3"],"detail-type":["Object Created"]}'),
  scheduleExpression: fc.constantFrom('rate(1 hour)', 'rate(5 minutes)', 'cron(0 12 * * ? *)'),
});

/** A rule keeps the expression of its type only; Scheduler is for schedules. */
function ruleShape(p: Props): Props {
  const { eventPattern, scheduleExpression, scheduler, ...rest } = p;
  return p.ruleType === 'schedule' ? { ...rest, scheduleExpression, scheduler } : { ...rest, eventPattern };
}

const patternJson = fc.constantFrom('{"body":{"kind":["order"]}}', '{"eventName":["INSERT"]}', '{"data":{"n":[{"numeric":[">",5]}]}}');

/** The trigger settings each source kind has (lambda services-*-parameters); the rest stay unset. */
const TRIGGER_SETTINGS: Record<string, fc.Arbitrary<Props>> = {
  sqsQueue: fc.record({
    batchSize: fc.integer({ min: 1, max: 10 }), maximumBatchingWindowSeconds: fc.integer({ min: 0, max: 300 }),
    reportBatchItemFailures: fc.boolean(), maximumConcurrency: fc.integer({ min: 2, max: 1000 }), filters: fc.array(patternJson, { minLength: 1, maxLength: 2 }),
  }, { requiredKeys: [] }),
  kinesisStream: fc.record({
    batchSize: fc.integer({ min: 1, max: 10000 }), maximumBatchingWindowSeconds: fc.integer({ min: 0, max: 300 }),
    startingPosition: fc.constantFrom('TRIM_HORIZON', 'LATEST'), bisectBatchOnFunctionError: fc.boolean(),
    maximumRetryAttempts: fc.integer({ min: -1, max: 10000 }), maximumRecordAgeSeconds: fc.oneof(fc.constant(-1), fc.integer({ min: 60, max: 604800 })),
    parallelizationFactor: fc.integer({ min: 1, max: 10 }), reportBatchItemFailures: fc.boolean(), tumblingWindowSeconds: fc.integer({ min: 0, max: 900 }),
    filters: fc.array(patternJson, { minLength: 1, maxLength: 2 }),
  }, { requiredKeys: ['startingPosition'] }),
  kafka: fc.record({
    batchSize: fc.integer({ min: 1, max: 10000 }), startingPosition: fc.constantFrom('TRIM_HORIZON', 'LATEST'), filters: fc.array(patternJson, { minLength: 1, maxLength: 1 }),
  }, { requiredKeys: ['startingPosition'] }),
  s3Bucket: fc.record({
    events: fc.constantFrom(['s3:ObjectCreated:*'], ['s3:ObjectRemoved:*'], ['s3:ObjectCreated:Put', 's3:ObjectCreated:Post']),
    prefix: fc.constantFrom('uploads/', 'in/'), suffix: fc.constantFrom('.jpg', '.csv'),
  }, { requiredKeys: ['events'] }),
  snsTopic: fc.record({ filterPolicy: fc.constantFrom('{"type":["order"]}', '{"price":[{"numeric":[">=",100]}]}') }, { requiredKeys: [] }),
  eventRule: fc.record({ retryPolicy: fc.record({ maximumRetryAttempts: fc.integer({ min: 0, max: 185 }), maximumEventAgeSeconds: fc.integer({ min: 60, max: 86400 }) }) }, { requiredKeys: [] }),
  apiGateway: fc.record({ method: fc.constantFrom('GET', 'POST', 'ANY'), path: fc.constantFrom('/orders', '/orders/{id}', '/{proxy+}') }),
};
TRIGGER_SETTINGS.dynamoTable = TRIGGER_SETTINGS.kinesisStream;
TRIGGER_SETTINGS.alb = fc.record({ path: fc.constantFrom('/orders', '/orders/*') }, { requiredKeys: [] });
TRIGGER_SETTINGS.cloudfront = fc.record({ eventType: fc.constantFrom('viewer-request', 'origin-response') });
TRIGGER_SETTINGS.cognitoUserPool = fc.constant({});

const SOURCE_KINDS = Object.keys(TRIGGER_SETTINGS) as DesignNode['kind'][];

interface Plan {
  name: string;
  region: string;
  names: string[];
  functions: Props[];
  sources: { kind: DesignNode['kind']; props: Props; settings: Props; fn: number }[];
  targets: { kind: DesignNode['kind']; props: Props; fn: number; mode: string }[];
  dlq: { fn: number; props: Props } | null;
  redrive: { maxReceiveCount: number; props: Props } | null;
  destination: { fn: number; on: 'success' | 'failure'; kind: 'sqsQueue' | 'snsTopic' | 'eventBus' | 'lambda' } | null;
  invoke: { from: number; to: number; mode: 'sync' | 'async' } | null;
  network: boolean;
  /** A log group node and the functions (by index) that send their logs to it. */
  logGroup: { props: Props; fns: number[] } | null;
}

const nameArb = fc.string({ minLength: 1, maxLength: 14 }).filter((s) => s.trim().length > 0);

/** A design with 1–3 functions, up to 4 event sources, up to 3 access targets, DLQs, a destination,
 *  an invoke, and (sometimes) a two-AZ VPC with NAT, security groups, RDS and RDS Proxy. */
export const iacDesign: fc.Arbitrary<Design> = designsWith(SOURCE_KINDS);

/** What the CDK export carries today. Left out, each with a warning at export time: CloudFront and
 *  Cognito triggers (not exported), ALB routes (the listener rule's path is not read back), Kafka (the
 *  cluster is a stack parameter), an S3 trigger on several event types (CDK writes one notification
 *  per type, which imports as one trigger each), Lambda authorizers on HTTP APIs (their invoke
 *  permission imports as a trigger). */
export const cdkCarriedDesign: fc.Arbitrary<Design> = designsWith(SOURCE_KINDS.filter((k) => !['cloudfront', 'cognitoUserPool', 'alb', 'kafka'].includes(k)))
  .filter((d) => !d.edges.some((e) => e.kind === 'trigger' && (e.props.events?.length ?? 0) > 1)
    && !d.nodes.some((n) => n.kind === 'apiGateway' && n.props.authorizer === 'lambda'));

function designsWith(sourceKinds: DesignNode['kind'][]): fc.Arbitrary<Design> {
  return fc.record({
  name: nameArb,
  region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1'),
  names: fc.uniqueArray(nameArb, { minLength: 40, maxLength: 40, selector: (s) => s.toLowerCase() }),
  functions: fc.array(propsArb('lambda'), { minLength: 1, maxLength: 3 }),
  sources: fc.array(fc.constantFrom(...sourceKinds).chain((kind) => fc.record({
    kind: fc.constant(kind),
    props: kind === 'eventRule' ? fc.tuple(propsArb(kind), RULE_SHAPES).map(([p, shape]) => ruleShape({ ...p, ...shape })) : propsArb(kind),
    settings: TRIGGER_SETTINGS[kind], fn: fc.nat(2),
  })), { maxLength: 4 }),
  targets: fc.array(fc.constantFrom('dynamoTable', 's3Bucket', 'sqsQueue', 'snsTopic', 'kinesisStream', 'eventBus', 'stepFunction').chain((kind) => fc.record({
    kind: fc.constant(kind as DesignNode['kind']), props: propsArb(kind as DesignNode['kind']), fn: fc.nat(2),
    mode: fc.constantFrom('read', 'write', 'readWrite'),
  })), { maxLength: 3 }),
  dlq: fc.option(fc.record({ fn: fc.nat(2), props: propsArb('sqsQueue') }), { nil: null }),
  redrive: fc.option(fc.record({ maxReceiveCount: fc.integer({ min: 1, max: 1000 }), props: propsArb('sqsQueue') }), { nil: null }),
  destination: fc.option(fc.record({ fn: fc.nat(2), on: fc.constantFrom('success' as const, 'failure' as const), kind: fc.constantFrom('sqsQueue' as const, 'snsTopic' as const, 'eventBus' as const, 'lambda' as const) }), { nil: null }),
  invoke: fc.option(fc.record({ from: fc.nat(2), to: fc.nat(2), mode: fc.constantFrom('sync' as const, 'async' as const) }), { nil: null }),
  network: fc.boolean(),
  logGroup: fc.option(fc.record({ props: propsArb('logGroup'), fns: fc.array(fc.nat(2), { maxLength: 3 }) }), { nil: null }),
}).map(build);
}

function build(plan: Plan): Design {
  const design = createDesign(plan.name, plan.region);
  const names = [...plan.names];
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  const add = (kind: DesignNode['kind'], props: Props, parent?: string): DesignNode => {
    const id = `n${nodes.length + 1}`;
    const node = parse({ id, kind, name: names.shift()!, props, ...(parent ? { parent } : {}) });
    nodes.push(node);
    return node;
  };
  const connect = (kind: DesignEdge['kind'], from: DesignNode, to: DesignNode, props: Props = {}): DesignEdge | null => {
    if (!canConnect(from, to, kind, props).ok) return null;
    const edge = parseEdge({ id: `e${edges.length + 1}`, kind, from: from.id, to: to.id, props });
    edges.push(edge);
    return edge;
  };

  const fns = plan.functions.map((p) => {
    const props = { ...p };
    // Provisioned concurrency needs a published alias (CONC-03); the exporter cannot invent its name.
    const publish = (props.publish ?? {}) as Props;
    if (Number(props.provisionedConcurrency ?? 0) > 0 && !publish.alias) props.publish = { ...publish, alias: 'live' };
    return add('lambda', props);
  });
  const fn = (i: number) => fns[i % fns.length];

  for (const s of plan.sources) {
    const props = { ...s.props };
    if (s.kind === 'dynamoTable' && (props.streamViewType ?? 'NONE') === 'NONE') props.streamViewType = 'NEW_AND_OLD_IMAGES';
    if (s.kind === 'snsTopic' || s.kind === 'sqsQueue') { Object.assign(props, { fifo: false, contentBasedDeduplication: false }); delete props.deduplicationScope; delete props.fifoThroughputLimit; }
    let settings = { ...s.settings };
    // WebSocket APIs route by route key, not method and path; Cognito cannot authorize them.
    if (s.kind === 'apiGateway' && props.apiType === 'websocket') {
      settings = { path: String(settings.path).includes('{') ? '$default' : '$connect' };
      if (props.authorizer === 'cognito') props.authorizer = 'none';
    }
    if (s.kind === 'eventRule' && props.ruleType === 'schedule') delete settings.filters;
    // A Cognito or Lambda authorizer is a node the API points at.
    if (s.kind === 'apiGateway' && props.authorizer === 'cognito') props.authorizerRef = add('cognitoUserPool', {}).id;
    if (s.kind === 'apiGateway' && props.authorizer === 'lambda') props.authorizerRef = add('lambda', {}).id;
    const source = add(s.kind, props);
    connect('trigger', source, fn(s.fn), settings);
  }
  for (const t of plan.targets) {
    const props = { ...t.props };
    if (t.kind === 'sqsQueue' || t.kind === 'snsTopic') { Object.assign(props, { fifo: false, contentBasedDeduplication: false }); delete props.deduplicationScope; delete props.fifoThroughputLimit; }
    const mode = t.kind === 'snsTopic' || t.kind === 'eventBus' ? 'publish' : t.kind === 'stepFunction' ? 'invoke' : t.mode;
    connect('access', fn(t.fn), add(t.kind, props), { mode });
  }
  if (plan.dlq) connect('deadLetter', fn(plan.dlq.fn), add('sqsQueue', { ...plan.dlq.props, fifo: false, contentBasedDeduplication: false, deduplicationScope: undefined, fifoThroughputLimit: undefined }));
  if (plan.redrive) {
    const queue = nodes.find((n) => n.kind === 'sqsQueue' && !edges.some((e) => e.kind === 'deadLetter' && e.from === n.id));
    if (queue) connect('deadLetter', queue, add('sqsQueue', { ...plan.redrive.props, fifo: queue.props.fifo, ...(queue.props.fifo ? {} : { contentBasedDeduplication: false, deduplicationScope: undefined, fifoThroughputLimit: undefined }) }), { maxReceiveCount: plan.redrive.maxReceiveCount });
  }
  if (plan.destination) {
    const from = fn(plan.destination.fn);
    const to = plan.destination.kind === 'lambda' ? add('lambda', {}) : add(plan.destination.kind, plan.destination.kind === 'eventBus' ? {} : { fifo: false });
    connect('destination', from, to, { on: plan.destination.on });
  }
  if (plan.invoke && fns.length > 1 && plan.invoke.from % fns.length !== plan.invoke.to % fns.length) {
    connect('invoke', fn(plan.invoke.from), fn(plan.invoke.to), { mode: plan.invoke.mode });
  }
  if (plan.network) addNetwork(add, connect, fns[0]);
  if (plan.logGroup) {
    const group = add('logGroup', plan.logGroup.props);
    for (const i of plan.logGroup.fns) fn(i).props = { ...fn(i).props, logGroup: group.id } as typeof fns[number]['props'];
  }
  return designSchema.parse({ ...design, nodes, edges });
}

/** Two AZs: public subnets with an internet gateway and one NAT each, private subnets routed through
 *  them, the first function in the private subnets, a database behind a proxy, reachable on 5432. */
function addNetwork(add: (kind: DesignNode['kind'], props: Props, parent?: string) => DesignNode,
  connect: (kind: DesignEdge['kind'], from: DesignNode, to: DesignNode, props?: Props) => DesignEdge | null, fn: DesignNode): void {
  const vpc = add('vpc', { cidr: '10.0.0.0/16', enableDnsHostnames: true });
  const igw = add('internetGateway', {}, vpc.id);
  const pubA = add('subnet', { az: 'a', cidr: '10.0.0.0/24', routeTable: { defaultRoute: igw.id }, mapPublicIpOnLaunch: true }, vpc.id);
  const pubB = add('subnet', { az: 'b', cidr: '10.0.1.0/24', routeTable: { defaultRoute: igw.id }, mapPublicIpOnLaunch: true }, vpc.id);
  const natA = add('natGateway', {}, pubA.id);
  const natB = add('natGateway', {}, pubB.id);
  const s3Endpoint = add('vpcEndpoint', { endpointType: 'gateway', service: 's3' }, vpc.id);
  const privA = add('subnet', { az: 'a', cidr: '10.0.10.0/24', routeTable: { defaultRoute: natA.id, gatewayEndpoints: [s3Endpoint.id] } }, vpc.id);
  const privB = add('subnet', { az: 'b', cidr: '10.0.11.0/24', routeTable: { defaultRoute: natB.id, gatewayEndpoints: [s3Endpoint.id] } }, vpc.id);
  const sgFn = add('securityGroup', {}, vpc.id);
  const sgDb = add('securityGroup', {}, vpc.id);
  sgDb.props = { ...sgDb.props, ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: null, securityGroup: sgFn.id, description: 'Postgres from the function' }] } as typeof sgDb.props;
  fn.props = { ...fn.props, vpc: { subnets: [privA.id, privB.id], securityGroups: [sgFn.id] } } as typeof fn.props;
  const subnets = [privA.id, privB.id];
  const db = add('rds', { engine: 'postgres', subnets, securityGroups: [sgDb.id] }, vpc.id);
  const proxy = add('rdsProxy', { target: db.id, subnets, securityGroups: [sgDb.id] }, vpc.id);
  connect('access', fn, proxy, { mode: 'connect' });
  const sgEndpoint = add('securityGroup', { ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16', securityGroup: null, description: 'HTTPS from the VPC' }] }, vpc.id);
  add('vpcEndpoint', { endpointType: 'interface', service: 'secretsmanager', subnets, securityGroups: [sgEndpoint.id] }, vpc.id);
  const cache = add('elasticache', { engine: 'valkey', subnets, securityGroups: [sgDb.id] }, vpc.id);
  connect('access', fn, cache, { mode: 'connect' });
  connect('access', fn, add('awsService', { service: 'secretsmanager' }), { mode: 'read' });
  connect('access', fn, add('externalEndpoint', { url: 'https://api.partner.example.com' }), { mode: 'invoke' });
}

const parse = (raw: unknown) => nodeSchema.parse(raw);
const parseEdge = (raw: unknown) => edgeSchema.parse(raw);

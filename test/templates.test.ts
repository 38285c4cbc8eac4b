// The starter designs in templates/: every file must load cleanly, carry usage and a readable
// layout, and show the pattern it is named after (lambda-guide chapter 7).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placementOf } from '../core/model/placement';
import {
  API_INTEGRATION_TIMEOUT_MS, DEFAULT_PROFILES, formatProblem, parseDesign,
  type Design, type DesignEdge, type DesignNode, type EdgeOfKind, type NodeOfKind,
} from '../core/model';

const TEMPLATE_DIR = new URL('../templates/', import.meta.url);
const FILES = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.design.json')).sort();

const readTemplate = (file: string) => readFileSync(new URL(file, TEMPLATE_DIR), 'utf8');

function load(file: string): Design {
  const result = parseDesign(readTemplate(file));
  if (!result.ok) throw new Error(`${file} does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.design;
}

// ---- queries ----------------------------------------------------------------------------------

type Kind = DesignNode['kind'];

const nodesOf = <K extends Kind>(d: Design, kind: K) => d.nodes.filter((n): n is NodeOfKind<K> => n.kind === kind);
const edgesOf = <K extends DesignEdge['kind']>(d: Design, kind: K) => d.edges.filter((e): e is EdgeOfKind<K> => e.kind === kind);

function nodeOf<K extends Kind>(d: Design, id: string | null | undefined, kind: K): NodeOfKind<K> {
  const n = d.nodes.find((x) => x.id === id);
  if (!n || n.kind !== kind) throw new Error(`expected ${kind} "${String(id)}", found ${n ? n.kind : 'nothing'}`);
  return n as NodeOfKind<K>;
}

const kindOf = (d: Design, id: string) => d.nodes.find((n) => n.id === id)?.kind;
const out = <K extends DesignEdge['kind']>(d: Design, from: string, kind: K, toKind?: Kind) =>
  edgesOf(d, kind).filter((e) => e.from === from && (!toKind || kindOf(d, e.to) === toKind));
const into = <K extends DesignEdge['kind']>(d: Design, to: string, kind: K, fromKind?: Kind) =>
  edgesOf(d, kind).filter((e) => e.to === to && (!fromKind || kindOf(d, e.from) === fromKind));

/** Does the group admit TCP `port` from members of `fromSg`? */
const admits = (sg: NodeOfKind<'securityGroup'>, port: number, fromSg: string) =>
  sg.props.ingress.some((r) => r.securityGroup === fromSg && (r.protocol === '-1' || (r.protocol === 'tcp' && r.fromPort <= port && port <= r.toPort)));

/** An async invocation's failures land somewhere: an on-failure destination or a function DLQ. */
const capturesAsyncFailures = (d: Design, fnId: string) =>
  out(d, fnId, 'destination').some((e) => e.props.on === 'failure') || out(d, fnId, 'deadLetter').length > 0;

const SOURCE_KINDS: readonly Kind[] = ['apiGateway', 's3Bucket', 'eventRule', 'kinesisStream', 'dynamoTable', 'snsTopic', 'sqsQueue', 'alb'];

/** Edges that put events or messages into their target (a function reading a bucket does not). */
const feeds = (e: DesignEdge) => e.kind !== 'access' || ['write', 'readWrite', 'publish'].includes(e.props.mode);

/** Nodes whose traffic comes from outside the design: a source kind that triggers something and
 *  that nothing in the design feeds. A pattern rule on a bus that functions publish to takes its
 *  events from those publishers, so it is not one. */
function externalSources(d: Design): DesignNode[] {
  const fed = new Set(d.edges.filter(feeds).map((e) => e.to));
  return d.nodes.filter((n) => SOURCE_KINDS.includes(n.kind) && !fed.has(n.id) && out(d, n.id, 'trigger').length > 0
    && !(n.kind === 'eventRule' && n.props.ruleType === 'pattern' && n.parent !== undefined && fed.has(n.parent)));
}

const usageOf = (d: Design, id: string) => DEFAULT_PROFILES.map((p) => d.usage.profiles[p]?.nodes[id] ?? {});
const edgeUsageOf = (d: Design, id: string) => DEFAULT_PROFILES.map((p) => d.usage.profiles[p]?.edges[id] ?? {});

/** Size the layout assumes for a node drawn without an explicit width/height. */
const NODE_BOX = { width: 180, height: 70 };
const boxOf = (d: Design, id: string) => {
  const p = d.layout.positions[id];
  return { x: p.x, y: p.y, width: p.width ?? NODE_BOX.width, height: p.height ?? NODE_BOX.height };
};

// ---- every template ---------------------------------------------------------------------------

describe('templates/', () => {
  it('ships the chapter 7 starter designs', () => {
    expect(FILES).toEqual(expect.arrayContaining([
      'rest-api.design.json', 'file-pipeline.design.json', 'queue-load-levelling.design.json',
      'eventbridge-microservices.design.json', 'scheduled-jobs.design.json', 'step-functions-orchestration.design.json',
      'stream-processing.design.json', 'sns-fan-out.design.json', 'vpc-rds-external-api.design.json',
    ]));
  });
});

describe.each(FILES)('%s', (file) => {
  it('loads with zero problems', () => {
    const result = parseDesign(readTemplate(file));
    expect(result.ok).toBe(true);
    expect(result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(result.design.name.trim()).not.toBe('');
  });

  it('has the low / expected / peak profiles, expected active', () => {
    const d = load(file);
    expect(Object.keys(d.usage.profiles).sort()).toEqual([...DEFAULT_PROFILES].sort());
    expect(d.usage.active).toBe('expected');
  });

  it('gives every source from outside requests per month, growing from low to peak', () => {
    const d = load(file);
    const sources = externalSources(d);
    expect(sources.length).toBeGreaterThan(0);
    for (const n of sources) {
      const [low, expected, peak] = usageOf(d, n.id).map((u) => u.requestsPerMonth);
      expect([low, expected, peak], `${n.id} requestsPerMonth`).not.toContain(undefined);
      // A schedule fires as often in a quiet month as in a busy one; only the work per run changes.
      if (n.kind === 'eventRule' && n.props.ruleType === 'schedule') {
        expect(low).toBe(expected);
        expect(expected).toBe(peak);
      } else {
        expect(low, `${n.id}: low < expected`).toBeLessThan(expected as number);
        expect(expected, `${n.id}: expected < peak`).toBeLessThan(peak as number);
      }
    }
  });

  it('states memory, timeout, log retention and duration for every function', () => {
    const d = load(file);
    for (const fn of nodesOf(d, 'lambda')) {
      expect(fn.props.memoryMb, `${fn.id} memory`).toBeGreaterThanOrEqual(256);
      expect(fn.props.timeoutSeconds, `${fn.id} timeout`).toBeGreaterThan(3);
      expect(fn.props.logRetentionDays, `${fn.id} log retention`).not.toBeNull();
      for (const u of usageOf(d, fn.id)) expect(u.avgDurationMs, `${fn.id} avgDurationMs`).toBeGreaterThan(0);
    }
  });

  it('says how many writes each invocation makes on edges into tables, queues, topics, buses and buckets', () => {
    const d = load(file);
    const writes = edgesOf(d, 'access').filter((e) => ['write', 'readWrite', 'publish'].includes(e.props.mode)
      && ['dynamoTable', 'sqsQueue', 'snsTopic', 'eventBus', 'kinesisStream', 's3Bucket'].includes(kindOf(d, e.to) ?? ''));
    for (const e of writes) for (const u of edgeUsageOf(d, e.id)) expect(u.perInvocation, `${e.id} perInvocation`).toBeGreaterThan(0);
  });

  it('follows the retry-path basics: queue timeouts, redrive, async failure capture, finite stream retries', () => {
    const d = load(file);
    for (const t of edgesOf(d, 'trigger')) {
      const fromKind = kindOf(d, t.from);
      if (kindOf(d, t.to) !== 'lambda') continue;
      const fn = nodeOf(d, t.to, 'lambda');
      if (fromKind === 'sqsQueue') {
        const q = nodeOf(d, t.from, 'sqsQueue');
        expect(q.props.visibilityTimeoutSeconds, `${q.id} visibility ≥ 6 × ${fn.id} timeout`)
          .toBeGreaterThanOrEqual(6 * fn.props.timeoutSeconds + (t.props.maximumBatchingWindowSeconds ?? 0));
        const redrive = out(d, q.id, 'deadLetter');
        expect(redrive, `${q.id} redrive`).toHaveLength(1);
        expect(redrive[0].props.maxReceiveCount).toBeGreaterThanOrEqual(5);
        expect(nodeOf(d, redrive[0].to, 'sqsQueue').props.messageRetentionSeconds).toBeGreaterThan(q.props.messageRetentionSeconds);
        if ((t.props.batchSize ?? 10) > 1) expect(t.props.reportBatchItemFailures, `${t.id} partial batch responses`).toBe(true);
      }
      if (fromKind === 's3Bucket' || fromKind === 'snsTopic' || fromKind === 'eventRule') {
        expect(capturesAsyncFailures(d, fn.id), `${fn.id} keeps failed async events`).toBe(true);
      }
      if (fromKind === 'kinesisStream' || fromKind === 'dynamoTable') {
        expect(t.props.startingPosition, `${t.id} starting position`).toBeDefined();
        expect(t.props.maximumRetryAttempts, `${t.id} finite retries`).toBeGreaterThanOrEqual(0);
        expect(edgesOf(d, 'destination').filter((e) => e.from === t.from && e.props.via === t.id), `${t.id} on-failure destination`).toHaveLength(1);
      }
      if (fromKind === 'apiGateway') {
        const api = nodeOf(d, t.from, 'apiGateway');
        const limit = api.props.integrationTimeoutMs ?? API_INTEGRATION_TIMEOUT_MS[api.props.apiType].default;
        expect(fn.props.timeoutSeconds * 1000, `${fn.id} times out before ${api.id} gives up`).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('places every node, each inside the container it is drawn in, nothing drawn on top of anything', () => {
    const d = load(file);
    const ids = new Set(d.nodes.map((n) => n.id));
    expect(Object.keys(d.layout.positions).filter((id) => !ids.has(id)), 'positions of unknown nodes').toEqual([]);
    for (const n of d.nodes) expect(d.layout.positions[n.id], `position of ${n.id}`).toBeDefined();
    // Positions are relative to the draw parent (core/model/placement.ts): a VPC or subnet, never an
    // event bus (a rule's model parent, drawn as a card beside it).
    const placement = placementOf(d);
    for (const n of d.nodes) {
      const parentId = placement.get(n.id)?.drawParent;
      if (!parentId) continue;
      const parent = d.layout.positions[parentId];
      const box = boxOf(d, n.id);
      expect(parent.width && parent.height, `${parentId} is drawn as a container`).toBeTruthy();
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= (parent.width ?? 0) && box.y + box.height <= (parent.height ?? 0),
        `${n.id} lies inside ${parentId} (relative coordinates)`).toBe(true);
    }
    const siblings = new Map<string, string[]>();
    for (const n of d.nodes) {
      const parentId = placement.get(n.id)?.drawParent ?? '';
      siblings.set(parentId, [...(siblings.get(parentId) ?? []), n.id]);
    }
    for (const group of siblings.values()) {
      group.forEach((a, i) => group.slice(i + 1).forEach((b) => {
        const p = boxOf(d, a);
        const q = boxOf(d, b);
        const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
        expect(overlap, `${a} and ${b} overlap`).toBe(false);
      }));
    }
  });
});

// ---- what each pattern must show --------------------------------------------------------------

describe('patterns', () => {
  it('REST API: a REST API with an authorizer → function → DynamoDB table', () => {
    const d = load('rest-api.design.json');
    const [api] = nodesOf(d, 'apiGateway');
    expect(api.props.apiType).toBe('rest');
    if (api.props.authorizer === 'cognito') nodeOf(d, api.props.authorizerRef, 'cognitoUserPool');
    const [route] = out(d, api.id, 'trigger', 'lambda');
    expect(out(d, route.to, 'access', 'dynamoTable').map((e) => e.props.mode)).toContain('readWrite');
  });

  it('file pipeline: upload bucket → function → queue → function → another bucket', () => {
    const d = load('file-pipeline.design.json');
    const upload = externalSources(d).find((n) => n.kind === 's3Bucket');
    expect(upload).toBeDefined();
    const [notify] = out(d, upload?.id ?? '', 'trigger', 'lambda');
    expect(notify.props.events).toContain('s3:ObjectCreated:*');
    expect(capturesAsyncFailures(d, notify.to)).toBe(true);
    const [enqueue] = out(d, notify.to, 'access', 'sqsQueue');
    expect(enqueue.props.mode).toBe('write');
    const [consume] = out(d, enqueue.to, 'trigger', 'lambda');
    expect(out(d, enqueue.to, 'deadLetter')[0].props.maxReceiveCount).toBeGreaterThanOrEqual(5);
    const outputs = out(d, consume.to, 'access', 's3Bucket').filter((e) => e.props.mode === 'write');
    expect(outputs).toHaveLength(1);
    expect(outputs[0].to, 'results go to a different bucket (no S3 recursion)').not.toBe(upload?.id);
  });

  it('queue load levelling: reserved concurrency, VPC in two AZs, function → RDS Proxy → RDS on 5432', () => {
    const d = load('queue-load-levelling.design.json');
    const [q] = externalSources(d);
    const [t] = out(d, q.id, 'trigger', 'lambda');
    const fn = nodeOf(d, t.to, 'lambda');
    const reserved = fn.props.reservedConcurrency;
    expect(reserved, 'reserved concurrency caps DB connections').toBeGreaterThanOrEqual(5);
    if (t.props.maximumConcurrency !== undefined) expect(t.props.maximumConcurrency).toBeLessThanOrEqual(reserved ?? 0);
    const subnets = (fn.props.vpc?.subnets ?? []).map((id) => nodeOf(d, id, 'subnet'));
    expect(subnets.map((s) => s.props.az).sort()).toEqual(['a', 'b']);
    const [fnSg] = fn.props.vpc?.securityGroups ?? [];
    const [access] = out(d, fn.id, 'access', 'rdsProxy');
    const proxy = nodeOf(d, access.to, 'rdsProxy');
    const db = nodeOf(d, proxy.props.target, 'rds');
    const [vpc] = nodesOf(d, 'vpc');
    expect([proxy.parent, db.parent, ...subnets.map((s) => s.parent)]).toEqual(Array(4).fill(vpc.id));
    const proxySg = nodeOf(d, proxy.props.securityGroups[0], 'securityGroup');
    expect(admits(proxySg, 5432, fnSg), 'proxy SG admits 5432 from the function SG').toBe(true);
    expect(admits(nodeOf(d, db.props.securityGroups[0], 'securityGroup'), 5432, proxySg.id), 'DB SG admits 5432 from the proxy SG').toBe(true);
  });

  it('EventBridge microservices: four services, each triggered by its rules on a custom bus and publishing to it', () => {
    const d = load('eventbridge-microservices.design.json');
    const [bus] = nodesOf(d, 'eventBus');
    expect(bus.props.busType).toBe('custom');
    const ruleTriggers = edgesOf(d, 'trigger').filter((e) => kindOf(d, e.from) === 'eventRule' && kindOf(d, e.to) === 'lambda');
    const services = [...new Set(ruleTriggers.map((e) => e.to))];
    expect(services.length).toBeGreaterThanOrEqual(4);
    for (const t of ruleTriggers) {
      expect(nodeOf(d, t.from, 'eventRule').parent, `${t.from} lives on the bus`).toBe(bus.id);
      expect(t.props.retryPolicy, `${t.id} retry policy`).toBeDefined();
    }
    for (const fnId of services) {
      expect(out(d, fnId, 'access').filter((e) => e.to === bus.id && e.props.mode === 'publish'), `${fnId} publishes`).toHaveLength(1);
      expect(out(d, fnId, 'destination').some((e) => e.props.on === 'failure'), `${fnId} on-failure destination`).toBe(true);
    }
    expect(services.some((fnId) => out(d, fnId, 'access', 'dynamoTable').length > 0), 'a service owns a table').toBe(true);
  });

  it('scheduled jobs: schedules (one on EventBridge Scheduler) → functions writing to S3 / DynamoDB', () => {
    const d = load('scheduled-jobs.design.json');
    const schedules = nodesOf(d, 'eventRule').filter((r) => r.props.ruleType === 'schedule');
    expect(schedules.length).toBeGreaterThanOrEqual(2);
    expect(schedules.some((r) => r.props.scheduler)).toBe(true);
    for (const r of schedules) {
      expect(r.props.scheduleExpression).toMatch(/^(rate|cron)\(.+\)$/);
      const [t] = out(d, r.id, 'trigger', 'lambda');
      const writes = out(d, t.to, 'access').filter((e) => e.props.mode !== 'read' && ['s3Bucket', 'dynamoTable'].includes(kindOf(d, e.to) ?? ''));
      expect(writes.length, `${t.to} writes its results`).toBeGreaterThan(0);
    }
  });

  it('Step Functions: API → standard state machine → several functions, one of them on a table', () => {
    const d = load('step-functions-orchestration.design.json');
    const [sfn] = nodesOf(d, 'stepFunction');
    expect(sfn.props.workflowType).toBe('standard');
    expect(into(d, sfn.id, 'trigger', 'apiGateway')).toHaveLength(1);
    const steps = out(d, sfn.id, 'trigger', 'lambda').map((e) => e.to);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.some((fnId) => out(d, fnId, 'access', 'dynamoTable').length > 0)).toBe(true);
  });

  it('stream processing: Kinesis mapping with its failure destination, and a DynamoDB stream consumer', () => {
    const d = load('stream-processing.design.json');
    const [stream] = nodesOf(d, 'kinesisStream');
    expect(stream.props.capacityMode).toBe('provisioned');
    expect(stream.props.shardCount).toBeGreaterThan(1);
    const [t] = out(d, stream.id, 'trigger', 'lambda');
    expect(t.props).toMatchObject({ bisectBatchOnFunctionError: true });
    expect(t.props.batchSize).toBeGreaterThan(0);
    expect(t.props.parallelizationFactor).toBeGreaterThan(1);
    expect(t.props.maximumRecordAgeSeconds).toBeGreaterThanOrEqual(60);
    const [dest] = out(d, stream.id, 'destination', 'sqsQueue');
    expect(dest.props).toMatchObject({ on: 'failure', via: t.id });
    const table = nodesOf(d, 'dynamoTable').find((n) => n.props.streamViewType === 'NEW_AND_OLD_IMAGES');
    expect(out(d, table?.id ?? '', 'trigger', 'lambda')).toHaveLength(1);
  });

  it('SNS fan-out: producer → standard topic → two queues (raw delivery) and one direct subscriber', () => {
    const d = load('sns-fan-out.design.json');
    const [topic] = nodesOf(d, 'snsTopic');
    expect(topic.props.fifo).toBe(false);
    expect(into(d, topic.id, 'access', 'lambda').map((e) => e.props.mode)).toEqual(['publish']);
    const toQueues = out(d, topic.id, 'trigger', 'sqsQueue');
    expect(toQueues).toHaveLength(2);
    for (const sub of toQueues) {
      expect(sub.props.rawMessageDelivery, `${sub.id} raw delivery`).toBe(true);
      expect(out(d, sub.to, 'trigger', 'lambda'), `${sub.to} has a consumer`).toHaveLength(1);
    }
    const direct = out(d, topic.id, 'trigger', 'lambda');
    expect(direct).toHaveLength(1);
    expect(out(d, direct[0].to, 'destination').map((e) => e.props.on)).toEqual(['failure']);
    const subscriptionIds = out(d, topic.id, 'trigger').map((e) => e.id);
    const dlqs = out(d, topic.id, 'deadLetter', 'sqsQueue');
    expect(dlqs.length).toBeGreaterThan(0);
    for (const e of dlqs) expect(subscriptionIds, `${e.id} via`).toContain(e.props.via);
  });

  it('VPC: private subnets in two AZs, each through the NAT gateway of its own AZ, to RDS, an external API and Secrets Manager', () => {
    const d = load('vpc-rds-external-api.design.json');
    const [vpc] = nodesOf(d, 'vpc');
    expect(vpc.props).toMatchObject({ enableDnsSupport: true, enableDnsHostnames: true, tenancy: 'default' });
    const [fn] = nodesOf(d, 'lambda');
    expect(into(d, fn.id, 'trigger', 'apiGateway').map((e) => nodeOf(d, e.from, 'apiGateway').props.apiType)).toEqual(['http']);
    const subnets = (fn.props.vpc?.subnets ?? []).map((id) => nodeOf(d, id, 'subnet'));
    expect(new Set(subnets.map((s) => s.props.az)).size).toBe(2);
    for (const s of subnets) {
      const nat = nodeOf(d, s.props.routeTable.defaultRoute, 'natGateway');
      expect(nat.props).toMatchObject({ connectivity: 'public', elasticIp: true });
      const natSubnet = nodeOf(d, nat.parent, 'subnet');
      expect(natSubnet.props.az, `${s.id} routes to the NAT gateway in its own AZ`).toBe(s.props.az);
      const igw = nodeOf(d, natSubnet.props.routeTable.defaultRoute, 'internetGateway');
      expect(igw.parent).toBe(vpc.id);
    }
    const db = nodeOf(d, out(d, fn.id, 'access', 'rds')[0]?.to, 'rds');
    expect(db.props.engine).toBe('postgres');
    expect(db.props.subnets.slice().sort()).toEqual(subnets.map((s) => s.id).sort());
    const fnSg = fn.props.vpc?.securityGroups[0] ?? '';
    expect(admits(nodeOf(d, db.props.securityGroups[0], 'securityGroup'), 5432, fnSg), 'DB SG admits 5432 from the function SG').toBe(true);
    const [external] = out(d, fn.id, 'access', 'externalEndpoint');
    expect(nodeOf(d, external.to, 'externalEndpoint').props.url).toMatch(/^https:/);
    const [service] = out(d, fn.id, 'access', 'awsService');
    expect(nodeOf(d, service.to, 'awsService').props.service).toBe('secretsmanager');
    expect(nodesOf(d, 'vpcEndpoint'), 'Secrets Manager is reached through the NAT, not an endpoint').toEqual([]);
  });
});

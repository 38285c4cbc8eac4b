// Pathological shapes (issue 13): chains, fans and cycles of 10,000 functions, 5,000 subnets with
// 5,000 functions, 1,000 parallel edges between two nodes, containment as deep as the model allows.
// The generators are imported by test/core/shapes/; run this file (`npx tsx bench/shapes.ts [n]`, or
// at the end of `npm run bench`) for the table of shape × command × ms against the 2 s budget.
import { CURRENT_SCHEMA_VERSION, DESIGN_FORMAT, type Design } from '../core/model';

type Raw = Record<string, unknown>;

/** A design document being built: nodes, edges and the usage of the active profile. */
class Builder {
  nodes: Raw[] = [];
  edges: Raw[] = [];
  usage: Record<string, Record<string, number>> = {};
  node(id: string, kind: string, props: Raw = {}, parent?: string): string {
    this.nodes.push({ id, kind, name: id, props, ...(parent ? { parent } : {}) });
    return id;
  }
  fn(id: string, props: Raw = {}): string {
    this.usage[id] = { avgDurationMs: 100 };
    return this.node(id, 'lambda', { memoryMb: 256, timeoutSeconds: 10, logRetentionDays: 30, ...props });
  }
  edge(kind: string, from: string, to: string, props: Raw = {}): string {
    const id = `e${this.edges.length}`;
    this.edges.push({ id, kind, from, to, props });
    return id;
  }
  doc(name: string): Raw {
    return {
      format: DESIGN_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, name, region: 'us-east-1',
      nodes: this.nodes, edges: this.edges,
      usage: { profiles: { expected: { nodes: this.usage } }, active: 'expected' },
    };
  }
}

/** A queue feeding `f0`, then `f0` → `f1` → … → `f(n-1)` by asynchronous invokes (n functions, no loop). */
export function asyncChain(n: number): Raw {
  const b = new Builder();
  const q = b.node('source', 'sqsQueue');
  b.usage[q] = { requestsPerMonth: 100_000 };
  for (let i = 0; i < n; i++) b.fn(`f${i}`);
  b.edge('trigger', q, 'f0', { batchSize: 10 });
  for (let i = 1; i < n; i++) b.edge('invoke', `f${i - 1}`, `f${i}`, { mode: 'async' });
  return b.doc(`async chain of ${n}`);
}

/** The async chain closed into a cycle through one queue: `f(n-1)` sends to queue "loop", which
 *  triggers `f0` — one recursive loop of n functions and one queue. */
export function cycle(n: number): Raw {
  const b = new Builder();
  for (let i = 0; i < n; i++) b.fn(`f${i}`);
  const q = b.node('loop', 'sqsQueue');
  b.usage[q] = { requestsPerMonth: 100_000 };
  for (let i = 1; i < n; i++) b.edge('invoke', `f${i - 1}`, `f${i}`, { mode: 'async' });
  b.edge('access', `f${n - 1}`, q, { mode: 'write' });
  b.edge('trigger', q, 'f0', { batchSize: 10 });
  return b.doc(`cycle of ${n}`);
}

/** One SNS topic → n functions (n subscriptions). */
export function fanOut(n: number): Raw {
  const b = new Builder();
  const t = b.node('topic', 'snsTopic');
  b.usage[t] = { requestsPerMonth: 10_000 };
  for (let i = 0; i < n; i++) b.edge('trigger', t, b.fn(`f${i}`));
  return b.doc(`fan-out of ${n}`);
}

/** One SNS topic → n functions, each subscription with its own dead-letter queue edge (`via`) to one
 *  shared DLQ: a source with 10,000 triggers and 10,000 DLQ edges. */
export function fanOutWithDlqs(n: number): Raw {
  const b = new Builder();
  const t = b.node('topic', 'snsTopic');
  b.usage[t] = { requestsPerMonth: 10_000 };
  const dlq = b.node('dlq', 'sqsQueue');
  for (let i = 0; i < n; i++) {
    const sub = b.edge('trigger', t, b.fn(`f${i}`));
    b.edge('deadLetter', t, dlq, { via: sub });
  }
  return b.doc(`fan-out of ${n} with a DLQ per subscription`);
}

/** n functions fed by one topic, all writing to one queue that triggers one consumer: n event paths
 *  meet at the consumer (n + 3 nodes). */
export function fanIn(n: number): Raw {
  const b = new Builder();
  const t = b.node('topic', 'snsTopic');
  b.usage[t] = { requestsPerMonth: 10_000 };
  const q = b.node('sink', 'sqsQueue');
  const dlq = b.node('sink-dlq', 'sqsQueue');
  b.edge('deadLetter', q, dlq, { maxReceiveCount: 5 });
  const consumer = b.fn('consumer');
  for (let i = 0; i < n; i++) {
    const f = b.fn(`f${i}`);
    b.edge('trigger', t, f);
    b.edge('access', f, q, { mode: 'write' });
  }
  b.edge('trigger', q, consumer, { batchSize: 10 });
  return b.doc(`fan-in of ${n}`);
}

/** `subnets` private subnets (/26, a thousand per VPC, each VPC with a public subnet, NAT gateway and
 *  internet gateway) and as many functions, each in one subnet with its own security group, reaching
 *  its VPC's database (whose security group admits every function's group) and the internet. */
export function subnets(count: number): Raw {
  const b = new Builder();
  const perVpc = 1000;
  const partner = b.node('partner', 'externalEndpoint', { url: 'https://api.partner.example.com' });
  for (let v = 0; v * perVpc < count; v++) {
    const vpc = b.node(`vpc${v}`, 'vpc', { cidr: `10.${v}.0.0/16`, enableDnsHostnames: true });
    const igw = b.node(`igw${v}`, 'internetGateway', {}, vpc);
    const pub = b.node(`pub${v}`, 'subnet', { az: 'a', cidr: `10.${v}.252.0/24`, routeTable: { defaultRoute: igw } }, vpc);
    const nat = b.node(`nat${v}`, 'natGateway', {}, pub);
    const fnGroups: string[] = [];
    const first = v * perVpc;
    const last = Math.min(count, first + perVpc);
    for (let i = first; i < last; i++) fnGroups.push(`sg${i}`);
    const dbSg = b.node(`sg-db${v}`, 'securityGroup', { ingress: fnGroups.map((g) => ({ fromPort: 5432, toPort: 5432, securityGroup: g })) }, vpc);
    const dbSubnets: string[] = [];
    for (let i = first; i < last; i++) {
      const k = i - first;
      const subnet = b.node(`subnet${i}`, 'subnet', { az: 'abc'[k % 3], cidr: `10.${v}.${Math.floor(k / 4)}.${(k % 4) * 64}/26`, routeTable: { defaultRoute: nat } }, vpc);
      if (dbSubnets.length < 2 && k < 2) dbSubnets.push(subnet);
      b.node(`sg${i}`, 'securityGroup', {}, vpc);
      const f = b.fn(`f${i}`, { vpc: { subnets: [subnet], securityGroups: [`sg${i}`] } });
      b.edge('access', f, `db${v}`, { mode: 'connect' });
      b.edge('access', f, partner, { mode: 'invoke' });
    }
    b.node(`db${v}`, 'rds', { subnets: dbSubnets.length === 2 ? dbSubnets : [...dbSubnets, pub], securityGroups: [dbSg] }, vpc);
  }
  return b.doc(`${count} subnets with ${count} functions`);
}

/** `count` parallel edges between two functions (asynchronous invokes a → b), then `count` more
 *  from b to a queue, which triggers c: count² distinct edge sequences with the same two hops. */
export function parallelEdges(count: number): Raw {
  const b = new Builder();
  const api = b.node('api', 'apiGateway', { apiType: 'http' });
  b.usage[api] = { requestsPerMonth: 1_000_000 };
  b.fn('a');
  b.fn('b');
  b.fn('c');
  const q = b.node('queue', 'sqsQueue');
  b.edge('trigger', api, 'a', { method: 'ANY', path: '/{proxy+}' });
  for (let i = 0; i < count; i++) b.edge('invoke', 'a', 'b', { mode: 'async' });
  for (let i = 0; i < count; i++) b.edge('access', 'b', q, { mode: 'write' });
  b.edge('trigger', q, 'c', { batchSize: 10 });
  return b.doc(`${count} parallel edges`);
}

/** Containment as deep as the model allows, repeated: `count` VPCs, each › public subnet › NAT
 *  gateway, plus › private subnet with a function; and an event bus › rule per VPC. */
export function nested(count: number): Raw {
  const b = new Builder();
  for (let v = 0; v < count; v++) {
    const vpc = b.node(`vpc${v}`, 'vpc', { cidr: '10.0.0.0/16' });
    const igw = b.node(`igw${v}`, 'internetGateway', {}, vpc);
    const pub = b.node(`pub${v}`, 'subnet', { cidr: '10.0.0.0/24', routeTable: { defaultRoute: igw } }, vpc);
    const nat = b.node(`nat${v}`, 'natGateway', {}, pub);
    const priv = b.node(`priv${v}`, 'subnet', { cidr: '10.0.1.0/24', routeTable: { defaultRoute: nat } }, vpc);
    const sg = b.node(`sg${v}`, 'securityGroup', {}, vpc);
    const bus = b.node(`bus${v}`, 'eventBus');
    const rule = b.node(`rule${v}`, 'eventRule', {}, bus);
    const f = b.fn(`f${v}`, { vpc: { subnets: [priv], securityGroups: [sg] } });
    b.edge('trigger', rule, f);
    b.edge('access', f, bus, { mode: 'publish' });
  }
  return b.doc(`${count} nested VPCs`);
}

/** Containment deeper than the model allows: `count` subnets each placed inside the one before, the
 *  first in a VPC, each with a function — it loads with a reference problem per subnet ("Subnet
 *  belongs inside VPC"), and nothing may follow the chain 10,000 deep. */
export function parentChain(count: number): Raw {
  const b = new Builder();
  b.node('vpc', 'vpc');
  b.node('sg', 'securityGroup', {}, 'vpc');
  for (let i = 0; i < count; i++) {
    b.node(`s${i}`, 'subnet', { cidr: '10.0.0.0/24' }, i ? `s${i - 1}` : 'vpc');
    if (i % 10 === 0) b.fn(`f${i}`, { vpc: { subnets: [`s${i}`], securityGroups: ['sg'] } });
  }
  return b.doc(`${count} subnets nested in each other`);
}

export interface Shape { name: string; nodes: number; build: () => Raw }

/** Every shape at the sizes (about 10,000 nodes each; 5,000 subnets with 5,000 functions). */
export const SHAPES: readonly Shape[] = [
  { name: 'async chain', nodes: 10_000, build: () => asyncChain(10_000) },
  { name: 'fan-out', nodes: 10_000, build: () => fanOut(10_000) },
  { name: 'fan-out with DLQs', nodes: 10_000, build: () => fanOutWithDlqs(10_000) },
  { name: 'fan-in', nodes: 10_000, build: () => fanIn(10_000) },
  { name: 'cycle', nodes: 10_000, build: () => cycle(10_000) },
  { name: '5,000 subnets', nodes: 15_000, build: () => subnets(5_000) },
  { name: '1,000 parallel edges', nodes: 5, build: () => parallelEdges(1_000) },
  { name: 'nested containment', nodes: 9_000, build: () => nested(1_000) },
  { name: 'parent chain', nodes: 11_002, build: () => parentChain(10_000) },
];

/** Runs every shape through the core functions behind `lint` (analyze), `cost` (estimateCost),
 *  `reach` (analyzeReachability) and `retry-paths` (traceRetryPathsCapped) and prints shape × command
 *  × median ms of 3 runs against the 2 s budget. */
export async function benchShapes(): Promise<void> {
  const { analyze } = await import('../core/analyze');
  const { parseDesign } = await import('../core/model');
  const { estimateCost } = await import('../core/pricing');
  const { analyzeReachability, RETRY_PATHS_SHOWN, traceRetryPathsCapped } = await import('../core/semantics');
  const BUDGET_MS = 2000;
  const commands: [string, (d: Design) => unknown][] = [
    ['lint', (d) => analyze({ ...d })],
    ['cost', (d) => estimateCost({ ...d })],
    ['reach', (d) => analyzeReachability({ ...d })],
    ['retry-paths', (d) => traceRetryPathsCapped({ ...d }, RETRY_PATHS_SHOWN)],
  ];
  console.log(`Pathological shapes (issue 13): median of 3 runs, budget ${BUDGET_MS} ms per command`);
  console.log(`${'shape'.padEnd(22)} ${'nodes'.padStart(6)} ${'edges'.padStart(6)}  ${commands.map(([c]) => c.padStart(12)).join('')}`);
  let over = 0;
  for (const shape of SHAPES) {
    const parsed = parseDesign(JSON.stringify(shape.build()));
    if (!parsed.ok) throw new Error(`${shape.name} does not load: ${parsed.problems[0]?.message}`);
    const d = parsed.design;
    const cells = commands.map(([, run]) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        run(d);
        times.push(performance.now() - start);
      }
      const ms = times.sort((a, b) => a - b)[1];
      if (ms > BUDGET_MS) over++;
      return `${ms.toFixed(0)}${ms > BUDGET_MS ? ' OVER' : ''}`.padStart(12);
    });
    console.log(`${shape.name.padEnd(22)} ${String(d.nodes.length).padStart(6)} ${String(d.edges.length).padStart(6)}  ${cells.join('')}`);
  }
  console.log(over ? `${over} over the ${BUDGET_MS} ms budget` : `every command within ${BUDGET_MS} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchShapes();

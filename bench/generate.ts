import { CURRENT_SCHEMA_VERSION, DESIGN_FORMAT } from '../core/model';

/** A raw design document (as a file holds it) of about `nodeCount` nodes: repeated cells of
 *  realistic patterns (API → function → table; queue → function with a DLQ; topic fan-out; stream
 *  with an on-failure destination) plus a shared two-AZ VPC whose functions reach RDS and the
 *  internet through NAT gateways. `vpcFunctions` of the functions are attached to the VPC. */
export function generateDesign(nodeCount: number, vpcFunctions = Math.round(nodeCount / 20)): Record<string, unknown> {
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const usage: Record<string, Record<string, number>> = {};
  const node = (id: string, kind: string, props: Record<string, unknown> = {}, parent?: string) => {
    nodes.push({ id, kind, name: id, props, ...(parent ? { parent } : {}) });
    return id;
  };
  const edge = (kind: string, from: string, to: string, props: Record<string, unknown> = {}) => {
    const id = `e${edges.length}`;
    edges.push({ id, kind, from, to, props });
    return id;
  };

  // Shared VPC: 2 AZs, public subnets with NAT, private subnets, a database.
  node('vpc', 'vpc', { enableDnsHostnames: true });
  node('igw', 'internetGateway', {}, 'vpc');
  for (const az of ['a', 'b']) {
    node(`pub-${az}`, 'subnet', { az, cidr: az === 'a' ? '10.0.0.0/24' : '10.0.1.0/24', routeTable: { defaultRoute: 'igw' } }, 'vpc');
    node(`nat-${az}`, 'natGateway', {}, `pub-${az}`);
    node(`priv-${az}`, 'subnet', { az, cidr: az === 'a' ? '10.0.10.0/24' : '10.0.11.0/24', routeTable: { defaultRoute: `nat-${az}` } }, 'vpc');
  }
  node('sg-fn', 'securityGroup', {}, 'vpc');
  node('sg-db', 'securityGroup', { ingress: [{ fromPort: 5432, toPort: 5432, securityGroup: 'sg-fn' }] }, 'vpc');
  node('db', 'rds', { subnets: ['priv-a', 'priv-b'], securityGroups: ['sg-db'] }, 'vpc');
  node('partner', 'externalEndpoint', { url: 'https://api.partner.example.com' });

  let vpcLeft = vpcFunctions;
  const fn = (id: string, props: Record<string, unknown> = {}) => {
    const inVpc = vpcLeft-- > 0;
    node(id, 'lambda', { memoryMb: 512, timeoutSeconds: 20, logRetentionDays: 30, ...props, ...(inVpc ? { vpc: { subnets: ['priv-a', 'priv-b'], securityGroups: ['sg-fn'] } } : {}) });
    usage[id] = { avgDurationMs: 120, errorRate: 0.01 };
    if (inVpc) {
      edge('access', id, 'db', { mode: 'connect' });
      edge('access', id, 'partner', { mode: 'invoke' });
    }
    return id;
  };

  for (let c = 0; nodes.length < nodeCount; c++) {
    const p = `c${c}`;
    switch (c % 4) {
      case 0: { // API → function → table
        const api = node(`${p}-api`, 'apiGateway', { apiType: 'http' });
        usage[api] = { requestsPerMonth: 1_000_000 };
        const f = fn(`${p}-fn`);
        edge('trigger', api, f, { method: 'ANY', path: '/{proxy+}' });
        edge('access', f, node(`${p}-table`, 'dynamoTable'), { mode: 'readWrite' });
        break;
      }
      case 1: { // queue → function, redrive DLQ
        const q = node(`${p}-q`, 'sqsQueue', { visibilityTimeoutSeconds: 120 });
        const dlq = node(`${p}-dlq`, 'sqsQueue', { messageRetentionSeconds: 1209600 });
        usage[q] = { requestsPerMonth: 500_000 };
        edge('deadLetter', q, dlq, { maxReceiveCount: 5 });
        edge('trigger', q, fn(`${p}-fn`), { batchSize: 10, reportBatchItemFailures: true });
        break;
      }
      case 2: { // bucket → function (async) with on-failure destination → topic fan-out to queue
        const b = node(`${p}-bucket`, 's3Bucket');
        usage[b] = { requestsPerMonth: 200_000 };
        const f = fn(`${p}-fn`);
        edge('trigger', b, f, { events: ['s3:ObjectCreated:*'] });
        edge('destination', f, node(`${p}-failed`, 'sqsQueue'), { on: 'failure' });
        const t = node(`${p}-topic`, 'snsTopic');
        edge('access', f, t, { mode: 'publish' });
        edge('trigger', t, node(`${p}-sub`, 'sqsQueue'));
        break;
      }
      default: { // stream → function with on-failure destination
        const s = node(`${p}-stream`, 'kinesisStream', { shardCount: 2 });
        usage[s] = { requestsPerMonth: 5_000_000 };
        const trigger = edge('trigger', s, fn(`${p}-fn`), { startingPosition: 'LATEST', batchSize: 100, maximumRetryAttempts: 3, bisectBatchOnFunctionError: true });
        edge('destination', s, node(`${p}-stream-failed`, 'sqsQueue'), { on: 'failure', via: trigger });
      }
    }
  }
  return {
    format: DESIGN_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name: `generated ${nodeCount}`,
    region: 'us-east-1',
    nodes,
    edges,
    usage: { profiles: { expected: { nodes: usage } }, active: 'expected' },
  };
}

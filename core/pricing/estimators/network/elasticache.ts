import { dec } from '../../money';
import type { Estimator } from '../../types';
import type { DesignNode, NodeOfKind } from '../../../model/design';
import { transferLines, unpriced } from '../serverless/support';

/** ElastiCache, node-based: node-hours × numNodes at the catalog's on-demand price for the node
 *  type (`elasticache.node.<nodeType>`; the catalogs hold cache.m4.large in us-east-1 only, P101).
 *  Another node type is unpriced, naming it — never priced as a neighbour. ElastiCache Serverless
 *  (`serverless: true`, P98–P100): GB-hours stored (the `storageGb` entered, at least the metered
 *  minimum: 1 GB for Redis OSS and Memcached, 100 MB for Valkey) and ECPUs (one per request per KB
 *  moved, at least one: requests entered at the cache, else the access traffic reaching it).
 *  Transfer entered at the cluster (cross-AZ, inter-Region) is priced in every case
 *  (support.ts transferLines). */
export const estimateElasticache: Estimator = (ctx, node) => {
  if (node.kind !== 'elasticache') return [];
  if (node.props.serverless === true) return [...serverlessLines(ctx, node), ...transferLines(ctx, node)];
  const { nodeType, numNodes } = node.props;
  const transfer = [...storageNotBilled(node, ctx.usage(node.id).storageGb), ...transferLines(ctx, node)];
  const key = `elasticache.node.${nodeType}`;
  const component = `Cache node-hours (${nodeType})`;
  if (!ctx.price(key)) {
    const known = Object.keys(ctx.catalog.prices).filter((k) => k.startsWith('elasticache.node.')).map((k) => k.slice('elasticache.node.'.length));
    return [{ node: node.id, nodeName: node.name, component, reason: `the ${ctx.region} price catalog has no on-demand node-hour price for ${nodeType} (it has ${known.join(', ') || 'none'})` }, ...transfer];
  }
  return [ctx.line(node, component, key, dec(numNodes).times(ctx.hoursPerMonth), `configuration: ${numNodes} node${numNodes === 1 ? '' : 's'} × ${ctx.hoursPerMonth} h a month (node-based cluster)`), ...transfer];
};

/** Minimum metered storage of ElastiCache Serverless, GB (pricing.md P98, P100). */
const SERVERLESS_MIN_GB: Record<string, number> = { redis: 1, memcached: 1, valkey: 0.1 };

function serverlessLines(ctx: Parameters<Estimator>[0], node: NodeOfKind<'elasticache'>) {
  // Memcached Serverless is priced as Redis OSS (P98 covers both).
  const engine = node.props.engine === 'valkey' ? 'valkey' : 'redis';
  const usage = ctx.usage(node.id);
  const minGb = SERVERLESS_MIN_GB[node.props.engine];
  const gb = Math.max(usage.storageGb ?? 0, minGb);
  const stored = ctx.line(node, 'Data stored (serverless)', `elasticache.serverless.${engine}.storage`, dec(gb).times(ctx.hoursPerMonth),
    `${usage.storageGb === undefined ? `no storageGb entered: the metered minimum of ${minGb} GB` : usage.storageGb < minGb ? `storageGb ${usage.storageGb} raised to the metered minimum of ${minGb} GB` : `storageGb ${gb}`} × ${ctx.hoursPerMonth} h`);
  const requests = usage.requestsPerMonth ?? ctx.traffic.nodes[node.id]?.events ?? 0;
  const kbEach = Math.max(1, Math.ceil(usage.avgPayloadKb ?? 1));
  const ecpus = ctx.line(node, 'ECPUs (serverless)', `elasticache.serverless.${engine}.ecpu`, dec(requests).times(kbEach),
    `${usage.requestsPerMonth !== undefined ? 'requests entered at the cache' : 'requests reaching the cache along access edges'} × ${kbEach} ECPU each (1 per KB moved)`);
  return [stored, ecpus];
}

/** `storageGb` entered at a node-based cluster: it bills node-hours, not GB stored (GB-hours are
 *  ElastiCache Serverless), so the value is not billed — said, not silently dropped. */
function storageNotBilled(node: DesignNode, storageGb: number | undefined) {
  return storageGb ? [unpriced(node, 'Data stored', `storageGb (${storageGb} GB) is entered at "${node.name}", but a node-based cluster is billed per node-hour, not per GB stored; ElastiCache Serverless bills GB-hours (mark the cache serverless)`)] : [];
}

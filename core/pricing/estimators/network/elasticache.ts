import { dec } from '../../money';
import type { Estimator } from '../../types';
import { transferLines } from '../serverless/support';

/** ElastiCache, node-based: node-hours × numNodes at the catalog's on-demand price for the node
 *  type (`elasticache.node.<nodeType>`; the catalogs hold cache.m4.large in us-east-1 only, P101).
 *  Another node type is unpriced, naming it — never priced as a neighbour. ElastiCache Serverless
 *  (P98–P100) is not modelled: the elasticache node has no serverless flag, so every cluster is
 *  node-based. Transfer entered at the cluster (cross-AZ, inter-Region) is priced in every case
 *  (support.ts transferLines). */
export const estimateElasticache: Estimator = (ctx, node) => {
  if (node.kind !== 'elasticache') return [];
  const { nodeType, numNodes } = node.props;
  const key = `elasticache.node.${nodeType}`;
  const component = `Cache node-hours (${nodeType})`;
  if (!ctx.price(key)) {
    const known = Object.keys(ctx.catalog.prices).filter((k) => k.startsWith('elasticache.node.')).map((k) => k.slice('elasticache.node.'.length));
    return [{ node: node.id, nodeName: node.name, component, reason: `the ${ctx.region} price catalog has no on-demand node-hour price for ${nodeType} (it has ${known.join(', ') || 'none'})` }, ...transferLines(ctx, node)];
  }
  return [ctx.line(node, component, key, dec(numNodes).times(ctx.hoursPerMonth), `configuration: ${numNodes} node${numNodes === 1 ? '' : 's'} × ${ctx.hoursPerMonth} h a month (node-based cluster; ElastiCache Serverless is not modelled)`), ...transferLines(ctx, node)];
};

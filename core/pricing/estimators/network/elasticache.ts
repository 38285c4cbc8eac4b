import { dec } from '../../money';
import type { Estimator } from '../../types';
import type { DesignNode } from '../../../model/design';
import { transferLines, unpriced } from '../serverless/support';

/** ElastiCache, node-based: node-hours × numNodes at the catalog's on-demand price for the node
 *  type (`elasticache.node.<nodeType>`; the catalogs hold cache.m4.large in us-east-1 only, P101).
 *  Another node type is unpriced, naming it — never priced as a neighbour. ElastiCache Serverless
 *  (P98–P100) is not modelled: the elasticache node has no serverless flag, so every cluster is
 *  node-based. Transfer entered at the cluster (cross-AZ, inter-Region) is priced in every case
 *  (support.ts transferLines). */
export const estimateElasticache: Estimator = (ctx, node) => {
  if (node.kind !== 'elasticache') return [];
  const { nodeType, numNodes } = node.props;
  const transfer = [...storageNotBilled(node, ctx.usage(node.id).storageGb), ...transferLines(ctx, node)];
  const key = `elasticache.node.${nodeType}`;
  const component = `Cache node-hours (${nodeType})`;
  if (!ctx.price(key)) {
    const known = Object.keys(ctx.catalog.prices).filter((k) => k.startsWith('elasticache.node.')).map((k) => k.slice('elasticache.node.'.length));
    return [{ node: node.id, nodeName: node.name, component, reason: `the ${ctx.region} price catalog has no on-demand node-hour price for ${nodeType} (it has ${known.join(', ') || 'none'})` }, ...transfer];
  }
  return [ctx.line(node, component, key, dec(numNodes).times(ctx.hoursPerMonth), `configuration: ${numNodes} node${numNodes === 1 ? '' : 's'} × ${ctx.hoursPerMonth} h a month (node-based cluster; ElastiCache Serverless is not modelled)`), ...transfer];
};

/** `storageGb` entered at a cluster: node-based clusters bill node-hours, not GB stored (GB-hours are
 *  ElastiCache Serverless, not modelled), so the value is not billed — said, not silently dropped. */
function storageNotBilled(node: DesignNode, storageGb: number | undefined) {
  return storageGb ? [unpriced(node, 'Data stored', `storageGb (${storageGb} GB) is entered at "${node.name}", but a node-based cluster is billed per node-hour, not per GB stored; ElastiCache Serverless, which bills GB-hours, is not modelled`)] : [];
}

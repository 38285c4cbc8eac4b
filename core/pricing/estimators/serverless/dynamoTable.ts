import { dec } from '../../money';
import type { Estimator } from '../../types';
import { chunkedUnits, fmt, inflows, type Line, readInflows, unpriced } from './support';

/** On-demand units (https://aws.amazon.com/dynamodb/pricing/on-demand/, pricing.md §7): a standard
 *  write of up to 1 KB = 1 WRU; a strongly consistent read of up to 4 KB = 1 RRU, sizes rounded up. */
const WRITE_UNIT_KB = 1;
const READ_UNIT_KB = 4;

/** DynamoDB table (on-demand): WRUs from what is written to it — write/publish/readWrite access
 *  edges, API Gateway integrations, volume entered at the table — at ceil(item KB / 1) each; RRUs
 *  from read/readWrite access edges at ceil(item KB / 4) each, item size = the edge's
 *  `avgPayloadKb` (else the table's). Reads are taken as strongly consistent (eventually consistent
 *  reads cost half): an upper bound. A readWrite edge counts its volume once as writes and once as
 *  reads. Storage GB-month from the table's `storageGb`; stream reads by Lambda triggers are free
 *  (P75, a $0 line). Provisioned capacity and the Standard-IA class have no prices in the catalog:
 *  unpriced with that reason. */
export const estimateDynamoTable: Estimator = (ctx, node) => {
  if (node.kind !== 'dynamoTable') return [];
  const p = node.props;
  if (p.tableClass === 'STANDARD_INFREQUENT_ACCESS') {
    return [unpriced(node, 'all', 'the catalog has prices for the Standard table class only (pricing.md §7); Standard-IA storage and request prices differ')];
  }
  const lines: Line[] = [];
  if (p.billingMode === 'onDemand') {
    const writes = chunkedUnits(inflows(ctx, node), WRITE_UNIT_KB, `no writes reach "${node.name}" in the active profile`);
    lines.push(ctx.line(node, 'Write request units', 'dynamodb.onDemand.writeRequestUnits', writes.quantity, writes.from));
    const reads = chunkedUnits(readInflows(ctx, node), READ_UNIT_KB, `no reads of "${node.name}" in the active profile`);
    lines.push(ctx.line(node, 'Read request units (strongly consistent)', 'dynamodb.onDemand.readRequestUnits', reads.quantity, reads.from));
  } else {
    lines.push(unpriced(node, `Provisioned capacity (${p.readCapacityUnits} RCU, ${p.writeCapacityUnits} WCU)`, 'the catalog has no provisioned RCU/WCU hour prices (pricing.md lists on-demand DynamoDB only)'));
  }
  const storageGb = ctx.usage(node.id).storageGb;
  lines.push(storageGb === undefined
    ? unpriced(node, 'Storage', `enter storageGb at "${node.name}" in the usage profile to price its storage`)
    : ctx.line(node, 'Storage', 'dynamodb.storage', dec(storageGb), `${fmt(storageGb)} GB entered at "${node.name}"`));
  if (p.streamViewType !== 'NONE') {
    for (const edge of ctx.index.outgoing(node.id, 'trigger')) {
      const fn = ctx.index.node(edge.to);
      if (fn?.kind !== 'lambda') continue;
      const t = ctx.traffic.edges[edge.id];
      lines.push(ctx.line(node, `Stream reads by Lambda "${fn.name}" (no charge)`, 'dynamodb.streams.lambdaReads', dec(t?.events ?? 0),
        t ? `${fmt(t.events)} stream records read by the trigger (${t.from})` : `no writes reach "${node.name}" in the active profile`));
    }
  }
  return lines;
};

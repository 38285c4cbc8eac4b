import type { DesignNode } from '../../../model/design';
import { dec, type Dec } from '../../money';
import type { EstimateContext, Estimator } from '../../types';
import { chunkedUnits, fmt, inflows, type Line, readInflows, transferLines, unpriced } from './support';

/** Request units (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html,
 *  "DynamoDB read and write operations"; https://aws.amazon.com/dynamodb/pricing/on-demand/, pricing.md
 *  §7): a standard write of up to 1 KB = 1 WRU, a transactional write 2 WRU; a read of up to 4 KB = ½
 *  RRU eventually consistent, 1 RRU strongly consistent, 2 RRU transactional; sizes rounded up. */
const WRITE_UNIT_KB = 1;
const READ_UNIT_KB = 4;
const TRANSACTIONAL_WRITE_UNITS = 2;
const READ_UNITS: Record<'eventual' | 'strong' | 'transactional', { units: number; words: string }> = {
  eventual: { units: 0.5, words: 'eventually consistent: ½ RRU per 4 KB' },
  strong: { units: 1, words: 'strongly consistent: 1 RRU per 4 KB' },
  transactional: { units: 2, words: 'transactional: 2 RRU per 4 KB' },
};
/** "Every month, the first 2,500,000 read requests made by non-Lambda consumers are also free of
 *  cost" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CostOptimization_StreamsUsage.html):
 *  an always-free allowance (catalog freeTier `dynamodb.streams.readRequestUnits`), applied with the
 *  free tier like every other. */
const FREE_STREAM_READS = '2,500,000';

/** DynamoDB table (on-demand). WRUs: `writeRequestUnitsPerMonth` entered at the table, else derived
 *  from what is written to it — write/publish/readWrite access edges, API Gateway integrations,
 *  volume entered at the table — at ceil(item KB / 1) each, × 2 with `transactionalWrites`. RRUs:
 *  `readRequestUnitsPerMonth` entered, else derived from read/readWrite access edges at ceil(item KB /
 *  4) × the units of `readConsistency` (eventually consistent — DynamoDB's default — ½, strong 1,
 *  transactional 2), item size = the edge's `avgPayloadKb` (else the table's). A readWrite edge counts
 *  its volume once as writes and once as reads. Storage GB-month from the table's `storageGb`; stream
 *  reads by Lambda triggers are free (P75, a $0 line); `streamReadRequestsPerMonth` (GetRecords calls
 *  by other consumers) at the streams read price. Provisioned capacity and the Standard-IA class have
 *  no prices in the catalog: unpriced with that reason. Plus the transfer entered at the table. */
export const estimateDynamoTable: Estimator = (ctx, node) => {
  if (node.kind !== 'dynamoTable') return [];
  const p = node.props;
  if (p.tableClass === 'STANDARD_INFREQUENT_ACCESS') {
    return [unpriced(node, 'all', 'the catalog has prices for the Standard table class only (pricing.md §7); Standard-IA storage and request prices differ'), ...transferLines(ctx, node)];
  }
  const usage = ctx.usage(node.id);
  const lines: Line[] = [];
  if (p.billingMode === 'onDemand') {
    lines.push(ctx.line(node, 'Write request units', 'dynamodb.onDemand.writeRequestUnits', ...writeUnits(ctx, node)));
    const consistency = usage.readConsistency ?? 'eventual';
    lines.push(ctx.line(node, `Read request units (${consistency === 'eventual' ? 'eventually consistent' : consistency === 'strong' ? 'strongly consistent' : 'transactional'})`, 'dynamodb.onDemand.readRequestUnits', ...readUnits(ctx, node)));
  } else {
    lines.push(unpriced(node, `Provisioned capacity (${p.readCapacityUnits} RCU, ${p.writeCapacityUnits} WCU)`, 'the catalog has no provisioned RCU/WCU hour prices (pricing.md lists on-demand DynamoDB only)'));
  }
  const storageGb = usage.storageGb;
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
  const streamReads = usage.streamReadRequestsPerMonth;
  if (streamReads) {
    lines.push(p.streamViewType === 'NONE'
      ? unpriced(node, 'Stream reads by non-Lambda consumers', `streamReadRequestsPerMonth is entered at "${node.name}", but the table has no stream (streamViewType NONE): turn its stream on, or clear the value`)
      : ctx.line(node, 'Stream reads by non-Lambda consumers', 'dynamodb.streams.readRequestUnits', dec(streamReads),
        `${fmt(streamReads)} GetRecords calls a month entered at "${node.name}" (one streams read request unit each); the first ${FREE_STREAM_READS} a month per account and Region are free — credited with the free tier`));
  }
  return [...lines, ...transferLines(ctx, node)];
};

function writeUnits(ctx: EstimateContext, node: DesignNode): [Dec, string] {
  const entered = ctx.usage(node.id).writeRequestUnitsPerMonth;
  if (entered !== undefined) return [dec(entered), `${fmt(entered)} WRU a month entered at "${node.name}" (replaces the units derived from the writes reaching it)`];
  const transactional = ctx.usage(node.id).transactionalWrites === true;
  const writes = chunkedUnits(inflows(ctx, node), WRITE_UNIT_KB, `no writes reach "${node.name}" in the active profile`);
  return transactional
    ? [writes.quantity.times(TRANSACTIONAL_WRITE_UNITS), `${writes.from}; transactional writes: ${TRANSACTIONAL_WRITE_UNITS} WRU per 1 KB`]
    : [writes.quantity, writes.from];
}

function readUnits(ctx: EstimateContext, node: DesignNode): [Dec, string] {
  const usage = ctx.usage(node.id);
  if (usage.readRequestUnitsPerMonth !== undefined) return [dec(usage.readRequestUnitsPerMonth), `${fmt(usage.readRequestUnitsPerMonth)} RRU a month entered at "${node.name}" (replaces the units derived from the reads reaching it)`];
  const consistency = READ_UNITS[usage.readConsistency ?? 'eventual'];
  const reads = chunkedUnits(readInflows(ctx, node), READ_UNIT_KB, `no reads of "${node.name}" in the active profile`);
  if (reads.quantity.isZero()) return [reads.quantity, reads.from];
  return [reads.quantity.times(consistency.units), `${reads.from}; ${consistency.words}${usage.readConsistency === undefined ? ' (DynamoDB’s default)' : ''}`];
}

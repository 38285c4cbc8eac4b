import { dec } from '../../money';
import type { Estimator } from '../../types';
import { averageKb, chunkedUnits, fmt, inflows, type Line, noTraffic, payloadGb, totalEvents, unpriced } from './support';

/** "PUT payload unit = 25 KB chunk of a record": 5 KB = 1 unit, 45 KB = 2, 1 MB = 40
 *  (http://aws.amazon.com/kinesis/pricing/, pricing.md §6). */
const PUT_UNIT_KB = 25;
const INCLUDED_RETENTION_HOURS = 24;

/** Kinesis data stream. Records = what arrives at the stream; their size = the edge's or stream's
 *  `avgPayloadKb`; consumers = the stream's trigger edges (each reads every record).
 *  Provisioned: shard-hours, PUT payload units (25 KB chunks per record), and with enhanced fan-out
 *  a consumer-shard-hour per consumer and shard plus EFO GB retrieved; shared-throughput reads are
 *  free. On-demand: stream-hours, GB ingested (each record rounded up to 1 KB, pricing.md §6) and GB
 *  retrieved per consumer (EFO GB with enhanced fan-out). Retention beyond 24 h is unpriced: the
 *  provisioned extended-retention unit is a pricing.md gap, and the on-demand retention GB of P67
 *  would need the stored volume, which this model does not estimate. */
export const estimateKinesisStream: Estimator = (ctx, node) => {
  if (node.kind !== 'kinesisStream') return [];
  const p = node.props;
  const hours = ctx.hoursPerMonth;
  const flows = inflows(ctx, node);
  const records = totalEvents(flows);
  const recordsFrom = flows.map((f) => f.from).join(' + ') || noTraffic(node);
  const consumers = ctx.index.outgoing(node.id, 'trigger').length;
  const retrievedGb = payloadGb(flows).times(consumers);
  const sizeFrom = averageKb(flows) === undefined ? 'no avgPayloadKb entered: 0 GB' : `× ${fmt(averageKb(flows) ?? 0)} KB average`;
  const consumersFrom = `${recordsFrom}; ${sizeFrom} × ${consumers} consumer${consumers === 1 ? '' : 's'} (trigger edges)`;
  const lines: Line[] = [];
  if (p.capacityMode === 'provisioned') {
    lines.push(ctx.line(node, 'Shard hours', 'kinesis.shardHours', dec(p.shardCount * hours), `${p.shardCount} shard${p.shardCount === 1 ? '' : 's'} × ${hours} h (configuration)`));
    const units = chunkedUnits(flows, PUT_UNIT_KB, noTraffic(node));
    lines.push(ctx.line(node, 'PUT payload units', 'kinesis.putPayloadUnits', units.quantity, `${units.from} (25 KB units per record)`));
    if (p.enhancedFanOut) {
      lines.push(ctx.line(node, 'Enhanced fan-out consumer-shard hours', 'kinesis.efo.consumerShardHours', dec(consumers * p.shardCount * hours), `${consumers} consumer${consumers === 1 ? '' : 's'} (trigger edges) × ${p.shardCount} shards × ${hours} h`));
      lines.push(ctx.line(node, 'Enhanced fan-out data retrieved', 'kinesis.efo.retrievalGb', retrievedGb, consumersFrom));
    }
  } else {
    lines.push(ctx.line(node, 'Stream hours (on-demand)', 'kinesis.onDemand.streamHours', dec(hours), `1 on-demand stream × ${hours} h (configuration)`));
    lines.push(ctx.line(node, 'Data ingested', 'kinesis.onDemand.ingestedGb', payloadGb(flows, true), `${recordsFrom}; each record rounded up to 1 KB${averageKb(flows) === undefined ? ' (no avgPayloadKb entered: 1 KB each)' : ''}`));
    lines.push(p.enhancedFanOut
      ? ctx.line(node, 'Enhanced fan-out data retrieved', 'kinesis.onDemand.efoRetrievalGb', retrievedGb, consumersFrom)
      : ctx.line(node, 'Data retrieved', 'kinesis.onDemand.retrievedGb', retrievedGb, consumersFrom));
  }
  if (p.retentionHours > INCLUDED_RETENTION_HOURS) {
    lines.push(unpriced(node, `Retention beyond 24 h (${fmt(p.retentionHours)} h)`, p.capacityMode === 'provisioned'
      ? 'the unit of provisioned extended retention was not found in the stored pricing sources (pricing.md "Gaps")'
      : `on-demand retention is billed per GB stored, which needs the stored volume (${fmt(records)} records a month) held over the retention period; not estimated`));
  }
  return lines;
};

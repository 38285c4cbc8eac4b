import type { NodeOfKind } from '../../../model/design';
import { dec, type Dec } from '../../money';
import type { EstimateContext, Estimator } from '../../types';
import { averageKb, chunkedUnits, fmt, inflows, type Line, noTraffic, payloadGb, transferLines, unpriced } from './support';

/** "PUT payload unit = 25 KB chunk of a record": 5 KB = 1 unit, 45 KB = 2, 1 MB = 40
 *  (http://aws.amazon.com/kinesis/pricing/, pricing.md §6). */
const PUT_UNIT_KB = 25;
/** Retention: the first 24 h are included; "Extended data retention (beyond the first 24 hours and
 *  within the first seven days)" and "Long-Term data retention (beyond seven days and up to one year)"
 *  are billed extra (https://aws.amazon.com/kinesis/data-streams/pricing/). */
const INCLUDED_RETENTION_HOURS = 24;
const EXTENDED_RETENTION_HOURS = 168;

/** Kinesis data stream. Records = what arrives at the stream; their size = the edge's or stream's
 *  `avgPayloadKb`. Readers = the stream's trigger edges (each reads every record); enhanced fan-out
 *  (EFO) consumers = `enhancedFanOutConsumers` entered at the stream, else its Lambda triggers when the
 *  stream has `enhancedFanOut` on (each trigger reads through a consumer of its own), else none.
 *  Provisioned: shard-hours, PUT payload units (25 KB chunks per record), a consumer-shard-hour per
 *  EFO consumer and shard plus EFO GB retrieved per consumer; shared-throughput reads are free.
 *  On-demand: stream-hours, GB ingested (each record rounded up to 1 KB, pricing.md §6), GB retrieved
 *  per shared-throughput reader and EFO GB retrieved per EFO consumer.
 *  Retention (`retentionHours`): provisioned extended retention (25–168 h) is a price per shard-hour,
 *  whatever the length; on-demand extended retention is per GB-month of the data held between 24 h
 *  and 7 days. Long-term retention (> 168 h) is per GB-month of the data older than 7 days. Stored
 *  volumes are the steady state with ingestion spread evenly over the month: GB ingested an hour ×
 *  the hours held in that band. `longTermRetrievedGbPerMonth` prices reads of data older than 7 days.
 *  Plus the transfer entered at the stream (support.ts transferLines). */
export const estimateKinesisStream: Estimator = (ctx, node) => {
  if (node.kind !== 'kinesisStream') return [];
  const p = node.props;
  const usage = ctx.usage(node.id);
  const hours = ctx.hoursPerMonth;
  const flows = inflows(ctx, node);
  const recordsFrom = flows.map((f) => f.from).join(' + ') || noTraffic(node);
  const triggers = ctx.index.outgoing(node.id, 'trigger').filter((e) => ctx.index.node(e.to)?.kind === 'lambda');
  const efo = efoConsumers(usage.enhancedFanOutConsumers, p.enhancedFanOut, triggers.length);
  // Readers through shared throughput: the trigger edges not reading through an EFO consumer (with
  // enhancedFanOut on, the consumers entered are taken to include the Lambda triggers).
  const allTriggers = ctx.index.outgoing(node.id, 'trigger').length;
  const sharedReaders = p.enhancedFanOut ? Math.max(0, allTriggers - efo.count) : allTriggers;
  const recordsGb = payloadGb(flows);
  const sizeFrom = averageKb(flows) === undefined ? 'no avgPayloadKb entered: 0 GB' : `× ${fmt(averageKb(flows) ?? 0)} KB average`;
  const readFrom = (who: string) => `${recordsFrom}; ${sizeFrom} × ${who}`;
  const lines: Line[] = [];
  if (p.capacityMode === 'provisioned') {
    lines.push(ctx.line(node, 'Shard hours', 'kinesis.shardHours', dec(p.shardCount * hours), `${p.shardCount} shard${p.shardCount === 1 ? '' : 's'} × ${hours} h (configuration)`));
    const units = chunkedUnits(flows, PUT_UNIT_KB, noTraffic(node));
    lines.push(ctx.line(node, 'PUT payload units', 'kinesis.putPayloadUnits', units.quantity, `${units.from} (25 KB units per record)`));
    if (efo.count > 0) {
      lines.push(ctx.line(node, 'Enhanced fan-out consumer-shard hours', 'kinesis.efo.consumerShardHours', dec(efo.count * p.shardCount * hours), `${efo.from} × ${p.shardCount} shards × ${hours} h`));
      lines.push(ctx.line(node, 'Enhanced fan-out data retrieved', 'kinesis.efo.retrievalGb', recordsGb.times(efo.count), readFrom(efo.from)));
    }
  } else {
    lines.push(ctx.line(node, 'Stream hours (on-demand)', 'kinesis.onDemand.streamHours', dec(hours), `1 on-demand stream × ${hours} h (configuration)`));
    lines.push(ctx.line(node, 'Data ingested', 'kinesis.onDemand.ingestedGb', payloadGb(flows, true), `${recordsFrom}; each record rounded up to 1 KB${averageKb(flows) === undefined ? ' (no avgPayloadKb entered: 1 KB each)' : ''}`));
    if (sharedReaders > 0 || efo.count === 0) {
      lines.push(ctx.line(node, 'Data retrieved', 'kinesis.onDemand.retrievedGb', recordsGb.times(sharedReaders), readFrom(`${sharedReaders} reader${sharedReaders === 1 ? '' : 's'} (trigger edges, shared throughput)`)));
    }
    if (efo.count > 0) lines.push(ctx.line(node, 'Enhanced fan-out data retrieved', 'kinesis.onDemand.efoRetrievalGb', recordsGb.times(efo.count), readFrom(efo.from)));
  }
  lines.push(...retentionLines(ctx, node, p.capacityMode === 'provisioned' ? recordsGb : payloadGb(flows, true), recordsFrom));
  return [...lines, ...transferLines(ctx, node)];
};

/** EFO consumers: entered, else one per Lambda trigger when the stream uses enhanced fan-out. */
function efoConsumers(entered: number | undefined, enhancedFanOut: boolean, lambdaTriggers: number): { count: number; from: string } {
  if (entered !== undefined) return { count: entered, from: `${entered} consumer${entered === 1 ? '' : 's'} (enhancedFanOutConsumers entered)` };
  const count = enhancedFanOut ? lambdaTriggers : 0;
  return { count, from: `${count} consumer${count === 1 ? '' : 's'} (Lambda triggers reading through enhanced fan-out)` };
}

function retentionLines(ctx: EstimateContext, node: NodeOfKind<'kinesisStream'>, ingestedGb: Dec, recordsFrom: string): Line[] {
  const p = node.props;
  const retention = p.retentionHours;
  const lines: Line[] = [];
  const perHour = ingestedGb.div(ctx.hoursPerMonth);
  const held = (from: number, to: number) => `${fmt(ingestedGb)} GB ingested a month (${recordsFrom}) / ${ctx.hoursPerMonth} h × ${fmt(to - from)} h held beyond ${from} h (retention ${fmt(retention)} h; ingestion spread evenly)`;
  if (retention > INCLUDED_RETENTION_HOURS) {
    const upTo = Math.min(retention, EXTENDED_RETENTION_HOURS);
    lines.push(p.capacityMode === 'provisioned'
      ? ctx.line(node, 'Extended retention (24 h to 7 days)', 'kinesis.extendedRetention.shardHours', dec(p.shardCount * ctx.hoursPerMonth),
        `retention ${fmt(retention)} h: ${p.shardCount} shard${p.shardCount === 1 ? '' : 's'} × ${ctx.hoursPerMonth} h (billed per shard-hour, whatever the retention up to 7 days)`)
      : ctx.line(node, 'Extended retention (24 h to 7 days)', 'kinesis.onDemand.extendedRetentionGbMonth', perHour.times(upTo - INCLUDED_RETENTION_HOURS), held(INCLUDED_RETENTION_HOURS, upTo)));
  }
  if (retention > EXTENDED_RETENTION_HOURS) {
    const key = p.capacityMode === 'provisioned' ? 'kinesis.longTermRetention.gbMonth' : 'kinesis.onDemand.longTermRetentionGbMonth';
    lines.push(ctx.line(node, 'Long-term retention (beyond 7 days)', key, perHour.times(retention - EXTENDED_RETENTION_HOURS), held(EXTENDED_RETENTION_HOURS, retention)));
  }
  const retrieved = ctx.usage(node.id).longTermRetrievedGbPerMonth;
  if (retrieved) {
    const key = p.capacityMode === 'provisioned' ? 'kinesis.longTermRetrieval.gb' : 'kinesis.onDemand.longTermRetrievalGb';
    lines.push(retention > EXTENDED_RETENTION_HOURS
      ? ctx.line(node, 'Long-term retention data retrieved', key, dec(retrieved), `${fmt(retrieved)} GB a month read back from data older than 7 days, entered at "${node.name}"`)
      : unpriced(node, 'Long-term retention data retrieved', `longTermRetrievedGbPerMonth is entered at "${node.name}", but its retention is ${fmt(retention)} h: no data is older than 7 days`));
  }
  return lines;
}

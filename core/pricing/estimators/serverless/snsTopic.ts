import { dec } from '../../money';
import type { Estimator } from '../../types';
import { averageKb, chunkedUnits, chunksOf, fmt, inflows, kbToGb, type Line, noTraffic, payloadGb, totalEvents } from './support';

/** "Each 64 KB chunk of published data is billed as 1 request" (SNS page text, pricing.md §4);
 *  Infracost applies the same chunking to HTTP/S deliveries (1M × 128 KB → 2M notifications). */
const CHUNK_KB = 64;

/** SNS topic: publishes (standard: in 64 KB chunks) and one delivery per subscription per publish
 *  (trigger edges: fan-out). Deliveries to SQS and Lambda are free and shown as $0 lines with the
 *  SNS page as source (P50) — free, not unknown; HTTP/S deliveries (an external endpoint subscribed)
 *  are priced in 64 KB chunks. A FIFO topic bills publish requests plus publish payload GB, and
 *  notifications plus notification payload GB (P52/P53); as its payload is billed per GB, its
 *  requests are counted one per publish, not per 64 KB chunk. */
export const estimateSnsTopic: Estimator = (ctx, node) => {
  if (node.kind !== 'snsTopic') return [];
  const flows = inflows(ctx, node);
  const publishes = totalEvents(flows);
  const lines: Line[] = [];
  if (node.props.fifo) {
    const from = flows.map((f) => f.from).join(' + ') || noTraffic(node);
    lines.push(ctx.line(node, 'Publish requests', 'sns.fifo.publishes', publishes, from));
    lines.push(ctx.line(node, 'Publish payload', 'sns.fifo.publishPayloadGb', payloadGb(flows), `${from}, × avgPayloadKb, 1 GB = 1024² KB`));
  } else {
    const { quantity, from } = chunkedUnits(flows, CHUNK_KB, noTraffic(node));
    lines.push(ctx.line(node, 'Publish requests', 'sns.standard.publishes', quantity, from));
  }
  // Deliveries per publish: the average payload over what was published.
  const avgKb = averageKb(flows);
  for (const edge of ctx.index.outgoing(node.id, 'trigger')) {
    const target = ctx.index.node(edge.to);
    if (!target) continue;
    const count = dec(ctx.traffic.edges[edge.id]?.events ?? 0);
    const from = `${fmt(count)} deliveries to "${target.name}" (${ctx.traffic.edges[edge.id]?.from ?? noTraffic(node)})`;
    if (node.props.fifo) {
      lines.push(ctx.line(node, `Notifications to "${target.name}"`, 'sns.fifo.notifications', count, from));
      lines.push(ctx.line(node, `Notification payload to "${target.name}"`, 'sns.fifo.notificationPayloadGb', kbToGb(count.times(avgKb ?? 0)), `${from} × ${fmt(avgKb ?? 0)} KB`));
    } else if (target.kind === 'sqsQueue' || target.kind === 'lambda') {
      lines.push(ctx.line(node, `Deliveries to ${target.kind === 'sqsQueue' ? 'SQS' : 'Lambda'} "${target.name}" (no charge)`, `sns.delivery.${target.kind === 'sqsQueue' ? 'sqs' : 'lambda'}`, count, from));
    } else if (target.kind === 'externalEndpoint') {
      const chunks = chunksOf(avgKb, CHUNK_KB);
      lines.push(ctx.line(node, `HTTP/S deliveries to "${target.name}"`, 'sns.delivery.https', count.times(chunks), chunks > 1 ? `${from} × ${chunks} (${fmt(avgKb ?? 0)} KB in ${CHUNK_KB} KB chunks)` : from));
    }
  }
  return lines;
};

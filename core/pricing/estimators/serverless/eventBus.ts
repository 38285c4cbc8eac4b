import type { DesignNode } from '../../../model/design';
import { dec } from '../../money';
import type { EstimateContext, Estimator } from '../../types';
import { chunkedUnits, chunksOf, fmt, type Inflow, inflows, type Line, totalEvents } from './support';

/** "Each 64 KB chunk of payload bills as one event" (pricing.md §5; AGL). */
const CHUNK_KB = 64;

/** Where a bus's events come from decides whether they are billed: state-change events of AWS
 *  services (S3 → EventBridge notifications; what is entered at the default bus) are free (P57);
 *  events put by applications — PutEvents from functions (access edges), Lambda destinations, API
 *  Gateway integrations, rules forwarding to this bus, and what is entered at a custom bus — are
 *  custom events (P55), in 64 KB chunks. */
const isAwsServiceEvent = (flow: Inflow, defaultBus: boolean): boolean =>
  flow.source ? flow.source.kind === 's3Bucket' : defaultBus;

/** EventBridge event bus: custom events published (64 KB chunks) and AWS service events ($0 line,
 *  free rather than unknown); archive, replay and partner events entered at the bus. Rules on the bus add nothing for matching; see the rule estimator
 *  for schedules and API destinations. */
export const estimateEventBus: Estimator = (ctx, node) => {
  if (node.kind !== 'eventBus') return [];
  const defaultBus = node.props.busType === 'default';
  const flows = inflows(ctx, node);
  const custom = flows.filter((f) => !isAwsServiceEvent(f, defaultBus));
  const aws = flows.filter((f) => isAwsServiceEvent(f, defaultBus));
  const lines: Line[] = [];
  if (custom.length || !aws.length) {
    const { quantity, from } = chunkedUnits(custom, CHUNK_KB, `no custom events reach "${node.name}" in the active profile`);
    lines.push(ctx.line(node, 'Custom events published', 'eventbridge.customEvents', quantity, from));
  }
  if (aws.length) {
    lines.push(ctx.line(node, 'AWS service events (no charge)', 'eventbridge.awsEvents', totalEvents(aws), aws.map((f) => f.from).join(' + ')));
  }
  return [...lines, ...archiveAndPartnerLines(ctx, node)];
};

/** Archive, replay and partner events entered at the bus (https://aws.amazon.com/eventbridge/pricing/):
 *  GB of events processed into archives, archive storage GB-month, replayed events — billed as custom
 *  events ("events ingested by … event replay are charged") — and SaaS partner events, both in 64 KB
 *  chunks of the bus's `avgPayloadKb`. Nothing entered: no lines (each field's "when empty" is 0). */
function archiveAndPartnerLines(ctx: EstimateContext, node: DesignNode): Line[] {
  const usage = ctx.usage(node.id);
  const at = `entered at "${node.name}"`;
  const chunks = chunksOf(usage.avgPayloadKb, CHUNK_KB);
  const chunked = chunks > 1 ? ` × ${chunks} (${fmt(usage.avgPayloadKb ?? 0)} KB in ${CHUNK_KB} KB chunks)` : '';
  const lines: Line[] = [];
  if (usage.archivedGbPerMonth) lines.push(ctx.line(node, 'Archive: events processed', 'eventbridge.archive.processedGb', dec(usage.archivedGbPerMonth), `${fmt(usage.archivedGbPerMonth)} GB a month ${at}`));
  if (usage.archiveStorageGb) lines.push(ctx.line(node, 'Archive storage', 'eventbridge.archive.storageGbMonth', dec(usage.archiveStorageGb), `${fmt(usage.archiveStorageGb)} GB stored over the month ${at}`));
  if (usage.replayedEventsPerMonth) {
    lines.push(ctx.line(node, 'Replayed events (billed as custom events)', 'eventbridge.customEvents', dec(usage.replayedEventsPerMonth).times(chunks), `${fmt(usage.replayedEventsPerMonth)} events a month ${at}${chunked}`));
  }
  if (usage.partnerEventsPerMonth) {
    lines.push(ctx.line(node, 'Partner (SaaS) events', 'eventbridge.partnerEvents', dec(usage.partnerEventsPerMonth).times(chunks), `${fmt(usage.partnerEventsPerMonth)} events a month ${at}${chunked}`));
  }
  return lines;
}

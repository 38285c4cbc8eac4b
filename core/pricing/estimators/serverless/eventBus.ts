import type { Estimator } from '../../types';
import { chunkedUnits, type Inflow, inflows, type Line, totalEvents } from './support';

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
 *  free rather than unknown). Rules on the bus add nothing for matching; see the rule estimator
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
  return lines;
};

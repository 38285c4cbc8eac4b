import { nodeUsageSchema, type NodeUsage } from './design';
import { rangeOf } from './limits';

/** How a usage value is edited: a number with a unit, a choice, or a yes/no. */
export type UsageInput =
  | { type: 'number'; unit: string; step?: number; max?: number }
  | { type: 'choice'; options: readonly { value: string; label: string }[] }
  | { type: 'flag' };

/** One usage value a profile can hold for a node: what it means, its unit, the kinds it applies to,
 *  and what the analysis uses when it is not entered (AWS's default, or a volume derived from the
 *  design). The usage editor is built from this table; estimators read the same keys. */
export interface UsageField {
  key: keyof NodeUsage & string;
  label: string;
  input: UsageInput;
  /** Node kinds this value is entered at. */
  kinds: readonly string[];
  /** What applies when the value is left empty, in words. */
  whenEmpty: string;
  help: string;
  /** Sources: fields whose empty value is filled by traffic propagated along edges. */
  propagated?: boolean;
}

const SOURCE_KINDS = ['apiGateway', 'alb', 'cloudfront', 'snsTopic', 'sqsQueue', 'eventBus', 'eventRule', 'kinesisStream', 'dynamoTable', 's3Bucket', 'stepFunction', 'lambda', 'kafka', 'cognitoUserPool', 'externalEndpoint', 'awsService'];
const DATA_KINDS = ['lambda', 'elasticache', 'rds', 'rdsProxy', 'kinesisStream', 'dynamoTable', 's3Bucket'];

const num = (unit: string, extra: { step?: number; max?: number } = {}): UsageInput => ({ type: 'number', unit, ...extra });

const FIELDS: readonly UsageField[] = [
  { key: 'requestsPerMonth', label: 'Requests a month', input: num('requests/month', { step: 1 }), kinds: SOURCE_KINDS, propagated: true,
    whenEmpty: 'the volume propagated from upstream sources', help: 'Requests, messages, events or records that arrive here each month from outside the design.' },
  { key: 'avgDurationMs', label: 'Average duration', input: num('ms'), kinds: ['lambda', 'stepFunction'],
    whenEmpty: '0 ms: duration is not billed until entered', help: 'Average billed duration per invocation (Lambda rounds up to 1 ms).' },
  { key: 'avgPayloadKb', label: 'Average payload', input: num('KB'), kinds: SOURCE_KINDS,
    whenEmpty: 'the sender’s payload, else one billing unit per request', help: 'Average request, message or item size.' },
  { key: 'errorRate', label: 'Error rate', input: num('fraction 0–1', { step: 0.01 }), kinds: ['lambda', 'stepFunction'],
    whenEmpty: '0: no retries', help: 'Share of invocations that fail and are retried.' },
  { key: 'storageGb', label: 'Storage', input: num('GB'), kinds: ['s3Bucket', 'dynamoTable', 'logGroup', 'elasticache'],
    whenEmpty: '0 GB; a log group: its monthly ingestion × the months its retention keeps (uncompressed)', help: 'Average data stored over the month.' },
  { key: 'logKbPerInvocation', label: 'Logs per invocation', input: num('KB'), kinds: ['lambda'],
    whenEmpty: 'no logs priced', help: 'CloudWatch Logs written per invocation.' },
  { key: 'dataOutGbPerMonth', label: 'Data out to the internet', input: num('GB/month'), kinds: ['lambda', 'apiGateway', 'alb', 's3Bucket', 'cloudfront'],
    whenEmpty: '0 GB', help: 'Data transferred out to the internet (tiered EC2 data-transfer rates).' },
  { key: 'connectionMinutesPerMonth', label: 'Connection minutes', input: num('minutes/month'), kinds: ['apiGateway'],
    whenEmpty: '0', help: 'WebSocket APIs: connection minutes a month.' },
  { key: 'provisionedHoursPerDay', label: 'Provisioned concurrency hours a day', input: num('h/day', { step: 0.25 }), kinds: ['lambda'],
    whenEmpty: '24 h (always on)', help: 'Hours a day provisioned concurrency is on (a schedule); each period is billed in 5-minute increments.' },
  { key: 'provisionedDaysPerMonth', label: 'Provisioned concurrency days a month', input: num('days/month', { step: 1 }), kinds: ['lambda'],
    whenEmpty: 'every day of the month', help: 'Days a month the schedule runs (e.g. 22 working days).' },
  { key: 'gbProcessedPerMonth', label: 'Data processed', input: num('GB/month'), kinds: ['natGateway', 'vpcEndpoint'],
    whenEmpty: 'the volume routed through it by the reachability analysis', help: 'GB processed a month; replaces the routed volume.' },
  { key: 'readRequestUnitsPerMonth', label: 'Read request units', input: num('RRU/month'), kinds: ['dynamoTable'],
    whenEmpty: 'derived from reads reaching the table, item size and consistency', help: 'On-demand read request units a month; replaces the derived number.' },
  { key: 'writeRequestUnitsPerMonth', label: 'Write request units', input: num('WRU/month'), kinds: ['dynamoTable'],
    whenEmpty: 'derived from writes reaching the table and item size', help: 'On-demand write request units a month; replaces the derived number.' },
  { key: 'readConsistency', label: 'Reads', input: { type: 'choice', options: [{ value: 'eventual', label: 'eventually consistent (½ RRU per 4 KB)' }, { value: 'strong', label: 'strongly consistent (1 RRU per 4 KB)' }, { value: 'transactional', label: 'transactional (2 RRU per 4 KB)' }] }, kinds: ['dynamoTable'],
    whenEmpty: 'eventually consistent (DynamoDB’s default for reads)', help: 'How reads are made: sets read request units per 4 KB item.' },
  { key: 'transactionalWrites', label: 'Transactional writes', input: { type: 'flag' }, kinds: ['dynamoTable'],
    whenEmpty: 'standard writes (1 WRU per 1 KB)', help: 'Writes made in transactions use 2 WRU per 1 KB.' },
  { key: 'streamReadRequestsPerMonth', label: 'Stream reads by non-Lambda consumers', input: num('GetRecords/month'), kinds: ['dynamoTable'],
    whenEmpty: '0 (reads by Lambda triggers are free)', help: 'DynamoDB Streams read requests by consumers other than Lambda triggers.' },
  { key: 'putRequestsPerMonth', label: 'PUT, COPY, POST, LIST requests', input: num('requests/month'), kinds: ['s3Bucket'],
    whenEmpty: 'the writes reaching the bucket', help: 'S3 tier-1 requests a month; replaces the derived number.' },
  { key: 'getRequestsPerMonth', label: 'GET, SELECT and other requests', input: num('requests/month'), kinds: ['s3Bucket'],
    whenEmpty: 'the reads reaching the bucket', help: 'S3 tier-2 requests a month; replaces the derived number.' },
  { key: 'crossAzGbPerMonth', label: 'Cross-AZ transfer', input: num('GB/month'), kinds: DATA_KINDS,
    whenEmpty: '0 GB (NAT routing adds its own)', help: 'Data sent between Availability Zones in the same Region (billed in each direction).' },
  { key: 'interRegionGbPerMonth', label: 'Inter-Region transfer out', input: num('GB/month'), kinds: DATA_KINDS,
    whenEmpty: '0 GB', help: 'Data sent from this Region to other AWS Regions.' },
  { key: 'archivedGbPerMonth', label: 'Events archived', input: num('GB/month'), kinds: ['eventBus'],
    whenEmpty: '0 GB', help: 'EventBridge archive: GB of events processed into archives a month.' },
  { key: 'archiveStorageGb', label: 'Archive storage', input: num('GB'), kinds: ['eventBus'],
    whenEmpty: '0 GB', help: 'EventBridge archive: GB stored over the month.' },
  { key: 'replayedEventsPerMonth', label: 'Replayed events', input: num('events/month'), kinds: ['eventBus'],
    whenEmpty: '0', help: 'Events replayed from archives (billed as custom events).' },
  { key: 'partnerEventsPerMonth', label: 'Partner events', input: num('events/month'), kinds: ['eventBus'],
    whenEmpty: '0', help: 'SaaS partner events received a month.' },
  { key: 'enhancedFanOutConsumers', label: 'Enhanced fan-out consumers', input: num('consumers', { step: 1 }), kinds: ['kinesisStream'],
    whenEmpty: 'the Lambda triggers that use enhanced fan-out', help: 'Registered enhanced fan-out consumers (at most 20 a stream).' },
  { key: 'longTermRetrievedGbPerMonth', label: 'Long-term retention reads', input: num('GB/month'), kinds: ['kinesisStream'],
    whenEmpty: '0 GB', help: 'GB read back a month from data older than 7 days.' },
  { key: 'billedMemoryMb', label: 'Memory per execution', input: num('MB'), kinds: ['stepFunction'],
    whenEmpty: '64 MB (the smallest chunk)', help: 'Express workflows: memory an execution uses, billed in 64 MB chunks.' },
  { key: 'ingestedGbPerMonth', label: 'Logs ingested', input: num('GB/month'), kinds: ['logGroup'],
    whenEmpty: 'the logs of the functions writing to it', help: 'CloudWatch Logs data ingested into this log group a month.' },
  { key: 'insightsGbScannedPerMonth', label: 'Logs Insights scanned', input: num('GB/month'), kinds: ['logGroup'],
    whenEmpty: '0 GB', help: 'GB scanned a month by CloudWatch Logs Insights queries.' },
];

/** The largest value a number field takes, read from the usage schema (design.ts nodeUsageSchema):
 *  each bound is written once there (AWS's, or limits.ts USAGE_LIMITS with its reason). */
const maxOf = (key: string): number | undefined => {
  const { max } = rangeOf(nodeUsageSchema, key);
  return Number.isFinite(max) ? max : undefined;
};

export const USAGE_FIELDS: readonly UsageField[] = FIELDS.map((f) => {
  const max = f.input.type === 'number' ? maxOf(f.key) : undefined;
  return f.input.type === 'number' && max !== undefined ? { ...f, input: { ...f.input, max } } : f;
});

/** The usage values a node of `kind` can hold, in editor order. */
export function usageFieldsFor(kind: string): UsageField[] {
  return USAGE_FIELDS.filter((f) => f.kinds.includes(kind));
}

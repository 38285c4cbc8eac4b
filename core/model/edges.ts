import { z } from 'zod';
import { edgeRef, intIn } from './fields';
import { PAYLOAD_SIZE_MAX_KB } from './limits';
import { lambdaPermission, SNS_PROTOCOLS } from './permissions';

/** The largest payloads expected along a path into a function, in KB (INV-04 checks them against the
 *  path's limit, core/model/limits.ts PAYLOAD_LIMITS_KB): the request, event or record the source sends,
 *  and for a synchronous path the response the caller waits for (absent: the function's own
 *  maxResponseKb). A design fact, unlike a usage profile's average payload (cost). */
function payloadSizes() {
  return {
    maxRequestKb: z.number().min(0).max(PAYLOAD_SIZE_MAX_KB).optional(),
    maxResponseKb: z.number().min(0).max(PAYLOAD_SIZE_MAX_KB).optional(),
  };
}

/** What a source delivers to its target. Every setting is optional: absent means AWS's default for
 *  that source (see `semantics` for the effective values), so files keep only what the user chose. */
export const triggerProps = z.looseObject({
  enabled: z.boolean().default(true),
  // Event source mappings (SQS, Kinesis, DynamoDB Streams, Kafka) — ranges: INV-07..10, CFG-08, CFG-09,
  // https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html
  batchSize: intIn(1, 10000).optional(),
  maximumBatchingWindowSeconds: intIn(0, 300).optional(),
  startingPosition: z.enum(['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']).optional(),
  startingPositionTimestamp: z.number().int().min(0).optional(),
  bisectBatchOnFunctionError: z.boolean().optional(),
  maximumRetryAttempts: intIn(-1, 10000).optional(),
  maximumRecordAgeSeconds: intIn(-1, 604800).refine((v) => v === -1 || v >= 60, { message: 'maximumRecordAgeSeconds is -1 (records never expire) or 60 to 604800', params: { range: true } }).optional(),
  parallelizationFactor: intIn(1, 10).optional(),
  reportBatchItemFailures: z.boolean().optional(),
  maximumConcurrency: intIn(2, 1000).optional(),
  /** Provisioned mode of an SQS or Kafka mapping: the event pollers it keeps (minimum) and may scale
   *  to (maximum). AWS: minimum 1 to 200 (SQS at least 2), maximum 1 to 2,000 (SQS at least 2), minimum ≤ maximum
   *  (https://docs.aws.amazon.com/lambda/latest/api/API_ProvisionedPollerConfig.html); CFG-08 checks
   *  the source-specific limits. Billed per Event Poller Unit hour; the price catalog has no EPU price
   *  yet, so the cost estimate leaves it out (CFG-08 says so). Absent: on-demand polling. */
  provisionedPollers: z.looseObject({
    minimumPollers: intIn(1, 200).optional(),
    maximumPollers: intIn(1, 2000).optional(),
  }).optional(),
  tumblingWindowSeconds: intIn(0, 900).optional(),
  filters: z.array(z.string()).max(10).optional(),
  // S3 notifications.
  events: z.array(z.string().regex(/^s3:[A-Za-z]+:(\*|[A-Za-z]+)$/, { message: 'expected an S3 event type such as s3:ObjectCreated:*' })).optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  // EventBridge rule targets — ranges: CFG-11, https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html
  retryPolicy: z.looseObject({
    maximumRetryAttempts: intIn(0, 185).default(185),
    maximumEventAgeSeconds: intIn(60, 86400).default(86400),
  }).optional(),
  // SNS subscriptions.
  rawMessageDelivery: z.boolean().optional(),
  /** The subscription's Protocol and Endpoint as a template states them; absent: what the target
   *  implies (lambda for a function, sqs for a queue, the URL's scheme for an endpoint). CFG-10. */
  protocol: z.enum(SNS_PROTOCOLS).optional(),
  endpoint: z.string().min(1).optional(),
  // A trigger into a function: the AWS::Lambda::Permission behind it, where it differs from what the
  // exporter generates from the edge (source's service principal and ARN). CFG-10.
  permission: lambdaPermission.optional(),
  filterPolicy: z.string().optional(),
  // API Gateway / ALB routes.
  method: z.enum(['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).optional(),
  path: z.string().optional(),
  // CloudFront Lambda@Edge association.
  eventType: z.enum(['viewer-request', 'viewer-response', 'origin-request', 'origin-response']).optional(),
  ...payloadSizes(),
});

/** Function → function. */
export const invokeProps = z.looseObject({
  mode: z.enum(['sync', 'async']).default('sync'),
  ...payloadSizes(),
});

/** Async invocation destination of a function, or on-failure destination of a stream/Kafka mapping
 *  (then `via` names the trigger edge, the mapping, it belongs to). */
export const destinationProps = z.looseObject({
  on: z.enum(['success', 'failure']).default('failure'),
  via: edgeRef().optional(),
});

/** Function DLQ, queue redrive (maxReceiveCount), SNS subscription DLQ or EventBridge target DLQ
 *  (for those two, `via` names the subscription / target edge when the source has several). */
export const deadLetterProps = z.looseObject({
  /** 1 to 1,000: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html (RedrivePolicy) */
  maxReceiveCount: intIn(1, 1000).optional(),
  via: edgeRef().optional(),
});

/** A function reads, writes, publishes to or connects to a resource. */
export const accessProps = z.looseObject({
  mode: z.enum(['read', 'write', 'readWrite', 'publish', 'connect', 'invoke']).default('readWrite'),
  /** null: the target's own port (5432 for postgres, 443 for an API). */
  port: intIn(1, 65535).nullable().default(null),
  /** For writes to an S3 bucket: the key prefix written under (keeps a bucket trigger from looping, INV-14). */
  prefix: z.string().optional(),
});

export const EDGE_KINDS = {
  trigger: { label: 'trigger', props: triggerProps },
  invoke: { label: 'invoke', props: invokeProps },
  destination: { label: 'destination', props: destinationProps },
  deadLetter: { label: 'dead-letter', props: deadLetterProps },
  access: { label: 'access', props: accessProps },
} as const;

export type EdgeKind = keyof typeof EDGE_KINDS;
export const EDGE_KIND_IDS = Object.keys(EDGE_KINDS) as [EdgeKind, ...EdgeKind[]];

export type TriggerProps = z.output<typeof triggerProps>;
export type InvokeProps = z.output<typeof invokeProps>;
export type DestinationProps = z.output<typeof destinationProps>;
export type DeadLetterProps = z.output<typeof deadLetterProps>;
export type AccessProps = z.output<typeof accessProps>;

import { z } from 'zod';
import { placementProps } from '../account';
import { description, intIn } from '../fields';

// Ranges and defaults: rules-catalog CFG-06,
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
export const sqsQueueProps = z.looseObject({
  description: description(),
  /** Another account or Region than the design's (CFG-12); absent: the design's. */
  ...placementProps(),
  fifo: z.boolean().default(false),
  /** The physical queue name, when fixed; null lets CloudFormation generate it. FIFO names end in .fifo (CFG-07). */
  queueName: z.string().min(1).max(80).nullable().default(null),
  visibilityTimeoutSeconds: intIn(0, 43200).default(30),
  messageRetentionSeconds: intIn(60, 1209600).default(345600),
  delaySeconds: intIn(0, 900).default(0),
  maximumMessageSizeBytes: intIn(1024, 1048576).default(1048576),
  receiveWaitTimeSeconds: intIn(0, 20).default(0),
  contentBasedDeduplication: z.boolean().default(false),
  /** The design says strict message order matters (RETRY-18 becomes a warning). */
  orderCritical: z.boolean().default(false),
  encryption: z.enum(['sqs-managed', 'aws-managed-kms', 'customer-kms', 'none']).default('sqs-managed'),
  /** FIFO throughput (FIFO queues only): high throughput needs deduplication per message group and
   *  the throughput quota per message group ID; any other pair keeps normal FIFO throughput (CFG-07).
   *  Absent: AWS's default (queue, perQueue).
   *  https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/high-throughput-fifo.html */
  deduplicationScope: z.enum(['queue', 'messageGroup']).optional(),
  fifoThroughputLimit: z.enum(['perQueue', 'perMessageGroupId']).optional(),
});

export type SqsQueueProps = z.output<typeof sqsQueueProps>;
export const sqsQueueKind = { kind: 'sqsQueue', label: 'SQS queue', category: 'messaging', props: sqsQueueProps } as const;

import { z } from 'zod';
import { description, intIn } from '../fields';

export const kinesisStreamProps = z.looseObject({
  description: description(),
  capacityMode: z.enum(['provisioned', 'onDemand']).default('provisioned'),
  /** Shards a stream (the account's shard quota bounds it): https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html */
  shardCount: intIn(1, 10000).default(1),
  /** 24 h to 365 days: https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html */
  retentionHours: intIn(24, 8760).default(24),
  enhancedFanOut: z.boolean().default(false),
});

export type KinesisStreamProps = z.output<typeof kinesisStreamProps>;
export const kinesisStreamKind = { kind: 'kinesisStream', label: 'Kinesis data stream', category: 'stream', props: kinesisStreamProps } as const;

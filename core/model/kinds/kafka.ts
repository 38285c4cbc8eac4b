import { z } from 'zod';
import { description, intIn, nodeRefs } from '../fields';

/** Amazon MSK or a self-managed Kafka cluster, as an event source. Its ESM networking uses these
 *  subnets and security groups, not the function's (NET-13). */
export const kafkaProps = z.looseObject({
  description: description(),
  flavor: z.enum(['msk', 'selfManaged']).default('msk'),
  auth: z.enum(['none', 'iam', 'sasl-scram', 'mtls']).default('iam'),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
  /** Partitions of the topic the mappings read, when known. A Kafka mapping runs at most one
   *  concurrent invocation per partition (CONC-07):
   *  https://docs.aws.amazon.com/lambda/latest/dg/with-msk-configure.html. The upper bound is the
   *  designer's (AWS sets none on a topic). Absent: unknown. */
  topicPartitions: intIn(1, 100000).optional(),
});

export type KafkaProps = z.output<typeof kafkaProps>;
export const kafkaKind = { kind: 'kafka', label: 'Kafka (MSK / self-managed)', category: 'stream', props: kafkaProps } as const;

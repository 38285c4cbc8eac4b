import { z } from 'zod';
import { description, nodeRefs } from '../fields';

/** Amazon MSK or a self-managed Kafka cluster, as an event source. Its ESM networking uses these
 *  subnets and security groups, not the function's (NET-13). */
export const kafkaProps = z.looseObject({
  description: description(),
  flavor: z.enum(['msk', 'selfManaged']).default('msk'),
  auth: z.enum(['none', 'iam', 'sasl-scram', 'mtls']).default('iam'),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
});

export type KafkaProps = z.output<typeof kafkaProps>;
export const kafkaKind = { kind: 'kafka', label: 'Kafka (MSK / self-managed)', category: 'stream', props: kafkaProps } as const;

import { z } from 'zod';
import { description } from '../fields';

export const snsTopicProps = z.looseObject({
  description: description(),
  fifo: z.boolean().default(false),
  contentBasedDeduplication: z.boolean().default(false),
});

export type SnsTopicProps = z.output<typeof snsTopicProps>;
export const snsTopicKind = { kind: 'snsTopic', label: 'SNS topic', category: 'messaging', props: snsTopicProps } as const;

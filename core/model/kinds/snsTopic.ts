import { z } from 'zod';
import { placementProps } from '../account';
import { description } from '../fields';

export const snsTopicProps = z.looseObject({
  description: description(),
  /** Another account or Region than the design's (CFG-12); absent: the design's. */
  ...placementProps(),
  fifo: z.boolean().default(false),
  contentBasedDeduplication: z.boolean().default(false),
});

export type SnsTopicProps = z.output<typeof snsTopicProps>;
export const snsTopicKind = { kind: 'snsTopic', label: 'SNS topic', category: 'messaging', props: snsTopicProps } as const;

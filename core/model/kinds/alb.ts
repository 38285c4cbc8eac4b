import { z } from 'zod';
import { placementProps } from '../account';
import { description, nodeRefs } from '../fields';

export const albProps = z.looseObject({
  description: description(),
  /** Another account or Region than the design's (CFG-12); absent: the design's. */
  ...placementProps(),
  scheme: z.enum(['internet-facing', 'internal']).default('internet-facing'),
  multiValueHeaders: z.boolean().default(false),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
});

export type AlbProps = z.output<typeof albProps>;
export const albKind = { kind: 'alb', label: 'Application Load Balancer', category: 'source', props: albProps } as const;

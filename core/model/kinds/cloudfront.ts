import { z } from 'zod';
import { description } from '../fields';

/** A CloudFront distribution; Lambda@Edge associations are trigger edges with an `eventType`. */
export const cloudfrontProps = z.looseObject({
  description: description(),
  priceClass: z.enum(['PriceClass_All', 'PriceClass_200', 'PriceClass_100']).default('PriceClass_All'),
});

export type CloudfrontProps = z.output<typeof cloudfrontProps>;
export const cloudfrontKind = { kind: 'cloudfront', label: 'CloudFront distribution', category: 'source', props: cloudfrontProps } as const;

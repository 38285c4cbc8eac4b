import { z } from 'zod';
import { description } from '../fields';

export const s3BucketProps = z.looseObject({
  description: description(),
  versioning: z.boolean().default(false),
  /** Send all bucket events to EventBridge's default bus. */
  eventBridgeNotifications: z.boolean().default(false),
  storageClass: z.enum(['STANDARD', 'INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR']).default('STANDARD'),
});

export type S3BucketProps = z.output<typeof s3BucketProps>;
export const s3BucketKind = { kind: 's3Bucket', label: 'S3 bucket', category: 'source', props: s3BucketProps } as const;

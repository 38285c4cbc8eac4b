import { z } from 'zod';
import { description } from '../fields';

/** An AWS API with no resource of its own on the canvas (Secrets Manager, STS, SSM, KMS …). */
export const awsServiceProps = z.looseObject({
  description: description(),
  /** The endpoint service name, as in com.amazonaws.<region>.<service>. */
  service: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'expected an AWS service endpoint name such as secretsmanager or sts' }).default('secretsmanager'),
});

export type AwsServiceProps = z.output<typeof awsServiceProps>;
export const awsServiceKind = { kind: 'awsService', label: 'AWS service API', category: 'external', props: awsServiceProps } as const;

import { z } from 'zod';
import { cidr, description } from '../fields';

// Defaults are CloudFormation's for AWS::EC2::VPC: DNS support on, DNS hostnames off.
export const vpcProps = z.looseObject({
  description: description(),
  cidr: cidr().default('10.0.0.0/16'),
  enableDnsSupport: z.boolean().default(true),
  enableDnsHostnames: z.boolean().default(false),
  tenancy: z.enum(['default', 'dedicated']).default('default'),
});

export type VpcProps = z.output<typeof vpcProps>;
export const vpcKind = { kind: 'vpc', label: 'VPC', category: 'network', props: vpcProps } as const;

import { z } from 'zod';
import { description, nodeRefs } from '../fields';

/** A VPC endpoint; `parent` is its VPC. Gateway endpoints route through subnets' route tables
 *  (see subnet.routeTable.gatewayEndpoints); interface endpoints put ENIs in `subnets`. */
export const vpcEndpointProps = z.looseObject({
  description: description(),
  endpointType: z.enum(['interface', 'gateway']).default('interface'),
  service: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'expected a service name such as s3, dynamodb, sqs or secretsmanager' }).default('secretsmanager'),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
  /** The CreateVpcEndpoint API default for AWS services is true. */
  privateDnsEnabled: z.boolean().default(true),
});

export type VpcEndpointProps = z.output<typeof vpcEndpointProps>;
export const vpcEndpointKind = { kind: 'vpcEndpoint', label: 'VPC endpoint', category: 'network', props: vpcEndpointProps } as const;

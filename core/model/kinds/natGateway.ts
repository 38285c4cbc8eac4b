import { z } from 'zod';
import { description } from '../fields';

/** A NAT gateway; `parent` is the subnet it sits in (a public one, for a public NAT). */
export const natGatewayProps = z.looseObject({
  description: description(),
  connectivity: z.enum(['public', 'private']).default('public'),
  /** A public NAT gateway needs an Elastic IP (NET-17). */
  elasticIp: z.boolean().default(true),
});

export type NatGatewayProps = z.output<typeof natGatewayProps>;
export const natGatewayKind = { kind: 'natGateway', label: 'NAT gateway', category: 'network', props: natGatewayProps } as const;

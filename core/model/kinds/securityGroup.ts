import { z } from 'zod';
import { cidr, description, intIn, nodeRef } from '../fields';

/** A managed prefix list id (pl-0123456789abcdef0): https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html */
export const PREFIX_LIST_ID = /^pl-[0-9a-f]{8,17}$/;

/** One rule: a protocol and port range, and exactly one peer (a CIDR block, another security group, or a
 *  managed prefix list; files written before prefix lists load with `prefixList: null`). */
export const securityGroupRule = z.looseObject({
  protocol: z.enum(['tcp', 'udp', 'icmp', '-1']).default('tcp'),
  fromPort: intIn(-1, 65535),
  toPort: intIn(-1, 65535),
  cidr: cidr().nullable().default(null),
  securityGroup: nodeRef().nullable().default(null),
  prefixList: z.string().regex(PREFIX_LIST_ID, { message: 'expected a prefix list id such as pl-0123456789abcdef0' }).nullable().default(null),
  description: z.string().default(''),
}).refine((r) => [r.cidr, r.securityGroup, r.prefixList].filter((p) => p !== null).length === 1, {
  message: 'a rule names exactly one peer: a cidr, a securityGroup or a prefixList',
}).refine((r) => r.protocol === '-1' || r.protocol === 'icmp' || r.fromPort <= r.toPort, {
  message: 'fromPort must not exceed toPort',
});

export type SecurityGroupRule = z.output<typeof securityGroupRule>;

/** A security group; `parent` is its VPC. */
export const securityGroupProps = z.looseObject({
  description: description(),
  ingress: z.array(securityGroupRule).default([]),
  /** null: AWS's default egress (all traffic to 0.0.0.0/0). [] : no egress at all (NET-07). */
  egress: z.array(securityGroupRule).nullable().default(null),
});

export type SecurityGroupProps = z.output<typeof securityGroupProps>;
export const securityGroupKind = { kind: 'securityGroup', label: 'Security group', category: 'network', props: securityGroupProps } as const;

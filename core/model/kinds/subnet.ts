import { z } from 'zod';
import { cidr, description, intIn, nodeRef } from '../fields';

export const AZ_SUFFIXES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/** One network ACL rule: rule numbers 1 to 32766 (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html). */
export const networkAclRule = z.looseObject({
  ruleNumber: intIn(1, 32766),
  protocol: z.enum(['tcp', 'udp', 'icmp', '-1']).default('-1'),
  fromPort: intIn(0, 65535).default(0),
  toPort: intIn(0, 65535).default(65535),
  cidr: cidr().default('0.0.0.0/0'),
  action: z.enum(['allow', 'deny']).default('allow'),
}).refine((r) => r.fromPort <= r.toPort, { message: 'fromPort must not exceed toPort' });

export type NetworkAclRule = z.output<typeof networkAclRule>;

/** A subnet; `parent` is its VPC. Each subnet has its own route table in this model. */
export const subnetProps = z.looseObject({
  description: description(),
  /** Availability Zone letter; the AZ is the design's region + this letter (us-east-1a). */
  az: z.enum(AZ_SUFFIXES).default('a'),
  cidr: cidr().default('10.0.0.0/24'),
  routeTable: z.looseObject({
    /** 0.0.0.0/0 → an internet gateway or NAT gateway node; null: no default route. */
    defaultRoute: nodeRef().nullable().default(null),
    /** Gateway VPC endpoints (S3, DynamoDB) whose prefix-list routes this route table carries. */
    gatewayEndpoints: z.array(nodeRef()).default([]),
  }).prefault({}),
  mapPublicIpOnLaunch: z.boolean().default(false),
  /** The subnet is associated with the route table of another subnet of its VPC (one route table,
   *  several subnets: https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html): the
   *  analysis reads that subnet's `routeTable`, and this one's own is ignored. Absent: its own. */
  routeTableOf: nodeRef().optional(),
  /** The subnet's network ACL when it is not the VPC's default one (which allows everything):
   *  numbered rules, lowest first, the first match allowing or denying; no match denies. Stateless,
   *  so return traffic needs its own rule (ephemeral ports 1024-65535). Reachability checks both
   *  directions on the function's subnet and the target's subnets (NET-06 / NET-07). A NACL shared
   *  by several subnets is written on each. Absent: the default network ACL.
   *  https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html */
  networkAcl: z.looseObject({
    ingress: z.array(networkAclRule).default([]),
    egress: z.array(networkAclRule).default([]),
  }).optional(),
});

export type SubnetProps = z.output<typeof subnetProps>;
export const subnetKind = { kind: 'subnet', label: 'Subnet', category: 'network', props: subnetProps } as const;

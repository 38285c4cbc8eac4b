import { z } from 'zod';
import { cidr, description, nodeRef } from '../fields';

export const AZ_SUFFIXES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

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
});

export type SubnetProps = z.output<typeof subnetProps>;
export const subnetKind = { kind: 'subnet', label: 'Subnet', category: 'network', props: subnetProps } as const;

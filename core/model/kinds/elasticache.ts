import { z } from 'zod';
import { description, intIn, nodeRefs } from '../fields';

export const ELASTICACHE_DEFAULT_PORTS = { redis: 6379, valkey: 6379, memcached: 11211 } as const;

/** An ElastiCache cluster; `parent` is its VPC. */
export const elasticacheProps = z.looseObject({
  description: description(),
  engine: z.enum(['redis', 'valkey', 'memcached']).default('valkey'),
  /** ElastiCache Serverless (AWS::ElastiCache::ServerlessCache): no node type or node count (they
   *  are ignored), billed per GB-hour stored and per ECPU instead of per node-hour; reached in its
   *  VPC like a node-based cluster. Absent: node-based.
   *  https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.corecomponents.html */
  serverless: z.boolean().optional(),
  port: intIn(1024, 65535).nullable().default(null),
  nodeType: z.string().regex(/^cache\.[a-z0-9-]+\.[a-z0-9]+$/, { message: 'expected a node type such as cache.t4g.micro' }).default('cache.t4g.micro'),
  /** At most 500 nodes a cluster: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.html */
  numNodes: intIn(1, 500).default(1),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
});

export type ElasticacheProps = z.output<typeof elasticacheProps>;
export const elasticacheKind = { kind: 'elasticache', label: 'ElastiCache', category: 'data', props: elasticacheProps } as const;

import { z } from 'zod';
import { description, nodeRef, nodeRefs } from '../fields';

/** An RDS Proxy; `parent` is its VPC, `target` the database it pools connections to. */
export const rdsProxyProps = z.looseObject({
  description: description(),
  target: nodeRef().nullable().default(null),
  requireTls: z.boolean().default(true),
  /** The design expects the proxy to be reachable from outside its VPC (as a publicly accessible
   *  database is). AWS offers no such proxy: an RDS Proxy is reachable only from inside its VPC,
   *  whatever the database's setting (NET-12). Absent: not public.
   *  https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.howitworks.html */
  publiclyAccessible: z.boolean().optional(),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
});

export type RdsProxyProps = z.output<typeof rdsProxyProps>;
export const rdsProxyKind = { kind: 'rdsProxy', label: 'RDS Proxy', category: 'data', props: rdsProxyProps } as const;

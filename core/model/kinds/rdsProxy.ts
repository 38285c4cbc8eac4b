import { z } from 'zod';
import { description, nodeRef, nodeRefs } from '../fields';

/** An RDS Proxy; `parent` is its VPC, `target` the database it pools connections to. */
export const rdsProxyProps = z.looseObject({
  description: description(),
  target: nodeRef().nullable().default(null),
  requireTls: z.boolean().default(true),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
});

export type RdsProxyProps = z.output<typeof rdsProxyProps>;
export const rdsProxyKind = { kind: 'rdsProxy', label: 'RDS Proxy', category: 'data', props: rdsProxyProps } as const;

import { z } from 'zod';
import { description, intIn, nodeRefs } from '../fields';

export const RDS_DEFAULT_PORTS = {
  postgres: 5432, 'aurora-postgresql': 5432, mysql: 3306, 'aurora-mysql': 3306, mariadb: 3306, sqlserver: 1433, oracle: 1521,
} as const;

/** An RDS instance or Aurora cluster; `parent` is its VPC. */
export const rdsProps = z.looseObject({
  description: description(),
  engine: z.enum(['postgres', 'aurora-postgresql', 'mysql', 'aurora-mysql', 'mariadb', 'sqlserver', 'oracle']).default('postgres'),
  /** null: the engine's default port. */
  /** Port and storage ranges: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html */
  port: intIn(1150, 65535).nullable().default(null),
  instanceClass: z.string().regex(/^db\.[a-z0-9-]+\.[a-z0-9]+$/, { message: 'expected an instance class such as db.t4g.micro' }).default('db.t4g.micro'),
  publiclyAccessible: z.boolean().default(false),
  multiAz: z.boolean().default(false),
  allocatedStorageGb: intIn(20, 65536).default(20),
  subnets: nodeRefs(),
  securityGroups: nodeRefs(),
});

export type RdsProps = z.output<typeof rdsProps>;
export const rdsKind = { kind: 'rds', label: 'RDS / Aurora database', category: 'data', props: rdsProps } as const;

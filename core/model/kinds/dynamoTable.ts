import { z } from 'zod';
import { description, intIn } from '../fields';

export const STREAM_VIEW_TYPES = ['NONE', 'KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] as const;

export const dynamoTableProps = z.looseObject({
  description: description(),
  billingMode: z.enum(['onDemand', 'provisioned']).default('onDemand'),
  /** Per table, default quota: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html */
  readCapacityUnits: intIn(1, 40000).default(5),
  writeCapacityUnits: intIn(1, 40000).default(5),
  /** NONE: no DynamoDB stream, so the table cannot trigger a function. */
  streamViewType: z.enum(STREAM_VIEW_TYPES).default('NONE'),
  /** Shards in the table's stream, when known (DynamoDB sets them, about one per partition; the
   *  DescribeStream API lists them). A stream trigger runs one batch per shard × parallelization
   *  factor at once (CONC-07): https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html. The upper
   *  bound is the designer's (as for a Kinesis stream's shards): AWS states none. Absent: unknown, at least 1. */
  streamShards: intIn(1, 10000).optional(),
  tableClass: z.enum(['STANDARD', 'STANDARD_INFREQUENT_ACCESS']).default('STANDARD'),
});

export type DynamoTableProps = z.output<typeof dynamoTableProps>;
export const dynamoTableKind = { kind: 'dynamoTable', label: 'DynamoDB table', category: 'data', props: dynamoTableProps } as const;

import type { Estimator } from '../../types';
import { transferLines, unpriced } from '../serverless/support';

/** Why an RDS instance itself is unpriced (its own instance, storage and I/O prices). */
export const RDS_UNPRICED = 'RDS instance hours are not in the price catalog (database instance, storage and I/O prices are out of its scope)';

/** RDS database: the instance is unpriced (RDS_UNPRICED), but the transfer entered at it — cross-AZ
 *  (a Multi-AZ standby's replication, clients in other AZs) and inter-Region (read replicas, backups
 *  copied to another Region) — is priced like any other node's (support.ts transferLines). */
export const estimateRds: Estimator = (ctx, node) => {
  if (node.kind !== 'rds') return [];
  return [unpriced(node, 'all', RDS_UNPRICED), ...transferLines(ctx, node)];
};

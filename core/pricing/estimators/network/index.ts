import type { DesignNode } from '../../../model/design';
import type { Estimator } from '../../types';
import { estimateElasticache } from './elasticache';
import { estimateNatGateway } from './natGateway';
import { estimateRds } from './rds';
import { estimateRdsProxy } from './rdsProxy';
import { estimateVpcEndpoint } from './vpcEndpoint';

/** Estimators of the VPC, database and cache resources (one file each). VPCs, subnets, security
 *  groups and internet gateways are free (FREE_KINDS): no lines. */
export const NETWORK_ESTIMATORS: Partial<Record<DesignNode['kind'], Estimator>> = {
  natGateway: estimateNatGateway,
  vpcEndpoint: estimateVpcEndpoint,
  rdsProxy: estimateRdsProxy,
  elasticache: estimateElasticache,
  rds: estimateRds,
};

/** Billed kinds of this group that cannot be priced, with why. (RDS has an estimator for the
 *  transfer entered at it; its instance is an unpriced line, rds.ts.) */
export const NETWORK_UNPRICED: Partial<Record<DesignNode['kind'], string>> = {
  cloudfront: 'CloudFront requests and data transfer out are not in the price catalog',
  cognitoUserPool: 'Cognito monthly active users are not in the price catalog',
  kafka: 'Kafka is not in the price catalog (MSK broker hours and storage; a self-managed cluster is billed as the machines it runs on)',
};

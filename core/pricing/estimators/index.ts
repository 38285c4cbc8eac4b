import type { DesignNode } from '../../model/design';
import type { Estimator } from '../types';
import { estimateLambda } from './lambda';
import { NETWORK_ESTIMATORS, NETWORK_UNPRICED } from './network';
import { SERVERLESS_ESTIMATORS, SERVERLESS_UNPRICED } from './serverless';

/** One estimator per resource kind. Kinds AWS does not bill on their own (VPC, subnet, security
 *  group, internet gateway) have none; kinds we cannot price are in UNPRICED_KINDS with the reason. */
export const ESTIMATORS: Partial<Record<DesignNode['kind'], Estimator>> = {
  lambda: estimateLambda,
  ...SERVERLESS_ESTIMATORS,
  ...NETWORK_ESTIMATORS,
};

/** Billed kinds this catalog has no prices for: shown as unpriced lines, never as $0. */
export const UNPRICED_KINDS: Partial<Record<DesignNode['kind'], string>> = { ...SERVERLESS_UNPRICED, ...NETWORK_UNPRICED };

/** Kinds AWS does not charge for on their own. */
export const FREE_KINDS: readonly DesignNode['kind'][] = ['vpc', 'subnet', 'securityGroup', 'internetGateway', 'externalEndpoint', 'awsService'];

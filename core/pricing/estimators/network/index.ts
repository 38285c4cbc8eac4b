import type { DesignNode } from '../../../model/design';
import type { Estimator } from '../../types';

/** Estimators of the VPC, database and cache resources (one file each). */
export const NETWORK_ESTIMATORS: Partial<Record<DesignNode['kind'], Estimator>> = {};

/** Billed kinds of this group that cannot be priced, with why. */
export const NETWORK_UNPRICED: Partial<Record<DesignNode['kind'], string>> = {};

import type { DesignNode } from '../../../model/design';
import type { Estimator } from '../../types';

/** Estimators of the event sources, messaging, data and workflow services (one file each). */
export const SERVERLESS_ESTIMATORS: Partial<Record<DesignNode['kind'], Estimator>> = {};

/** Billed kinds of this group that cannot be priced, with why. */
export const SERVERLESS_UNPRICED: Partial<Record<DesignNode['kind'], string>> = {};

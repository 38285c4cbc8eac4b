import type { Rule } from '../types';
import cost03 from './cost-03-lambda-sync-orchestration';
import cost04 from './cost-04-provisioned-concurrency-rarely-invoked';
import cost05 from './cost-05-tiny-batches';
import cost06 from './cost-06-log-retention';
import cost07 from './cost-07-timeout-beyond-api-integration';

/** COST-03..07 of rules-catalog.md. COST-01, COST-02 and COST-08 are built on reachability and
 *  live in ../net (listed after the NET rules). */
export const COST_RULES: readonly Rule[] = [cost03, cost04, cost05, cost06, cost07];

/** COST-* rules the model cannot express yet, each with the reason. */
export const COST_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

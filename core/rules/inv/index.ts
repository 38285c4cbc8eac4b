import type { Rule } from '../types';
import inv01 from './inv-01-invocation-model';
import inv02 from './inv-02-api-gateway-timeout';
import inv03 from './inv-03-alb-target-limits';
import inv04 from './inv-04-payload-limits';
import inv05 from './inv-05-async-destination-targets';
import inv06 from './inv-06-mapping-destination-scope';
import inv07 from './inv-07-sqs-fifo-mapping';
import inv08 from './inv-08-sqs-batch-size';
import inv09 from './inv-09-batching-window';
import inv10 from './inv-10-starting-position';
import inv11 from './inv-11-fifo-topics';
import inv12 from './inv-12-idempotency';
import inv13 from './inv-13-fifo-partial-batch';
import inv14 from './inv-14-recursive-loop';

/** The INV-* rules of rules-catalog.md, in catalog order. */
export const INV_RULES: readonly Rule[] = [inv01, inv02, inv03, inv04, inv05, inv06, inv07, inv08, inv09, inv10, inv11, inv12, inv13, inv14];

/** INV-* rules the model cannot express yet, each with the reason. */
export const INV_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

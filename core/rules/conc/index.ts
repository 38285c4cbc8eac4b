import type { Rule } from '../types';
import conc01 from './conc-01-account-concurrency';
import conc02 from './conc-02-reserved-zero';
import conc03 from './conc-03-provisioned-concurrency';
import conc04 from './conc-04-sqs-maximum-concurrency';
import conc05 from './conc-05-sqs-low-reserved';
import conc06 from './conc-06-sqs-scaling';
import conc07 from './conc-07-stream-concurrency';
import conc08 from './conc-08-dynamodb-stream-readers';
import conc09 from './conc-09-rds-connection-storm';
import conc10 from './conc-10-async-event-age';

/** The CONC-* rules of rules-catalog.md, in catalog order. */
export const CONC_RULES: readonly Rule[] = [conc01, conc02, conc03, conc04, conc05, conc06, conc07, conc08, conc09, conc10];

/** CONC-* rules the model cannot express yet, each with the reason. */
export const CONC_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

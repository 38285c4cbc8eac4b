import type { Rule } from '../types';
import retry01 from './retry-01-async-no-failure-capture';
import retry02 from './retry-02-async-retry-settings';
import retry03 from './retry-03-dlq-versus-destination';
import retry04 from './retry-04-ineffective-async-config';
import retry05 from './retry-05-sns-lambda-failure-path';
import retry06 from './retry-06-sns-subscription-dlq';
import retry07 from './retry-07-eventbridge-lambda-failure-path';
import retry08 from './retry-08-sqs-source-no-redrive';
import retry09 from './retry-09-max-receive-count';
import retry10 from './retry-10-dlq-type-mismatch';
import retry11 from './retry-11-dlq-retention';
import retry12 from './retry-12-visibility-timeout';
import retry13 from './retry-13-sqs-partial-batch';
import retry14 from './retry-14-stream-poison-pill';
import retry15 from './retry-15-stream-no-destination';
import retry16 from './retry-16-stream-bisect-partial';
import retry17 from './retry-17-stream-destination-type';
import retry18 from './retry-18-fifo-dlq-order';

/** The RETRY-* rules of rules-catalog.md, in catalog order. */
export const RETRY_RULES: readonly Rule[] = [
  retry01, retry02, retry03, retry04, retry05, retry06, retry07, retry08, retry09, retry10, retry11, retry12, retry13, retry14, retry15, retry16, retry17, retry18,
];

/** RETRY-* rules the model cannot express yet, each with the reason. */
export const RETRY_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

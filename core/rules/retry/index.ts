import type { Rule } from '../types';
import retry01 from './retry-01-async-no-failure-capture';
import retry12 from './retry-12-visibility-timeout';

/** The RETRY-* rules of rules-catalog.md, in catalog order. */
export const RETRY_RULES: readonly Rule[] = [retry01, retry12];

/** RETRY-* rules the model cannot express yet, each with the reason. */
export const RETRY_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

import type { Rule } from '../types';

/** The CONC-* rules of rules-catalog.md, in catalog order. */
export const CONC_RULES: readonly Rule[] = [];

/** CONC-* rules the model cannot express yet, each with the reason. */
export const CONC_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

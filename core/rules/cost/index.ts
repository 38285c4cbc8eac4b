import type { Rule } from '../types';

/** The COST-* rules of rules-catalog.md, in catalog order. */
export const COST_RULES: readonly Rule[] = [];

/** COST-* rules the model cannot express yet, each with the reason. */
export const COST_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

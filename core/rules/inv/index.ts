import type { Rule } from '../types';

/** The INV-* rules of rules-catalog.md, in catalog order. */
export const INV_RULES: readonly Rule[] = [];

/** INV-* rules the model cannot express yet, each with the reason. */
export const INV_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

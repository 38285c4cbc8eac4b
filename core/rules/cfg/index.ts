import type { Rule } from '../types';

/** The CFG-* rules of rules-catalog.md, in catalog order. */
export const CFG_RULES: readonly Rule[] = [];

/** CFG-* rules the model cannot express yet, each with the reason. */
export const CFG_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

import type { Rule } from '../types';

/** The NET-* rules of rules-catalog.md, built on the reachability result, in catalog order. */
export const NET_RULES: readonly Rule[] = [];

/** NET-* rules the model cannot express yet, each with the reason. */
export const NET_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];

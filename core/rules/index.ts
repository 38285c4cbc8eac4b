import { CFG_NOT_IMPLEMENTED, CFG_RULES } from './cfg';
import { CONC_NOT_IMPLEMENTED, CONC_RULES } from './conc';
import { COST_NOT_IMPLEMENTED, COST_RULES } from './cost';
import { INV_NOT_IMPLEMENTED, INV_RULES } from './inv';
import { NET_NOT_IMPLEMENTED, NET_RULES } from './net';
import { RETRY_NOT_IMPLEMENTED, RETRY_RULES } from './retry';
import type { Rule } from './types';

/** Every rule, in catalog order. Add a rule: write <section>/<id>-<slug>.ts and list it in that
 *  section's index.ts; give it .pass/.fail fixtures in test/fixtures/rules/. */
export const RULES: readonly Rule[] = [...INV_RULES, ...RETRY_RULES, ...NET_RULES, ...CFG_RULES, ...CONC_RULES, ...COST_RULES];

/** Catalog rules the model cannot express yet, with the reason (shown in `rules` and the issue notes). */
export const NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [
  ...INV_NOT_IMPLEMENTED, ...RETRY_NOT_IMPLEMENTED, ...NET_NOT_IMPLEMENTED, ...CFG_NOT_IMPLEMENTED, ...CONC_NOT_IMPLEMENTED, ...COST_NOT_IMPLEMENTED,
];

export * from './engine';
export * from './types';

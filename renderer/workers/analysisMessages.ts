import type { Patch } from 'immer';
import type { Analysis } from '../../core/analyze';
import type { Design } from '../../core/model/design';
import type { CostView, SentEstimate } from './costEstimate';

/** To the analysis worker: the whole design (a document opened, or the worker out of step), the
 *  patches from the version it has to this one, or the estimates to keep up to date (the badges',
 *  the Cost panel's: each analysis is followed by them). */
export type AnalysisRequest =
  | { version: number; design: Design }
  | { version: number; base: number; patches: Patch[] }
  | { costViews: CostView[] };

/** Each cost view's estimate: its name, the key of the options it was made with, the estimate. */
export type SentCosts = { name: string; key: string; estimate: SentEstimate }[];

/** From the analysis worker: the analysis of one version with its estimates, the estimates alone
 *  (the views changed, the design did not), or a request for the whole design (the patches did not
 *  apply to what it has). */
export type AnalysisReply =
  | { version: number; ok: true; analysis: Analysis; costs: SentCosts; ms: number }
  | { version: number; ok: true; costsOnly: true; costs: SentCosts; ms: number }
  | { version: number; ok: false; resend: true };

import type { Patch } from 'immer';
import type { Analysis } from '../../core/analyze';
import type { Design } from '../../core/model/design';

/** To the analysis worker: the whole design (a document opened, or the worker out of step), or the
 *  patches from the version it has to this one. */
export type AnalysisRequest =
  | { version: number; design: Design }
  | { version: number; base: number; patches: Patch[] };

/** From the analysis worker: the analysis of one version, or a request for the whole design (the
 *  patches did not apply to what it has). */
export type AnalysisReply =
  | { version: number; ok: true; analysis: Analysis; ms: number }
  | { version: number; ok: false; resend: true };

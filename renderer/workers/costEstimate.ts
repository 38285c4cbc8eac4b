import type { Design } from '../../core/model/design';
import { Dec, estimateCost, type CostComponent, type CostOptions, type CostReport } from '../../core/pricing';

// The Cost panel's and the canvas badges' estimates, shared by the UI thread (where there is no
// worker, and the unit tests) and the analysis worker, which makes them off the UI thread (issue 15).

export type Estimate = { ok: true; report: CostReport } | { ok: false; message: string };

/** What one estimate on screen asks for: the profile (the design's active one when absent), the
 *  Region and whether the free tier applies. */
export interface CostViewOptions {
  profile?: string;
  region: string;
  freeTier: boolean;
}

/** An estimate the app keeps up to date on every edit: the badges', the Cost panel's. */
export interface CostView {
  /** Which estimate on screen ("badges", "panel"). */
  name: string;
  options: CostViewOptions;
}

/** The options as one string: an estimate is shown only for the options it was made with. */
export const costViewKey = (o: CostViewOptions): string => JSON.stringify([o.profile ?? null, o.region, o.freeTier]);

/** `estimateCost` (or `estimate`, a session's update), except that a failing estimator becomes a
 *  message instead of a blank panel. */
export function safeEstimate(design: Design, options: CostOptions, estimate: (d: Design, o: CostOptions) => CostReport = estimateCost): Estimate {
  try {
    return { ok: true, report: estimate(design, options) };
  } catch (err) {
    // Estimators are still being added: one that fails must not take the editor down with it.
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** An estimate as it crosses postMessage: every amount as its exact decimal text (a Decimal loses
 *  its prototype in a structured clone). */
export type SentEstimate = { ok: true; report: SentReport } | { ok: false; message: string };
type SentComponent = Omit<CostComponent, 'quantity' | 'monthly'> & { quantity: string; monthly: string };
type SentReport = Omit<CostReport, 'monthlyTotal' | 'components'> & { monthlyTotal: string; components: SentComponent[] };

export function sendEstimate(e: Estimate): SentEstimate {
  if (!e.ok) return e;
  const r = e.report;
  return { ok: true, report: { ...r, monthlyTotal: r.monthlyTotal.toString(), components: r.components.map((c) => ({ ...c, quantity: c.quantity.toString(), monthly: c.monthly.toString() })) } };
}

/** The estimate back as it was made: Decimal's text form parses to the same value, digit for digit. */
export function receiveEstimate(e: SentEstimate): Estimate {
  if (!e.ok) return e;
  const r = e.report;
  return { ok: true, report: { ...r, monthlyTotal: new Dec(r.monthlyTotal), components: r.components.map((c) => ({ ...c, quantity: new Dec(c.quantity), monthly: new Dec(c.monthly) })) } };
}

/** Each view's estimate of `design`, keyed by view name, with the key of the options it was made with. */
export interface ViewEstimate { key: string; estimate: Estimate }

/** Each view's estimate; `estimatorOf` gives the estimate function of a view (a cost session kept
 *  per view in the worker), `estimateCost` by default. */
export function estimateViews(
  design: Design, views: readonly CostView[], base: Omit<CostOptions, 'profile' | 'region' | 'freeTier'> = {},
  estimatorOf?: (view: string) => (d: Design, o: CostOptions) => CostReport,
): Map<string, ViewEstimate> {
  const out = new Map<string, ViewEstimate>();
  const byKey = new Map<string, Estimate>();
  for (const v of views) {
    const key = costViewKey(v.options);
    // Two views with the same options (the panel showing what the badges show) share one estimate.
    let estimate = byKey.get(key);
    if (!estimate) byKey.set(key, (estimate = safeEstimate(design, { ...base, ...(v.options.profile ? { profile: v.options.profile } : {}), region: v.options.region, freeTier: v.options.freeTier }, estimatorOf?.(v.name))));
    out.set(v.name, { key, estimate });
  }
  return out;
}

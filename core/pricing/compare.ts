import type { CostReport } from './estimate';
import { type Dec, sum } from './money';
import type { CostComponent, NeedsInput, Unpriced } from './types';

/** Cents, as totals are shown (half up, as `moneyString`). */
const cents = (d: Dec): Dec => d.toDecimalPlaces(2);

export interface CompareOptions {
  /** true (default): the shown totals are rounded to the cent, the difference is rounded B − rounded
   *  A, and per-line differences are rounded B line − rounded A line, with a `rounding` residual when
   *  those do not add up to the difference. false: every number exact (the shown difference may then
   *  differ by a cent from the difference of totals rounded for display). */
  roundedTotals?: boolean;
}

/** One component found in both reports: matched by (node id, component), or by (node name,
 *  component) when the two designs name the same resource with different ids. */
export interface ComponentDifference {
  node: string;
  nodeName: string;
  component: string;
  a: CostComponent;
  b: CostComponent;
  /** b − a, exact: negative when B is cheaper (a saving). */
  difference: Dec;
  /** The difference as shown: rounded B line − rounded A line (roundedTotals), else exact. */
  shownDifference: Dec;
}

export interface CostComparison {
  a: CostReport;
  b: CostReport;
  /** 'rounded' (default) or 'exact': how `shownTotals`, `difference` and `shownDifference` are made. */
  mode: 'rounded' | 'exact';
  /** The totals as shown: rounded to the cent, or exact. */
  shownTotals: { a: Dec; b: Dec };
  /** shownTotals.b − shownTotals.a: the difference of the totals shown. */
  difference: Dec;
  /** b.monthlyTotal − a.monthlyTotal, exact. */
  exactDifference: Dec;
  /** What the shown per-line differences (matched lines, B-only lines added, A-only lines taken away)
   *  miss of `difference` because each line was rounded on its own: 0 in exact mode, a few cents at
   *  most otherwise. Shown as a "rounding" line when not 0. */
  rounding: Dec;
  /** Matched components, the largest absolute difference first. */
  components: ComponentDifference[];
  onlyInA: CostComponent[];
  onlyInB: CostComponent[];
  /** Unpriced lines on one side only (the same node and component on both sides are not listed). */
  unpricedOnlyInA: Unpriced[];
  unpricedOnlyInB: Unpriced[];
  /** Components that need input (no usage entered) on one side only. */
  needsInputOnlyInA: NeedsInput[];
  needsInputOnlyInB: NeedsInput[];
  /** Why the two may not be comparable line for line (different catalogs, free tier on one side). */
  notes: string[];
}

type Line = { node: string; nodeName: string; component: string };

/** Pairs each line of `a` with at most one line of `b`: first by node id and component, then by
 *  node name and component. */
function pair<T extends Line>(a: readonly T[], b: readonly T[]): { matched: [T, T][]; onlyA: T[]; onlyB: T[] } {
  const left = new Set(b);
  const matched: [T, T][] = [];
  const unmatched: T[] = [];
  for (const x of a) {
    const y = b.find((c) => left.has(c) && c.node === x.node && c.component === x.component);
    if (y) { left.delete(y); matched.push([x, y]); } else unmatched.push(x);
  }
  const onlyA: T[] = [];
  for (const x of unmatched) {
    const y = b.find((c) => left.has(c) && c.nodeName === x.nodeName && c.component === x.component);
    if (y) { left.delete(y); matched.push([x, y]); } else onlyA.push(x);
  }
  return { matched, onlyA, onlyB: b.filter((c) => left.has(c)) };
}

/** Two cost reports side by side — two designs, or one design under two profiles or regions (the
 *  caller estimates both): totals, the difference, per-component differences and the components
 *  that exist on one side only. */
export function compare(a: CostReport, b: CostReport, options: CompareOptions = {}): CostComparison {
  const rounded = options.roundedTotals ?? true;
  const shown = rounded ? cents : (d: Dec) => d;
  const lines = pair(a.components, b.components);
  const unpriced = pair(a.unpriced, b.unpriced);
  const needsInput = pair(a.needsInput, b.needsInput);
  const components = lines.matched
    .map(([x, y]): ComponentDifference => ({
      node: x.node, nodeName: x.nodeName, component: x.component, a: x, b: y, difference: y.monthly.minus(x.monthly), shownDifference: shown(y.monthly).minus(shown(x.monthly)),
    }))
    .sort((x, y) => y.difference.abs().comparedTo(x.difference.abs()));
  const notes: string[] = [];
  if (a.catalog.version !== b.catalog.version || a.catalog.asOf !== b.catalog.asOf) notes.push(`The two sides use different price catalogs (A ${a.region} ${a.catalog.version} of ${a.catalog.asOf}, B ${b.region} ${b.catalog.version} of ${b.catalog.asOf}).`);
  if (a.freeTier !== b.freeTier) notes.push(`The free tier is applied on side ${a.freeTier ? 'A' : 'B'} only.`);
  if (a.conventions.hoursPerMonth !== b.conventions.hoursPerMonth) notes.push(`The two sides count different hours a month (A ${a.conventions.hoursPerMonth} h, B ${b.conventions.hoursPerMonth} h).`);
  if (a.unpriced.length || b.unpriced.length) notes.push('Unpriced lines are not in either total: the difference covers priced lines only.');
  if (a.needsInput.length || b.needsInput.length) notes.push('Components that need input (no usage entered) are not in either total.');
  const shownTotals = { a: shown(a.monthlyTotal), b: shown(b.monthlyTotal) };
  const difference = shownTotals.b.minus(shownTotals.a);
  const perLine = sum([...components.map((d) => d.shownDifference), ...lines.onlyB.map((l) => shown(l.monthly)), ...lines.onlyA.map((l) => shown(l.monthly).negated())]);
  return {
    a, b, mode: rounded ? 'rounded' : 'exact', shownTotals, difference, exactDifference: b.monthlyTotal.minus(a.monthlyTotal), rounding: difference.minus(perLine),
    components, onlyInA: lines.onlyA, onlyInB: lines.onlyB, unpricedOnlyInA: unpriced.onlyA, unpricedOnlyInB: unpriced.onlyB,
    needsInputOnlyInA: needsInput.onlyA, needsInputOnlyInB: needsInput.onlyB, notes,
  };
}

import type { CostReport } from './estimate';
import type { Dec } from './money';
import type { CostComponent, Unpriced } from './types';

/** One component found in both reports: matched by (node id, component), or by (node name,
 *  component) when the two designs name the same resource with different ids. */
export interface ComponentDifference {
  node: string;
  nodeName: string;
  component: string;
  a: CostComponent;
  b: CostComponent;
  /** b − a: negative when B is cheaper (a saving). */
  difference: Dec;
}

export interface CostComparison {
  a: CostReport;
  b: CostReport;
  /** b.monthlyTotal − a.monthlyTotal. */
  difference: Dec;
  /** Matched components, the largest absolute difference first. */
  components: ComponentDifference[];
  onlyInA: CostComponent[];
  onlyInB: CostComponent[];
  /** Unpriced lines on one side only (the same node and component on both sides are not listed). */
  unpricedOnlyInA: Unpriced[];
  unpricedOnlyInB: Unpriced[];
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
export function compare(a: CostReport, b: CostReport): CostComparison {
  const lines = pair(a.components, b.components);
  const unpriced = pair(a.unpriced, b.unpriced);
  const components = lines.matched
    .map(([x, y]): ComponentDifference => ({ node: x.node, nodeName: x.nodeName, component: x.component, a: x, b: y, difference: y.monthly.minus(x.monthly) }))
    .sort((x, y) => y.difference.abs().comparedTo(x.difference.abs()));
  const notes: string[] = [];
  if (a.catalog.version !== b.catalog.version || a.catalog.asOf !== b.catalog.asOf) notes.push(`The two sides use different price catalogs (A ${a.region} ${a.catalog.version} of ${a.catalog.asOf}, B ${b.region} ${b.catalog.version} of ${b.catalog.asOf}).`);
  if (a.freeTier !== b.freeTier) notes.push(`The free tier is applied on side ${a.freeTier ? 'A' : 'B'} only.`);
  if (a.unpriced.length || b.unpriced.length) notes.push('Unpriced lines are not in either total: the difference covers priced lines only.');
  const difference = b.monthlyTotal.minus(a.monthlyTotal);
  return { a, b, difference, components, onlyInA: lines.onlyA, onlyInB: lines.onlyB, unpricedOnlyInA: unpriced.onlyA, unpricedOnlyInB: unpriced.onlyB, notes };
}

import { createDesign, createEdge, createNode, type Design, type DesignEdge, type DesignNode } from '../../../core/model';
import { estimateCost, sum, type CostComponent, type CostOptions, type CostReport, type Unpriced } from '../../../core/pricing';

type NodeSpec = [kind: DesignNode['kind'], id: string, props?: Record<string, unknown>, parent?: string];
type EdgeSpec = [kind: DesignEdge['kind'], id: string, from: string, to: string, props?: Record<string, unknown>];

export interface Usage {
  /** Numbers, and the choices and flags of core/model/usageFields.ts (readConsistency, transactionalWrites). */
  nodes?: Record<string, Record<string, number | string | boolean>>;
  edges?: Record<string, Record<string, number>>;
}

/** A small design: nodes named by their ids, usage in the active ("expected") profile. */
export function design(nodes: NodeSpec[], edges: EdgeSpec[] = [], usage: Usage = {}, region = 'us-east-1'): Design {
  const d = createDesign('cost test', region);
  d.nodes = nodes.map(([kind, id, props, parent]) => createNode(kind, id, id, props ?? {}, parent));
  d.edges = edges.map(([kind, id, from, to, props]) => createEdge(kind, id, from, to, props ?? {}));
  d.usage.profiles.expected = { description: '', nodes: usage.nodes ?? {}, edges: usage.edges ?? {} };
  return d;
}

export const cost = (d: Design, options: CostOptions = {}): CostReport => estimateCost(d, options);

/** The one line of `node` whose component starts with `component`. */
export function line(report: CostReport, node: string, component: string): CostComponent {
  const found = report.components.filter((c) => c.node === node && c.component.startsWith(component));
  if (found.length !== 1) throw new Error(`${found.length} lines "${component}" at ${node}: ${report.components.map((c) => `${c.node}/${c.component}`).join(', ')}`);
  return found[0];
}

/** Money to the cent, as AWS examples print it. */
export const cents = (c: { monthly: { toFixed(n: number): string } }): string => c.monthly.toFixed(2);

export const lines = (report: CostReport, node: string): CostComponent[] => report.components.filter((c) => c.node === node);

/** A node's monthly total to the cent. */
export const total = (report: CostReport, node: string): string => sum(lines(report, node).map((c) => c.monthly)).toFixed(2);

/** The unpriced entry of `node` whose component starts with `component`. */
export function unpricedLine(report: CostReport, node: string, component: string): Unpriced {
  const found = report.unpriced.find((u) => u.node === node && u.component.startsWith(component));
  if (!found) throw new Error(`no unpriced "${component}" at ${node}: ${report.unpriced.map((u) => `${u.node}/${u.component}`).join(', ')}`);
  return found;
}

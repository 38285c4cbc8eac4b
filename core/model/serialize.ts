import type { Design } from './design';

const ENVELOPE_ORDER = ['format', 'schemaVersion', 'name', 'region', 'nodes', 'edges', 'usage', 'suppressions', 'layout'];
const NODE_ORDER = ['id', 'kind', 'name', 'parent', 'props'];
const EDGE_ORDER = ['id', 'kind', 'from', 'to', 'props'];

function ordered<T extends object>(obj: T, order: readonly string[]): T {
  const entries = Object.entries(obj);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as T;
}

/** The saved text of a design: pretty JSON with a stable key order (clean git diffs), unknown
 *  fields kept where they were read. */
export function serializeDesign(design: Design): string {
  const doc = ordered({
    ...design,
    nodes: design.nodes.map((n) => ordered(n, NODE_ORDER)),
    edges: design.edges.map((e) => ordered(e, EDGE_ORDER)),
  }, ENVELOPE_ORDER);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

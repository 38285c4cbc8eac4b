import type { Design } from './design';

const ENVELOPE_ORDER = ['format', 'schemaVersion', 'name', 'alternativeName', 'region', 'account', 'nodes', 'edges', 'usage', 'suppressions', 'layout', 'alternatives'];
const ALTERNATIVE_ORDER = ['name', 'region', 'nodes', 'edges', 'usage', 'suppressions', 'layout'];
const NODE_ORDER = ['id', 'kind', 'name', 'parent', 'props'];
const EDGE_ORDER = ['id', 'kind', 'from', 'to', 'props'];

function ordered<T extends object>(obj: T, order: readonly string[]): T {
  const entries = Object.entries(obj);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as T;
}

/** A layout without sticky notes is written without the key, as files were before notes existed
 *  (an explicit empty list read from a file is written back as it was). */
const withoutNoNotes = (layout: Design['layout']): Design['layout'] => {
  if (layout.notes !== undefined) return layout;
  const { notes: _none, ...rest } = layout;
  return rest as Design['layout'];
};

const orderedParts = <T extends { nodes: Design['nodes']; edges: Design['edges']; layout: Design['layout'] }>(variant: T): T => ({
  ...variant,
  nodes: variant.nodes.map((n) => ordered(n, NODE_ORDER)),
  edges: variant.edges.map((e) => ordered(e, EDGE_ORDER)),
  layout: withoutNoNotes(variant.layout),
});

/** The saved text of a design: pretty JSON with a stable key order (clean git diffs), unknown
 *  fields kept where they were read. A design with no alternatives is written without the key, as
 *  files were before alternatives existed. */
export function serializeDesign(design: Design): string {
  const { alternatives, ...rest } = design;
  const doc = ordered({
    ...orderedParts(rest),
    ...(alternatives.length ? { alternatives: alternatives.map((a) => ordered(orderedParts(a), ALTERNATIVE_ORDER)) } : {}),
  }, ENVELOPE_ORDER);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

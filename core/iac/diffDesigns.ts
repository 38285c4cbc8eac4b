import type { Design, DesignEdge, DesignNode, EdgeOfKind } from '../model/design';
import { kindLabel } from '../model/kinds';
import { NODE_REFS } from '../model/references';
import { effectiveTrigger } from '../semantics/settings';

/** What differs between two designs of the same architecture whose ids may differ (a design and
 *  the same design exported and imported back). Nodes match by kind and name, edges by kind and the
 *  names of their ends; references inside props compare by the name of the node they point to.
 *  Trigger settings left out compare equal to AWS's default for that source (absent = default). */
export function diffDesigns(expected: Design, actual: Design): string[] {
  const diffs: string[] = [];
  const nameOf = (d: Design) => { const m = new Map(d.nodes.map((n) => [n.id, n.name])); return (id: string | undefined) => (id === undefined ? undefined : m.get(id) ?? `?${id}`); };
  const expName = nameOf(expected);
  const actName = nameOf(actual);
  const key = (n: DesignNode) => `${n.kind}:${n.name}`;
  const actualNodes = new Map<string, DesignNode>();
  for (const n of actual.nodes) {
    if (actualNodes.has(key(n))) diffs.push(`${kindLabel(n.kind)} "${n.name}" appears twice after the round trip`);
    actualNodes.set(key(n), n);
  }
  const matched = new Set<string>();
  for (const e of expected.nodes) {
    const a = actualNodes.get(key(e));
    const label = `${kindLabel(e.kind)} "${e.name}"`;
    if (!a) { diffs.push(`${label} is missing`); continue; }
    matched.add(key(e));
    if (expName(e.parent) !== actName(a.parent)) diffs.push(`${label}: inside ${expName(e.parent) ?? '(nothing)'} became inside ${actName(a.parent) ?? '(nothing)'}`);
    compareValues(label, namedRefs(e, expName), namedRefs(a, actName), diffs);
  }
  for (const a of actual.nodes) if (!matched.has(key(a))) diffs.push(`${kindLabel(a.kind)} "${a.name}" was not in the design`);

  const edgeKey = (d: Design, edge: DesignEdge, name: (id: string) => string | undefined) => `${edge.kind}:${name(edge.from)}→${name(edge.to)}:${edge.kind === 'destination' ? edge.props.on : ''}`;
  const actualEdges = new Map<string, DesignEdge[]>();
  for (const edge of actual.edges) {
    const k = edgeKey(actual, edge, actName);
    actualEdges.set(k, [...(actualEdges.get(k) ?? []), edge]);
  }
  const nodeKind = new Map(expected.nodes.map((n) => [n.id, n]));
  for (const edge of expected.edges) {
    const k = edgeKey(expected, edge, expName);
    const label = `${edge.kind} edge ${expName(edge.from)} → ${expName(edge.to)}`;
    const candidates = actualEdges.get(k) ?? [];
    const a = candidates.shift();
    if (!a) { diffs.push(`${label} is missing`); continue; }
    if (edge.kind === 'trigger' && a.kind === 'trigger') {
      const source = nodeKind.get(edge.from);
      compareValues(label, triggerView(source, edge), triggerView(actual.nodes.find((n) => n.id === a.from), a), diffs);
    } else {
      compareValues(label, edgeView(edge, expected, expName), edgeView(a, actual, actName), diffs);
    }
  }
  for (const [, rest] of actualEdges) for (const a of rest) diffs.push(`${a.kind} edge ${actName(a.from)} → ${actName(a.to)} was not in the design`);
  return diffs;
}

/** A node's props with node references replaced by the referenced node's name. */
function namedRefs(node: DesignNode, name: (id: string) => string | undefined): Record<string, unknown> {
  const props = JSON.parse(JSON.stringify(node.props)) as Record<string, unknown>;
  for (const ref of NODE_REFS[node.kind] ?? []) {
    const parentPath = ref.path.slice(0, -1);
    const holder = parentPath.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k as string] : undefined), props) as Record<string, unknown> | undefined;
    const last = ref.path[ref.path.length - 1] as string;
    if (!holder || typeof holder !== 'object' || !(last in holder)) continue;
    const value = holder[last];
    holder[last] = Array.isArray(value) ? value.map((id) => name(String(id))).sort() : typeof value === 'string' ? name(value) : value;
  }
  if (node.kind === 'securityGroup') {
    for (const dir of ['ingress', 'egress'] as const) {
      const rules = props[dir] as { securityGroup: string | null }[] | null;
      if (rules) props[dir] = rules.map((r) => ({ ...r, securityGroup: r.securityGroup === null ? null : name(r.securityGroup) }));
    }
  }
  return props;
}

function triggerView(source: DesignNode | undefined, edge: EdgeOfKind<'trigger'>): Record<string, unknown> {
  const effective = source ? effectiveTrigger(source.kind, edge) : {};
  // AWS defaults that effectiveTrigger leaves to the reader: no tumbling window, wrapped SNS messages.
  return { ...edge.props, tumblingWindowSeconds: edge.props.tumblingWindowSeconds ?? 0, rawMessageDelivery: edge.props.rawMessageDelivery ?? false, ...effective };
}

function edgeView(edge: DesignEdge, design: Design, name: (id: string) => string | undefined): Record<string, unknown> {
  const props = { ...edge.props } as Record<string, unknown>;
  if (typeof props.via === 'string') {
    const via = design.edges.find((e) => e.id === props.via);
    props.via = via ? `${name(via.from)}→${name(via.to)}` : `?${String(props.via)}`;
  }
  return props;
}

function compareValues(label: string, expected: unknown, actual: unknown, diffs: string[], path = ''): void {
  if (Object.is(expected, actual)) return;
  const bothObjects = expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object' && Array.isArray(expected) === Array.isArray(actual);
  if (bothObjects) {
    const keys = new Set([...Object.keys(expected as object), ...Object.keys(actual as object)]);
    for (const k of keys) {
      compareValues(label, (expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], diffs, Array.isArray(expected) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    }
    return;
  }
  diffs.push(`${label}: ${path || '(value)'} was ${JSON.stringify(expected)}, came back ${JSON.stringify(actual)}`);
}

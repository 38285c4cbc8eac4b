import { canConnect } from './connections';
import type { Design, DesignEdge, DesignNode } from './design';
import { kindLabel } from './kinds';
import { jsonPath, type PathPart, type Problem } from './problems';

/** Which kinds a node-reference prop may point at, per node kind. Paths are within `props`. */
export const NODE_REFS: Record<string, { path: PathPart[]; kinds: string[]; many?: boolean }[]> = {
  lambda: [
    { path: ['vpc', 'subnets'], kinds: ['subnet'], many: true },
    { path: ['vpc', 'securityGroups'], kinds: ['securityGroup'], many: true },
    { path: ['logGroup'], kinds: ['logGroup'] },
  ],
  apiGateway: [{ path: ['authorizerRef'], kinds: ['cognitoUserPool', 'lambda'] }],
  alb: [{ path: ['subnets'], kinds: ['subnet'], many: true }, { path: ['securityGroups'], kinds: ['securityGroup'], many: true }],
  subnet: [
    { path: ['routeTable', 'defaultRoute'], kinds: ['internetGateway', 'natGateway'] },
    { path: ['routeTable', 'gatewayEndpoints'], kinds: ['vpcEndpoint'], many: true },
    { path: ['routeTableOf'], kinds: ['subnet'] },
  ],
  vpcEndpoint: [{ path: ['subnets'], kinds: ['subnet'], many: true }, { path: ['securityGroups'], kinds: ['securityGroup'], many: true }],
  rds: [{ path: ['subnets'], kinds: ['subnet'], many: true }, { path: ['securityGroups'], kinds: ['securityGroup'], many: true }],
  rdsProxy: [
    { path: ['target'], kinds: ['rds'] },
    { path: ['subnets'], kinds: ['subnet'], many: true },
    { path: ['securityGroups'], kinds: ['securityGroup'], many: true },
  ],
  elasticache: [{ path: ['subnets'], kinds: ['subnet'], many: true }, { path: ['securityGroups'], kinds: ['securityGroup'], many: true }],
  kafka: [{ path: ['subnets'], kinds: ['subnet'], many: true }, { path: ['securityGroups'], kinds: ['securityGroup'], many: true }],
};

/** The kinds each kind may be drawn inside (its `parent`). Kinds not listed take no parent. */
export const PARENT_KINDS: Record<string, string[]> = {
  subnet: ['vpc'], internetGateway: ['vpc'], securityGroup: ['vpc'], vpcEndpoint: ['vpc'],
  rds: ['vpc'], rdsProxy: ['vpc'], elasticache: ['vpc'], kafka: ['vpc'], alb: ['vpc'],
  natGateway: ['subnet'], eventRule: ['eventBus'],
};

const get = (obj: unknown, path: readonly PathPart[]): unknown =>
  path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PathPart, unknown>)[k] : undefined), obj);

const nodeTarget = (n: DesignNode) => ({ id: n.id, name: n.name, type: 'node' as const });
const edgeTarget = (e: DesignEdge, nodes: Map<string, DesignNode>) => ({
  id: e.id, name: `${nodes.get(e.from)?.name ?? e.from} → ${nodes.get(e.to)?.name ?? e.to}`, type: 'edge' as const,
});

/** Checks every link inside a design. Returns the design with dangling edges removed (they cannot
 *  be drawn or analysed; each removal is reported as a repair) and the problems found. */
export function checkReferences(design: Design): { design: Design; problems: Problem[] } {
  const problems: Problem[] = [];
  const nodes = new Map<string, DesignNode>();
  const seen = new Set<string>();
  design.nodes.forEach((n, i) => {
    if (seen.has(n.id)) problems.push({ code: 'reference', path: jsonPath(['nodes', i, 'id']), target: nodeTarget(n), message: `id "${n.id}" is used twice; ids must be unique` });
    seen.add(n.id);
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  });

  design.nodes.forEach((n, i) => {
    if (n.parent !== undefined) {
      const parent = nodes.get(n.parent);
      const allowed = PARENT_KINDS[n.kind] ?? [];
      if (!parent) problems.push({ code: 'reference', path: jsonPath(['nodes', i, 'parent']), target: nodeTarget(n), message: `parent "${n.parent}" is not a node of this design` });
      else if (!allowed.includes(parent.kind)) {
        problems.push({ code: 'reference', path: jsonPath(['nodes', i, 'parent']), target: nodeTarget(n),
          message: allowed.length ? `${kindLabel(n.kind)} belongs inside ${allowed.map(kindLabel).join(' or ')}, not inside ${kindLabel(parent.kind)} "${parent.name}"` : `${kindLabel(n.kind)} is not placed inside other resources` });
      }
    }
    for (const ref of NODE_REFS[n.kind] ?? []) {
      const value = get(n.props, ref.path);
      const ids = ref.many ? (Array.isArray(value) ? value : []) : value === null || value === undefined ? [] : [value];
      ids.forEach((refId, j) => {
        const path = jsonPath(['nodes', i, 'props', ...ref.path, ...(ref.many ? [j] : [])]);
        const target = typeof refId === 'string' ? nodes.get(refId) : undefined;
        if (!target) problems.push({ code: 'reference', path, target: nodeTarget(n), message: `refers to "${String(refId)}", which is not a node of this design` });
        else if (!ref.kinds.includes(target.kind)) problems.push({ code: 'reference', path, target: nodeTarget(n), message: `refers to ${kindLabel(target.kind)} "${target.name}"; expected ${ref.kinds.map(kindLabel).join(' or ')}` });
      });
    }
    if (n.kind === 'subnet' && n.props.routeTableOf !== undefined) {
      // A shared route table is the owner's own: in the same VPC, never itself shared (one hop).
      const owner = nodes.get(n.props.routeTableOf);
      const path = jsonPath(['nodes', i, 'props', 'routeTableOf']);
      if (owner?.id === n.id) problems.push({ code: 'reference', path, target: nodeTarget(n), message: 'a subnet cannot share its own route table; remove routeTableOf' });
      else if (owner?.kind === 'subnet' && owner.parent !== n.parent) problems.push({ code: 'reference', path, target: nodeTarget(n), message: `subnet "${owner.name}" is in another VPC; a route table serves subnets of its own VPC only` });
      else if (owner?.kind === 'subnet' && owner.props.routeTableOf !== undefined) problems.push({ code: 'reference', path, target: nodeTarget(n), message: `subnet "${owner.name}" itself uses another subnet's route table; name the subnet that holds the table` });
    }
    if (n.kind === 'securityGroup') {
      (['ingress', 'egress'] as const).forEach((dir) => (n.props[dir] ?? []).forEach((rule, j) => {
        if (rule.securityGroup === null) return;
        const peer = nodes.get(rule.securityGroup);
        if (!peer || peer.kind !== 'securityGroup') {
          problems.push({ code: 'reference', path: jsonPath(['nodes', i, 'props', dir, j, 'securityGroup']), target: nodeTarget(n), message: `refers to "${rule.securityGroup}", which is not a security group of this design` });
        }
      }));
    }
  });

  const edgeIds = new Set<string>();
  const kept: DesignEdge[] = [];
  design.edges.forEach((e, i) => {
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    if (!from || !to) {
      const missing = !from ? ['from', e.from] : ['to', e.to];
      problems.push({ code: 'reference', path: jsonPath(['edges', i, missing[0]]), target: edgeTarget(e, nodes),
        message: `edge "${e.id}" points to "${missing[1]}", which is not a node of this design`, repair: 'the edge was left out of the loaded design' });
      return;
    }
    if (seen.has(e.id) || edgeIds.has(e.id)) problems.push({ code: 'reference', path: jsonPath(['edges', i, 'id']), target: edgeTarget(e, nodes), message: `id "${e.id}" is used twice; ids must be unique` });
    edgeIds.add(e.id);
    const verdict = canConnect(from, to, e.kind, e.props);
    if (!verdict.ok) problems.push({ code: 'connection', path: jsonPath(['edges', i]), target: edgeTarget(e, nodes), message: `${e.kind} edge ${from.name} → ${to.name}: ${verdict.reason}` });
    kept.push(e);
  });

  const keptIds = new Set(kept.map((e) => e.id));
  const keptById = new Map(kept.map((e) => [e.id, e]));
  kept.forEach((e) => {
    const via = e.kind === 'destination' || e.kind === 'deadLetter' ? e.props.via : undefined;
    if (via === undefined) return;
    const path = jsonPath(['edges', design.edges.indexOf(e), 'props', 'via']);
    const owner = keptById.get(via);
    if (!owner) problems.push({ code: 'reference', path, target: edgeTarget(e, nodes), message: `via "${via}" is not an edge of this design` });
    else if (owner.kind !== 'trigger' || owner.from !== e.from) {
      problems.push({ code: 'reference', path, target: edgeTarget(e, nodes),
        message: `via "${via}" must be a trigger edge leaving ${nodes.get(e.from)?.name ?? e.from} (the subscription, rule target or mapping this ${e.kind === 'deadLetter' ? 'dead-letter queue' : 'destination'} belongs to)` });
    }
  });

  const profiles = design.usage.profiles;
  if (design.usage.active !== null && !(design.usage.active in profiles)) {
    problems.push({ code: 'reference', path: '$.usage.active', message: `active profile "${design.usage.active}" is not one of: ${Object.keys(profiles).join(', ') || '(none)'}` });
  }
  for (const [name, profile] of Object.entries(profiles)) {
    for (const nodeId of Object.keys(profile.nodes)) {
      if (!nodes.has(nodeId)) problems.push({ code: 'reference', path: jsonPath(['usage', 'profiles', name, 'nodes', nodeId]), message: `usage for "${nodeId}", which is not a node of this design` });
    }
    for (const edgeId of Object.keys(profile.edges)) {
      if (!keptIds.has(edgeId)) problems.push({ code: 'reference', path: jsonPath(['usage', 'profiles', name, 'edges', edgeId]), message: `usage for "${edgeId}", which is not an edge of this design` });
    }
  }
  design.suppressions.forEach((s, i) => {
    if (s.target !== '*' && !nodes.has(s.target) && !keptIds.has(s.target)) problems.push({ code: 'reference', path: jsonPath(['suppressions', i, 'target']), message: `suppression of ${s.ruleId} targets "${s.target}", which is not a node or edge of this design` });
  });

  return { design: kept.length === design.edges.length ? design : { ...design, edges: kept }, problems };
}

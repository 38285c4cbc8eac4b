import type { Design, NodeOfKind } from './design';

/** Subnets that share a route table (`routeTableOf`, core/model/kinds/subnet.ts) read the owner's
 *  routes: the design the analysis sees has the owner's `routeTable` on each of them, so every rule
 *  and the reachability trace read one place. A reference that does not name another subnet of the
 *  same VPC that holds its own table is a problem at load (references.ts) and is ignored here. The
 *  same object when no subnet shares. */
export function withSharedRouteTables(design: Design): Design {
  if (!design.nodes.some((n) => n.kind === 'subnet' && n.props.routeTableOf !== undefined)) return design;
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const nodes = design.nodes.map((n) => {
    const owner = n.kind === 'subnet' ? routeTableOwner((id) => byId.get(id), n) : undefined;
    return owner && n.kind === 'subnet' ? { ...n, props: { ...n.props, routeTable: owner.props.routeTable } } : n;
  });
  return { ...design, nodes };
}

/** The subnet whose route table `subnet` uses, when its `routeTableOf` names a valid one (another
 *  subnet of the same VPC that holds its own table); undefined: the subnet's own table. */
export function routeTableOwner(nodeOf: (id: string) => Design['nodes'][number] | undefined, subnet: NodeOfKind<'subnet'>): NodeOfKind<'subnet'> | undefined {
  if (subnet.props.routeTableOf === undefined) return undefined;
  const owner = nodeOf(subnet.props.routeTableOf);
  return owner?.kind === 'subnet' && owner.id !== subnet.id && owner.parent === subnet.parent && owner.props.routeTableOf === undefined ? owner : undefined;
}

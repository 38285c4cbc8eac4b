import type { NodeOfKind } from '../../model/design';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { subnetsByVpc } from './support';

export default defineRule({
  id: 'NET-20',
  title: 'Subnet routed through a NAT gateway in another Availability Zone',
  severity: 'warning',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
  appliesTo: ['subnet', 'natGateway'],
  why: "A NAT gateway lives in one Availability Zone. If resources in several AZs share it and its AZ goes down, the others lose internet access; AWS advises a NAT gateway in each AZ with routing that keeps resources on the NAT gateway of their own AZ. Traffic to a NAT gateway in another AZ also pays inter-AZ data transfer.",
  check(ctx) {
    const { index } = ctx;
    const azOf = (n: { parent?: string }) => { const p = n.parent ? index.node(n.parent) : undefined; return p?.kind === 'subnet' ? p.props.az : undefined; };
    // The first NAT gateway (in design order) placed in a subnet of each VPC, per AZ and type.
    const localNat = new Map<string, NodeOfKind<'natGateway'>>();
    for (const n of index.ofKind('natGateway')) {
      const p = n.parent ? index.node(n.parent) : undefined;
      const key = p?.kind === 'subnet' && p.parent ? `${p.parent} ${p.props.az} ${n.props.connectivity}` : undefined;
      if (key && !localNat.has(key)) localNat.set(key, n);
    }
    return subnetsByVpc(index).flatMap(({ vpc, subnets }) => subnets.flatMap((subnet): RuleFinding[] => {
      const route = subnet.props.routeTable.defaultRoute;
      const routed = route !== null ? index.node(route) : undefined;
      const nat = routed?.kind === 'natGateway' ? routed : undefined;
      const natAz = nat && azOf(nat);
      if (!nat || !natAz || natAz === subnet.props.az) return [];
      const az = `${ctx.design.region}${subnet.props.az}`;
      const local = localNat.get(`${vpc.id} ${subnet.props.az} ${nat.props.connectivity}`);
      return [{
        target: subnet,
        message: `Subnet "${subnet.name}" (${az}) sends 0.0.0.0/0 to NAT gateway "${nat.name}" in ${ctx.design.region}${natAz}: that traffic crosses AZs (inter-AZ data transfer is charged), and if ${ctx.design.region}${natAz} fails, "${subnet.name}" loses its NAT path.`,
        fix: local
          ? `Route 0.0.0.0/0 of "${subnet.name}" to NAT gateway "${local.name}", which is in ${az}.`
          : `Add a NAT gateway to a public subnet in ${az} and route 0.0.0.0/0 of "${subnet.name}" to it.`,
      }];
    }));
  },
});

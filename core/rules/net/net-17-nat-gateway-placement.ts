import type { NodeOfKind } from '../../model/design';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { breaks, names, pathFindings } from './support';

export default defineRule({
  id: 'NET-17',
  title: 'NAT gateway type or placement gives no internet path',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-natgateway.html',
  appliesTo: ['natGateway', 'subnet'],
  why: 'A public NAT gateway needs an Elastic IP and must sit in a public subnet (one whose route table sends 0.0.0.0/0 to an internet gateway). A private NAT gateway (ConnectivityType = private) gives no internet path at all. Otherwise traffic routed 0.0.0.0/0 → NAT gateway goes nowhere.',
  check(ctx) {
    const { index } = ctx;
    const natFix = (nat: NodeOfKind<'natGateway'>, subnet?: { name: string }): string => {
      if (nat.props.connectivity === 'private') return `Route the function subnets' 0.0.0.0/0 to a public NAT gateway instead of private NAT gateway "${nat.name}".`;
      if (!nat.props.elasticIp) return `Give NAT gateway "${nat.name}" an Elastic IP.`;
      return subnet ? `Move NAT gateway "${nat.name}" into a public subnet, or route 0.0.0.0/0 of "${subnet.name}" to an internet gateway.` : `Place NAT gateway "${nat.name}" in a public subnet.`;
    };
    // The NAT gateway a broken path stops at: the node itself, or the first one placed in that subnet.
    const natByPlace = new Map<string, NodeOfKind<'natGateway'>>();
    for (const n of index.ofKind('natGateway')) {
      if (!natByPlace.has(n.id)) natByPlace.set(n.id, n);
      if (n.parent && !natByPlace.has(n.parent)) natByPlace.set(n.parent, n);
    }
    const natOf = (id?: string) => (id === undefined ? undefined : natByPlace.get(id));
    const fromPaths = pathFindings(ctx, 'NET-17', (b) => {
      const at = index.node(b.paths[0].brokenAt?.id ?? '');
      const nat = natOf(at?.id);
      return nat ? natFix(nat, at?.kind === 'subnet' ? at : undefined) : 'Route 0.0.0.0/0 to a public NAT gateway with an Elastic IP in a public subnet.';
    });
    const seen = new Set(breaks(ctx, 'NET-17').flatMap((b) => b.paths.map((p) => p.brokenAt?.id)));
    const fnSubnets = new Set(index.ofKind('lambda').flatMap((fn) => fn.props.vpc?.subnets ?? []));
    const routedTo = new Map<string, NodeOfKind<'subnet'>[]>();
    for (const s of index.ofKind('subnet')) {
      const route = s.props.routeTable.defaultRoute;
      if (route !== null && fnSubnets.has(s.id)) (routedTo.get(route) ?? routedTo.set(route, []).get(route)!).push(s);
    }
    const idle = index.ofKind('natGateway').flatMap((nat): RuleFinding[] => {
      if (seen.has(nat.id) || (nat.parent && seen.has(nat.parent))) return [];
      const subnet = nat.parent ? index.node(nat.parent) : undefined;
      if (nat.props.connectivity === 'private') {
        const routed = routedTo.get(nat.id) ?? [];
        return routed.length ? [{
          target: nat, severity: 'warning',
          message: `Function subnet${routed.length > 1 ? 's' : ''} ${names(routed)} route${routed.length > 1 ? '' : 's'} 0.0.0.0/0 to private NAT gateway "${nat.name}", which gives no internet path: any internet or AWS API call from there will fail.`,
          fix: natFix(nat),
        }] : [];
      }
      const igw = subnet?.kind === 'subnet' && subnet.props.routeTable.defaultRoute ? index.node(subnet.props.routeTable.defaultRoute) : undefined;
      const problem = !nat.props.elasticIp ? 'has no Elastic IP'
        : subnet?.kind !== 'subnet' ? 'is not placed in a subnet'
          : igw?.kind !== 'internetGateway' ? `sits in subnet "${subnet.name}", which does not route 0.0.0.0/0 to an internet gateway` : undefined;
      return problem ? [{ target: nat, message: `Public NAT gateway "${nat.name}" ${problem}: it cannot reach the internet.`, fix: natFix(nat, subnet?.kind === 'subnet' ? subnet : undefined) }] : [];
    });
    return [...fromPaths, ...idle];
  },
});

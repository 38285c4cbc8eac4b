import { nextFreeSubnet, parseCidr } from '../../model/cidr';
import { vpcOf, type DesignIndex } from '../../graph';
import { catalogFor } from '../../pricing/catalog';
import type { DesignEdge, DesignNode, NodeOfKind } from '../../model/design';
import { securityGroupsAllow, type Reachability, type SubnetPath } from '../../semantics';
import type { RuleContext, RuleFinding } from '../types';

/** An idle connection through a NAT gateway times out after 350 s (NET-16). */
export const NAT_IDLE_TIMEOUT_SECONDS = 350;
/** The only services with gateway endpoints. */
export const GATEWAY_SERVICES: readonly string[] = ['s3', 'dynamodb'];

/** `a, b and c` (duplicates dropped). */
export function list(items: readonly string[]): string {
  const u = [...new Set(items)];
  return u.length > 1 ? `${u.slice(0, -1).join(', ')} and ${u[u.length - 1]}` : (u[0] ?? '');
}

/** `"a", "b" and "c"` */
export const names = (items: readonly { name: string }[]): string => list(items.map((i) => `"${i.name}"`));

/** `NAT gateway "a"`, `NAT gateways "a" and "b"` */
export const named = (label: string, items: readonly { name: string }[]): string => `${label}${new Set(items.map((i) => i.name)).size > 1 ? 's' : ''} ${names(items)}`;

/** `"Private subnet A" (us-east-1a) and "Private subnet B" (us-east-1b)` */
export const where = (paths: readonly SubnetPath[]): string => list(paths.map((p) => `"${p.subnet?.name}" (${p.az})`));

const nodesOf = (index: DesignIndex, ids: readonly string[]): DesignNode[] => ids.flatMap((id) => index.node(id) ?? []);

/** One access/invoke edge of a function, with its reachability and its paths split by outcome. */
export interface EdgePaths {
  r: Reachability;
  edge: DesignEdge;
  fn: NodeOfKind<'lambda'>;
  target: DesignNode;
  /** The paths the rule is about (broken ones for path rules). */
  paths: SubnetPath[];
  /** The paths that work. */
  ok: SubnetPath[];
}

/** Every reachability result whose paths (filtered by `pick`) are not empty. */
export function edgePaths(ctx: RuleContext, pick: (p: SubnetPath, r: Reachability) => boolean): EdgePaths[] {
  return ctx.reachability().flatMap((r) => {
    const edge = ctx.index.edge(r.edge);
    const fn = ctx.index.node(r.from.id);
    const target = ctx.index.node(r.to.id);
    const paths = r.paths.filter((p) => pick(p, r));
    if (!edge || fn?.kind !== 'lambda' || !target || !paths.length) return [];
    return [{ r, edge, fn, target, paths, ok: r.paths.filter((p) => p.reachable) }];
  });
}

/** Edges with paths broken by `ruleId` (and kept by `keep`). */
export const breaks = (ctx: RuleContext, ruleId: string, keep: (p: SubnetPath, r: Reachability) => boolean = () => true): EdgePaths[] =>
  edgePaths(ctx, (p, r) => !p.reachable && p.ruleId === ruleId && keep(p, r));

/** The distinct reasons of some paths: a reason repeated for each subnet (same words, other subnet
 *  name and CIDR) is given once, naming the other subnets. */
export function reasonsOf(paths: readonly SubnetPath[]): string {
  const groups = new Map<string, SubnetPath[]>();
  for (const p of paths) {
    const key = (p.subnet ? (p.reason ?? '').split(`"${p.subnet.name}"`).join('#') : p.reason ?? '').replace(/\d+\.\d+\.\d+\.\d+\/\d+/g, '#');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const sameFrom = (first: SubnetPath, more: SubnetPath[]) => (more.length && first.subnet && first.reason?.includes(`"${first.subnet.name}"`) ? ` (the same from ${where(more)})` : '');
  return [...groups.values()].map(([first, ...more]) => `${first.reason}${sameFrom(first, more)}`).join('; ');
}

/** `"Quote service" → "Secrets Manager" is broken from "Private subnet A" (us-east-1a): <reason>`, and
 *  what still works when only some AZs break. */
export function breakMessage(b: EdgePaths): string {
  const from = b.paths[0].subnet ? ` from ${where(b.paths)}` : '';
  const head = `"${b.fn.name}" → "${b.target.name}" is broken${from}: ${reasonsOf(b.paths)}`;
  if (!b.ok.length) return `${head}.`;
  return `${head}. Partial: it works from ${where(b.ok)}, so only invocations that run in ${list(b.paths.map((p) => p.az ?? ''))} fail.`;
}

/** The node every broken path points at, else the edge. */
export function breakTarget(ctx: RuleContext, b: EdgePaths): DesignNode | DesignEdge {
  const ids = new Set(b.paths.map((p) => p.brokenAt?.id));
  const [only] = ids;
  return (ids.size === 1 && only && ctx.index.node(only)) || b.edge;
}

/** One finding per edge broken by `ruleId`, targeting the node to change. */
export function pathFindings(ctx: RuleContext, ruleId: string, fix: (b: EdgePaths) => string, keep?: (p: SubnetPath, r: Reachability) => boolean): RuleFinding[] {
  return breaks(ctx, ruleId, keep).map((b) => ({ target: breakTarget(ctx, b), message: breakMessage(b), fix: fix(b) }));
}

export const subnetOf = (index: DesignIndex, p: SubnetPath): NodeOfKind<'subnet'> | undefined => {
  const n = p.subnet && index.node(p.subnet.id);
  return n && n.kind === 'subnet' ? n : undefined;
};

/** The subnets a function is attached to, as nodes. */
export const functionSubnets = (index: DesignIndex, fn: NodeOfKind<'lambda'>): NodeOfKind<'subnet'>[] =>
  nodesOf(index, fn.props.vpc?.subnets ?? []).filter((n): n is NodeOfKind<'subnet'> => n.kind === 'subnet');

/** VPC endpoints of a VPC for a service and type. */
export function endpointsOf(index: DesignIndex, vpc: DesignNode | undefined, service: string, type: 'gateway' | 'interface'): NodeOfKind<'vpcEndpoint'>[] {
  if (!vpc) return [];
  return index.children(vpc.id).filter((n): n is NodeOfKind<'vpcEndpoint'> => n.kind === 'vpcEndpoint' && n.props.endpointType === type && n.props.service === service);
}

/** Gateway endpoints for `service` in the path's VPC that the path's subnet route table does not carry (NET-04). */
export function strandedGateways(index: DesignIndex, p: SubnetPath, service: string | undefined): NodeOfKind<'vpcEndpoint'>[] {
  const subnet = subnetOf(index, p);
  if (!subnet || !service || !GATEWAY_SERVICES.includes(service)) return [];
  const gateways = endpointsOf(index, vpcOf(index, subnet), service, 'gateway');
  return gateways.some((g) => subnet.props.routeTable.gatewayEndpoints.includes(g.id)) ? [] : gateways;
}

/** What keeps an interface endpoint's private DNS from resolving the service's default hostname. */
export function dnsGaps(index: DesignIndex, ep: NodeOfKind<'vpcEndpoint'>): string[] {
  const vpc = ep.parent ? index.node(ep.parent) : undefined;
  const v = vpc?.kind === 'vpc' ? vpc.props : undefined;
  return [!ep.props.privateDnsEnabled && 'private DNS on the endpoint', v && !v.enableDnsSupport && 'DNS support on the VPC', v && !v.enableDnsHostnames && 'DNS hostnames on the VPC']
    .filter((s): s is string => typeof s === 'string');
}

/** "Turn on DNS hostnames on VPC "orders-vpc"", "enable private DNS on "sqs-endpoint"" … */
export function dnsFix(index: DesignIndex, ep: NodeOfKind<'vpcEndpoint'>): string {
  const gaps = dnsGaps(index, ep);
  const vpcGaps = gaps.filter((g) => g.endsWith(' on the VPC')).map((g) => g.replace(' on the VPC', ''));
  const vpc = ep.parent ? index.node(ep.parent) : undefined;
  const steps = [...(gaps.includes('private DNS on the endpoint') ? [`enable private DNS on "${ep.name}"`] : []), ...(vpcGaps.length ? [`turn on ${list(vpcGaps)} on VPC "${vpc?.name}"`] : [])];
  return `${list(steps).replace(/^./, (c) => c.toUpperCase())}, so that the default hostname resolves to interface endpoint "${ep.name}".`;
}

/** Does the subnet's 0.0.0.0/0 lead to a public NAT gateway (with an Elastic IP, in a subnet routed to an internet gateway)? */
export function natEgress(index: DesignIndex, subnet: NodeOfKind<'subnet'>): NodeOfKind<'natGateway'> | undefined {
  const nat = subnet.props.routeTable.defaultRoute ? index.node(subnet.props.routeTable.defaultRoute) : undefined;
  if (nat?.kind !== 'natGateway' || nat.props.connectivity !== 'public' || !nat.props.elasticIp || !nat.parent) return undefined;
  const natSubnet = index.node(nat.parent);
  const igw = natSubnet?.kind === 'subnet' && natSubnet.props.routeTable.defaultRoute ? index.node(natSubnet.props.routeTable.defaultRoute) : undefined;
  return igw?.kind === 'internetGateway' ? nat : undefined;
}

/** An interface endpoint for `service` in the subnet's VPC whose private DNS works and whose groups
 *  admit HTTPS from a client with `groups` in `subnet` (and the client's groups, if any, let it out). */
export function usableInterfaceEndpoint(index: DesignIndex, subnet: NodeOfKind<'subnet'>, service: string, groups: readonly string[]): NodeOfKind<'vpcEndpoint'> | undefined {
  return endpointsOf(index, vpcOf(index, subnet), service, 'interface').find((ep) => {
    if (dnsGaps(index, ep).length) return false;
    const epCidrs = nodesOf(index, ep.props.subnets).flatMap((n) => (n.kind === 'subnet' ? [n.props.cidr] : []));
    return (!groups.length || securityGroupsAllow(index, groups, 'egress', 443, { securityGroups: ep.props.securityGroups, cidrs: epCidrs }).allowed)
      && securityGroupsAllow(index, ep.props.securityGroups, 'ingress', 443, { securityGroups: groups, cidrs: [subnet.props.cidr] }).allowed;
  });
}

/** Functions attached to subnets of `vpcId`. */
export const functionsInVpc = (index: DesignIndex, vpcId: string): NodeOfKind<'lambda'>[] =>
  index.ofKind('lambda').filter((fn) => fn.props.vpc && vpcOf(index, fn)?.id === vpcId);

/** The VPC a function's path starts in (undefined for the Lambda-managed network). */
export function pathVpc(index: DesignIndex, p: SubnetPath): NodeOfKind<'vpc'> | undefined {
  const subnet = subnetOf(index, p);
  return subnet && vpcOf(index, subnet);
}

/** A unit price of the design's region as text ("$0.045 per GB in us-east-1"), when the price catalog has it. */
export function unitPrice(region: string, key: string): string | undefined {
  const price = catalogFor(region)?.prices[key];
  return price && `$${price.tiers[0].usd} per ${price.unit} in ${region}`;
}

/** Every VPC with its subnets, in the order the design lists them (NET-18, NET-19, NET-20). */
export function subnetsByVpc(index: DesignIndex): { vpc: NodeOfKind<'vpc'>; subnets: NodeOfKind<'subnet'>[] }[] {
  return index.ofKind('vpc').map((vpc) => ({
    vpc,
    subnets: index.children(vpc.id).filter((n): n is NodeOfKind<'subnet'> => n.kind === 'subnet'),
  }));
}

/** "Give "b" a block of its own inside 10.0.0.0/16, such as 10.0.2.0/24 (the lowest free one)." */
export function freeBlockFix(vpc: NodeOfKind<'vpc'>, subnets: readonly NodeOfKind<'subnet'>[], subnet: NodeOfKind<'subnet'>): string {
  const bits = parseCidr(subnet.props.cidr)?.bits;
  const taken = subnets.filter((s) => s.id !== subnet.id).map((s) => s.props.cidr);
  const free = nextFreeSubnet(vpc.props.cidr, taken, bits !== undefined && bits >= (parseCidr(vpc.props.cidr)?.bits ?? 33) ? bits : undefined);
  return free
    ? `Give "${subnet.name}" a block of its own inside ${vpc.props.cidr}, such as ${free} (the lowest free one).`
    : `VPC "${vpc.name}" (${vpc.props.cidr}) has no free block the size of "${subnet.name}" left: enlarge the VPC's range or shrink its subnets, then give "${subnet.name}" a block no other subnet uses.`;
}

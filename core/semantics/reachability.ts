import { indexDesign, vpcOf, type DesignIndex } from '../graph';
import { boundedForAnalysis } from '../model/bounded';
import { withoutRefusedEdges } from '../model/setAside';
import type { Design, DesignEdge, DesignNode, NodeOfKind } from '../model/design';
import { ELASTICACHE_DEFAULT_PORTS, RDS_DEFAULT_PORTS } from '../model/kinds';
import type { NodeRef } from './retryPaths';
import { aclPassesConnection } from './networkAcls';
import { INTERNET_PEER, rulePeerText, securityGroupsAllow, type SgVerdict } from './securityGroups';

export type Reach = 'yes' | 'no' | 'partial';
export type Destination = 'vpcResource' | 'awsApi' | 'internet';

export interface ReachHop {
  kind: 'lambdaNetwork' | 'eni' | 'routeTable' | 'natGateway' | 'internetGateway' | 'gatewayEndpoint' | 'interfaceEndpoint' | 'securityGroup' | 'rdsProxy' | 'internet' | 'awsApi' | 'target';
  node?: NodeRef;
  detail: string;
}

/** The path from one of the function's subnets (one ENI per subnet/AZ), or from the Lambda network. */
export interface SubnetPath {
  subnet?: NodeRef;
  az?: string;
  reachable: boolean;
  /** How the traffic leaves: inside the VPC, a gateway or interface endpoint, a NAT gateway, or the Lambda-managed network. */
  via: 'local' | 'gatewayEndpoint' | 'interfaceEndpoint' | 'nat' | 'lambdaNetwork' | 'internet' | 'none';
  natGateway?: NodeRef;
  hops: ReachHop[];
  brokenAt?: NodeRef;
  reason?: string;
  /** The NET rule that describes this break. */
  ruleId?: string;
  /** What the verdict takes for granted and the design cannot show: a security group rule to or from a
   *  managed prefix list, whose CIDR blocks are not known offline (see `securityGroupsAllow`). */
  assumes?: string[];
}

export interface Reachability {
  edge: string;
  from: NodeRef;
  to: NodeRef;
  destination: Destination;
  /** For AWS APIs: the endpoint service name (dynamodb, s3, secretsmanager …). */
  service?: string;
  port: number;
  reachable: Reach;
  /** The hops of the first working path, or of the first broken one. */
  hops: ReachHop[];
  brokenAt?: NodeRef;
  reason?: string;
  ruleId?: string;
  paths: SubnetPath[];
}

const ref = (n: DesignNode): NodeRef => ({ id: n.id, name: n.name, kind: n.kind });

const API_SERVICE: Partial<Record<DesignNode['kind'], string>> = {
  // Endpoint service names (com.amazonaws.<region>.<name>); Kinesis Data Streams' is kinesis-streams.
  dynamoTable: 'dynamodb', s3Bucket: 's3', sqsQueue: 'sqs', snsTopic: 'sns', eventBus: 'events', kinesisStream: 'kinesis-streams', stepFunction: 'states', lambda: 'lambda',
};
/** Subnets a function's VPC configuration takes at most (VpcConfig SubnetIds, "Maximum number of 16
 *  items": https://docs.aws.amazon.com/lambda/latest/dg/API_VpcConfig.html). */
export const MAX_FUNCTION_SUBNETS = 16;
const KAFKA_PORTS = { none: 9092, mtls: 9094, 'sasl-scram': 9096, iam: 9098 } as const;
const GATEWAY_SERVICES = ['s3', 'dynamodb'];

function classify(index: DesignIndex, edge: DesignEdge, target: DesignNode): { destination: Destination; service?: string; port: number } | undefined {
  const override = edge.kind === 'access' ? edge.props.port : null;
  switch (target.kind) {
    case 'rds': return { destination: 'vpcResource', port: override ?? target.props.port ?? RDS_DEFAULT_PORTS[target.props.engine] };
    case 'rdsProxy': {
      const db = target.props.target ? index.node(target.props.target) : undefined;
      return { destination: 'vpcResource', port: override ?? (db?.kind === 'rds' ? db.props.port ?? RDS_DEFAULT_PORTS[db.props.engine] : 5432) };
    }
    case 'elasticache': return { destination: 'vpcResource', port: override ?? target.props.port ?? ELASTICACHE_DEFAULT_PORTS[target.props.engine] };
    case 'kafka': return target.props.flavor === 'msk' || target.parent ? { destination: 'vpcResource', port: override ?? KAFKA_PORTS[target.props.auth] } : { destination: 'internet', port: override ?? KAFKA_PORTS[target.props.auth] };
    case 'externalEndpoint': return { destination: 'internet', port: override ?? target.props.port };
    case 'awsService': return { destination: 'awsApi', service: target.props.service, port: override ?? 443 };
    default: {
      const service = API_SERVICE[target.kind];
      return service ? { destination: 'awsApi', service, port: override ?? 443 } : undefined;
    }
  }
}

const subnetCidrs = (index: DesignIndex, ids: readonly string[]) => ids.map((id) => index.node(id)).filter((n): n is NodeOfKind<'subnet'> => n?.kind === 'subnet').map((n) => n.props.cidr);
const groupNames = (index: DesignIndex, ids: readonly string[]) => ids.map((id) => `"${index.node(id)?.name ?? id}"`).join(', ') || '(none)';
const placement = (n: DesignNode): { subnets: string[]; securityGroups: string[] } => {
  const p = n.props as { subnets?: string[]; securityGroups?: string[] };
  return { subnets: p.subnets ?? [], securityGroups: p.securityGroups ?? [] };
};

interface Ctx { index: DesignIndex; region: string; fn: NodeOfKind<'lambda'>; fnGroups: string[]; port: number }

const broken = (path: SubnetPath, at: DesignNode | undefined, reason: string, ruleId: string): SubnetPath =>
  ({ ...path, reachable: false, brokenAt: at && ref(at), reason, ruleId });

/** A verdict that rests on a prefix-list rule: the security-group hop that says so, and the path noting the assumption. */
function viaPrefixList(c: Ctx, path: SubnetPath, v: SgVerdict, direction: 'to' | 'from', covers: string, port = c.port): { path: SubnetPath; hop?: ReachHop } {
  if (!v.prefixList || !v.by) return { path };
  const group = c.index.node(v.by.group);
  const assumption = `prefix list ${v.prefixList} (in a rule of "${group?.name ?? v.by.group}") covers ${covers}: its CIDR blocks are not part of the design`;
  return {
    path: { ...path, assumes: [...(path.assumes ?? []), assumption] },
    hop: { kind: 'securityGroup', node: group && ref(group), detail: `"${group?.name ?? v.by.group}" allows ${v.by.rule?.protocol === '-1' ? 'all traffic' : `TCP ${port}`} ${direction} prefix list ${v.prefixList}, taken to cover ${covers} (a prefix list's CIDR blocks are not in the design)` },
  };
}

/** Network ACLs on a connection from the function's subnet to one of `peers` (each a block, and the
 *  subnet holding it when it is in the design): the function's ACL as the client, the peer subnet's
 *  as the server, both directions each (stateless). Traffic inside one subnet meets no ACL. The
 *  first peer both ACLs pass wins; when none does, the path breaks at the first ACL that blocked:
 *  NET-07 on the function's side, NET-06 on the target's. Undefined: no ACL blocks. */
function aclBreak(c: Ctx, fnSubnet: NodeOfKind<'subnet'>, path: SubnetPath, peers: readonly { cidr: string; subnet?: NodeOfKind<'subnet'> }[], what: string): SubnetPath | undefined {
  let first: SubnetPath | undefined;
  for (const peer of peers) {
    if (peer.subnet?.id === fnSubnet.id) return undefined;
    const mine = aclPassesConnection(fnSubnet, 'client', peer.cidr, c.port);
    const theirs = mine.allowed && peer.subnet ? aclPassesConnection(peer.subnet, 'server', fnSubnet.props.cidr, c.port) : { allowed: true as const };
    if (mine.allowed && theirs.allowed) return undefined;
    first ??= !mine.allowed
      ? broken(path, fnSubnet, `${mine.reason}, so "${c.fn.name}" cannot reach ${what}`, 'NET-07')
      : broken(path, peer.subnet, `${(theirs as { reason: string }).reason}, so "${c.fn.name}" cannot reach ${what}`, 'NET-06');
  }
  return first;
}

/** 0.0.0.0/0 → NAT gateway (public, with an EIP, in a subnet routed to an internet gateway) → IGW. */
function internetPath(c: Ctx, subnet: NodeOfKind<'subnet'>, path: SubnetPath, last: ReachHop, noRoute: { reason: string; ruleId: string }): SubnetPath {
  const { index } = c;
  const route = subnet.props.routeTable.defaultRoute ? index.node(subnet.props.routeTable.defaultRoute) : undefined;
  if (!route) return broken(path, subnet, noRoute.reason, noRoute.ruleId);
  if (route.kind === 'internetGateway') {
    return broken({ ...path, hops: [...path.hops, { kind: 'routeTable', node: ref(subnet), detail: `0.0.0.0/0 → internet gateway "${route.name}"` }] }, subnet,
      `subnet "${subnet.name}" is public (0.0.0.0/0 → internet gateway "${route.name}"), but a function's network interface gets no public IP, so nothing leaves this way: attach "${c.fn.name}" to private subnets whose default route is a NAT gateway`, 'NET-02');
  }
  if (route.kind !== 'natGateway') return broken(path, subnet, noRoute.reason, noRoute.ruleId);
  const hops: ReachHop[] = [...path.hops, { kind: 'routeTable', node: ref(subnet), detail: `0.0.0.0/0 → NAT gateway "${route.name}"` }];
  const natSubnet = route.parent ? index.node(route.parent) : undefined;
  const sameAz = natSubnet?.kind === 'subnet' && natSubnet.props.az === subnet.props.az;
  const withNat = { ...path, hops, natGateway: ref(route), via: 'nat' as const };
  if (route.props.connectivity === 'private') return broken(withNat, route, `NAT gateway "${route.name}" is private: it gives no path to the internet. Use a public NAT gateway in a public subnet`, 'NET-17');
  if (!route.props.elasticIp) return broken(withNat, route, `NAT gateway "${route.name}" has no Elastic IP: a public NAT gateway needs one`, 'NET-17');
  if (natSubnet?.kind !== 'subnet') return broken(withNat, route, `NAT gateway "${route.name}" is not placed in a subnet`, 'NET-17');
  const natRoute = natSubnet.props.routeTable.defaultRoute ? index.node(natSubnet.props.routeTable.defaultRoute) : undefined;
  hops.push({ kind: 'natGateway', node: ref(route), detail: `public NAT gateway in subnet "${natSubnet.name}" (${c.region}${natSubnet.props.az})${sameAz ? '' : `, another AZ than the function's ENI (${c.region}${subnet.props.az}): cross-AZ traffic, and this AZ loses internet access if that AZ fails`}` });
  if (natRoute?.kind !== 'internetGateway') {
    return broken(withNat, natSubnet, `NAT gateway "${route.name}" sits in subnet "${natSubnet.name}", which does not route 0.0.0.0/0 to an internet gateway: a public NAT gateway must be in a public subnet`, 'NET-17');
  }
  hops.push({ kind: 'internetGateway', node: ref(natRoute), detail: `subnet "${natSubnet.name}" routes 0.0.0.0/0 → internet gateway "${natRoute.name}"` });
  const acl = aclBreak(c, subnet, { ...withNat, hops }, [{ cidr: '0.0.0.0/0' }], `"${last.node?.name ?? 'the destination'}" over the internet`);
  if (acl) return acl;
  const egress = securityGroupsAllow(index, c.fnGroups, 'egress', c.port, INTERNET_PEER);
  if (!egress.allowed) return broken({ ...withNat, hops }, c.fn, `the security groups of "${c.fn.name}" (${groupNames(index, c.fnGroups)}) allow no outbound TCP ${c.port} to the internet`, 'NET-07');
  const listed = viaPrefixList(c, withNat, egress, 'to', `the address of "${last.node?.name ?? 'the destination'}"`);
  return { ...listed.path, hops: [...hops, ...(listed.hop ? [listed.hop] : []), last], reachable: true };
}

function toVpcResource(c: Ctx, subnet: NodeOfKind<'subnet'>, path: SubnetPath, target: DesignNode): SubnetPath {
  const { index } = c;
  const fnVpc = vpcOf(index, subnet);
  const targetVpc = vpcOf(index, target);
  if (!targetVpc || targetVpc !== fnVpc) {
    return broken(path, target, `"${target.name}" is in ${targetVpc ? `VPC "${targetVpc.name}"` : 'no VPC'}, "${c.fn.name}" in VPC "${fnVpc?.name}": attach the function to subnets of ${targetVpc ? `VPC "${targetVpc.name}"` : 'the VPC it lives in'}`, 'NET-10');
  }
  const hops: ReachHop[] = [...path.hops, { kind: 'routeTable', node: ref(subnet), detail: `local route within VPC "${fnVpc.name}" (${fnVpc.props.cidr})` }];
  const place = placement(target);
  const targetSubnets = place.subnets.map((id) => index.node(id)).filter((n): n is NodeOfKind<'subnet'> => n?.kind === 'subnet');
  const acl = aclBreak(c, subnet, { ...path, hops, via: 'local' }, targetSubnets.length ? targetSubnets.map((s) => ({ cidr: s.props.cidr, subnet: s })) : [{ cidr: fnVpc.props.cidr }], `"${target.name}"`);
  if (acl) return acl;
  const egress = securityGroupsAllow(index, c.fnGroups, 'egress', c.port, { securityGroups: place.securityGroups, cidrs: subnetCidrs(index, place.subnets) });
  if (!egress.allowed) return broken({ ...path, hops, via: 'local' }, c.fn, `the security groups of "${c.fn.name}" (${groupNames(index, c.fnGroups)}) allow no outbound TCP ${c.port} to "${target.name}"`, 'NET-07');
  const out = viaPrefixList(c, path, egress, 'to', `"${target.name}"`);
  hops.push(out.hop ?? { kind: 'securityGroup', node: egress.by && ref(index.node(egress.by.group)!), detail: egress.by?.defaultEgress ? 'function egress: default allow-all' : `function egress allows TCP ${c.port}` });
  const ingress = securityGroupsAllow(index, place.securityGroups, 'ingress', c.port, { securityGroups: c.fnGroups, cidrs: [subnet.props.cidr] });
  if (!ingress.allowed) {
    const sg = place.securityGroups.length ? index.node(place.securityGroups[0]) : target;
    return broken({ ...out.path, hops, via: 'local' }, sg, `the security group${place.securityGroups.length === 1 ? '' : 's'} of "${target.name}" (${groupNames(index, place.securityGroups)}) admit${place.securityGroups.length === 1 ? 's' : ''} no TCP ${c.port} from "${c.fn.name}"'s group${c.fnGroups.length === 1 ? '' : 's'} (${groupNames(index, c.fnGroups)}) or from subnet "${subnet.name}" (${subnet.props.cidr})`, 'NET-06');
  }
  const into = viaPrefixList(c, out.path, ingress, 'from', `the address of "${c.fn.name}"'s network interface in subnet "${subnet.name}" (${subnet.props.cidr})`);
  hops.push(into.hop ?? { kind: 'securityGroup', node: ref(index.node(ingress.by!.group)!), detail: `admits TCP ${c.port} from ${ingress.by?.rule ? rulePeerText(index, ingress.by.rule) : 'anywhere'}` });
  if (target.kind === 'rdsProxy' && target.props.target) {
    const db = index.node(target.props.target);
    if (db?.kind === 'rds') {
      hops.push({ kind: 'rdsProxy', node: ref(target), detail: `RDS Proxy pools connections to "${db.name}"` });
      if (vpcOf(index, db) !== targetVpc) return broken({ ...into.path, hops, via: 'local' }, target, `RDS Proxy "${target.name}" must be in the same VPC as its database "${db.name}"`, 'NET-12');
      const dbPort = db.props.port ?? RDS_DEFAULT_PORTS[db.props.engine];
      const dbPlace = placement(db);
      const dbIngress = securityGroupsAllow(index, dbPlace.securityGroups, 'ingress', dbPort, { securityGroups: place.securityGroups, cidrs: subnetCidrs(index, place.subnets) });
      if (!dbIngress.allowed) {
        return broken({ ...into.path, hops, via: 'local' }, dbPlace.securityGroups.length ? index.node(dbPlace.securityGroups[0]) : db,
          `the security groups of "${db.name}" (${groupNames(index, dbPlace.securityGroups)}) admit no TCP ${dbPort} from RDS Proxy "${target.name}" (${groupNames(index, place.securityGroups)})`, 'NET-06');
      }
      const proxied = viaPrefixList(c, into.path, dbIngress, 'from', `the addresses of RDS Proxy "${target.name}"`, dbPort);
      return { ...proxied.path, hops: [...hops, ...(proxied.hop ? [proxied.hop] : []), { kind: 'target', node: ref(db), detail: `database on TCP ${dbPort}` }], via: 'local', reachable: true };
    }
  }
  return { ...into.path, hops: [...hops, { kind: 'target', node: ref(target), detail: `TCP ${c.port}` }], via: 'local', reachable: true };
}

function toAwsApi(c: Ctx, subnet: NodeOfKind<'subnet'>, path: SubnetPath, target: DesignNode, service: string): SubnetPath {
  const { index } = c;
  const vpc = vpcOf(index, subnet);
  const last: ReachHop = { kind: 'awsApi', node: ref(target), detail: `${service} API over HTTPS` };
  if (GATEWAY_SERVICES.includes(service)) {
    const gw = subnet.props.routeTable.gatewayEndpoints.map((id) => index.node(id)).find((n) => n?.kind === 'vpcEndpoint' && n.props.endpointType === 'gateway' && n.props.service === service);
    if (gw) {
      const hops: ReachHop[] = [...path.hops, { kind: 'gatewayEndpoint', node: ref(gw), detail: `route table of "${subnet.name}" sends the ${service} prefix list to gateway endpoint "${gw.name}"` }];
      // The service's public addresses (its prefix list) are not in the design: only rules for 0.0.0.0/0 are known to cover them.
      const acl = aclBreak(c, subnet, { ...path, hops, via: 'gatewayEndpoint' }, [{ cidr: '0.0.0.0/0' }], `the ${service} API through gateway endpoint "${gw.name}"`);
      if (acl) return acl;
      const egress = securityGroupsAllow(index, c.fnGroups, 'egress', 443, INTERNET_PEER);
      if (!egress.allowed) return broken({ ...path, hops, via: 'gatewayEndpoint' }, c.fn, `the security groups of "${c.fn.name}" (${groupNames(index, c.fnGroups)}) allow no outbound HTTPS (443) to the ${service} prefix list`, 'NET-07');
      // The documented egress rule for a gateway endpoint names the service's AWS-managed prefix list (com.amazonaws.<region>.<service>).
      const out = viaPrefixList(c, path, egress, 'to', `the ${service} addresses gateway endpoint "${gw.name}" routes, AWS's list com.amazonaws.${c.region}.${service}`, 443);
      return { ...out.path, hops: [...hops, ...(out.hop ? [out.hop] : []), last], via: 'gatewayEndpoint', reachable: true };
    }
  }
  const endpoints = vpc ? index.childrenOfKind(vpc.id, 'vpcEndpoint').filter((n) => n.props.endpointType === 'interface' && n.props.service === service) : [];
  let dnsNote: string | undefined;
  for (const ep of endpoints) {
    const missing = [!ep.props.privateDnsEnabled && 'private DNS on the endpoint', !vpc!.props.enableDnsSupport && 'DNS support on the VPC', !vpc!.props.enableDnsHostnames && 'DNS hostnames on the VPC'].filter(Boolean);
    if (missing.length) {
      dnsNote = `interface endpoint "${ep.name}" is not used: the default ${service} hostname resolves to it only with ${missing.join(' and ')}`;
      continue;
    }
    const hops: ReachHop[] = [...path.hops, { kind: 'interfaceEndpoint', node: ref(ep), detail: `private DNS resolves ${service} to interface endpoint "${ep.name}"` }];
    const epSubnets = ep.props.subnets.map((id) => index.node(id)).filter((n): n is NodeOfKind<'subnet'> => n?.kind === 'subnet');
    const acl = aclBreak({ ...c, port: 443 }, subnet, { ...path, hops, via: 'interfaceEndpoint' }, epSubnets.length ? epSubnets.map((s) => ({ cidr: s.props.cidr, subnet: s })) : [{ cidr: vpc!.props.cidr }], `interface endpoint "${ep.name}"`);
    if (acl) return acl;
    const egress = securityGroupsAllow(index, c.fnGroups, 'egress', 443, { securityGroups: ep.props.securityGroups, cidrs: subnetCidrs(index, ep.props.subnets) });
    if (!egress.allowed) return broken({ ...path, hops, via: 'interfaceEndpoint' }, c.fn, `the security groups of "${c.fn.name}" (${groupNames(index, c.fnGroups)}) allow no outbound HTTPS (443) to interface endpoint "${ep.name}"`, 'NET-07');
    const ingress = securityGroupsAllow(index, ep.props.securityGroups, 'ingress', 443, { securityGroups: c.fnGroups, cidrs: [subnet.props.cidr] });
    const out = viaPrefixList(c, path, egress, 'to', `the addresses of interface endpoint "${ep.name}"`, 443);
    if (out.hop) hops.push(out.hop);
    if (!ingress.allowed) {
      return broken({ ...out.path, hops, via: 'interfaceEndpoint' }, ep, `the security groups of interface endpoint "${ep.name}" (${groupNames(index, ep.props.securityGroups)}) admit no HTTPS (443) from "${c.fn.name}" or from subnet "${subnet.name}" (${subnet.props.cidr})`, 'NET-05');
    }
    const into = viaPrefixList(c, out.path, ingress, 'from', `the address of "${c.fn.name}"'s network interface in subnet "${subnet.name}" (${subnet.props.cidr})`, 443);
    return { ...into.path, hops: [...hops, ...(into.hop ? [into.hop] : []), last], via: 'interfaceEndpoint', reachable: true };
  }
  const unrouted = GATEWAY_SERVICES.includes(service) && vpc
    ? index.childrenOfKind(vpc.id, 'vpcEndpoint').find((n) => n.props.endpointType === 'gateway' && n.props.service === service)
    : undefined;
  const viaNat = internetPath(c, subnet, path, last, unrouted ? {
    reason: `gateway endpoint "${unrouted.name}" for ${service} is not on the route table of subnet "${subnet.name}", which has no NAT route either: add the endpoint to that route table`,
    ruleId: 'NET-04',
  } : {
    reason: `subnet "${subnet.name}" routes 0.0.0.0/0 nowhere: add a NAT gateway route or a VPC endpoint for ${service}${dnsNote ? ` (${dnsNote})` : ''}`,
    ruleId: dnsNote ? 'NET-05' : 'NET-03',
  });
  return !viaNat.reachable && dnsNote && viaNat.ruleId === 'NET-03' ? { ...viaNat, ruleId: 'NET-05' } : viaNat;
}

/** The network path of one access (or invoke) edge from a function, hop by hop, per subnet/AZ.
 *  Undefined for edges that need no network path (triggers never do: NET-14). */
export function reachEdge(index: DesignIndex, edge: DesignEdge): Reachability | undefined {
  if (edge.kind !== 'access' && edge.kind !== 'invoke') return undefined;
  const fn = index.node(edge.from);
  const target = index.node(edge.to);
  if (fn?.kind !== 'lambda' || !target) return undefined;
  const kind = classify(index, edge, target);
  if (!kind) return undefined;
  const base = { edge: edge.id, from: ref(fn), to: ref(target), ...kind };
  const region = index.design.region;

  if (!fn.props.vpc) {
    if (kind.destination === 'vpcResource') {
      const vpc = vpcOf(index, target);
      const reason = `"${fn.name}" is not attached to a VPC, so it cannot reach "${target.name}"${vpc ? `, which lives in VPC "${vpc.name}"` : ''}: attach it to subnets of that VPC with a security group the target admits`;
      const path: SubnetPath = { reachable: false, via: 'none', hops: [{ kind: 'lambdaNetwork', detail: 'Lambda-managed network: AWS APIs and the internet only' }], brokenAt: ref(fn), reason, ruleId: 'NET-10' };
      return { ...base, reachable: 'no', hops: path.hops, brokenAt: path.brokenAt, reason, ruleId: 'NET-10', paths: [path] };
    }
    const hops: ReachHop[] = [
      { kind: 'lambdaNetwork', detail: 'not attached to a VPC: the Lambda-managed network reaches AWS APIs and the internet' },
      kind.destination === 'awsApi' ? { kind: 'awsApi', node: ref(target), detail: `${kind.service} API over HTTPS` } : { kind: 'internet', node: ref(target), detail: `TCP ${kind.port} over the internet` },
    ];
    return { ...base, reachable: 'yes', hops, paths: [{ reachable: true, via: 'lambdaNetwork', hops }] };
  }

  const c: Ctx = { index, region, fn, fnGroups: fn.props.vpc.securityGroups, port: kind.port };
  // One ENI per distinct subnet, and at most Lambda's 16: a function listing 10,000 subnets is not
  // traced 10,000 times for each of its edges (issue 13).
  const subnetIds = [...new Set(fn.props.vpc.subnets)];
  const paths = subnetIds.slice(0, MAX_FUNCTION_SUBNETS).map((subnetId): SubnetPath => {
    const subnet = index.node(subnetId);
    if (subnet?.kind !== 'subnet') return { reachable: false, via: 'none', hops: [], reason: `"${fn.name}" is attached to "${subnetId}", which is not a subnet of this design` };
    const vpc = vpcOf(index, subnet);
    const path: SubnetPath = { subnet: ref(subnet), az: `${region}${subnet.props.az}`, reachable: false, via: 'none', hops: [{ kind: 'eni', node: ref(subnet), detail: `function ENI in subnet "${subnet.name}" (${region}${subnet.props.az}, ${subnet.props.cidr})` }] };
    if (vpc?.props.tenancy === 'dedicated') return broken(path, vpc, `VPC "${vpc.name}" has dedicated instance tenancy: Lambda functions cannot connect to it`, 'NET-15');
    if (kind.destination === 'vpcResource') return toVpcResource(c, subnet, path, target);
    if (kind.destination === 'awsApi') return toAwsApi(c, subnet, path, target, kind.service!);
    return internetPath(c, subnet, path, { kind: 'internet', node: ref(target), detail: `TCP ${kind.port} over the internet` }, {
      reason: `subnet "${subnet.name}" routes 0.0.0.0/0 nowhere: "${fn.name}" cannot reach the internet; add a route to a NAT gateway in a public subnet`, ruleId: 'NET-01',
    });
  });
  if (subnetIds.length > MAX_FUNCTION_SUBNETS) {
    paths.push({ reachable: false, via: 'none', hops: [], reason: `"${fn.name}" is attached to ${subnetIds.length} subnets; Lambda takes at most ${MAX_FUNCTION_SUBNETS} per function, so it cannot be deployed (only the first ${MAX_FUNCTION_SUBNETS} are traced here)` });
  }
  const ok = paths.filter((p) => p.reachable);
  const firstBroken = paths.find((p) => !p.reachable);
  const reachable: Reach = paths.length && ok.length === paths.length ? 'yes' : ok.length ? 'partial' : 'no';
  const reason = firstBroken && (reachable === 'partial'
    ? `works from ${ok.map((p) => `"${p.subnet?.name}" (${p.az})`).join(', ')} but not from "${firstBroken.subnet?.name}" (${firstBroken.az}): ${firstBroken.reason}`
    : firstBroken.reason);
  return { ...base, reachable, hops: (ok[0] ?? firstBroken ?? { hops: [] }).hops, ...(firstBroken ? { brokenAt: firstBroken.brokenAt, reason, ruleId: firstBroken.ruleId } : {}), paths };
}

/** Reachability of every access/invoke edge from a function, in design order. */
export function analyzeReachability(input: Design): Reachability[] {
  const design = withoutRefusedEdges(boundedForAnalysis(input));
  const index = indexDesign(design);
  return design.edges.map((e) => reachEdge(index, e)).filter((r): r is Reachability => r !== undefined);
}

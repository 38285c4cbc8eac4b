import { ELASTICACHE_DEFAULT_PORTS } from '../../model/kinds/elasticache';
import { RDS_DEFAULT_PORTS } from '../../model/kinds/rds';
import { PREFIX_LIST_ID } from '../../model/kinds/securityGroup';
import { AZ_SUFFIXES } from '../../model/kinds/subnet';
import type { ImportContext, TemplateResource } from './context';
import { describe } from './functions';
import { asBoolean, asNumber, asString, isObject, type Raw, referencedResources } from './resolve';
import { readTable } from './tables';

/** The VPC and what lives in it: nodes first, then routes, attachments, rules and subnet groups. */

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const refsOf = (ctx: ImportContext, v: unknown) => [...referencedResources(v, ctx.rawResources)];

export function vpc(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'vpc', readTable(ctx, res));
}

/** "us-east-1b" or the resolved `!Select [1, !GetAZs '']` → "b". */
function azLetter(v: unknown): string | undefined {
  const s = asString(v);
  const letter = s?.match(/\d([a-f])$/)?.[1] ?? (s && /^[a-f]$/.test(s) ? s : undefined);
  return letter && (AZ_SUFFIXES as readonly string[]).includes(letter) ? letter : undefined;
}

export function subnet(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const { az: _az, ...props } = readTable(ctx, { ...res, props: { ...res.allProps, AvailabilityZone: undefined } });
  const az = azLetter(p.AvailabilityZone);
  if (az) props.az = az;
  else if (p.AvailabilityZone !== undefined) ctx.partial(res.logicalId, `AvailabilityZone could not be resolved to a zone letter (${describe(p.AvailabilityZone)}); zone a is shown`);
  ctx.addNode(res.logicalId, 'subnet', props, { parentRef: { value: p.VpcId, kinds: ['vpc'], property: 'VpcId', missing: 'the subnet is shown on its own' } });
}

export function internetGateway(ctx: ImportContext, res: TemplateResource): void {
  ctx.addNode(res.logicalId, 'internetGateway', {});
}

export function natGateway(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const props = readTable(ctx, res);
  if (props.connectivity === 'private') props.elasticIp = false;
  ctx.addNode(res.logicalId, 'natGateway', props, { parentRef: { value: p.SubnetId, kinds: ['subnet'], property: 'SubnetId', missing: 'the NAT gateway is shown on its own' } });
  for (const eip of refsOf(ctx, p.AllocationId)) if (ctx.resources.get(eip)?.type === 'AWS::EC2::EIP') ctx.note(eip, `folded into NAT gateway ${res.logicalId} (its Elastic IP)`);
}

export function eip(ctx: ImportContext, res: TemplateResource): void {
  const used = [...ctx.resources.values()].some((r) => r.type === 'AWS::EC2::NatGateway' && referencedResources(r.props.AllocationId, ctx.rawResources).has(res.logicalId));
  if (!used) ctx.skip(res.logicalId, 'an Elastic IP that no NAT gateway of this template uses: the model keeps Elastic IPs on NAT gateways only');
}

const ENDPOINT_SERVICE = /^(?:com\.amazonaws\.(?:[a-z0-9-]+\.)?)?(?:[a-z]{2}(?:-gov)?-[a-z]+-\d\.)?([a-z0-9][a-z0-9.-]*)$/;

export function vpcEndpoint(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  // CloudFormation's default endpoint type is Gateway, and PrivateDnsEnabled defaults to false:
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html
  const type = asString(p.VpcEndpointType) ?? 'Gateway';
  if (type !== 'Interface' && type !== 'Gateway') ctx.partial(res.logicalId, `VpcEndpointType ${type}: the model has gateway and interface endpoints only; shown as a gateway endpoint`);
  const name = asString(p.ServiceName);
  const service = name?.replace(new RegExp(`^com\\.amazonaws\\.${ctx.region}\\.`), '').match(ENDPOINT_SERVICE)?.[1];
  // PrivateDnsEnabled applies to interface endpoints only (a gateway endpoint keeps the model's value).
  const props = readTable(ctx, { ...res, props: { ...res.allProps, ServiceName: undefined, VpcEndpointType: undefined } }, type === 'Interface' ? { endpointType: 'interface', privateDnsEnabled: false } : { endpointType: 'gateway' });
  if (service) props.service = service;
  else ctx.partial(res.logicalId, `ServiceName could not be resolved (${describe(p.ServiceName)})`);
  ctx.addNode(res.logicalId, 'vpcEndpoint', props, { parentRef: { value: p.VpcId, kinds: ['vpc'], property: 'VpcId', missing: 'the endpoint is shown on its own' } });
}

function protocolOf(v: unknown): string | undefined {
  const s = asString(v)?.toLowerCase();
  if (s === '6') return 'tcp';
  if (s === '17') return 'udp';
  if (s === '1') return 'icmp';
  if (s === 'all' || s === '-1') return '-1';
  return s === 'tcp' || s === 'udp' || s === 'icmp' ? s : undefined;
}

/** One ingress/egress rule (inline or standalone) → the model's rule, or a reason it could not be. */
function ruleOf(ctx: ImportContext, r: Raw, direction: 'ingress' | 'egress'): Raw | string {
  const protocol = protocolOf(r.IpProtocol);
  if (!protocol) return `protocol ${describe(r.IpProtocol)} is not tcp, udp, icmp or -1`;
  const all = protocol === '-1';
  const from = all ? -1 : asNumber(r.FromPort) ?? endpointPort(ctx, r.FromPort);
  const to = all ? -1 : asNumber(r.ToPort) ?? endpointPort(ctx, r.ToPort);
  if (from === undefined || to === undefined) return `ports could not be resolved (${describe(r.FromPort)}–${describe(r.ToPort)})`;
  const rule: Raw = { protocol, fromPort: from, toPort: to };
  if (typeof r.Description === 'string') rule.description = r.Description;
  const cidr = asString(r.CidrIp);
  const peerRef = direction === 'ingress' ? r.SourceSecurityGroupId : r.DestinationSecurityGroupId;
  if (cidr) rule.cidr = cidr;
  else if (peerRef !== undefined) {
    const peer = ctx.nodeOf(peerRef, ['securityGroup']);
    if (!peer) return `its peer security group is not in this template (${describe(peerRef)})`;
    rule.securityGroup = peer;
  } else if (r.CidrIpv6 !== undefined) return 'IPv6 rules: the model has IPv4 CIDR blocks only';
  else if (r.SourcePrefixListId !== undefined || r.DestinationPrefixListId !== undefined) {
    const list = asString(direction === 'ingress' ? r.SourcePrefixListId : r.DestinationPrefixListId);
    if (!list || !PREFIX_LIST_ID.test(list)) return `its prefix list is not a literal pl- id (${describe(direction === 'ingress' ? r.SourcePrefixListId : r.DestinationPrefixListId)})`;
    rule.prefixList = list;
  }
  else return 'it names no peer the model can show';
  return rule;
}

export function securityGroup(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const { ingress: _i, egress: _e, ...props } = readTable(ctx, res);
  // GroupDescription is required: exporters (and the CDK) write the group's name when it has none.
  const name = ctx.names.get(res.logicalId) ?? res.logicalId;
  const path = isObject(res.raw.Metadata) ? res.raw.Metadata['aws:cdk:path'] : undefined;
  if (props.description === name || (typeof path === 'string' && typeof props.description === 'string' && path.startsWith(props.description))) props.description = '';
  ctx.addNode(res.logicalId, 'securityGroup', props, { parentRef: { value: p.VpcId, kinds: ['vpc'], property: 'VpcId', missing: 'the group is shown on its own' } });
}

/** Inline rules need every group to exist first (peers), so they are read in the wiring phase. */
export function securityGroupRules(ctx: ImportContext, res: TemplateResource): void {
  const node = ctx.draft(res.logicalId);
  if (!node) return;
  for (const direction of ['ingress', 'egress'] as const) {
    const key = direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress';
    if (res.props[key] === undefined) continue;
    const rules: Raw[] = [];
    list(res.props[key]).forEach((r, i) => {
      if (!isObject(r)) return;
      // The rule that matches nothing (icmp 252-86 to 255.255.255.255/32, as the CDK writes it) says "no egress".
      if (direction === 'egress' && r.CidrIp === '255.255.255.255/32' && asNumber(r.FromPort) === 252 && asNumber(r.ToPort) === 86) return;
      const rule = ruleOf(ctx, r, direction);
      if (typeof rule === 'string') ctx.partial(res.logicalId, `${key}[${i}] was left out: ${rule}`);
      else rules.push(rule);
    });
    node.props[direction] = [...((node.props[direction] as Raw[] | null | undefined) ?? []), ...rules];
  }
}

/** Once standalone rules have joined their groups: one rule allowing all traffic to 0.0.0.0/0 is AWS's
 *  default egress, which the model says as null. */
export function defaultEgress(ctx: ImportContext, res: TemplateResource): void {
  const node = ctx.draft(res.logicalId);
  const egress = node?.props.egress as Raw[] | null | undefined;
  if (node && egress?.length === 1 && egress[0].protocol === '-1' && egress[0].cidr === '0.0.0.0/0') node.props.egress = null;
}

/** `!GetAtt Db.Endpoint.Port` (the CDK's allowDefaultPortFrom): the port of that database, proxy or cache. */
function endpointPort(ctx: ImportContext, value: unknown): number | undefined {
  const ga = isObject(value) ? value['Fn::GetAtt'] : undefined;
  if (!Array.isArray(ga) || !String(ga[1]).endsWith('Port')) return undefined;
  const node = ctx.draft(ctx.nodesOf(value)[0]);
  const port = (p: Raw | undefined, depth = 0): number | undefined => {
    if (!p) return undefined;
    if (typeof p.port === 'number') return p.port;
    if (typeof p.engine === 'string') return (RDS_DEFAULT_PORTS as Record<string, number>)[p.engine] ?? (ELASTICACHE_DEFAULT_PORTS as Record<string, number>)[p.engine];
    if (typeof p.target === 'string' && depth < 3) return port(ctx.draft(p.target)?.props, depth + 1);
    return undefined;
  };
  if (node?.kind === 'rds' || node?.kind === 'elasticache') return port({ engine: node.kind === 'rds' ? 'postgres' : 'valkey', ...node.props });
  if (node?.kind === 'rdsProxy') return port(node.props);
  return undefined;
}

/** AWS::EC2::SecurityGroupIngress / Egress → a rule of the group it names. */
export function standaloneRule(ctx: ImportContext, res: TemplateResource): void {
  const direction = res.type === 'AWS::EC2::SecurityGroupIngress' ? 'ingress' : 'egress';
  const group = ctx.nodeOf(res.props.GroupId, ['securityGroup']);
  if (!group) { ctx.skip(res.logicalId, `GroupId names no security group of this template (${describe(res.props.GroupId)})`); return; }
  const rule = ruleOf(ctx, res.props, direction);
  if (typeof rule === 'string') { ctx.skip(res.logicalId, `the rule could not be shown: ${rule}`); return; }
  const node = ctx.draft(group)!;
  node.props[direction] = [...((node.props[direction] as Raw[] | null | undefined) ?? []), rule];
  ctx.note(res.logicalId, `folded into security group ${group} (${direction} rule)`);
}

/** Route tables stand for the subnets associated with them; routes and gateway endpoints land on those subnets. */
export function routeTables(ctx: ImportContext): void {
  const assoc = new Map<string, string[]>();
  for (const r of ctx.resources.values()) {
    if (r.type !== 'AWS::EC2::SubnetRouteTableAssociation') continue;
    const table = refsOf(ctx, r.props.RouteTableId)[0];
    const subnet = ctx.nodeOf(r.props.SubnetId, ['subnet']);
    if (!table || !subnet) { ctx.skip(r.logicalId, `names a route table or subnet that is not in this template (${describe(r.props.RouteTableId)}, ${describe(r.props.SubnetId)})`); continue; }
    assoc.set(table, [...(assoc.get(table) ?? []), subnet]);
    ctx.note(r.logicalId, `folded into subnet ${subnet} (its route table is ${table})`);
  }
  for (const r of ctx.resources.values()) {
    if (r.type !== 'AWS::EC2::RouteTable') continue;
    const subnets = assoc.get(r.logicalId) ?? [];
    if (!subnets.length) { ctx.skip(r.logicalId, 'a route table no subnet of this template uses: the model keeps routes on subnets'); continue; }
    // One table, several subnets: the first holds the routes, the others share its table (routeTableOf).
    const [owner, ...sharing] = subnets;
    ctx.aliases.set(r.logicalId, [owner]);
    for (const s of sharing) ctx.draft(s)!.props.routeTableOf = owner;
    ctx.note(r.logicalId, `folded into subnet ${owner}${sharing.length ? `, whose route table ${sharing.join(', ')} share${sharing.length === 1 ? 's' : ''}` : ''}`);
  }
}

/** Network ACLs stand for the subnets associated with them; each entry becomes a rule on each of
 *  those subnets (the model keeps a subnet's ACL on the subnet). An ACL no subnet uses is left out. */
export function networkAcls(ctx: ImportContext): void {
  const assoc = new Map<string, string[]>();
  for (const r of ctx.resources.values()) {
    if (r.type !== 'AWS::EC2::SubnetNetworkAclAssociation') continue;
    const acl = refsOf(ctx, r.props.NetworkAclId)[0];
    const subnet = ctx.nodeOf(r.props.SubnetId, ['subnet']);
    if (!acl || !subnet) { ctx.skip(r.logicalId, `names a network ACL or subnet that is not in this template (${describe(r.props.NetworkAclId)}, ${describe(r.props.SubnetId)})`); continue; }
    assoc.set(acl, [...(assoc.get(acl) ?? []), subnet]);
    const draft = ctx.draft(subnet)!;
    if (!isObject(draft.props.networkAcl)) draft.props.networkAcl = { ingress: [], egress: [] };
    ctx.note(r.logicalId, `folded into subnet ${subnet} (its network ACL is ${acl})`);
  }
  const protocols: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '-1': '-1' };
  for (const r of ctx.resources.values()) {
    if (r.type === 'AWS::EC2::NetworkAcl') {
      const subnets = assoc.get(r.logicalId) ?? [];
      if (subnets.length) ctx.note(r.logicalId, `folded into subnet${subnets.length > 1 ? 's' : ''} ${subnets.join(', ')}`);
      else ctx.skip(r.logicalId, 'a network ACL no subnet of this template uses');
      continue;
    }
    if (r.type !== 'AWS::EC2::NetworkAclEntry') continue;
    const p = r.props;
    const subnets = assoc.get(refsOf(ctx, p.NetworkAclId)[0] ?? '') ?? [];
    if (!subnets.length) { ctx.skip(r.logicalId, `NetworkAclId names no network ACL with subnets in this template (${describe(p.NetworkAclId)})`); continue; }
    const protocol = protocols[String(asString(p.Protocol) ?? '')];
    const cidr = asString(p.CidrBlock);
    const ruleNumber = asNumber(p.RuleNumber);
    const action = asString(p.RuleAction);
    if (!protocol || !cidr || ruleNumber === undefined || (action !== 'allow' && action !== 'deny')) { ctx.skip(r.logicalId, `an entry the model cannot show (protocol ${describe(p.Protocol)}, CIDR ${describe(p.CidrBlock ?? p.Ipv6CidrBlock)})`); continue; }
    const range = isObject(p.PortRange) ? p.PortRange : {};
    const rule: Raw = { ruleNumber, protocol, cidr, action, ...(protocol === 'tcp' || protocol === 'udp' ? { fromPort: asNumber(range.From) ?? 0, toPort: asNumber(range.To) ?? 65535 } : {}) };
    const direction = asBoolean(p.Egress) ? 'egress' : 'ingress';
    for (const s of subnets) {
      const acl = ctx.draft(s)!.props.networkAcl as Record<'ingress' | 'egress', Raw[]>;
      acl[direction] = [...acl[direction], rule];
    }
    ctx.note(r.logicalId, `${direction} rule ${ruleNumber} of subnet${subnets.length > 1 ? 's' : ''} ${subnets.join(', ')}`);
  }
}

export function route(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  const subnets = ctx.aliases.get(refsOf(ctx, p.RouteTableId)[0] ?? '') ?? [];
  if (!subnets.length) { ctx.skip(res.logicalId, `RouteTableId names no route table with subnets in this template (${describe(p.RouteTableId)})`); return; }
  const cidr = asString(p.DestinationCidrBlock);
  if (cidr !== '0.0.0.0/0') { ctx.skip(res.logicalId, `a route to ${cidr ?? describe(p.DestinationCidrBlock ?? p.DestinationIpv6CidrBlock)}: the model keeps the default route (0.0.0.0/0) only`); return; }
  const target = ctx.nodeOf(p.GatewayId, ['internetGateway']) ?? ctx.nodeOf(p.NatGatewayId, ['natGateway']);
  if (!target) { ctx.skip(res.logicalId, `its target is not an internet or NAT gateway of this template (${describe(p.GatewayId ?? p.NatGatewayId ?? p.TransitGatewayId ?? p.VpcPeeringConnectionId)})`); return; }
  for (const s of subnets) {
    const node = ctx.draft(s)!;
    node.props.routeTable = { ...(isObject(node.props.routeTable) ? node.props.routeTable : {}), defaultRoute: target };
  }
  ctx.note(res.logicalId, `default route of ${subnets.join(', ')} → ${target}`);
}

export function gatewayAttachment(ctx: ImportContext, res: TemplateResource): void {
  const igw = ctx.nodeOf(res.props.InternetGatewayId, ['internetGateway']);
  const v = ctx.nodeOf(res.props.VpcId, ['vpc']);
  if (!igw || !v) { ctx.skip(res.logicalId, res.props.VpnGatewayId !== undefined ? 'a VPN gateway attachment: the model has no VPN gateways' : 'names an internet gateway or VPC not in this template'); return; }
  ctx.draft(igw)!.parent = v;
  ctx.note(res.logicalId, `folded into internet gateway ${igw} (attached to ${v})`);
}

/** Endpoint subnets, security groups and (gateway) route tables, once subnets know their tables. */
export function vpcEndpointLinks(ctx: ImportContext, res: TemplateResource): void {
  const node = ctx.draft(res.logicalId);
  if (!node) return;
  const subnets = list(res.props.SubnetIds).flatMap((s) => ctx.nodesOf(s)).filter((n) => ctx.draft(n)?.kind === 'subnet');
  const groups = list(res.props.SecurityGroupIds).flatMap((s) => ctx.nodesOf(s)).filter((n) => ctx.draft(n)?.kind === 'securityGroup');
  if (subnets.length) node.props.subnets = subnets;
  if (groups.length) node.props.securityGroups = groups;
  for (const table of list(res.props.RouteTableIds)) {
    for (const s of ctx.nodesOf(table)) {
      const sn = ctx.draft(s);
      if (sn?.kind !== 'subnet') continue;
      const rt = isObject(sn.props.routeTable) ? sn.props.routeTable : {};
      sn.props.routeTable = { ...rt, gatewayEndpoints: [...new Set([...((rt.gatewayEndpoints as string[] | undefined) ?? []), res.logicalId])] };
    }
  }
}

/** Subnet groups stand for their subnets. */
export function subnetGroup(ctx: ImportContext, res: TemplateResource): void {
  const subnets = list(res.props.SubnetIds).flatMap((s) => ctx.nodesOf(s)).filter((n) => ctx.draft(n)?.kind === 'subnet');
  if (!subnets.length) { ctx.skip(res.logicalId, `its subnets are not in this template (${describe(res.props.SubnetIds)})`); return; }
  ctx.aliases.set(res.logicalId, subnets);
  ctx.note(res.logicalId, `stands for subnets ${subnets.join(', ')}`);
}

export function database(ctx: ImportContext, res: TemplateResource): void {
  const p = res.props;
  // An instance of an Aurora cluster is part of the cluster's node.
  if (res.type === 'AWS::RDS::DBInstance' && p.DBClusterIdentifier !== undefined) {
    const cluster = refsOf(ctx, p.DBClusterIdentifier)[0];
    if (cluster && ctx.resources.get(cluster)?.type === 'AWS::RDS::DBCluster') {
      ctx.aliases.set(res.logicalId, [cluster]);
      const cls = asString(p.DBInstanceClass);
      if (cls && ctx.draft(cluster)) ctx.draft(cluster)!.props.instanceClass = cls;
      ctx.note(res.logicalId, `folded into cluster ${cluster} (an instance of it)`);
      return;
    }
  }
  const props = readTable(ctx, res);
  if (res.type === 'AWS::RDS::DBCluster' && asString(p.DBClusterInstanceClass)) props.instanceClass = asString(p.DBClusterInstanceClass);
  ctx.addNode(res.logicalId, 'rds', props);
  if (res.type === 'AWS::RDS::DBCluster' && isObject(p.ServerlessV2ScalingConfiguration)) ctx.note(res.logicalId, 'Aurora Serverless v2 capacity is not in the model; shown as provisioned instances');
}

export function rdsProxy(ctx: ImportContext, res: TemplateResource): void {
  // RequireTLS: CloudFormation's default is false, the model's true.
  const props = readTable(ctx, res, { requireTls: false });
  ctx.addNode(res.logicalId, 'rdsProxy', props);
}

export function proxyTargetGroup(ctx: ImportContext, res: TemplateResource): void {
  const proxy = ctx.nodeOf(res.props.DBProxyName, ['rdsProxy']);
  if (!proxy) { ctx.skip(res.logicalId, `DBProxyName names no proxy of this template (${describe(res.props.DBProxyName)})`); return; }
  const target = [...list(res.props.DBInstanceIdentifiers), ...list(res.props.DBClusterIdentifiers)].flatMap((t) => ctx.nodesOf(t)).find((n) => ctx.draft(n)?.kind === 'rds');
  if (target) ctx.draft(proxy)!.props.target = target;
  else ctx.partial(res.logicalId, 'its database is not in this template');
  ctx.note(res.logicalId, `folded into proxy ${proxy}`);
}

export function cache(ctx: ImportContext, res: TemplateResource): void {
  const props = readTable(ctx, res, res.type === 'AWS::ElastiCache::ServerlessCache' ? { serverless: true } : {});
  // ReplicationGroupDescription is required: exporters write the node's name when it has none.
  if (props.description === (ctx.names.get(res.logicalId) ?? res.logicalId)) props.description = '';
  ctx.addNode(res.logicalId, 'elasticache', props);
}

/** Subnets, security groups and the VPC (parent) of databases, proxies, caches, MSK clusters. */
export function placement(ctx: ImportContext, res: TemplateResource): void {
  const node = ctx.draft(res.logicalId);
  if (!node) return;
  const p = res.props;
  const brokers = isObject(p.BrokerNodeGroupInfo) ? p.BrokerNodeGroupInfo : {}; // an MSK cluster
  const subnetSources = [p.DBSubnetGroupName, p.CacheSubnetGroupName, ...list(p.VpcSubnetIds), ...list(p.SubnetIds), ...list(brokers.ClientSubnets)];
  const groupSources = [...list(p.VPCSecurityGroups), ...list(p.VpcSecurityGroupIds), ...list(p.SecurityGroupIds), ...list(brokers.SecurityGroups)];
  const subnets = [...new Set(subnetSources.flatMap((s) => ctx.nodesOf(s)).filter((n) => ctx.draft(n)?.kind === 'subnet'))];
  const groups = [...new Set(groupSources.flatMap((s) => ctx.nodesOf(s)).filter((n) => ctx.draft(n)?.kind === 'securityGroup'))];
  if (subnets.length) node.props.subnets = subnets;
  if (groups.length) node.props.securityGroups = groups;
  const vpcId = ctx.draft(subnets[0])?.parent ?? ctx.draft(groups[0])?.parent;
  if (vpcId) node.parent = vpcId;
  else ctx.note(res.logicalId, 'its subnets are not in this template; shown outside a VPC');
}

import type { NodeOfKind } from '../../model/design';
import { routeTableOwner } from '../../model/routeTables';
import type { SecurityGroupRule } from '../../model/kinds/securityGroup';
import { type Props, tableForKind } from '../cfn/properties';
import { type ExportContext, getAtt, nameTag, ref } from './context';

/** The network as plain CloudFormation: VPCs, subnets each with its own route table, internet and NAT
 *  gateways (with their Elastic IPs), VPC endpoints and security groups. Every resource is tagged
 *  Name = the node's name. */
export function exportNetwork(ctx: ExportContext): void {
  for (const vpc of ctx.ofKind('vpc')) {
    ctx.add(ctx.id(vpc.id), { Type: 'AWS::EC2::VPC', Properties: { ...ctx.applyTable(tableForKind('vpc', vpc.props)!, vpc), Tags: nameTag(vpc) } });
  }
  for (const igw of ctx.ofKind('internetGateway')) exportInternetGateway(ctx, igw);
  for (const nat of ctx.ofKind('natGateway')) exportNatGateway(ctx, nat);
  for (const subnet of ctx.ofKind('subnet')) exportSubnet(ctx, subnet);
  for (const sg of ctx.ofKind('securityGroup')) exportSecurityGroup(ctx, sg);
  for (const endpoint of ctx.ofKind('vpcEndpoint')) exportEndpoint(ctx, endpoint);
}

/** The logical id of the attachment a route through this internet gateway must wait for. */
const attachments = new WeakMap<ExportContext, Map<string, string>>();

function exportInternetGateway(ctx: ExportContext, igw: NodeOfKind<'internetGateway'>): void {
  const id = ctx.id(igw.id);
  ctx.add(id, { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: nameTag(igw) } });
  if (!ctx.has(igw.parent)) {
    ctx.warn(igw, 'is attached to no VPC (no parent); the gateway is created detached');
    return;
  }
  const attachment = ctx.auxId(id, 'Attachment');
  ctx.add(attachment, { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref(ctx.id(igw.parent)), InternetGatewayId: ref(id) } });
  if (!attachments.has(ctx)) attachments.set(ctx, new Map());
  attachments.get(ctx)!.set(igw.id, attachment);
}

function exportNatGateway(ctx: ExportContext, nat: NodeOfKind<'natGateway'>): void {
  const id = ctx.id(nat.id);
  const props: Props = ctx.applyTable(tableForKind('natGateway', nat.props)!, nat);
  if (!ctx.has(nat.parent)) ctx.warn(nat, 'sits in no subnet (no parent); CloudFormation needs one, so the template will not deploy as is');
  if (nat.props.connectivity === 'public') {
    if (nat.props.elasticIp) {
      const eip = ctx.auxId(id, 'Eip');
      ctx.add(eip, { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc', Tags: nameTag(nat, 'EIP') } });
      props.AllocationId = getAtt(eip, 'AllocationId');
    } else {
      ctx.warn(nat, 'is public but has no Elastic IP; AWS requires one (NET-17), so the template will not deploy as is');
    }
  }
  ctx.add(id, { Type: 'AWS::EC2::NatGateway', Properties: { ...props, Tags: nameTag(nat) } });
}

function exportSubnet(ctx: ExportContext, subnet: NodeOfKind<'subnet'>): void {
  const id = ctx.id(subnet.id);
  ctx.add(id, { Type: 'AWS::EC2::Subnet', Properties: { ...ctx.applyTable(tableForKind('subnet', subnet.props)!, subnet), Tags: nameTag(subnet) } });
  if (!ctx.has(subnet.parent)) {
    ctx.warn(subnet, 'is in no VPC (no parent); CloudFormation needs one, so the template will not deploy as is');
    return;
  }
  if (subnet.props.networkAcl) exportNetworkAcl(ctx, subnet, subnet.props.networkAcl);
  // A subnet sharing another's route table is associated with it, and has none of its own.
  const owner = routeTableOwner((n) => (ctx.has(n) ? ctx.node(n) : undefined), subnet);
  if (owner) {
    ctx.add(ctx.auxId(id, 'RouteTableAssociation'), { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(id), RouteTableId: ref(routeTableId(ctx, owner.id)) } });
    return;
  }
  const table = routeTableId(ctx, subnet.id);
  ctx.add(table, { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(ctx.id(subnet.parent)), Tags: nameTag(subnet, 'route table') } });
  ctx.add(ctx.auxId(id, 'RouteTableAssociation'), { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(id), RouteTableId: ref(table) } });
  const target = subnet.props.routeTable.defaultRoute;
  if (target === null) return;
  if (!ctx.has(target)) { ctx.warn(subnet, `its default route points to "${target}", which is not a node of this design; left out`); return; }
  const via = ctx.node(target);
  const route: Props = { RouteTableId: ref(table), DestinationCidrBlock: '0.0.0.0/0' };
  route[via.kind === 'natGateway' ? 'NatGatewayId' : 'GatewayId'] = ref(ctx.id(target));
  const attachment = attachments.get(ctx)?.get(target);
  ctx.add(ctx.auxId(id, 'DefaultRoute'), { Type: 'AWS::EC2::Route', ...(attachment ? { DependsOn: attachment } : {}), Properties: route });
}

const ACL_PROTOCOLS = { tcp: 6, udp: 17, icmp: 1, '-1': -1 } as const;

/** A subnet's own network ACL: the ACL, one entry per rule (PortRange for TCP/UDP, every ICMP type
 *  for ICMP), and its association with the subnet. */
function exportNetworkAcl(ctx: ExportContext, subnet: NodeOfKind<'subnet'>, acl: NonNullable<NodeOfKind<'subnet'>['props']['networkAcl']>): void {
  const id = ctx.id(subnet.id);
  const aclId = ctx.auxId(id, 'NetworkAcl');
  ctx.add(aclId, { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(ctx.id(subnet.parent!)), Tags: nameTag(subnet, 'network ACL') } });
  for (const egress of [false, true]) {
    for (const rule of egress ? acl.egress : acl.ingress) {
      ctx.add(ctx.auxId(aclId, `${egress ? 'Out' : 'In'} ${rule.ruleNumber}`), { Type: 'AWS::EC2::NetworkAclEntry', Properties: {
        NetworkAclId: ref(aclId), RuleNumber: rule.ruleNumber, Protocol: ACL_PROTOCOLS[rule.protocol], RuleAction: rule.action, Egress: egress, CidrBlock: rule.cidr,
        ...(rule.protocol === 'tcp' || rule.protocol === 'udp' ? { PortRange: { From: rule.fromPort, To: rule.toPort } } : {}),
        ...(rule.protocol === 'icmp' ? { Icmp: { Code: -1, Type: -1 } } : {}),
      } });
    }
  }
  ctx.add(ctx.auxId(id, 'NetworkAclAssociation'), { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref(id), NetworkAclId: ref(aclId) } });
}

const routeTables = new WeakMap<ExportContext, Map<string, string>>();
/** Each subnet's own route table (one per subnet in this model). */
export function routeTableId(ctx: ExportContext, subnetId: string): string {
  if (!routeTables.has(ctx)) routeTables.set(ctx, new Map());
  const map = routeTables.get(ctx)!;
  let id = map.get(subnetId);
  if (!id) { id = ctx.auxId(ctx.id(subnetId), 'RouteTable'); map.set(subnetId, id); }
  return id;
}

/** GroupDescription and rule descriptions accept only a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html#cfn-ec2-securitygroup-groupdescription */
export function sgText(text: string, max = 255): string {
  return text.replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** A rule that matches no traffic: stands in for "no egress at all" (CloudFormation otherwise keeps
 *  its allow-all default), as the CDK writes it. */
const NO_EGRESS = { IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' };

function ruleProps(rule: SecurityGroupRule): Props {
  const out: Props = { IpProtocol: rule.protocol };
  if (rule.protocol !== '-1') { out.FromPort = rule.fromPort; out.ToPort = rule.toPort; }
  const description = sgText(rule.description);
  if (description) out.Description = description;
  return out;
}

function exportSecurityGroup(ctx: ExportContext, sg: NodeOfKind<'securityGroup'>): void {
  const id = ctx.id(sg.id);
  const description = sgText(sg.props.description || sg.name) || 'Security group';
  const props: Props = { GroupDescription: description };
  if (sgText(sg.props.description) !== sg.props.description || !sg.props.description) ctx.meta(id).description = sg.props.description;
  if (ctx.has(sg.parent)) props.VpcId = ref(ctx.id(sg.parent));
  else ctx.warn(sg, 'is in no VPC (no parent); it would be created in the default VPC');
  const peerRules: { dir: 'ingress' | 'egress'; rule: SecurityGroupRule; index: number }[] = [];
  const ingress: Props[] = [];
  sg.props.ingress.forEach((rule, index) => {
    if (rule.cidr !== null) ingress.push({ ...ruleProps(rule), CidrIp: rule.cidr });
    else if (rule.prefixList !== null) ingress.push({ ...ruleProps(rule), SourcePrefixListId: rule.prefixList });
    else peerRules.push({ dir: 'ingress', rule, index });
  });
  if (ingress.length) props.SecurityGroupIngress = ingress;
  if (sg.props.egress !== null) {
    const egress: Props[] = [];
    sg.props.egress.forEach((rule, index) => {
      if (rule.cidr !== null) egress.push({ ...ruleProps(rule), CidrIp: rule.cidr });
      else if (rule.prefixList !== null) egress.push({ ...ruleProps(rule), DestinationPrefixListId: rule.prefixList });
      else peerRules.push({ dir: 'egress', rule, index });
    });
    props.SecurityGroupEgress = egress.length ? egress : [NO_EGRESS];
  }
  props.Tags = nameTag(sg);
  ctx.add(id, { Type: 'AWS::EC2::SecurityGroup', Properties: props });
  // Rules naming another group are resources of their own, so two groups that name each other form no cycle.
  for (const { dir, rule, index } of peerRules) {
    if (!ctx.has(rule.securityGroup)) { ctx.warn(sg, `${dir} rule ${index + 1} names "${rule.securityGroup}", which is not a node of this design; left out`); continue; }
    const peer = ref(ctx.id(rule.securityGroup));
    ctx.add(ctx.auxId(id, `${dir === 'ingress' ? 'Ingress' : 'Egress'} ${index + 1}`), {
      Type: dir === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress',
      Properties: { GroupId: ref(id), ...ruleProps(rule), [dir === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId']: peer },
    });
  }
}

function exportEndpoint(ctx: ExportContext, endpoint: NodeOfKind<'vpcEndpoint'>): void {
  const id = ctx.id(endpoint.id);
  const props = ctx.applyTable(tableForKind('vpcEndpoint', endpoint.props)!, endpoint);
  if (!ctx.has(endpoint.parent)) ctx.warn(endpoint, 'is in no VPC (no parent); CloudFormation needs one, so the template will not deploy as is');
  if (endpoint.props.endpointType === 'gateway') {
    const tables = ctx.ofKind('subnet').filter((s) => s.props.routeTable.gatewayEndpoints.includes(endpoint.id) && ctx.has(s.parent) && !routeTableOwner((n) => (ctx.has(n) ? ctx.node(n) : undefined), s)).map((s) => ref(routeTableId(ctx, s.id)));
    if (tables.length) props.RouteTableIds = tables;
    else ctx.warn(endpoint, 'is a gateway endpoint no subnet routes through (no route table lists it)');
  } else if (!endpoint.props.subnets.length) {
    ctx.warn(endpoint, 'is an interface endpoint in no subnet; it gets no network interfaces');
  }
  ctx.add(id, { Type: 'AWS::EC2::VPCEndpoint', Properties: { ...props, Tags: nameTag(endpoint) } });
}

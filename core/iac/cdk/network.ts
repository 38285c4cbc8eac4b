import type { NodeOfKind } from '../../model/design';
import { routeTableOwner } from '../../model/routeTables';
import type { SecurityGroupRule } from '../../model/kinds';
import type { CdkContext } from './context';
import { type Expr, arr, bool, call, constStmt, exprStmt, id, member, num, obj, str } from './writer';

/** The VPC as designed: ec2.Vpc with no generated subnets, then each subnet of the design with its
 *  own CIDR, AZ and route table (ec2.Vpc's subnetConfiguration cannot say a design's exact CIDRs and
 *  per-subnet default routes), the internet gateway and NAT gateways as L1 resources, security groups
 *  and their rules, VPC endpoints. AZs are the design's region + the subnet's letter: no lookups. */
export function exportNetwork(ctx: CdkContext): void {
  for (const vpc of ctx.ofKind('vpc')) {
    const p = vpc.props;
    ctx.add('network', constStmt(ctx.varName(vpc.id), ctx.create('ec2', 'Vpc', ctx.cid(vpc.id), obj({
      ipAddresses: call(ctx.ns('ec2', 'IpAddresses', 'cidr'), str(p.cidr)),
      enableDnsSupport: bool(p.enableDnsSupport),
      enableDnsHostnames: bool(p.enableDnsHostnames),
      defaultInstanceTenancy: p.tenancy === 'dedicated' ? ctx.ns('ec2', 'DefaultInstanceTenancy', 'DEDICATED') : undefined,
      natGateways: num(0),
      subnetConfiguration: arr([]),
    })), 'Subnets, gateways and routes are declared one by one below, exactly as designed.'));
    ctx.declared.add(vpc.id);
  }
  const vpcOf = (nodeId: string, parent: string | undefined): Expr | undefined => {
    if (parent && ctx.declared.has(parent)) return ctx.v(parent);
    ctx.warn(ctx.node(nodeId), 'is not inside a VPC of this design; left out');
    return undefined;
  };

  const attachments = new Map<string, Expr>();
  for (const igw of ctx.ofKind('internetGateway')) {
    const vpc = vpcOf(igw.id, igw.parent);
    if (!vpc) continue;
    ctx.add('network', constStmt(ctx.varName(igw.id), ctx.create('ec2', 'CfnInternetGateway', ctx.cid(igw.id))));
    const attachment = ctx.auxVar(`${ctx.varName(igw.id)} attachment`);
    ctx.add('network', constStmt(attachment, ctx.create('ec2', 'CfnVPCGatewayAttachment', ctx.auxId(ctx.cid(igw.id), 'Attachment'), obj({
      vpcId: member(vpc, 'vpcId'), internetGatewayId: member(ctx.v(igw.id), 'ref'),
    }))));
    ctx.declared.add(igw.id);
    attachments.set(igw.id, id(attachment));
  }

  for (const subnet of ctx.ofKind('subnet')) {
    const vpc = vpcOf(subnet.id, subnet.parent);
    if (!vpc) continue;
    const p = subnet.props;
    ctx.add('network', constStmt(ctx.varName(subnet.id), ctx.create('ec2', 'Subnet', ctx.cid(subnet.id), obj({
      vpcId: member(vpc, 'vpcId'),
      availabilityZone: str(`${ctx.design.region}${p.az}`),
      cidrBlock: str(p.cidr),
      mapPublicIpOnLaunch: p.mapPublicIpOnLaunch ? bool(true) : undefined,
    }))));
    ctx.declared.add(subnet.id);
    if (p.networkAcl) {
      // The subnet's own network ACL, L1 so rule numbers, actions and ports are written as the design has them.
      const acl = ctx.auxVar(`${ctx.varName(subnet.id)} acl`);
      const aclId = ctx.auxId(ctx.cid(subnet.id), 'NetworkAcl');
      ctx.add('network', constStmt(acl, ctx.create('ec2', 'CfnNetworkAcl', aclId, obj({ vpcId: member(vpc, 'vpcId') }))));
      for (const egress of [false, true]) {
        for (const rule of egress ? p.networkAcl.egress : p.networkAcl.ingress) {
          const ported = rule.protocol === 'tcp' || rule.protocol === 'udp';
          ctx.add('network', exprStmt(ctx.create('ec2', 'CfnNetworkAclEntry', ctx.auxId(aclId, `${egress ? 'Out' : 'In'} ${rule.ruleNumber}`), obj({
            networkAclId: member(id(acl), 'ref'),
            ruleNumber: num(rule.ruleNumber),
            protocol: num({ tcp: 6, udp: 17, icmp: 1, '-1': -1 }[rule.protocol]),
            ruleAction: str(rule.action),
            egress: bool(egress),
            cidrBlock: str(rule.cidr),
            portRange: ported ? obj({ from: num(rule.fromPort), to: num(rule.toPort) }) : undefined,
            icmp: rule.protocol === 'icmp' ? obj({ code: num(-1), type: num(-1) }) : undefined,
          }))));
        }
      }
      ctx.add('network', exprStmt(ctx.create('ec2', 'CfnSubnetNetworkAclAssociation', ctx.auxId(ctx.cid(subnet.id), 'NetworkAclAssociation'), obj({
        subnetId: member(ctx.v(subnet.id), 'subnetId'),
        networkAclId: member(id(acl), 'ref'),
      }))));
    }
  }

  for (const nat of ctx.ofKind('natGateway')) {
    if (!nat.parent || !ctx.declared.has(nat.parent)) { ctx.warn(nat, 'is not inside a subnet of this design; left out'); continue; }
    const publicNat = nat.props.connectivity === 'public';
    let allocation: Expr | undefined;
    if (publicNat && nat.props.elasticIp) {
      const eip = ctx.auxVar(`${ctx.varName(nat.id)} eip`);
      ctx.add('network', constStmt(eip, ctx.create('ec2', 'CfnEIP', ctx.auxId(ctx.cid(nat.id), 'Eip'), obj({ domain: str('vpc') }))));
      allocation = member(id(eip), 'attrAllocationId');
    }
    ctx.add('network', constStmt(ctx.varName(nat.id), ctx.create('ec2', 'CfnNatGateway', ctx.cid(nat.id), obj({
      subnetId: member(ctx.v(nat.parent), 'subnetId'),
      allocationId: allocation,
      connectivityType: publicNat ? undefined : str('private'),
    }))));
    ctx.declared.add(nat.id);
  }

  for (const subnet of ctx.ofKind('subnet')) {
    // ec2.Subnet owns one route table per subnet: a subnet sharing another's table gets a copy of its routes.
    const owner = routeTableOwner((n) => (ctx.has(n) ? ctx.node(n) : undefined), subnet);
    if (owner && ctx.declared.has(subnet.id)) ctx.warn(subnet, `shares the route table of "${owner.name}", but CDK's ec2.Subnet has a route table of its own: the app gives it a copy of those routes`);
    const route = (owner ?? subnet).props.routeTable.defaultRoute;
    if (!ctx.declared.has(subnet.id) || !route) continue;
    if (!ctx.declared.has(route)) { ctx.warn(subnet, `its default route names "${route}", which is not a gateway of this export; left out`); continue; }
    const target = ctx.node(route);
    ctx.add('network', target.kind === 'internetGateway'
      ? exprStmt(call(member(ctx.v(subnet.id), 'addDefaultInternetRoute'), member(ctx.v(route), 'ref'), attachments.get(route)!))
      : exprStmt(call(member(ctx.v(subnet.id), 'addDefaultNatRoute'), member(ctx.v(route), 'ref'))));
  }

  const groups = ctx.ofKind('securityGroup');
  for (const sg of groups) {
    const vpc = vpcOf(sg.id, sg.parent);
    if (!vpc) continue;
    // The description is the design's text (or the node name when empty) when EC2 takes it as it is;
    // otherwise the metadata keeps the design's own.
    const shown = sg.props.description || sg.name;
    if (sgText(shown) !== shown) ctx.meta(sg.id).description = sg.props.description;
    ctx.add('network', constStmt(ctx.varName(sg.id), ctx.create('ec2', 'SecurityGroup', ctx.cid(sg.id), obj({
      vpc,
      description: str(sgText(shown) || 'Security group'),
      // null egress: AWS's default (all traffic out); a list: only those rules.
      allowAllOutbound: bool(sg.props.egress === null),
    }))));
    ctx.declared.add(sg.id);
  }
  for (const sg of groups) {
    if (!ctx.declared.has(sg.id)) continue;
    for (const [dir, rules] of [['addIngressRule', sg.props.ingress], ['addEgressRule', sg.props.egress ?? []]] as const) {
      for (const rule of rules) {
        const peer = peerOf(ctx, sg, rule);
        if (!peer) continue;
        const text = sgText(rule.description);
        ctx.add('network', exprStmt(call(member(ctx.v(sg.id), dir), peer, portOf(ctx, rule), ...(text ? [str(text)] : []))));
      }
    }
  }

  for (const ep of ctx.ofKind('vpcEndpoint')) {
    const vpc = vpcOf(ep.id, ep.parent);
    if (!vpc) continue;
    const p = ep.props;
    if (p.endpointType === 'gateway') {
      const subnets = ctx.ofKind('subnet').filter((s) => (routeTableOwner((n) => (ctx.has(n) ? ctx.node(n) : undefined), s) ?? s).props.routeTable.gatewayEndpoints.includes(ep.id) && ctx.declared.has(s.id));
      ctx.add('network', constStmt(ctx.varName(ep.id), ctx.create('ec2', 'GatewayVpcEndpoint', ctx.cid(ep.id), obj({
        vpc,
        service: gatewayService(ctx, p.service),
        subnets: subnets.length ? arr([obj({ subnets: arr(subnets.map((s) => ctx.v(s.id))) })]) : undefined,
      }))));
    } else {
      const subnets = ctx.refs(ep, p.subnets);
      const sgs = ctx.refs(ep, p.securityGroups);
      ctx.add('network', constStmt(ctx.varName(ep.id), ctx.create('ec2', 'InterfaceVpcEndpoint', ctx.cid(ep.id), obj({
        vpc,
        service: construct(ctx, 'InterfaceVpcEndpointAwsService', str(p.service)),
        subnets: subnets.length ? obj({ subnets: arr(subnets) }) : undefined,
        securityGroups: sgs.length ? arr(sgs) : undefined,
        privateDnsEnabled: bool(p.privateDnsEnabled),
      }))));
    }
    ctx.declared.add(ep.id);
  }
}

/** Security group and rule descriptions accept only a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*
 *  (255 characters): https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html#cfn-ec2-securitygroup-groupdescription */
export function sgText(text: string, max = 255): string {
  return text.replace(/[^a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

const construct = (ctx: CdkContext, type: string, ...args: Expr[]): Expr => ({ t: 'call', callee: ctx.ns('ec2', type), args, isNew: true });

function gatewayService(ctx: CdkContext, service: string): Expr {
  if (service === 's3') return ctx.ns('ec2', 'GatewayVpcEndpointAwsService', 'S3');
  if (service === 'dynamodb') return ctx.ns('ec2', 'GatewayVpcEndpointAwsService', 'DYNAMODB');
  return construct(ctx, 'GatewayVpcEndpointAwsService', str(service));
}

function peerOf(ctx: CdkContext, owner: NodeOfKind<'securityGroup'>, rule: SecurityGroupRule): Expr | undefined {
  if (rule.securityGroup !== null) {
    if (ctx.declared.has(rule.securityGroup)) return ctx.v(rule.securityGroup);
    ctx.warn(owner, `a rule names security group "${rule.securityGroup}", which is not in this export; left out`);
    return undefined;
  }
  if (rule.prefixList !== null) return call(ctx.ns('ec2', 'Peer', 'prefixList'), str(rule.prefixList));
  return call(ctx.ns('ec2', 'Peer', 'ipv4'), str(rule.cidr ?? '0.0.0.0/0'));
}

function portOf(ctx: CdkContext, rule: SecurityGroupRule): Expr {
  const Port = (name: string, ...args: number[]) => call(ctx.ns('ec2', 'Port', name), ...args.map(num));
  if (rule.protocol === '-1') return Port('allTraffic');
  if (rule.protocol === 'icmp') return rule.fromPort === -1 ? Port('allIcmp') : rule.toPort === -1 ? Port('icmpType', rule.fromPort) : Port('icmpTypeAndCode', rule.fromPort, rule.toPort);
  if (rule.fromPort === -1 || (rule.fromPort === 0 && rule.toPort === 65535)) return Port(rule.protocol === 'tcp' ? 'allTcp' : 'allUdp');
  if (rule.fromPort === rule.toPort) return Port(rule.protocol, rule.fromPort);
  return Port(rule.protocol === 'tcp' ? 'tcpRange' : 'udpRange', rule.fromPort, rule.toPort);
}

/** The subnet selection of a node's `subnets` prop (functions, databases, proxies). */
export const subnetSelection = (ctx: CdkContext, subnets: Expr[]): Expr => obj({ subnets: arr(subnets) });


import { defineRule } from '../types';
import { names, networkAclFix, pathFindings } from './support';

export default defineRule({
  id: 'NET-07',
  title: 'Function security group egress blocks the target',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html',
  appliesTo: ['securityGroup', 'lambda', 'access'],
  why: 'A security group created without egress rules gets AWS\'s allow-all egress rule. Once egress rules are given (or all removed), only those rules let traffic out, so every destination of the function needs a matching outbound rule: the target\'s security group or subnet CIDR for VPC resources, 0.0.0.0/0 on 443 for the internet and AWS APIs through a NAT gateway, the service\'s prefix list (or 0.0.0.0/0) on 443 for S3 and DynamoDB through a gateway endpoint. A rule to a managed prefix list counts as allowing what the list covers: its CIDR blocks are not in the design, so the path notes the assumption.',
  check(ctx) {
    const { index } = ctx;
    return pathFindings(ctx, 'NET-07', (b) => {
      const acl = networkAclFix(b);
      if (acl) return acl;
      const groups = names((b.fn.props.vpc?.securityGroups ?? []).flatMap((id) => index.node(id) ?? []));
      const targetGroups = (b.target.props as { securityGroups?: string[] }).securityGroups ?? [];
      const to = b.r.destination === 'vpcResource' && targetGroups.length
        ? `the security group ${names(targetGroups.flatMap((id) => index.node(id) ?? []))} of "${b.target.name}"`
        : b.paths.some((p) => p.via === 'interfaceEndpoint') ? 'the interface endpoint\'s security group'
          // A gateway endpoint's documented egress rule names the service's AWS-managed prefix list:
          // https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
          : b.paths.some((p) => p.via === 'gatewayEndpoint') ? `the ${b.r.service} prefix list (AWS's com.amazonaws.${ctx.design.region}.${b.r.service}) or 0.0.0.0/0` : '0.0.0.0/0';
      return `Add an outbound rule for TCP ${b.r.port} to ${to} on ${groups}, or leave its egress rules unset to get AWS's default allow-all egress.`;
    });
  },
});

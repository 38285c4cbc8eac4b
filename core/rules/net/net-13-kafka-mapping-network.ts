import { vpcOf } from '../../graph';
import type { NodeOfKind } from '../../model/design';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { list, names, natEgress, usableInterfaceEndpoint } from './support';

/** Authentication whose credentials the mapping reads from Secrets Manager. */
const SECRET_AUTH: readonly string[] = ['sasl-scram', 'mtls'];

export default defineRule({
  id: 'NET-13',
  title: 'Kafka event source mapping without NAT or endpoints in the cluster\'s VPC',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/with-msk-cluster-network.html',
  appliesTo: ['kafka', 'trigger', 'subnet', 'vpcEndpoint'],
  why: 'A Kafka event source mapping puts its network interfaces in the cluster\'s subnets, with the cluster\'s security groups, not the function\'s. From there it must call Lambda and STS (and Secrets Manager for SASL/SCRAM or mTLS credentials): the cluster\'s VPC needs a NAT gateway route or PrivateLink endpoints for those services. The function itself need not be in the VPC.',
  check(ctx) {
    const { index } = ctx;
    return ctx.design.edges.flatMap((edge): RuleFinding[] => {
      const cluster = index.node(edge.from);
      const fn = index.node(edge.to);
      if (edge.kind !== 'trigger' || cluster?.kind !== 'kafka' || fn?.kind !== 'lambda') return [];
      const services = ['lambda', 'sts', ...(SECRET_AUTH.includes(cluster.props.auth) ? ['secretsmanager'] : [])];
      const subnets = cluster.props.subnets.flatMap((id) => index.node(id) ?? []).filter((n): n is NodeOfKind<'subnet'> => n.kind === 'subnet');
      const stuck = subnets.flatMap((s) => {
        if (natEgress(index, s)) return [];
        const missing = services.filter((svc) => !usableInterfaceEndpoint(index, s, svc, cluster.props.securityGroups));
        return missing.length ? [{ subnet: s, missing }] : [];
      });
      if (!stuck.length) return [];
      const missing = list(stuck.flatMap((s) => s.missing));
      const stuckSubnets = new Set(stuck.map((s) => s.subnet));
      const vpc = vpcOf(index, stuck[0].subnet);
      const partial = stuck.length < subnets.length ? ` Partial: ${names(subnets.filter((s) => !stuckSubnets.has(s)))} ${subnets.length - stuck.length > 1 ? 'have' : 'has'} a path, so only pollers in ${names(stuck.map((s) => s.subnet))} fail.` : '';
      return [{
        target: edge,
        message: `The mapping from "${cluster.name}" to "${fn.name}" runs in the cluster's subnet${stuck.length > 1 ? 's' : ''} ${names(stuck.map((s) => s.subnet))}, which ${stuck.length > 1 ? 'have' : 'has'} no NAT gateway route and no usable interface endpoint for ${missing}: it cannot call ${missing}, so no records reach the function.${partial}`,
        fix: `Add interface endpoints for ${missing} with private DNS to VPC "${vpc?.name ?? '?'}" (their security groups admitting HTTPS from the cluster's security groups), or route 0.0.0.0/0 of ${names(stuck.map((s) => s.subnet))} to a public NAT gateway.`,
      }];
    });
  },
});

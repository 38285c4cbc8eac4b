import type { NodeOfKind } from '../../model/design';
import type { SubnetPath } from '../../semantics';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { dnsFix, dnsGaps, edgePaths, endpointsOf, list, named, pathFindings, pathVpc, where } from './support';

export default defineRule({
  id: 'NET-05',
  title: 'Interface endpoint unusable: private DNS or security groups',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html',
  appliesTo: ['vpcEndpoint', 'vpc', 'securityGroup', 'access'],
  why: 'An interface endpoint serves the default service hostname only through private DNS, which needs the VPC attributes enableDnsHostnames and enableDnsSupport set to true; otherwise SDK calls resolve the public address and go through the NAT gateway, or nowhere. Its network interfaces carry security groups, which must admit the function\'s HTTPS traffic.',
  check(ctx) {
    const { index } = ctx;
    const mentioned = new Set<string>();
    /** The interface endpoints for the service in the path's VPC that private DNS does not reach. */
    const bypassed = (p: SubnetPath, service?: string) => (service ? endpointsOf(index, pathVpc(index, p), service, 'interface').filter((ep) => dnsGaps(index, ep).length) : []);
    const fixDns = (ep: NodeOfKind<'vpcEndpoint'>) => (mentioned.add(ep.id), dnsFix(index, ep));
    const fromPaths = pathFindings(ctx, 'NET-05', (b) => {
      const [ep] = bypassed(b.paths[0], b.r.service);
      if (ep) return fixDns(ep);
      const at = index.node(b.paths[0].brokenAt?.id ?? '');
      return `Add an inbound rule for TCP 443 to the security groups of ${at ? `"${at.name}"` : 'the endpoint'} whose source is the security group of "${b.fn.name}" (or the CIDR of ${where(b.paths)}).`;
    });
    // The endpoint is skipped but the NAT gateway still carries the call (or another hop breaks it).
    const skipped = edgePaths(ctx, (p, r) => p.ruleId !== 'NET-05' && p.ruleId !== 'NET-15' && (p.via === 'nat' || p.via === 'none') && bypassed(p, r.service).length > 0).map((b): RuleFinding => {
      const [ep] = bypassed(b.paths[0], b.r.service);
      const vpc = pathVpc(index, b.paths[0]);
      const working = b.paths.filter((p) => p.reachable);
      const outcome = working.length
        ? `silently goes through ${named('NAT gateway', working.flatMap((p) => p.natGateway ?? []))}${working.length < b.paths.length ? ', and elsewhere fails' : ''}`
        : 'fails';
      return {
        target: b.edge,
        related: ep.props.privateDnsEnabled && vpc ? [vpc, ep] : [ep],
        severity: working.length === b.paths.length ? 'warning' : 'error',
        message: `Interface endpoint "${ep.name}" (${b.r.service}) is bypassed: the default ${b.r.service} hostname resolves to it only with ${list(dnsGaps(index, ep))}, so "${b.fn.name}" → "${b.target.name}" from ${where(b.paths)} ${outcome}.`,
        fix: fixDns(ep),
      };
    });
    const idle = index.ofKind('vpcEndpoint').flatMap((ep): RuleFinding[] => {
      const vpc = ep.parent ? index.node(ep.parent) : undefined;
      if (ep.props.endpointType !== 'interface' || !ep.props.privateDnsEnabled || mentioned.has(ep.id) || !vpc || !dnsGaps(index, ep).length) return [];
      return [{ target: vpc, severity: 'warning', message: `Interface endpoint "${ep.name}" (${ep.props.service}) has private DNS on, but VPC "${vpc.name}" lacks ${list(dnsGaps(index, ep))}: its private DNS cannot work.`, fix: fixDns(ep) }];
    });
    return [...fromPaths, ...skipped, ...idle];
  },
});

import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { blockers, breakMessage, breaks, functionSubnets, names, type EdgePaths } from './support';

export default defineRule({
  id: 'NET-02',
  title: 'Function attached to a public subnet',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html',
  appliesTo: ['lambda', 'subnet'],
  why: '"Connecting a function to a public subnet doesn\'t give it internet access or a public IP address." A function\'s network interfaces have private addresses only, so a route to an internet gateway carries none of its traffic; internet and AWS API calls need private subnets routed to a NAT gateway, or VPC endpoints.',
  check(ctx) {
    // On the function (its subnets are what to change), one finding per function, listing the calls
    // that break; the public subnets and those access edges are its related targets.
    const byFn = new Map<string, EdgePaths[]>();
    for (const b of breaks(ctx, 'NET-02')) byFn.set(b.fn.id, [...(byFn.get(b.fn.id) ?? []), b]);
    const fromPaths = [...byFn.values()].map((bs): RuleFinding => {
      const fn = bs[0].fn;
      const subnets = [...new Set(bs.flatMap((b) => blockers(ctx, b)))];
      return {
        target: fn,
        related: [...subnets, ...bs.map((b) => b.edge)],
        message: bs.map((b) => breakMessage(b, ctx)).join(' '),
        fix: `Attach "${fn.name}" to private subnets whose route table sends 0.0.0.0/0 to a NAT gateway (in place of ${names(subnets)}), or add a VPC endpoint for the service it calls.`,
      };
    });
    const reported = new Set(breaks(ctx, 'NET-02').map((b) => b.fn.id));
    const latent = ctx.index.ofKind('lambda').flatMap((fn): RuleFinding[] => {
      const pub = functionSubnets(ctx.index, fn).filter((s) => ctx.index.node(s.props.routeTable.defaultRoute ?? '')?.kind === 'internetGateway');
      if (!pub.length || reported.has(fn.id)) return [];
      return [{
        target: fn,
        related: pub,
        severity: 'warning',
        message: `"${fn.name}" is attached to public subnet${pub.length > 1 ? 's' : ''} ${names(pub)} (0.0.0.0/0 → internet gateway): nothing it calls needs the internet today, but from there it has no internet access at all, not even to AWS APIs.`,
        fix: `Attach "${fn.name}" to private subnets instead of ${names(pub)}; give them a NAT gateway route or VPC endpoints when the function starts calling AWS APIs or the internet.`,
      }];
    });
    return [...fromPaths, ...latent];
  },
});

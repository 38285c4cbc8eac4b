import type { NodeOfKind } from '../../model/design';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { edgePaths, list, named } from './support';

export default defineRule({
  id: 'NET-09',
  title: 'Function outside a VPC needs no NAT gateway or endpoint',
  severity: 'info',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/operatorguide/networking-vpc.html',
  appliesTo: ['lambda', 'vpcEndpoint', 'natGateway'],
  // Any public NAT gateway and endpoint of the design, linked to the function or not.
  readsEveryNodeOf: ['natGateway', 'vpcEndpoint'],
  why: '"By default, Lambda runs your functions in a secure VPC with access to AWS services and the internet." A function not attached to your VPC needs no NAT gateway and no VPC endpoint, so none is asked for; it also does not use the ones your VPC has: its calls do not come from the NAT gateway\'s Elastic IP, nor through a VPC endpoint that a bucket or key policy may require (aws:SourceVpce).',
  check(ctx) {
    const { index } = ctx;
    const nats = index.ofKind('natGateway').filter((n) => n.props.connectivity === 'public');
    const byService = new Map<string, NodeOfKind<'vpcEndpoint'>[]>();
    for (const ep of index.ofKind('vpcEndpoint')) (byService.get(ep.props.service) ?? byService.set(ep.props.service, []).get(ep.props.service)!).push(ep);
    const byFn = new Map<string, { fn: { name: string; id: string }; notes: string[] }>();
    for (const b of edgePaths(ctx, (p) => p.via === 'lambdaNetwork')) {
      const endpoints = (b.r.service !== undefined && byService.get(b.r.service)) || [];
      const note = b.r.destination === 'internet'
        ? nats.length && `"${b.target.name}" sees Lambda's changing addresses, not the Elastic IP of ${named('NAT gateway', nats)}`
        : endpoints.length && `calls to "${b.target.name}" do not go through ${named('VPC endpoint', endpoints)}`;
      if (!note) continue;
      const entry = byFn.get(b.fn.id);
      if (entry) entry.notes.push(note);
      else byFn.set(b.fn.id, { fn: b.fn, notes: [note] });
    }
    return [...byFn.values()].map(({ fn, notes }): RuleFinding => ({
      target: index.node(fn.id)!,
      message: `"${fn.name}" is not attached to a VPC, so it reaches AWS APIs and the internet without a NAT gateway or endpoint; but ${list(notes)}.`,
      fix: `Nothing to fix for connectivity. Only if a partner allowlists the NAT's address, or a policy requires the endpoint, attach "${fn.name}" to private subnets of the VPC.`,
    }));
  },
});

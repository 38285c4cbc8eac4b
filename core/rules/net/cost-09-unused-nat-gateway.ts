import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { unitPrice } from './support';

export default defineRule({
  id: 'COST-09',
  title: 'NAT gateway that no route table uses',
  severity: 'warning',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html',
  appliesTo: ['natGateway', 'subnet'],
  why: 'A NAT gateway is billed for every hour it exists, whether or not traffic goes through it. Only a route sends traffic to it: with no route table pointing 0.0.0.0/0 at it, it costs money and carries nothing.',
  check(ctx) {
    const routed = new Set(ctx.index.ofKind('subnet').map((s) => s.props.routeTable.defaultRoute));
    const price = unitPrice(ctx.design.region, 'vpc.natGateway.hours');
    return ctx.index.ofKind('natGateway').flatMap((nat): RuleFinding[] => (routed.has(nat.id) ? [] : [{
      target: nat,
      message: `No subnet routes 0.0.0.0/0 to NAT gateway "${nat.name}": it is billed by the hour${price ? ` (${price})` : ''} and carries no traffic.`,
      fix: `Route the 0.0.0.0/0 of the private subnets that need the internet to "${nat.name}", or delete it.`,
    }]));
  },
});

import { defineRule } from '../types';
import { edgePaths, named, names, strandedGateways, subnetOf, where } from './support';

export default defineRule({
  id: 'NET-04',
  title: 'Gateway endpoint missing from the function subnets\' route tables',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  appliesTo: ['vpcEndpoint', 'subnet', 'access'],
  why: 'A gateway endpoint (S3 and DynamoDB only) works by adding a prefix-list route to each route table you select. A subnet whose route table was not selected does not use the endpoint: its traffic to the service goes through the NAT gateway if there is one (charged per GB, and refused by policies that require the endpoint), or nowhere.',
  check(ctx) {
    return edgePaths(ctx, (p, r) => strandedGateways(ctx.index, p, r.service).length > 0).map((b) => {
      const [gw] = strandedGateways(ctx.index, b.paths[0], b.r.service);
      const broken = b.paths.filter((p) => !p.reachable);
      const nats = b.paths.flatMap((p) => (p.reachable && p.via === 'nat' && p.natGateway ? [p.natGateway] : []));
      const effect = broken.length
        ? `"${b.fn.name}" cannot reach "${b.target.name}" from ${where(broken)} at all`
        : `its ${b.r.service} calls leave through ${named('NAT gateway', nats)} instead: charged per GB, and denied wherever a policy requires the endpoint`;
      // On the function → resource edge whose path misses the endpoint; the endpoint and the subnets
      // whose route tables need it are related.
      return {
        target: b.edge,
        related: [gw, ...b.paths.flatMap((p) => subnetOf(ctx.index, p) ?? [])],
        message: `Gateway endpoint "${gw.name}" (${b.r.service}) is not on the route table of ${where(b.paths)}, where "${b.fn.name}" runs to reach "${b.target.name}": ${effect}${b.ok.length && broken.length ? ` (partial: it works from ${where(b.ok)})` : ''}.`,
        fix: `Add "${gw.name}" to the route table${b.paths.length > 1 ? 's' : ''} of ${names(b.paths.map((p) => p.subnet!))} (its gateway endpoints list).`,
      };
    });
  },
});

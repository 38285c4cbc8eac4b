import { defineRule } from '../types';
import { edgePaths, GATEWAY_SERVICES, named, names, strandedGateways, unitPrice, where } from './support';

export default defineRule({
  id: 'COST-01',
  title: 'S3 or DynamoDB traffic through a NAT gateway',
  severity: 'warning',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  appliesTo: ['access', 'natGateway', 'vpcEndpoint'],
  why: 'NAT gateways charge for every GB they process, whatever the destination. For S3 and DynamoDB a gateway endpoint carries the same traffic privately, and "There is no additional charge for using gateway endpoints."',
  check(ctx) {
    // A gateway endpoint that exists but is not routed is NET-04's finding.
    return edgePaths(ctx, (p, r) => p.reachable && p.via === 'nat' && GATEWAY_SERVICES.includes(r.service ?? '') && !strandedGateways(ctx.index, p, r.service).length).map((b) => {
      const price = unitPrice(ctx.design.region, 'vpc.natGateway.dataProcessed');
      return {
        target: b.edge,
        message: `"${b.fn.name}" reaches ${b.r.service} ("${b.target.name}") from ${where(b.paths)} through ${named('NAT gateway', b.paths.flatMap((p) => p.natGateway ?? []))}: every GB is charged as NAT data processing${price ? ` (${price})` : ''}, where a gateway endpoint is free.`,
        fix: `Add a gateway endpoint for ${b.r.service} to the VPC and put it on the route tables of ${names(b.paths.map((p) => p.subnet!))}.`,
      };
    });
  },
});

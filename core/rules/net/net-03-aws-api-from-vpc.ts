import { defineRule } from '../types';
import { GATEWAY_SERVICES, pathFindings, strandedGateways, where } from './support';

export default defineRule({
  id: 'NET-03',
  title: 'VPC function calls an AWS API with no path to it',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html',
  appliesTo: ['access', 'invoke', 'lambda', 'subnet', 'vpcEndpoint'],
  why: 'AWS service APIs (SQS, SNS, STS, Secrets Manager, Lambda, DynamoDB, S3 …) are public endpoints. From your VPC a function reaches them only through a NAT gateway or a VPC endpoint: a gateway endpoint for S3 or DynamoDB, an interface endpoint for anything else. Without one, the SDK call hangs until the function times out.',
  check(ctx) {
    // A gateway endpoint that exists but is missing from the route table is NET-04's finding.
    return pathFindings(ctx, 'NET-03', (b) => {
      const service = b.r.service ?? 'the service';
      const subnets = where(b.paths);
      return GATEWAY_SERVICES.includes(service)
        ? `Add a gateway endpoint for ${service} (free) to the route tables of ${subnets}, or route their 0.0.0.0/0 to a public NAT gateway.`
        : `Add an interface endpoint for ${service} with private DNS to the VPC, or route 0.0.0.0/0 of ${subnets} to a public NAT gateway.`;
    }, (p, r) => !strandedGateways(ctx.index, p, r.service).length);
  },
});

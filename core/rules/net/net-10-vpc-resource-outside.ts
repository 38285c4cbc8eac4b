import { vpcOf } from '../../graph';
import { defineRule } from '../types';
import { pathFindings } from './support';

export default defineRule({
  id: 'NET-10',
  title: 'Function cannot reach a resource that lives in another VPC or none',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/operatorguide/networking-vpc.html',
  appliesTo: ['lambda', 'rds', 'rdsProxy', 'elasticache', 'kafka', 'access'],
  why: 'Databases, caches and clusters in private subnets are reachable only from inside their VPC: "To access these resources with Lambda, your Lambda function must also be configured for access to the same VPC." A function in the Lambda-managed network, or in another VPC, cannot open a connection to them.',
  check(ctx) {
    return pathFindings(ctx, 'NET-10', (b) => {
      const vpc = vpcOf(ctx.index, b.target);
      return vpc
        ? `Attach "${b.fn.name}" to private subnets of VPC "${vpc.name}" (in at least two AZs) with a security group that "${b.target.name}" admits.`
        : `Place "${b.target.name}" in a VPC (its subnets) and attach "${b.fn.name}" to private subnets of that VPC.`;
    });
  },
});

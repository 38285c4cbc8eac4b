import { defineRule } from '../types';
import { pathFindings, where } from './support';

export default defineRule({
  id: 'NET-01',
  title: 'VPC function calls the internet with no NAT path',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html',
  appliesTo: ['access', 'lambda', 'subnet', 'natGateway'],
  why: 'Once a function is connected to your VPC it "can\'t access the internet unless your VPC provides access": its subnets\' route tables must send 0.0.0.0/0 to a NAT gateway that sits in a public subnet routed to an internet gateway. Without that route every call to an internet endpoint times out.',
  check(ctx) {
    return pathFindings(ctx, 'NET-01', (b) =>
      `Route 0.0.0.0/0 of ${where(b.paths)} to a public NAT gateway (one per AZ, placed in a public subnet whose route table sends 0.0.0.0/0 to an internet gateway), or move "${b.fn.name}" out of the VPC if it needs no VPC resource.`);
  },
});

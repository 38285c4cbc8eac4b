import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { names } from './support';

export default defineRule({
  id: 'NET-15',
  title: 'Function attached to a VPC with dedicated tenancy',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html',
  appliesTo: ['vpc', 'lambda'],
  why: '"Lambda functions can\'t connect directly to a VPC with dedicated instance tenancy." Attaching a function to its subnets fails, whatever the routes and security groups.',
  check(ctx) {
    return ctx.index.ofKind('vpc').flatMap((vpc): RuleFinding[] => {
      const fns = vpc.props.tenancy === 'dedicated' ? ctx.functionsInVpc(vpc.id) : [];
      if (!fns.length) return [];
      return [{
        target: vpc,
        message: `VPC "${vpc.name}" has dedicated instance tenancy: Lambda functions cannot connect to it, so ${names(fns)} cannot be attached to its subnets.`,
        fix: `Set the tenancy of "${vpc.name}" to default (dedicated instances can still be launched in a default-tenancy VPC), or attach ${names(fns)} to a VPC with default tenancy.`,
      }];
    });
  },
});

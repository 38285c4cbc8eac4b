import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { functionSubnets, names } from './support';

export default defineRule({
  id: 'NET-11',
  title: 'VPC function in a single Availability Zone',
  severity: 'warning',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/operatorguide/networking-vpc.html',
  appliesTo: ['lambda', 'subnet'],
  why: 'With VPC access, the function runs only in the Availability Zones of its subnets; AWS advises to "ensure that the function has access to at least two Availability Zones", so that it keeps running when one AZ fails.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn): RuleFinding[] => {
      const subnets = functionSubnets(ctx.index, fn);
      const azs = new Set(subnets.map((s) => s.props.az));
      if (azs.size !== 1) return [];
      const az = `${ctx.design.region}${subnets[0].props.az}`;
      return [{
        target: fn,
        message: `"${fn.name}" is attached only to ${names(subnets)}, all in ${az}: if ${az} fails, the function cannot run.`,
        fix: `Add a private subnet of another AZ (with the same routes) to the VPC configuration of "${fn.name}".`,
      }];
    });
  },
});

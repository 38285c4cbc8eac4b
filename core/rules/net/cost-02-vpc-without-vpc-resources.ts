import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { names } from './support';

export default defineRule({
  id: 'COST-02',
  title: 'Function attached to a VPC it does not need',
  severity: 'info',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/operatorguide/networking-vpc.html',
  appliesTo: ['lambda', 'vpc'],
  why: 'The Lambda operator guide: "unless you are accessing services with resources in a customer VPC, there is no additional benefit to add a VPC configuration". Once attached, the function needs a NAT gateway (charged per hour and per GB) or VPC endpoints for the internet and AWS APIs. Compliance packs (cdk-nag HIPAA, NIST 800-53 and PCI DSS LambdaInsideVPC) ask for every function in a VPC; if such a control applies to you, suppress this finding with that reason.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn): RuleFinding[] => {
      if (!fn.props.vpc) return [];
      const own = ctx.reachabilityFrom(fn.id);
      if (own.some((r) => r.destination === 'vpcResource')) return [];
      const targets = own.map((r) => r.to);
      return [{
        target: fn,
        message: `"${fn.name}" is attached to a VPC but ${targets.length ? `everything it calls (${names(targets)}) is an AWS API or internet endpoint, reachable from` : 'calls nothing inside it; it would run as well in'} the Lambda-managed network without NAT gateways or endpoints.`,
        fix: `Remove the VPC configuration of "${fn.name}", unless it needs a fixed egress IP (a NAT Elastic IP that a partner allowlists) or a compliance control requires it (then suppress this finding with that reason).`,
      }];
    });
  },
});

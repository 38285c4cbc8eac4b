import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { names } from './support';

export default defineRule({
  id: 'NET-08',
  title: 'Inbound rules on a function-only security group are never used',
  severity: 'info',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/foundation-networking.html',
  appliesTo: ['securityGroup', 'lambda'],
  why: 'Security groups are stateful: responses to the function\'s own connections are allowed whatever the inbound rules say, and nothing opens a connection to a function\'s network interface (invocations arrive through the Lambda service). A function\'s security group needs no inbound rule, so none is ever asked for here; NACLs are stateless, but the default NACL allows all traffic.',
  check(ctx) {
    const { index } = ctx;
    const usedByOthers = new Set(ctx.design.nodes.flatMap((n) => (n.kind === 'lambda' ? [] : ((n.props as { securityGroups?: unknown }).securityGroups as string[] | undefined) ?? [])));
    return index.ofKind('securityGroup').flatMap((sg): RuleFinding[] => {
      const fns = ctx.functionsUsingGroup(sg.id);
      if (!fns.length || usedByOthers.has(sg.id) || !sg.props.ingress.length) return [];
      return [{
        target: sg,
        message: `"${sg.name}" is used only by ${names(fns)} and has ${sg.props.ingress.length} inbound rule${sg.props.ingress.length > 1 ? 's' : ''}: a function never accepts inbound connections, and responses need no inbound rule (security groups are stateful).`,
        fix: `Remove the inbound rules of "${sg.name}"; admit the function in the target's security group instead (inbound from "${sg.name}").`,
      }];
    });
  },
});

import { formatNumber } from '../../format';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { earlierOverlaps, freeBlockFix, list, subnetsByVpc } from './support';

export default defineRule({
  id: 'NET-18',
  title: 'Subnets of one VPC with overlapping CIDR blocks',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  appliesTo: ['subnet'],
  why: 'Each subnet of a VPC owns its own range of addresses: AWS refuses a subnet whose CIDR block overlaps the block of another subnet in the same VPC, so this design cannot be deployed as drawn.',
  check(ctx) {
    return subnetsByVpc(ctx.index).flatMap(({ vpc, subnets }) => {
      // The later subnet is the one to change: the earlier one was there first.
      const overlaps = earlierOverlaps(subnets);
      return subnets.flatMap((subnet, i): RuleFinding[] => {
        const { count, first: clashes } = overlaps[i];
        if (!count) return [];
        const named = list(clashes.map((c) => `"${c.name}" (${c.props.cidr})`));
        return [{
          target: subnet,
          message: `Subnet "${subnet.name}" (${subnet.props.cidr}) overlaps ${count === clashes.length ? `subnet${count > 1 ? 's' : ''} ${named}` : `${formatNumber(count)} subnets (${named} among them)`} in VPC "${vpc.name}": AWS will not create it.`,
          fix: freeBlockFix(vpc, subnets, subnet),
        }];
      });
    });
  },
});

import { cidrContains, parseCidr, SMALLEST_SUBNET_BITS } from '../../model/cidr';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { freeBlockFix, subnetsByVpc } from './support';

/** AWS's largest subnet (and VPC) block. */
const LARGEST_SUBNET_BITS = 16;

export default defineRule({
  id: 'NET-19',
  title: 'Subnet CIDR block outside its VPC or of a size AWS refuses',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  appliesTo: ['subnet', 'vpc'],
  why: "A subnet's CIDR block must lie within its VPC's CIDR block (it is a subset of it, or all of it), and a subnet is between a /16 (65,536 addresses) and a /28 (16 addresses); AWS refuses any other block.",
  check(ctx) {
    return subnetsByVpc(ctx.index).flatMap(({ vpc, subnets }) => subnets.flatMap((subnet): RuleFinding[] => {
      const block = parseCidr(subnet.props.cidr);
      // Malformed blocks are load problems (the schema names the JSON path), not findings.
      if (!block || !parseCidr(vpc.props.cidr)) return [];
      if (!cidrContains(vpc.props.cidr, subnet.props.cidr)) {
        return [{
          target: subnet,
          message: `Subnet "${subnet.name}" (${subnet.props.cidr}) is not inside the CIDR block of its VPC "${vpc.name}" (${vpc.props.cidr}): AWS will not create it.`,
          fix: freeBlockFix(vpc, subnets, subnet),
        }];
      }
      if (block.bits < LARGEST_SUBNET_BITS || block.bits > SMALLEST_SUBNET_BITS) {
        return [{
          target: subnet,
          message: `Subnet "${subnet.name}" is a /${block.bits} (${subnet.props.cidr}); AWS subnets are between /${LARGEST_SUBNET_BITS} and /${SMALLEST_SUBNET_BITS}.`,
          fix: `Give "${subnet.name}" a block between /${LARGEST_SUBNET_BITS} and /${SMALLEST_SUBNET_BITS} inside ${vpc.props.cidr}.`,
        }];
      }
      return [];
    }));
  },
});

import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { GATEWAY_SERVICES, unitPrice } from './support';

export default defineRule({
  id: 'COST-08',
  title: 'Interface endpoint for S3 or DynamoDB where a gateway endpoint would do',
  severity: 'info',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/prescriptive-guidance/latest/aws-startup-security-baseline/wkld-12.html',
  appliesTo: ['vpcEndpoint'],
  why: 'S3 and DynamoDB also have gateway endpoints, which carry no charge and are recommended for single-account, single-Region workloads; interface endpoints are billed per hour in each AZ and per GB. An interface endpoint is needed only for access from on premises, a peered VPC or another Region.',
  check(ctx) {
    return ctx.index.ofKind('vpcEndpoint').flatMap((ep): RuleFinding[] => {
      if (ep.props.endpointType !== 'interface' || !GATEWAY_SERVICES.includes(ep.props.service)) return [];
      const hourly = unitPrice(ctx.design.region, 'vpc.interfaceEndpoint.hours');
      const azs = ep.props.subnets.length;
      return [{
        target: ep,
        message: `"${ep.name}" is an interface endpoint for ${ep.props.service} in ${azs} subnet${azs === 1 ? '' : 's'}${hourly ? `, billed ${hourly} plus data processing` : ''}; a gateway endpoint for ${ep.props.service} costs nothing.`,
        fix: `Replace "${ep.name}" with a gateway endpoint for ${ep.props.service} on the route tables of the functions' subnets, unless on-premises, peered-VPC or cross-Region clients need it.`,
      }];
    });
  },
});

import { dec } from '../../money';
import type { CostComponent, Estimator, Unpriced } from '../../types';
import { processedVolume, routedThrough, subnetsOf } from './routed';

/** VPC endpoints.
 *  - Interface: hours per endpoint per AZ it is provisioned in (pricing.md P88: "per endpoint per
 *    AZ"; the AZs are the distinct AZs of its subnets — two subnets in one AZ are one ENI-AZ), and
 *    the GB it processes: the traffic the reachability analysis sends through this endpoint
 *    (routedThrough) — or the `gbProcessedPerMonth` entered at the endpoint, which replaces it — on
 *    tiers summed over every interface endpoint of the design (convention 4).
 *  - Gateway (S3, DynamoDB): a $0 line, "gateway endpoints are free" (P92), citing the catalog's
 *    vpc.gatewayEndpoint source, with the traffic it carries for free. */
export const estimateVpcEndpoint: Estimator = (ctx, node) => {
  if (node.kind !== 'vpcEndpoint') return [];
  const p = node.props;
  if (p.endpointType === 'gateway') {
    const routed = routedThrough(ctx, (path) => path.via === 'gatewayEndpoint' && path.hops.some((h) => h.kind === 'gatewayEndpoint' && h.node?.id === node.id));
    const carries = routed.gb.isZero() ? '' : `; it carries ${routed.gb.toSignificantDigits(6).toFixed()} GB a month (${routed.from}) at no charge`;
    return [ctx.line(node, `Gateway endpoint (${p.service}): free`, 'vpc.gatewayEndpoint', dec(1), `configuration: gateway endpoints are free — no hourly or data processing charge${carries}`)];
  }
  const subnets = subnetsOf(ctx, p.subnets);
  const azs = [...new Set(subnets.map((s) => s.props.az))].sort();
  const lines: (CostComponent | Unpriced)[] = [];
  if (!azs.length) {
    lines.push({ node: node.id, nodeName: node.name, component: 'Endpoint hours', reason: 'interface endpoint has no subnets: it is billed per AZ it is provisioned in, and none is given' });
  } else {
    const where = azs.map((az) => `${ctx.design.region}${az} (${subnets.filter((s) => s.props.az === az).map((s) => `"${s.name}"`).join(', ')})`).join(', ');
    lines.push(ctx.line(node, `Endpoint hours (${azs.length} AZ${azs.length === 1 ? '' : 's'})`, 'vpc.interfaceEndpoint.hours', dec(azs.length).times(ctx.hoursPerMonth),
      `configuration: ${azs.length} AZ${azs.length === 1 ? '' : 's'} — ${where} — × ${ctx.hoursPerMonth} h a month`));
  }
  const routed = routedThrough(ctx, (path) => path.via === 'interfaceEndpoint' && path.hops.some((h) => h.kind === 'interfaceEndpoint' && h.node?.id === node.id));
  const processed = processedVolume(ctx, node, routed);
  lines.push(ctx.line(node, 'Data processed', 'vpc.interfaceEndpoint.dataProcessed', processed.gb, processed.from));
  return lines;
};

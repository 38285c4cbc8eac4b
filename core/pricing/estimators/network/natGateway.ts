import { dec, sum } from '../../money';
import type { Estimator } from '../../types';
import { azOf, processedVolume, routedThrough } from './routed';

/** Cross-AZ transfer is charged "in each direction" (pricing.md P121): a GB that crosses from the
 *  function's AZ to the NAT gateway's AZ is billed once out of one AZ and once into the other, as
 *  Infracost does (intra-region GB × 2). */
const CROSS_AZ_DIRECTIONS = 2;

/** NAT gateway: one line of hours per NAT gateway node (a design with one NAT per AZ shows each —
 *  pricing.md §9: "one NAT gateway per AZ means one hourly charge per AZ"; partial hours bill as
 *  full ones, so the month is the catalog's 730 h, convention 1), and the GB it processes: the
 *  traffic that the reachability analysis routes through THIS gateway (see routedThrough). Private
 *  NAT gateways bill the same way. A `gbProcessedPerMonth` entered at the gateway replaces the routed
 *  volume (processedVolume). When a function's subnet routes to a NAT gateway in another AZ, that
 *  traffic also pays cross-AZ transfer (pricing.md §9 rules) — counted from the routed paths, so it
 *  stays when the processed GB is entered. */
export const estimateNatGateway: Estimator = (ctx, node) => {
  if (node.kind !== 'natGateway') return [];
  const routed = routedThrough(ctx, (p) => p.via === 'nat' && p.natGateway?.id === node.id);
  const processed = processedVolume(ctx, node, routed);
  const lines = [
    ctx.line(node, 'NAT gateway hours', 'vpc.natGateway.hours', dec(ctx.hoursPerMonth), `configuration: 1 NAT gateway × ${ctx.hoursPerMonth} h a month`),
    ctx.line(node, 'Data processed', 'vpc.natGateway.dataProcessed', processed.gb, processed.from),
  ];
  const natAz = azOf(ctx, node.parent);
  const crossing = routed.paths.filter(({ path }) => natAz && azOf(ctx, path.subnet?.id) && azOf(ctx, path.subnet?.id) !== natAz);
  if (crossing.length) {
    const gb = sum(crossing.map((c) => c.gb));
    const subnets = [...new Set(crossing.map(({ path }) => `"${path.subnet?.name}" (${path.az})`))].join(', ');
    lines.push(ctx.line(node, 'Cross-AZ data transfer', 'dataTransfer.crossAz', gb.times(CROSS_AZ_DIRECTIONS),
      `${gb.toSignificantDigits(6).toFixed()} GB from ${subnets} to this NAT gateway in AZ ${ctx.design.region}${natAz}, billed in each direction (× ${CROSS_AZ_DIRECTIONS})`));
  }
  return lines;
};

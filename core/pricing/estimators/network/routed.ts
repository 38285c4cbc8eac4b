import { own } from '../../../model/own';
import { formatNumber } from '../../../format';
import type { DesignNode, NodeOfKind } from '../../../model/design';
import type { SubnetPath } from '../../../semantics';
import { dec, type Dec, ZERO } from '../../money';
import type { EstimateContext } from '../../types';

/** pricing.md convention 2 (the API Gateway page's "3 KB × 5 million = 14.3 GB"): 1 GB = 1024² KB. */
export const KB_PER_GB = 1024 * 1024;

/** Request + response size of one call along an access/invoke edge when the profile gives no
 *  `avgPayloadKb` for the edge: 1 KB (a small JSON call such as GetSecretValue). An assumption,
 *  named in every line that uses it. */
export const DEFAULT_CALL_PAYLOAD_KB = 1;

/** As traffic.ts writes volumes: integers in full, fractions to 6 significant digits. */
const fmt = (n: number) => formatNumber(Number.isInteger(n) ? n : Number(n.toPrecision(6)));

export interface Routed {
  gb: Dec;
  /** Where the volume came from, edge by edge (or why there is none). */
  from: string;
  /** The paths counted, for lines that need the AZs they came from. */
  paths: { path: SubnetPath; gb: Dec }[];
}

/** The data of every function → target edge whose per-subnet path `uses` something (a NAT
 *  gateway, an endpoint): the edge's calls a month (traffic propagation) × its payload
 *  (request + response, `avgPayloadKb` of the edge in the active profile), split evenly over the
 *  function's subnets — Lambda spreads invocations over the subnets/AZs it is attached to — and
 *  counted only for the subnets whose path works (a broken path carries nothing). */
export function routedThrough(ctx: EstimateContext, uses: (path: SubnetPath) => boolean): Routed {
  const edgeUsage = own(ctx.design.usage.profiles, ctx.traffic.profile)?.edges ?? {};
  const parts: string[] = [];
  const paths: Routed['paths'] = [];
  let kb = ZERO;
  for (const r of ctx.reachability) {
    const through = r.paths.filter((p) => p.reachable && uses(p));
    if (!through.length) continue;
    const calls = own(ctx.traffic.edges, r.edge)?.events ?? 0;
    const entered = edgeUsage[r.edge]?.avgPayloadKb;
    const payloadKb = entered ?? DEFAULT_CALL_PAYLOAD_KB;
    const perPathKb = dec(calls).times(payloadKb).div(r.paths.length);
    for (const path of through) paths.push({ path, gb: perPathKb.div(KB_PER_GB) });
    kb = kb.plus(perPathKb.times(through.length));
    const share = r.paths.length === 1 ? '' : ` × ${through.length}/${r.paths.length} of its subnets`;
    parts.push(`${fmt(calls)} calls "${r.from.name}" → "${r.to.name}" × ${fmt(payloadKb)} KB${entered === undefined ? ` (assumed: no avgPayloadKb on the edge)` : ''}${share}`);
  }
  return {
    gb: kb.div(KB_PER_GB),
    from: parts.length ? `${parts.join(' + ')}, 1 GB = 1024² KB` : 'no function traffic in the active profile goes this way',
    paths,
  };
}

/** The subnets a node lists, resolved. */
export function subnetsOf(ctx: EstimateContext, ids: readonly string[]): NodeOfKind<'subnet'>[] {
  return ids.map((id) => ctx.index.node(id)).filter((n): n is NodeOfKind<'subnet'> => n?.kind === 'subnet');
}

/** The AZ letter of a subnet node id, if it is one. */
export function azOf(ctx: EstimateContext, subnetId: string | undefined): string | undefined {
  const n: DesignNode | undefined = subnetId ? ctx.index.node(subnetId) : undefined;
  return n?.kind === 'subnet' ? n.props.az : undefined;
}

/** The GB a NAT gateway or interface endpoint processes: `gbProcessedPerMonth` entered at it, which
 *  replaces the routed volume (usageFields: "replaces the routed volume"), else what the reachability
 *  analysis routes through it. */
export function processedVolume(ctx: EstimateContext, node: DesignNode, routed: Routed): { gb: Dec; from: string } {
  const entered = ctx.usage(node.id).gbProcessedPerMonth;
  if (entered === undefined) return { gb: routed.gb, from: routed.from };
  const replaced = routed.gb.isZero() ? '' : ` (replaces the ${routed.gb.toSignificantDigits(6).toFixed()} GB routed through it: ${routed.from})`;
  return { gb: dec(entered), from: `${fmt(entered)} GB a month entered at "${node.name}"${replaced}` };
}

import { boundedForAnalysis } from '../model/bounded';
import { withoutRefusedEdges } from '../model/setAside';
import { own } from '../model/own';
import { indexDesign, type DesignIndex } from '../graph';
import type { Design } from '../model/design';
import { propagateTraffic, reachEdge, type Reachability } from '../semantics';
import { catalogFor, emptyCatalog, SUPPORTED_REGIONS, tieredCost, unitPriceLabel, type PriceCatalog } from './catalog';
import { conventionsFor } from './conventions';
import { ESTIMATORS, UNPRICED_KINDS } from './estimators';
import { amount, dec, Dec, sum, ZERO } from './money';
import { splitNeedsInput, splitUnpricedNeedingInput } from './needsInput';
import { isUnpriced, type CostComponent, type CostConventions, type EstimateContext, type NeedsInput, type Unpriced } from './types';

export interface CostOptions {
  /** Usage profile name; defaults to the design's active profile. */
  profile?: string;
  /** Region to price in; defaults to the design's region. */
  region?: string;
  /** Apply AWS's always-free allowances (off by default, as Infracost and AWS's calculator). */
  freeTier?: boolean;
  /** Hours in a month for every hourly charge: the catalog's (730, as the AWS Pricing Calculator)
   *  unless 720 is asked for (some AWS page examples use 720). */
  hoursPerMonth?: 720 | 730;
  /** Reuse an analysis already computed for this design. */
  reachability?: readonly Reachability[];
}

export interface CostReport {
  currency: 'USD';
  /** The region's catalog; version and asOf are "none" when the region has no catalog. */
  catalog: { version: string; asOf: string };
  region: string;
  /** Whether `region` has a price catalog, and the regions that do. */
  regionHasCatalog: boolean;
  catalogRegions: string[];
  profile: string | null;
  freeTier: boolean;
  monthlyTotal: Dec;
  components: CostComponent[];
  /** Priced components with no volume because a usage value is missing, with where to enter it. */
  needsInput: NeedsInput[];
  unpriced: Unpriced[];
  conventions: CostConventions;
  notes: string[];
}

/** Monthly cost of a design: every node's estimator, volumes from traffic propagation, prices from
 *  the region's catalog. A region without a catalog (or a catalog without a key) degrades per line:
 *  each line whose price is missing is unpriced ("no price in <region> for <key>"), the rest is
 *  priced. A line whose quantity is 0 because no usage was entered is listed in `needsInput`. */
export function estimateCost(input: Design, options: CostOptions = {}): CostReport {
  // Out-of-range values priced as AWS would clamp them, never as written (model/bounded.ts).
  const design = withoutRefusedEdges(boundedForAnalysis(input));
  const region = options.region ?? design.region;
  const profile = options.profile ?? design.usage.active;
  const found = catalogFor(region);
  const catalog: PriceCatalog = found ?? emptyCatalog(region);
  const hoursPerMonth = options.hoursPerMonth ?? catalog.hoursPerMonth;
  const index = indexDesign(design);
  const traffic = propagateTraffic(design, profile, hoursPerMonth);
  const used = new Map<string, Dec>();
  const notes = [...traffic.notes];
  if (profile && !own(design.usage.profiles, profile)) notes.push(`No usage profile "${profile}": only fixed monthly charges are shown.`);
  if (!found) notes.push(`No price catalog for ${region}: each line says "no price in ${region} for <price>" and is not in the total. Regions with catalogs: ${SUPPORTED_REGIONS.join(', ')}.`);
  const usage = (id: string) => own(own(design.usage.profiles, profile)?.nodes, id) ?? {};
  let reachability: readonly Reachability[] | undefined;
  const ctx: EstimateContext = {
    design, index, region, catalog, traffic,
    // Only the NAT gateway and VPC endpoint lines read the paths, and only paths of functions attached
    // to a VPC go through either: traced when first asked, for those functions' edges alone (a design
    // without a VPC traces nothing; issue 15, cost of 5,000 nodes).
    get reachability() {
      return (reachability ??= options.reachability ?? vpcFunctionReachability(design, index));
    },
    hoursPerMonth,
    usage,
    price: (key) => catalog.prices[key],
    line(node, component, key, volume, volumeFrom) {
      const price = catalog.prices[key];
      if (!price) return { node: node.id, nodeName: node.name, component, reason: `no price in ${region} for ${key}` };
      const quantity = amount(volume, `${node.name} · ${component}: the quantity`);
      // Only a tiered price needs the units already counted under its key (one addition per line saved
      // for every flat price, most of them).
      let before = ZERO;
      if (price.tiers.length > 1) {
        before = used.get(key) ?? ZERO;
        used.set(key, before.plus(quantity));
      }
      return {
        node: node.id, nodeName: node.name, component, unit: price.unit, quantity, unitPrice: unitPriceLabel(price),
        monthly: amount(tieredCost(price, quantity, before), `${node.name} · ${component}: the monthly amount`), priceKey: key, priceSource: price.source, volumeFrom,
      };
    },
  };
  const priced: CostComponent[] = [];
  const unpriced: Unpriced[] = [];
  for (const node of design.nodes) {
    const estimator = ESTIMATORS[node.kind];
    if (!estimator) {
      const why = UNPRICED_KINDS[node.kind];
      if (why) unpriced.push({ node: node.id, nodeName: node.name, component: 'all', reason: why });
      continue;
    }
    for (const line of estimator(ctx, node)) {
      if (isUnpriced(line)) unpriced.push(line);
      else priced.push(line);
    }
  }
  const { components, needsInput: zeroLines } = splitNeedsInput(priced, catalog, index, traffic, usage);
  const { unpriced: unpricedLines, needsInput: asked } = splitUnpricedNeedingInput(unpriced, index);
  if (options.freeTier) components.push(...freeTierCredits(catalog, components));
  return {
    currency: 'USD', catalog: { version: catalog.version, asOf: catalog.asOf }, region, regionHasCatalog: !!found, catalogRegions: [...SUPPORTED_REGIONS],
    profile: traffic.profile, freeTier: !!options.freeTier, monthlyTotal: sum(components.map((c) => c.monthly)), components,
    needsInput: orderByNode(design, [...zeroLines, ...asked]), unpriced: unpricedLines,
    conventions: conventionsFor(catalog, hoursPerMonth, priced.map((c) => c.priceKey)), notes,
  };
}

/** The reachability of the edges of functions attached to a VPC: the same entries analyzeReachability
 *  gives for them (the paths that can cross a NAT gateway or an endpoint), none for the rest. */
function vpcFunctionReachability(design: Design, index: DesignIndex): Reachability[] {
  const out: Reachability[] = [];
  for (const e of design.edges) {
    const from = index.node(e.from);
    if (from?.kind !== 'lambda' || !from.props.vpc) continue;
    const r = reachEdge(index, e);
    if (r) out.push(r);
  }
  return out;
}

/** Needs-input entries in design order (a node's entries together: lines with no volume, then values an estimator asked for). */
function orderByNode(design: Design, entries: NeedsInput[]): NeedsInput[] {
  const rank = new Map(design.nodes.map((n, i) => [n.id, i]));
  return entries.map((e, i) => ({ e, i })).sort((x, y) => (rank.get(x.e.node) ?? 0) - (rank.get(y.e.node) ?? 0) || x.i - y.i).map(({ e }) => e);
}

/** Always-free allowances as credit lines (first units at the first tier's price), one per
 *  allowance, shared by every node that uses the priced unit. */
function freeTierCredits(catalog: PriceCatalog, components: CostComponent[]): CostComponent[] {
  const credits: CostComponent[] = [];
  for (const [allowanceKey, allowance] of Object.entries(catalog.freeTier)) {
    const matching = components.filter((c) => c.priceKey === allowanceKey || c.priceKey.startsWith(`${allowanceKey}.`) || (allowanceKey === 'sqs.requests' && /^sqs\.(standard|fifo)\.requests$/.test(c.priceKey)) || (allowanceKey === 'logs.ingestion' && c.priceKey === 'logs.lambdaVendedIngestion'));
    if (!matching.length) continue;
    const totalQuantity = sum(matching.map((c) => c.quantity));
    const totalMoney = sum(matching.map((c) => c.monthly));
    const free = Dec.min(totalQuantity, dec(allowance.quantity));
    if (free.lte(ZERO)) continue;
    const price = catalog.prices[matching[0].priceKey];
    const credit = Dec.min(totalMoney, tieredCost(price, free));
    credits.push({
      node: '*', nodeName: 'AWS free tier', component: `Free tier: ${allowanceKey}`, unit: matching[0].unit, quantity: free.negated(), unitPrice: price.tiers[0].usd,
      monthly: credit.negated(), priceKey: allowanceKey, priceSource: allowance.source, volumeFrom: `always-free allowance of ${allowance.quantity}${allowance.note ? ` (${allowance.note})` : ''}`,
    });
  }
  return credits;
}

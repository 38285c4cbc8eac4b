import { indexDesign } from '../graph';
import type { Design } from '../model/design';
import { analyzeReachability, propagateTraffic, type Reachability } from '../semantics';
import { catalogFor, tieredCost, unitPriceLabel, type PriceCatalog } from './catalog';
import { ESTIMATORS, FREE_KINDS, UNPRICED_KINDS } from './estimators';
import { dec, Dec, sum, ZERO } from './money';
import { isUnpriced, type CostComponent, type EstimateContext, type Unpriced } from './types';

export interface CostOptions {
  /** Usage profile name; defaults to the design's active profile. */
  profile?: string;
  /** Region to price in; defaults to the design's region. */
  region?: string;
  /** Apply AWS's always-free allowances (off by default, as Infracost and AWS's calculator). */
  freeTier?: boolean;
  /** Reuse an analysis already computed for this design. */
  reachability?: readonly Reachability[];
}

export interface CostReport {
  currency: 'USD';
  catalog: { version: string; asOf: string };
  region: string;
  profile: string | null;
  freeTier: boolean;
  monthlyTotal: Dec;
  components: CostComponent[];
  unpriced: Unpriced[];
  notes: string[];
}

/** Monthly cost of a design: every node's estimator, volumes from traffic propagation, prices from
 *  the region's catalog. Undefined catalog (unsupported region) → every billed node is unpriced. */
export function estimateCost(design: Design, options: CostOptions = {}): CostReport {
  const region = options.region ?? design.region;
  const profile = options.profile ?? design.usage.active;
  const catalog: PriceCatalog | undefined = catalogFor(region);
  const index = indexDesign(design);
  const traffic = propagateTraffic(design, profile);
  const used = new Map<string, Dec>();
  const notes = [...traffic.notes];
  if (profile && !design.usage.profiles[profile]) notes.push(`No usage profile "${profile}": only fixed monthly charges are shown.`);
  if (!catalog) {
    return {
      currency: 'USD', catalog: { version: 'none', asOf: 'none' }, region, profile: traffic.profile, freeTier: !!options.freeTier, monthlyTotal: ZERO, components: [],
      unpriced: design.nodes.filter((n) => !FREE_KINDS.includes(n.kind)).map((n) => ({ node: n.id, nodeName: n.name, component: 'all', reason: `no price catalog for region ${region}` })),
      notes,
    };
  }
  const ctx: EstimateContext = {
    design, index, region, catalog, traffic,
    reachability: options.reachability ?? analyzeReachability(design),
    hoursPerMonth: catalog.hoursPerMonth,
    usage: (id) => (profile ? design.usage.profiles[profile]?.nodes[id] : undefined) ?? {},
    price: (key) => catalog.prices[key],
    line(node, component, key, quantity, volumeFrom) {
      const price = catalog.prices[key];
      if (!price) return { node: node.id, nodeName: node.name, component, reason: `the ${region} price catalog has no price for ${key}` };
      const before = used.get(key) ?? ZERO;
      used.set(key, before.plus(quantity));
      return {
        node: node.id, nodeName: node.name, component, unit: price.unit, quantity, unitPrice: unitPriceLabel(price),
        monthly: tieredCost(price, quantity, before), priceKey: key, priceSource: price.source, volumeFrom,
      };
    },
  };
  const components: CostComponent[] = [];
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
      else components.push(line);
    }
  }
  if (options.freeTier) components.push(...freeTierCredits(catalog, components));
  return {
    currency: 'USD', catalog: { version: catalog.version, asOf: catalog.asOf }, region, profile: traffic.profile, freeTier: !!options.freeTier,
    monthlyTotal: sum(components.map((c) => c.monthly)), components, unpriced, notes,
  };
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

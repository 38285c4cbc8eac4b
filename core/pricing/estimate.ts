import { boundedForAnalysis } from '../model/bounded';
import { withoutRefusedEdges } from '../model/setAside';
import { own } from '../model/own';
import { indexDesign, type DesignIndex } from '../graph';
import type { Design } from '../model/design';
import { propagateTraffic, reachEdge, trafficNotes, type Reachability, type Traffic } from '../semantics';
import { catalogFor, emptyCatalog, SUPPORTED_REGIONS, tieredCost, unitPriceLabel, type PriceCatalog } from './catalog';
import { conventionsFor } from './conventions';
import { ESTIMATORS, UNPRICED_KINDS } from './estimators';
import { amount, dec, Dec, sum, ZERO } from './money';
import { hasTraffic, splitNeedsInput, splitUnpricedNeedingInput } from './needsInput';
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
 *  priced. A line whose quantity is 0 because no usage was entered is listed in `needsInput`.
 *
 *  Made in three steps, which core/incremental/cost.ts runs per part of the design, reusing the parts
 *  an edit did not touch: `prepareCost` (the design bounded, indexed, its traffic), `priceLines`
 *  (every node's lines, flat prices multiplied out) and `assembleCost` (tiered prices, counted over
 *  the whole design in its order, the totals and the notes). */
export function estimateCost(input: Design, options: CostOptions = {}): CostReport {
  const settings = costSettings(input, options);
  const prepared = prepareCost(input, settings, options.reachability);
  return assembleCost(input, settings, [{ nodes: input.nodes, prepared, lines: priceLines(prepared, settings, prepared.hasTraffic) }]);
}

/** What an estimate is made with, from the options and the design's own fields. */
export interface CostSettings {
  region: string;
  profile: string | null;
  catalog: PriceCatalog;
  found: boolean;
  hoursPerMonth: number;
  freeTier: boolean;
}

export function costSettings(design: Design, options: CostOptions): CostSettings {
  const region = options.region ?? design.region;
  const found = catalogFor(region);
  const catalog: PriceCatalog = found ?? emptyCatalog(region);
  return { region, profile: options.profile ?? design.usage.active, catalog, found: !!found, hoursPerMonth: options.hoursPerMonth ?? catalog.hoursPerMonth, freeTier: !!options.freeTier };
}

/** A design (or one part of it) ready to price: bounded, without refused edges, indexed, its traffic. */
export interface PreparedCost {
  design: Design;
  index: DesignIndex;
  traffic: Traffic;
  /** Whether any node has traffic (a zero line elsewhere is then not missing input). */
  hasTraffic: boolean;
  /** The places (in the design's node list) of the nodes on loops. */
  loops: number[];
  reachability?: readonly Reachability[];
}

export function prepareCost(input: Design, settings: CostSettings, reachability?: readonly Reachability[]): PreparedCost {
  // Out-of-range values priced as AWS would clamp them, never as written (model/bounded.ts).
  const design = withoutRefusedEdges(boundedForAnalysis(input));
  const index = indexDesign(design);
  const traffic = propagateTraffic(design, settings.profile, settings.hoursPerMonth);
  const onLoop = new Set(traffic.loops);
  const loops: number[] = [];
  if (onLoop.size) design.nodes.forEach((n, i) => { if (onLoop.has(n)) loops.push(i); });
  return { design, index, traffic, hasTraffic: anyTraffic(traffic), loops, reachability };
}

/** One node's lines: priced components (a tiered one's amount is made when the design is put
 *  together), the lines that need input, and what cannot be priced. */
export interface NodeLines {
  /** A tiered price's line has its amount made when the design is put together (0 until then). */
  components: readonly CostComponent[];
  /** The keys of the priced lines that need input (the conventions list the billing of every priced
   *  line's key). */
  zeroKeys: readonly string[];
  zero: readonly NeedsInput[];
  unpriced: readonly Unpriced[];
  asked: readonly NeedsInput[];
}

/** Most nodes have no line of a kind: one shared empty list, not one each. */
const NONE: readonly never[] = Object.freeze([]);

/** Every node's lines, in the design's node order. `anyTrafficInDesign`: whether the whole design
 *  (not only this part) has traffic. */
export function priceLines(prepared: PreparedCost, settings: CostSettings, anyTrafficInDesign: boolean): NodeLines[] {
  const { design, index, traffic } = prepared;
  const { region, catalog, hoursPerMonth } = settings;
  const profile = settings.profile;
  const usage = (id: string) => own(own(design.usage.profiles, profile)?.nodes, id) ?? {};
  let reachability = prepared.reachability;
  const ctx: EstimateContext = {
    design, index, region, catalog, traffic,
    // Only the NAT gateway and VPC endpoint lines read the paths, and only paths of functions attached
    // to a VPC go through either: traced when first asked, for those functions' edges alone (a design
    // without a VPC traces nothing; issue 15, cost of 5,000 nodes).
    get reachability() {
      return (reachability ??= vpcFunctionReachability(design, index));
    },
    hoursPerMonth,
    usage,
    price: (key) => catalog.prices[key],
    line(node, component, key, volume, volumeFrom) {
      const price = catalog.prices[key];
      if (!price) return { node: node.id, nodeName: node.name, component, reason: `no price in ${region} for ${key}` };
      const quantity = amount(volume, `${node.name} · ${component}: the quantity`);
      // A flat price is multiplied out here; a tiered one when the whole design is put together
      // (assembleCost), after the units counted before it under the same key.
      const flat = price.tiers.length === 1;
      return {
        node: node.id, nodeName: node.name, component, unit: price.unit, quantity, unitPrice: unitPriceLabel(price),
        monthly: flat ? amount(tieredCost(price, quantity), `${node.name} · ${component}: the monthly amount`) : ZERO, priceKey: key, priceSource: price.source, volumeFrom,
      };
    },
  };
  const out: NodeLines[] = [];
  for (const node of design.nodes) {
    const priced: CostComponent[] = [];
    const unpriced: Unpriced[] = [];
    const estimator = ESTIMATORS[node.kind];
    if (!estimator) {
      const why = UNPRICED_KINDS[node.kind];
      if (why) unpriced.push({ node: node.id, nodeName: node.name, component: 'all', reason: why });
    } else {
      for (const line of estimator(ctx, node)) {
        if (isUnpriced(line)) unpriced.push(line);
        else priced.push(line);
      }
    }
    // Most nodes have no line without volume and nothing unpriced: nothing to split then.
    const split = priced.some((c) => c.quantity.isZero()) ? splitNeedsInput(priced, catalog, index, traffic, usage, anyTrafficInDesign) : undefined;
    const rest = unpriced.length ? splitUnpricedNeedingInput(unpriced, index) : undefined;
    const zero = split?.needsInput.length ? split.needsInput : NONE;
    out.push({
      components: split ? split.components : priced,
      zeroKeys: zero.length ? priced.filter((c) => !split!.components.includes(c)).map((c) => c.priceKey) : NONE,
      zero, unpriced: rest ? rest.unpriced : NONE, asked: rest?.needsInput.length ? rest.needsInput : NONE,
    });
  }
  return out;
}

/** One part of the design, priced: its nodes (in design order: a subsequence of the design's list),
 *  prepared, and their lines. */
export interface PricedPart {
  nodes: readonly Design['nodes'][number][];
  prepared: PreparedCost;
  lines: readonly NodeLines[];
}

/** The estimate of the whole design from its priced parts: the nodes' lines in design order, tiered
 *  amounts counted over the design per key, the free tier, the totals and the notes. */
/** What assembleCost made last time, for a session to pass to the next call (core/incremental/cost.ts):
 *  a tiered line's amount, kept while the units counted before it are the same; the running total
 *  after each line, kept while the lines before it are the same objects. Every value is one the
 *  same arithmetic made, so the result is the same, digit for digit. */
export interface AssemblyMemo {
  tiered: WeakMap<CostComponent, { before: Dec; end: Dec; component: CostComponent }>;
  running: WeakMap<CostComponent, { before: Dec; after: Dec }>;
}

export function assembleCost(design: Design, settings: CostSettings, parts: readonly PricedPart[], memo?: AssemblyMemo): CostReport {
  const { region, catalog, hoursPerMonth, profile } = settings;
  // Each node's part, and its place there: parts hold their nodes in design order.
  const partOfNode = new Map<Design['nodes'][number], PricedPart>();
  for (const part of parts) for (const n of part.nodes) partOfNode.set(n, part);
  const cursor = new Map<PricedPart, { node: number; loop: number }>(parts.map((p) => [p, { node: 0, loop: 0 }]));
  const used = new Map<string, Dec>();
  const components: CostComponent[] = [];
  const keys: string[] = [];
  const zero: NeedsInput[] = [];
  const unpriced: Unpriced[] = [];
  const asked: NeedsInput[] = [];
  const loops: Design['nodes'][number][] = [];
  let capped = false;
  for (const part of parts) capped ||= part.prepared.traffic.capped;
  for (const node of design.nodes) {
    const part = partOfNode.get(node)!;
    const at = cursor.get(part)!;
    const i = at.node++;
    if (part.prepared.loops[at.loop] === i) {
      at.loop++;
      loops.push(part.prepared.design.nodes[i]!);
    }
    const lines = part.lines[i]!;
    for (const c of lines.components) {
      keys.push(c.priceKey);
      const price = catalog.prices[c.priceKey]!;
      if (price.tiers.length === 1) {
        components.push(c);
        continue;
      }
      const before = used.get(c.priceKey) ?? ZERO;
      if (!memo) {
        // Lines made for this estimate alone: the amount goes in place.
        used.set(c.priceKey, before.plus(c.quantity));
        c.monthly = amount(tieredCost(price, c.quantity, before), `${c.nodeName} · ${c.component}: the monthly amount`);
        components.push(c);
        continue;
      }
      const known = memo?.tiered.get(c);
      if (known && (known.before === before || known.before.eq(before))) {
        used.set(c.priceKey, known.end);
        components.push(known.component);
        continue;
      }
      const end = before.plus(c.quantity);
      used.set(c.priceKey, end);
      const component = { ...c, monthly: amount(tieredCost(price, c.quantity, before), `${c.nodeName} · ${c.component}: the monthly amount`) };
      memo?.tiered.set(c, { before, end, component });
      components.push(component);
    }
    for (const k of lines.zeroKeys) keys.push(k);
    for (const z of lines.zero) zero.push(z);
    for (const u of lines.unpriced) unpriced.push(u);
    for (const a of lines.asked) asked.push(a);
  }
  const notes = trafficNotes(loops, capped);
  if (profile && !own(design.usage.profiles, profile)) notes.push(`No usage profile "${profile}": only fixed monthly charges are shown.`);
  if (!settings.found) notes.push(`No price catalog for ${region}: each line says "no price in ${region} for <price>" and is not in the total. Regions with catalogs: ${SUPPORTED_REGIONS.join(', ')}.`);
  if (settings.freeTier) components.push(...freeTierCredits(catalog, components));
  return {
    currency: 'USD', catalog: { version: catalog.version, asOf: catalog.asOf }, region, regionHasCatalog: settings.found, catalogRegions: [...SUPPORTED_REGIONS],
    profile: profile && own(design.usage.profiles, profile) ? profile : null, freeTier: settings.freeTier, monthlyTotal: runningTotal(components, memo), components,
    needsInput: orderByNode(design, [...zero, ...asked]), unpriced,
    conventions: conventionsFor(catalog, hoursPerMonth, keys), notes,
  };
}

/** The lines' total, added in order as `sum` does (from zero; one line alone is its own amount). */
function runningTotal(components: readonly CostComponent[], memo?: AssemblyMemo): Dec {
  if (!memo || components.length === 1) return sum(components.map((c) => c.monthly));
  let total = ZERO;
  for (const c of components) {
    const known = memo.running.get(c);
    if (known && known.before === total) {
      total = known.after;
      continue;
    }
    const after = total.plus(c.monthly);
    memo.running.set(c, { before: total, after });
    total = after;
  }
  return total;
}

const anyTraffic = (traffic: Traffic): boolean => Object.keys(traffic.nodes).some((id) => hasTraffic(traffic, id));

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

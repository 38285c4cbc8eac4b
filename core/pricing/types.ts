import type { DesignIndex } from '../graph';
import type { Design, DesignNode, NodeUsage } from '../model/design';
import type { Reachability, Traffic } from '../semantics';
import type { PriceCatalog, PriceEntry } from './catalog';
import type { Dec } from './money';

/** One named line of a monthly estimate. Money is a decimal; `unitPrice` is the catalog's text. */
export interface CostComponent {
  node: string;
  nodeName: string;
  component: string;
  unit: string;
  quantity: Dec;
  unitPrice: string;
  monthly: Dec;
  /** The catalog key and the URL the price comes from. */
  priceKey: string;
  priceSource: string;
  /** Where the quantity came from (usage entered, traffic propagated, configuration). */
  volumeFrom: string;
}

/** Something that costs money but cannot be priced here, with the reason — never a silent $0. */
export interface Unpriced {
  node: string;
  nodeName: string;
  component: string;
  reason: string;
}

/** A priced component whose quantity is 0 because a usage value is missing (no traffic reaches it,
 *  no duration or storage entered): shown as "needs input" with where to enter the value, never as a
 *  silent $0.00 line. `enterAt` lists the nodes and usage fields (core/model/usageFields.ts keys)
 *  whose value would give it a volume: the sources upstream for requests, the node itself for a
 *  duration, a storage size or a direct volume. */
export interface NeedsInput {
  node: string;
  nodeName: string;
  component: string;
  hint: string;
  enterAt: { node: string; nodeName: string; field: string }[];
}

/** The conventions an estimate was made under, in words for people (and the numbers). */
export interface CostConventions {
  /** Hours in the month every hourly charge is multiplied by (730, or 720 when asked). */
  hoursPerMonth: number;
  /** How AWS rounds what it meters, for the services in this estimate ("Lambda duration per 1 ms"). */
  billingGranularity: string[];
  /** How volume tiers are counted. */
  tiering: string;
  /** The date the catalog's prices were seen ("none" without a catalog). */
  priceDate: string;
  catalogVersion: string;
  /** KB in a GB (1024 × 1024). */
  kbPerGb: number;
}

export interface EstimateContext {
  design: Design;
  index: DesignIndex;
  region: string;
  catalog: PriceCatalog;
  traffic: Traffic;
  reachability: readonly Reachability[];
  hoursPerMonth: number;
  /** The active profile's usage entered at a node. */
  usage(nodeId: string): NodeUsage;
  /** A catalog price, or undefined when this region's catalog lacks it. */
  price(key: string): PriceEntry | undefined;
  /** A priced line: applies volume tiers counted across the whole design (per key), or an Unpriced
   *  line naming the missing price. */
  line(node: DesignNode, component: string, key: string, quantity: Dec, volumeFrom: string): CostComponent | Unpriced;
}

/** Prices one resource kind: named components from catalog prices, never a price literal. */
export type Estimator = (ctx: EstimateContext, node: DesignNode) => (CostComponent | Unpriced)[];

export const isUnpriced = (c: CostComponent | Unpriced): c is Unpriced => 'reason' in c;

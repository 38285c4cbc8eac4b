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

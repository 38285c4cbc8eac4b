import apNortheast1 from './catalog/ap-northeast-1.json';
import apSouth1 from './catalog/ap-south-1.json';
import apSoutheast1 from './catalog/ap-southeast-1.json';
import apSoutheast2 from './catalog/ap-southeast-2.json';
import euCentral1 from './catalog/eu-central-1.json';
import euWest1 from './catalog/eu-west-1.json';
import euWest2 from './catalog/eu-west-2.json';
import usEast1 from './catalog/us-east-1.json';
import usEast2 from './catalog/us-east-2.json';
import usWest2 from './catalog/us-west-2.json';
import { dec, Dec, sum, ZERO } from './money';

/** One price of the catalog: a unit, volume tiers (cumulative upper bounds, null = no bound),
 *  and where the number comes from. */
export interface PriceEntry {
  unit: string;
  tiers: { upTo: string | null; usd: string }[];
  source: string;
  ref: string;
  seen: string;
  note?: string;
}

export interface FreeAllowance { quantity: string; unit?: string; source: string; ref: string; note?: string }

export interface PriceCatalog {
  format: 'serverless-designer-prices';
  version: string;
  asOf: string;
  region: string;
  currency: 'USD';
  hoursPerMonth: number;
  conventions: Record<string, string>;
  prices: Record<string, PriceEntry>;
  freeTier: Record<string, FreeAllowance>;
}

const CATALOGS: Record<string, PriceCatalog> = Object.fromEntries(
  [usEast1, usEast2, usWest2, euWest1, euCentral1, euWest2, apNortheast1, apSoutheast1, apSoutheast2, apSouth1].map((c) => [c.region, c as PriceCatalog]),
);

export const SUPPORTED_REGIONS = Object.keys(CATALOGS);

export function catalogFor(region: string): PriceCatalog | undefined {
  return CATALOGS[region];
}

/** The catalog whose conventions (hours a month, KB per GB, free tier, tier scope) apply where a
 *  region has none of its own. */
export const DEFAULT_CATALOG_REGION = 'us-east-1';

/** A catalog with no prices for a region that has none: every estimator still runs and each line
 *  becomes "no price in <region> for <key>"; the conventions are the default catalog's. */
export function emptyCatalog(region: string): PriceCatalog {
  const defaults = CATALOGS[DEFAULT_CATALOG_REGION] ?? Object.values(CATALOGS)[0];
  return {
    format: 'serverless-designer-prices', version: 'none', asOf: 'none', region, currency: 'USD',
    hoursPerMonth: defaults?.hoursPerMonth ?? 730, conventions: { ...defaults?.conventions }, prices: {}, freeTier: {},
  };
}

/** Each price's tiers as decimals, parsed once (pricing runs on every edit). */
const parsedTiers = new WeakMap<PriceEntry, { upTo: Dec | null; usd: Dec }[]>();
function tiersOf(price: PriceEntry): { upTo: Dec | null; usd: Dec }[] {
  let tiers = parsedTiers.get(price);
  if (!tiers) parsedTiers.set(price, (tiers = price.tiers.map((t) => ({ upTo: t.upTo === null ? null : dec(t.upTo), usd: dec(t.usd) }))));
  return tiers;
}

/** Cost of `quantity` units under tiered prices, after `alreadyUsed` units counted elsewhere
 *  (tiers are cumulative per month). */
export function tieredCost(price: PriceEntry, quantity: Dec, alreadyUsed: Dec = ZERO): Dec {
  const tiers = tiersOf(price);
  if (tiers.length === 1) return quantity.times(tiers[0].usd);
  let start = alreadyUsed;
  const end = alreadyUsed.plus(quantity);
  const parts: Dec[] = [];
  let lower = ZERO;
  for (const tier of tiers) {
    const upper = tier.upTo;
    const from = Dec.max(start, lower);
    const to = upper === null ? end : Dec.min(end, upper);
    if (to.gt(from)) parts.push(to.minus(from).times(tier.usd));
    if (upper !== null) lower = upper;
    if (upper === null || end.lte(upper)) break;
    start = Dec.max(start, upper);
  }
  return sum(parts);
}

/** The price of the first tier, or "tiered" when there are several (for tables). */
export function unitPriceLabel(price: PriceEntry): string {
  return price.tiers.length === 1 ? price.tiers[0].usd : `tiered from ${price.tiers[0].usd}`;
}

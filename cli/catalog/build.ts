// Builds a price catalog (core/pricing/catalog.ts PriceCatalog) from AWS Price List offer files.
// Pure: offers in, catalog and report out; reading and downloading live in main.ts.
import type { PriceCatalog, PriceEntry } from '../../core/pricing/catalog';
import { dec, type Dec } from '../../core/pricing/money';
import type { Offer, OfferProduct, PriceDimension } from './offer';
import { DEFAULT_KEYS, mappingFor, usageTypeSuffix, type PriceKeyMapping, type PriceListRule } from './priceListMap';

/** One offer file and the URL its prices are credited to. */
export interface OfferSource {
  offer: Offer;
  url: string;
}

export type Offers = Readonly<Record<string, OfferSource>>;

export interface BuildOptions {
  /** Conventions, free tier and hours a month for a Region that has no catalog yet (e.g. us-east-1's). */
  template?: Pick<PriceCatalog, 'conventions' | 'freeTier' | 'hoursPerMonth'>;
  /** More keys to build besides the map's and the existing catalog's (e.g. elasticache.node.cache.t4g.small). */
  keys?: readonly string[];
  version?: string;
  asOf?: string;
  /** The key → rule table (tests pass their own). */
  mapping?: (key: string) => PriceKeyMapping | undefined;
}

export interface KeyNote {
  key: string;
  reason: string;
  /** The existing catalog's entry was kept for this key. */
  keptExisting: boolean;
}

export interface BuildResult {
  catalog: PriceCatalog;
  /** Keys priced from an offer file. */
  filled: string[];
  /** Keys Price List is not used for (by the map): the existing entry is kept when there is one. */
  notFromPriceList: KeyNote[];
  /** Keys with a rule that no offer could fill: reported, never invented. */
  couldNotFill: KeyNote[];
  /** Problems that make the output untrustworthy: ambiguous matches, unexpected units, gaps in tiers. */
  errors: string[];
}

const regionOf = (p: OfferProduct): string | undefined => p.attributes.regionCode ?? p.attributes.fromRegionCode;

function describeRule(r: PriceListRule): string {
  const parts = [r.productFamily && `productFamily "${r.productFamily}"`, r.usagetype && `usagetype "<prefix>-${r.usagetype}"`, ...Object.entries(r.attributes ?? {}).map(([k, v]) => `${k} "${v}"`)];
  return parts.filter(Boolean).join(', ');
}

function matches(p: OfferProduct, r: PriceListRule, region: string): boolean {
  const productRegion = regionOf(p);
  if (productRegion !== undefined && productRegion !== region) return false;
  if (r.productFamily !== undefined && p.productFamily !== r.productFamily) return false;
  if (r.usagetype !== undefined && usageTypeSuffix(p.attributes.usagetype ?? '', region) !== r.usagetype) return false;
  return Object.entries(r.attributes ?? {}).every(([k, v]) => p.attributes[k] === v);
}

const plain = (d: Dec): string => d.toFixed();

type Priced = { entry: PriceEntry } | { missing: string } | { error: string };

function priceFromOffer(key: string, mapping: PriceKeyMapping, rule: PriceListRule, source: OfferSource, region: string, old: PriceEntry | undefined): Priced {
  const { offer } = source;
  const found = Object.values(offer.products).filter((p) => matches(p, rule, region) && (offer.onDemand[p.sku]?.length ?? 0) > 0);
  if (found.length === 0) return { missing: `no product in ${rule.offerCode} ${offer.version} for ${region} has ${describeRule(rule)} with an OnDemand price` };
  if (found.length > 1) {
    const names = found.map((p) => `${p.sku} (${p.attributes.usagetype ?? 'no usagetype'}${p.attributes.group ? `, group ${p.attributes.group}` : ''})`);
    return { error: `${key}: ambiguous — ${names.length} products in ${rule.offerCode} match ${describeRule(rule)}: ${names.join(' and ')}; make the rule in cli/catalog/priceListMap.ts more specific` };
  }
  const dims: (PriceDimension & { sku: string })[] = found.flatMap((p) => offer.onDemand[p.sku].map((d) => ({ ...d, sku: p.sku })));
  const wrongUnit = dims.find((d) => !rule.offerUnits.some((u) => u.toLowerCase() === d.unit.toLowerCase()));
  if (wrongUnit) return { error: `${key}: ${rule.offerCode} SKU ${wrongUnit.sku} prices per "${wrongUnit.unit}", not one of ${rule.offerUnits.map((u) => `"${u}"`).join(', ')} the map expects` };
  dims.sort((a, b) => dec(a.beginRange).comparedTo(dec(b.beginRange)));
  const droppedFree = !!rule.dropFreeFirstTier && dims.length > 1 && dec(dims[0].usd).isZero();
  if (droppedFree) dims.shift();
  else if (!dec(dims[0].beginRange).isZero()) return { error: `${key}: the first tier of ${rule.offerCode} SKU ${dims[0].sku} begins at ${dims[0].beginRange}, not 0` };
  for (let i = 1; i < dims.length; i++) {
    if (dims[i - 1].endRange === 'Inf' || !dec(dims[i - 1].endRange).eq(dec(dims[i].beginRange))) {
      return { error: `${key}: the tiers of ${rule.offerCode} SKU ${dims[i].sku} do not join: one ends at ${dims[i - 1].endRange}, the next begins at ${dims[i].beginRange}` };
    }
  }
  const last = dims[dims.length - 1];
  if (last.endRange !== 'Inf') return { error: `${key}: the last tier of ${rule.offerCode} SKU ${last.sku} ends at ${last.endRange}; a catalog price needs an unbounded last tier` };
  const scale = dec(rule.scale ?? '1');
  const entry: PriceEntry = {
    unit: old?.unit ?? mapping.unit,
    tiers: dims.map((d) => ({ upTo: d.endRange === 'Inf' ? null : plain(dec(d.endRange)), usd: plain(dec(d.usd).times(scale)) })),
    source: source.url,
    ref: `AWS Price List ${offer.offerCode} ${offer.version}`,
    seen: offer.publicationDate,
  };
  // An old note quoting the old source's text does not describe a Price List price.
  const note = mapping.note ?? (old?.note && !/source text/i.test(old.note) ? old.note : undefined);
  if (note) entry.note = note;
  return { entry };
}

/** The products of one offer that some rule for these keys could use (to keep from a huge offer file). */
export function productsWanted(offerCode: string, region: string, keys: readonly string[], mapping = mappingFor): (p: OfferProduct) => boolean {
  const rules = [...new Set([...DEFAULT_KEYS, ...keys])].flatMap((k) => {
    const r = mapping(k)?.priceList;
    return r && r.offerCode === offerCode ? [r] : [];
  });
  return (p) => rules.some((r) => matches(p, r, region));
}

/** Offers whose products are all for other Regions (the wrong file for this Region). */
function wrongRegionOffers(offers: Offers, region: string): string[] {
  return Object.entries(offers).flatMap(([code, { offer }]) => {
    // Free-tier SKUs are Global (an empty Region code); they say nothing about the file's Region.
    const regions = new Set(Object.values(offer.products).map(regionOf).filter((r): r is string => !!r));
    return regions.size > 0 && !regions.has(region) ? [`${code}: the offer holds products for ${[...regions].slice(0, 3).join(', ')}, none for ${region} — is it the right Region's file?`] : [];
  });
}

function dateOf(publicationDate: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})/.exec(publicationDate)?.[1];
}

/** The catalog for `region` from the offer files: every mapped key priced from its offer, the existing
 *  catalog's conventions and free-tier blocks kept, and every key that could not be filled listed. */
export function buildCatalog(offers: Offers, region: string, existing?: PriceCatalog, options: BuildOptions = {}): BuildResult {
  const mapOf = options.mapping ?? mappingFor;
  const keys = [...new Set([...Object.keys(existing?.prices ?? {}), ...DEFAULT_KEYS, ...(options.keys ?? [])])];
  const prices: Record<string, PriceEntry> = {};
  const result: Omit<BuildResult, 'catalog'> = { filled: [], notFromPriceList: [], couldNotFill: [], errors: wrongRegionOffers(offers, region) };
  const used = new Set<string>();

  for (const key of keys) {
    const mapping = mapOf(key);
    const old = existing?.prices[key];
    const keep = (list: KeyNote[], reason: string) => {
      if (old) prices[key] = old;
      list.push({ key, reason, keptExisting: !!old });
    };
    if (!mapping) {
      keep(result.couldNotFill, 'no Price List rule for this key (add one to cli/catalog/priceListMap.ts)');
      continue;
    }
    if (!mapping.priceList) {
      keep(result.notFromPriceList, mapping.reason ?? 'not from Price List');
      continue;
    }
    const source = offers[mapping.priceList.offerCode];
    if (!source) {
      keep(result.couldNotFill, `offer ${mapping.priceList.offerCode} not given`);
      continue;
    }
    const priced = priceFromOffer(key, mapping, mapping.priceList, source, region, old);
    if ('entry' in priced) {
      prices[key] = priced.entry;
      result.filled.push(key);
      used.add(mapping.priceList.offerCode);
    } else if ('missing' in priced) {
      keep(result.couldNotFill, priced.missing);
    } else {
      result.errors.push(priced.error);
      keep(result.couldNotFill, priced.error);
    }
  }

  const latest = [...used].map((code) => offers[code].offer.publicationDate).sort().at(-1);
  const latestDay = latest ? dateOf(latest) : undefined;
  const [y, m, d] = (latestDay ?? '').split('-').map(Number);
  const catalog: PriceCatalog = {
    format: 'serverless-designer-prices',
    version: options.version ?? (latestDay ? `${y}.${m}.${d}` : existing?.version ?? '0.0.0'),
    asOf: options.asOf ?? latestDay ?? existing?.asOf ?? '',
    region,
    currency: 'USD',
    hoursPerMonth: existing?.hoursPerMonth ?? options.template?.hoursPerMonth ?? 730,
    conventions: { ...(existing?.conventions ?? options.template?.conventions ?? {}) },
    prices,
    freeTier: { ...(existing?.freeTier ?? options.template?.freeTier ?? {}) },
  };
  return { catalog, ...result };
}

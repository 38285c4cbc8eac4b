// AWS Price List offer files (the bulk API's per-service, per-Region JSON), read and checked.
// Format: https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html
// Only the fields the catalog builder uses are checked; anything else in the file is ignored.

export interface PriceDimension {
  rateCode: string;
  description: string;
  unit: string;
  beginRange: string;
  endRange: string;
  usd: string;
}

export interface OfferProduct {
  sku: string;
  productFamily: string;
  attributes: Record<string, string>;
}

export interface Offer {
  offerCode: string;
  version: string;
  publicationDate: string;
  products: Record<string, OfferProduct>;
  /** OnDemand price dimensions per SKU (all of the SKU's OnDemand terms together). */
  onDemand: Record<string, PriceDimension[]>;
}

/** A file that is not a usable offer: `where` names the file and the JSON path. */
export class OfferError extends Error {}

const DEFAULT_OFFER_BASE = 'https://pricing.us-east-1.amazonaws.com';

/** The versioned URL of an offer file, as the Region index's currentVersionUrl gives it. */
export function offerUrl(offerCode: string, region: string, version = 'current', base = DEFAULT_OFFER_BASE): string {
  return `${base.replace(/\/+$/, '')}/offers/v1.0/aws/${offerCode}/${version}/${region}/index.json`;
}

export function regionIndexUrl(offerCode: string, base = DEFAULT_OFFER_BASE): string {
  return `${base.replace(/\/+$/, '')}/offers/v1.0/aws/${offerCode}/current/region_index.json`;
}

/** JSON.parse with the line and column of a syntax error (Node reports a character position). */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    if (!at) throw new OfferError(`${file}: not valid JSON: ${message}`);
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new OfferError(`${file}:${line}:${column}: not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function field(obj: Record<string, unknown>, key: string, path: string, file: string): string {
  const v = obj[key];
  if (typeof v !== 'string') throw new OfferError(`${file}: ${path}.${key}: expected a string, found ${v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 40)}`);
  return v;
}

function object(v: unknown, path: string, file: string): Record<string, unknown> {
  if (!isObject(v)) throw new OfferError(`${file}: ${path}: expected an object, found ${v === undefined ? 'nothing' : Array.isArray(v) ? 'an array' : JSON.stringify(v).slice(0, 40)}`);
  return v;
}

/** Checks a parsed offer file and keeps what the builder needs. `file` names it in every message. */
export function readOffer(json: unknown, file: string): Offer {
  const root = object(json, '$', file);
  const offerCode = field(root, 'offerCode', '$', file);
  const version = field(root, 'version', '$', file);
  const publicationDate = field(root, 'publicationDate', '$', file);
  const productsIn = object(root.products, '$.products', file);
  const products: Record<string, OfferProduct> = {};
  for (const [sku, raw] of Object.entries(productsIn)) {
    const path = `$.products.${sku}`;
    const p = object(raw, path, file);
    const attrsIn = object(p.attributes, `${path}.attributes`, file);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrsIn)) if (typeof v === 'string') attributes[k] = v;
    products[sku] = { sku, productFamily: typeof p.productFamily === 'string' ? p.productFamily : '', attributes };
  }
  const terms = object(root.terms, '$.terms', file);
  const onDemandIn = terms.OnDemand === undefined ? {} : object(terms.OnDemand, '$.terms.OnDemand', file);
  const onDemand: Record<string, PriceDimension[]> = {};
  for (const [sku, skuTerms] of Object.entries(onDemandIn)) {
    const dims: PriceDimension[] = [];
    for (const [termCode, rawTerm] of Object.entries(object(skuTerms, `$.terms.OnDemand.${sku}`, file))) {
      const termPath = `$.terms.OnDemand.${sku}.${termCode}`;
      const term = object(rawTerm, termPath, file);
      for (const [rateCode, rawDim] of Object.entries(object(term.priceDimensions, `${termPath}.priceDimensions`, file))) {
        const path = `${termPath}.priceDimensions.${rateCode}`;
        const d = object(rawDim, path, file);
        const price = object(d.pricePerUnit, `${path}.pricePerUnit`, file);
        const usd = field(price, 'USD', `${path}.pricePerUnit`, file);
        if (!/^\d+(\.\d+)?$/.test(usd)) throw new OfferError(`${file}: ${path}.pricePerUnit.USD: "${usd}" is not a decimal price`);
        const beginRange = field(d, 'beginRange', path, file);
        const endRange = field(d, 'endRange', path, file);
        if (!/^\d+(\.\d+)?$/.test(beginRange)) throw new OfferError(`${file}: ${path}.beginRange: "${beginRange}" is not a number`);
        if (endRange !== 'Inf' && !/^\d+(\.\d+)?$/.test(endRange)) throw new OfferError(`${file}: ${path}.endRange: "${endRange}" is neither a number nor "Inf"`);
        dims.push({ rateCode, description: typeof d.description === 'string' ? d.description : '', unit: field(d, 'unit', path, file), beginRange, endRange, usd });
      }
    }
    onDemand[sku] = dims;
  }
  return { offerCode, version, publicationDate, products, onDemand };
}

/** Parses and checks one offer file's text. */
export function parseOffer(text: string, file: string): Offer {
  return readOffer(parseJsonText(text, file), file);
}

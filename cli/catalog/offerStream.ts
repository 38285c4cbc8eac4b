// Reads a Price List offer file too large for JSON.parse (the Region-wide AmazonEC2 offer runs to
// gigabytes) in one pass, keeping only the products a predicate wants and their OnDemand terms.
// It follows just enough JSON structure (strings, nesting, object keys) to cut out each
// $.products.<sku> and $.terms.OnDemand.<sku> value; those are small and parsed one at a time.
import { createReadStream } from 'node:fs';
import { OfferError, readOffer, type Offer, type OfferProduct } from './offer';

/** An open object or array; `key` is the member being read, `expectKey` is true before a key. */
type Frame = { key?: string; expectKey: boolean };

const METADATA = new Set(['formatVersion', 'disclaimer', 'offerCode', 'version', 'publicationDate']);

const isCaptured = (path: readonly string[]) =>
  (path.length === 2 && path[0] === 'products') || (path.length === 3 && path[0] === 'terms' && path[1] === 'OnDemand');

/** The offer with only the wanted products and their OnDemand terms. */
export async function streamOffer(file: string, wanted: (p: OfferProduct) => boolean, chunkSize = 1 << 20): Promise<Offer> {
  const metadata: Record<string, string> = {};
  const products: Record<string, unknown> = {};
  const onDemand: Record<string, unknown> = {};
  const stack: Frame[] = [];
  const seen = new Set<string>();
  let inString = false;
  let escaped = false;
  let token = '';
  let capture: { parts: string[]; depth: number; path: string[] } | undefined;

  const finish = ({ path, parts }: { path: string[]; parts: string[] }) => {
    let value: unknown;
    try {
      value = JSON.parse(parts.join(''));
    } catch (err) {
      throw new OfferError(`${file}: $.${path.join('.')}: not valid JSON: ${(err as Error).message}`);
    }
    if (path[0] === 'products') {
      const p = value as { productFamily?: unknown; attributes?: unknown };
      const attributes = typeof p?.attributes === 'object' && p.attributes !== null ? (p.attributes as Record<string, string>) : {};
      if (wanted({ sku: path[1], productFamily: typeof p?.productFamily === 'string' ? p.productFamily : '', attributes })) products[path[1]] = value;
    } else {
      onDemand[path[2]] = value;
    }
  };

  // Regular expressions jump to the next character that matters (a quote or backslash inside a
  // string; a quote, bracket, colon or comma outside): most of a file is string content.
  const inStringStop = /["\\]/g;
  const structural = /["{}[\]:,]/g;
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: chunkSize })) {
    const s = chunk as string;
    let from = 0;
    let tokenStart = 0;
    let i = 0;
    if (escaped) {
      escaped = false;
      i = 1;
    }
    while (i < s.length) {
      if (inString) {
        inStringStop.lastIndex = i;
        const m = inStringStop.exec(s);
        if (!m) break;
        if (s[m.index] === '\\') {
          if (m.index + 1 >= s.length) escaped = true;
          i = m.index + 2;
          continue;
        }
        inString = false;
        i = m.index + 1;
        if (!capture) {
          token = carry + s.slice(tokenStart, i);
          carry = '';
          const top = stack[stack.length - 1];
          if (stack.length === 1 && top && !top.expectKey && top.key && METADATA.has(top.key)) metadata[top.key] = JSON.parse(token) as string;
        }
        continue;
      }
      structural.lastIndex = i;
      const m = structural.exec(s);
      if (!m) break;
      const at = m.index;
      const c = s[at];
      i = at + 1;
      if (c === '"') {
        inString = true;
        tokenStart = at;
        continue;
      }
      if (capture) {
        if (c === '{' || c === '[') capture.depth++;
        else if ((c === '}' || c === ']') && --capture.depth === 0) {
          capture.parts.push(s.slice(from, at + 1));
          finish(capture);
          capture = undefined;
        }
        continue;
      }
      const top = stack[stack.length - 1];
      if (c === ':' && top?.expectKey) {
        top.key = JSON.parse(token) as string;
        top.expectKey = false;
      } else if (c === ',' && top && top.key !== undefined) {
        top.expectKey = true;
      } else if (c === '{' || c === '[') {
        const path = stack.map((f) => f.key ?? '');
        seen.add(path.join('.'));
        if (c === '{' && isCaptured(path)) {
          capture = { parts: [], depth: 1, path };
          from = at;
        } else {
          stack.push({ expectKey: c === '{' });
        }
      } else if (c === '}' || c === ']') {
        stack.pop();
      }
    }
    if (capture) capture.parts.push(s.slice(from));
    else if (inString) carry += s.slice(tokenStart);
  }
  if (inString || stack.length > 0 || capture) throw new OfferError(`${file}: the file ends inside a JSON value (a partial download?)`);
  for (const part of ['products', 'terms']) if (!seen.has(part)) throw new OfferError(`${file}: $.${part}: expected an object, found nothing`);
  const terms = Object.fromEntries(Object.entries(onDemand).filter(([sku]) => sku in products));
  return readOffer({ ...metadata, products, terms: { OnDemand: terms } }, file);
}

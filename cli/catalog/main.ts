// Refresh or extend a price catalog from AWS Price List offer files:
//   npx tsx cli/catalog/main.ts --offers <dir | https://pricing.us-east-1.amazonaws.com> --region <r> [--out <file>]
// Online it downloads each offer through the Region index into a cache folder; offline it reads
// <dir>/<region>/<OfferCode>.json (or <dir>/<OfferCode>.json).
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { PriceCatalog } from '../../core/pricing/catalog';
import { describeReadError, EXIT, processIo, type CliIo } from '../io';
import { buildCatalog, productsWanted, type BuildResult, type OfferSource, type Offers } from './build';
import { offerUrl, OfferError, parseJsonText, parseOffer, regionIndexUrl } from './offer';
import { streamOffer } from './offerStream';
import { mappingFor, PRICE_LIST_MAP, REGION_BILLING_CODES } from './priceListMap';

export const HELP = `Usage: npx tsx cli/catalog/main.ts --offers <dir|url> --region <region> [options]

Builds core/pricing/catalog/<region>.json from AWS Price List offer files (the bulk API's JSON).

Options:
  --offers <dir|url>   a folder of offer files (<dir>/<region>/<OfferCode>.json or <dir>/<OfferCode>.json),
                       or the Price List host (https://pricing.us-east-1.amazonaws.com) to download them
  --region <region>    the Region to build, e.g. eu-central-1
  --out <file>         where to write (default core/pricing/catalog/<region>.json)
  --existing <file>    catalog whose conventions, free tier and non-Price-List prices are kept
                       (default: the --out file when it exists)
  --template <file>    conventions and free tier for a new Region (default core/pricing/catalog/us-east-1.json)
  --keys <k1,k2>       more price keys to build (e.g. elasticache.node.cache.t4g.small)
  --version <v>        the catalog version (default <year>.<month>.<day> of the newest offer read)
  --cache <dir>        download cache (default .tmp/pricelist-cache); --refresh downloads again
  --stream             read each offer file in one pass, keeping only the products the rules use
                       (automatic for files over 200 MB, such as the AmazonEC2 offer)
  --dry-run            print the report, write nothing
  --strict             exit 1 when a key could not be filled

Exit codes: 0 written (the report lists keys not filled); 1 ambiguous or inconsistent offers
(nothing written), or --strict with keys not filled; 2 bad arguments or unreadable offer files.`;

/** Largest offer file parsed whole; a larger one (the Region-wide AmazonEC2 offer runs to
 *  gigabytes) is read in one pass keeping only the products the rules can use. */
const MAX_PARSED_BYTES = 200 * 1024 * 1024;

/** How offer files are read: which Region and keys (to keep the wanted products of a huge file). */
interface ReadPlan {
  region: string;
  keys: readonly string[];
  stream: boolean;
}

export interface CatalogIo extends CliIo {
  fetch: typeof fetch;
}

const OFFER_CODES = [...new Set(Object.values(PRICE_LIST_MAP).flatMap((m) => (m.priceList ? [m.priceList.offerCode] : [])))];

/** `url`: where the prices are credited; by default the versioned offer URL (the version is the
 *  path segment the Region index's currentVersionUrl uses), which keeps pointing at these prices. */
async function readOfferFile(file: string, offerCode: string, url: string | undefined, plan: ReadPlan): Promise<OfferSource> {
  const { size } = await stat(file);
  const offer = plan.stream || size > MAX_PARSED_BYTES
    ? await streamOffer(file, productsWanted(offerCode, plan.region, plan.keys))
    : parseOffer(await readFile(file, 'utf8'), file);
  if (offer.offerCode !== offerCode) throw new OfferError(`${file}: $.offerCode is "${offer.offerCode}", expected "${offerCode}" (the file name says which offer it is)`);
  return { offer, url: url ?? offerUrl(offerCode, plan.region, offer.version) };
}

/** Offline: <dir>/<region>/<Code>.json, else <dir>/<Code>.json. Returns the offers and the missing files. */
async function readOfferDir(dir: string, plan: ReadPlan): Promise<{ offers: Record<string, OfferSource>; missing: string[] }> {
  const { region } = plan;
  if (!existsSync(dir)) throw new OfferError(`${dir}: no such folder`);
  const base = existsSync(join(dir, region)) ? join(dir, region) : dir;
  const offers: Record<string, OfferSource> = {};
  const missing: string[] = [];
  for (const code of OFFER_CODES) {
    const file = join(base, `${code}.json`);
    if (!existsSync(file)) {
      missing.push(file);
      continue;
    }
    offers[code] = await readOfferFile(file, code, undefined, plan);
  }
  return { offers, missing };
}

async function download(io: CatalogIo, url: string, file: string): Promise<void> {
  let response: Response;
  try {
    response = await io.fetch(url);
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new OfferError(`${url}: cannot download: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  if (!response.ok || !response.body) throw new OfferError(`${url}: HTTP ${response.status} ${response.statusText}`);
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.part`;
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(partial));
  await rename(partial, file);
}

/** Online: each offer's Region index gives the versioned URL of the Region's file (cached). */
async function downloadOffers(io: CatalogIo, base: string, plan: ReadPlan, cache: string, refresh: boolean): Promise<{ offers: Record<string, OfferSource>; missing: string[] }> {
  const { region } = plan;
  const offers: Record<string, OfferSource> = {};
  const missing: string[] = [];
  for (const code of OFFER_CODES) {
    const file = join(cache, region, `${code}.json`);
    const urlFile = `${file}.url`;
    if (refresh || !existsSync(file) || !existsSync(urlFile)) {
      const indexUrl = regionIndexUrl(code, base);
      const indexFile = join(cache, `${code}.region_index.json`);
      await download(io, indexUrl, indexFile);
      const index = parseJsonText(await readFile(indexFile, 'utf8'), indexUrl) as { regions?: Record<string, { currentVersionUrl?: string }> };
      const relative = index.regions?.[region]?.currentVersionUrl;
      if (!relative) {
        missing.push(`${code}: ${indexUrl} lists no offer for ${region}`);
        continue;
      }
      const url = new URL(relative, base).href;
      io.err(`downloading ${url}`);
      await download(io, url, file);
      await writeFile(urlFile, url);
    }
    offers[code] = await readOfferFile(file, code, (await readFile(urlFile, 'utf8')).trim(), plan);
  }
  return { offers, missing };
}

async function readCatalog(file: string): Promise<PriceCatalog> {
  const json = parseJsonText(await readFile(file, 'utf8'), file) as PriceCatalog;
  if (json?.format !== 'serverless-designer-prices') throw new OfferError(`${file}: $.format is not "serverless-designer-prices"`);
  return json;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The catalog file's text: two-space JSON with non-ASCII escaped (\u00d7), as the checked-in
 *  catalogs are written, so a refresh's diff shows only what changed. */
export function catalogText(catalog: PriceCatalog): string {
  return `${JSON.stringify(catalog, null, 2).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

export function formatReport(r: BuildResult, out: string | undefined, missingOffers: readonly string[], offers: Offers = {}): string {
  const lines = [`${r.catalog.region}: ${r.filled.length} prices from AWS Price List, ${r.notFromPriceList.length} not from Price List, ${r.couldNotFill.length} could not be filled (catalog ${r.catalog.version} as of ${r.catalog.asOf})`];
  if (out) lines.push(`wrote ${out}`);
  const used = Object.entries(offers).map(([code, { offer, url }]) => `  ${code} ${offer.version} published ${offer.publicationDate}: ${r.filled.filter((k) => r.catalog.prices[k]?.source === url).length} prices (${url})`);
  if (used.length) lines.push('Offers read:', ...used);
  if (missingOffers.length) lines.push('Missing offer files (their keys could not be filled):', ...missingOffers.map((m) => `  ${m}`));
  const note = (n: BuildResult['couldNotFill'][number]) => `  ${n.key}: ${n.reason}${n.keptExisting ? ' (existing price kept)' : ' (no price)'}`;
  if (r.notFromPriceList.length) lines.push('Not from Price List:', ...r.notFromPriceList.map(note));
  if (r.couldNotFill.length) lines.push('Could not fill:', ...r.couldNotFill.map(note));
  if (r.errors.length) lines.push('Errors:', ...r.errors.map((e) => `  ${e}`));
  return lines.join('\n');
}

export async function runCatalog(argv: string[], io: CatalogIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        offers: { type: 'string' }, region: { type: 'string' }, out: { type: 'string' }, existing: { type: 'string' }, template: { type: 'string' },
        keys: { type: 'string' }, cache: { type: 'string' }, stream: { type: 'boolean' }, version: { type: 'string' }, refresh: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${HELP}`);
    return EXIT.unreadable;
  }
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  if (!values.offers || !values.region) {
    io.err(`--offers and --region are required\n\n${HELP}`);
    return EXIT.unreadable;
  }
  const region = values.region;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    io.err(`--region "${region}" is not a Region code such as eu-central-1`);
    return EXIT.unreadable;
  }
  if (!REGION_BILLING_CODES[region]) io.err(`note: no billing code known for ${region}; usage types are compared with their prefix (add it to REGION_BILLING_CODES)`);
  const extraKeys = (values.keys ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const unknownKey = extraKeys.find((k) => !mappingFor(k));
  if (unknownKey) {
    io.err(`--keys: no Price List rule for "${unknownKey}" (see cli/catalog/priceListMap.ts)`);
    return EXIT.unreadable;
  }
  const out = values.out ?? join('core/pricing/catalog', `${region}.json`);
  const existingFile = values.existing ?? (existsSync(out) ? out : undefined);
  const templateFile = values.template ?? 'core/pricing/catalog/us-east-1.json';

  let loaded: { offers: Offers; missing: string[] };
  let existing: PriceCatalog | undefined;
  let template: PriceCatalog | undefined;
  try {
    existing = existingFile ? await readCatalog(existingFile) : undefined;
    template = existing ? undefined : await readCatalog(templateFile);
    const plan: ReadPlan = { region, keys: [...Object.keys(existing?.prices ?? {}), ...extraKeys], stream: !!values.stream };
    loaded = /^https?:\/\//.test(values.offers)
      ? await downloadOffers(io, values.offers, plan, resolve(values.cache ?? '.tmp/pricelist-cache'), !!values.refresh)
      : await readOfferDir(values.offers, plan);
  } catch (err) {
    const e = err as { code?: string; path?: string; message: string };
    io.err(err instanceof OfferError ? e.message : e.code && e.path ? describeReadError(e.path, err) : `cannot read the offers: ${e.message}`);
    return EXIT.unreadable;
  }
  if (Object.keys(loaded.offers).length === 0) {
    io.err(`no offer file found for ${region}:\n${loaded.missing.map((m) => `  ${m}`).join('\n')}`);
    return EXIT.unreadable;
  }

  if (values.version !== undefined && !/^\d{4}\.\d+\.\d+$/.test(values.version)) {
    io.err(`--version "${values.version}" is not like 2026.12.0`);
    return EXIT.unreadable;
  }
  const result = buildCatalog(loaded.offers, region, existing, { template, keys: extraKeys, version: values.version });
  if (existing && compareVersions(result.catalog.version, existing.version) <= 0) {
    io.err(`note: the new catalog version ${result.catalog.version} is not above the existing ${existing.version}; pass --version to set one`);
  }
  const write = !values['dry-run'] && result.errors.length === 0;
  if (write) await writeFile(out, catalogText(result.catalog));
  io.out(formatReport(result, write ? out : undefined, loaded.missing, loaded.offers));
  if (result.errors.length) {
    io.err(`${result.errors.length} error(s): nothing written`);
    return EXIT.findings;
  }
  return values.strict && result.couldNotFill.length > 0 ? EXIT.findings : EXIT.ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runCatalog(process.argv.slice(2), { ...processIo, fetch: globalThis.fetch });
}

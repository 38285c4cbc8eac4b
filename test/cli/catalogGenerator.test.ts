import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCatalog, productsWanted, type Offers } from '../../cli/catalog/build';
import { offerUrl, parseOffer, type Offer } from '../../cli/catalog/offer';
import { streamOffer } from '../../cli/catalog/offerStream';
import { API_CACHE_SIZES, mappingFor, PRICE_LIST_MAP, usageTypeSuffix } from '../../cli/catalog/priceListMap';
import { parseDesign } from '../../core/model';
import type * as CatalogModule from '../../core/pricing/catalog';
import type { PriceCatalog } from '../../core/pricing/catalog';

// estimateCost reads catalogs through catalogFor; this hands it the generated one for its Region.
const injected = vi.hoisted(() => ({ catalog: undefined as PriceCatalog | undefined }));
vi.mock('../../core/pricing/catalog', async (importOriginal) => {
  const real = await importOriginal<typeof CatalogModule>();
  return { ...real, catalogFor: (region: string) => (injected.catalog?.region === region ? injected.catalog : real.catalogFor(region)) };
});
const { estimateCost } = await import('../../core/pricing');
const { catalogFor } = await import('../../core/pricing/catalog');

const FIXTURES = 'test/fixtures/pricelist';
const US = 'us-east-1';

function loadOffers(region: string, edit?: (code: string, offer: Offer) => void): Offers {
  const offers: Record<string, { offer: Offer; url: string }> = {};
  for (const file of readdirSync(join(FIXTURES, region))) {
    if (!file.endsWith('.json')) continue;
    const code = file.replace(/\.json$/, '');
    const offer = parseOffer(readFileSync(join(FIXTURES, region, file), 'utf8'), file);
    edit?.(code, offer);
    offers[code] = { offer, url: offerUrl(code, region) };
  }
  return offers;
}

const existingUs = () => structuredClone(catalogFor(US)!);
const skuOf = (offer: Offer, usagetype: string) => Object.values(offer.products).find((p) => p.attributes.usagetype === usagetype)!.sku;

describe('catalog generator: building from Price List offer files (hand-made fixtures)', () => {
  const built = buildCatalog(loadOffers(US), US, existingUs());
  const prices = built.catalog.prices;

  it('prices volume tiers from the price dimensions: sorted by beginRange, cumulative upTo, null for Inf, Price List decimals trimmed', () => {
    expect(prices['lambda.duration.x86_64'].tiers).toEqual([
      { upTo: '6000000000', usd: '0.0000166667' },
      { upTo: '15000000000', usd: '0.000015' },
      { upTo: null, usd: '0.0000133334' },
    ]);
    expect(prices['vpc.interfaceEndpoint.dataProcessed'].tiers).toEqual([
      { upTo: '1048576', usd: '0.01' }, { upTo: '5242880', usd: '0.006' }, { upTo: null, usd: '0.004' },
    ]);
    // The fixture lists "0.0000002000"; the catalog keeps decimal strings without padding.
    expect(prices['lambda.requests'].tiers).toEqual([{ upTo: null, usd: '0.0000002' }]);
  });

  it('sorts dimensions listed out of order in the offer', () => {
    const reversed = buildCatalog(loadOffers(US, (code, offer) => {
      if (code === 'AmazonApiGateway') for (const sku of Object.keys(offer.onDemand)) offer.onDemand[sku].reverse();
    }), US, existingUs());
    expect(reversed.catalog.prices['apigateway.rest.requests'].tiers.map((t) => t.upTo)).toEqual(['333000000', '1000000000', '20000000000', null]);
  });

  it("leaves out a $0 first dimension where the catalog's free-tier block applies the allowance (SNS's first 1M, DynamoDB's 25 GB)", () => {
    expect(prices['sns.standard.publishes'].tiers).toEqual([{ upTo: null, usd: '0.0000005' }]);
    expect(prices['dynamodb.storage'].tiers).toEqual([{ upTo: null, usd: '0.25' }]);
    // SQS's free 1M is a separate Global SKU: the Region's SKU starts at 0 with a price.
    expect(prices['sqs.standard.requests'].tiers).toEqual([
      { upTo: '100000000000', usd: '0.0000004' }, { upTo: '200000000000', usd: '0.0000003' }, { upTo: null, usd: '0.00000024' },
    ]);
    expect(built.catalog.freeTier['dynamodb.storage'].quantity).toBe('25');
  });

  it('every price says where it comes from: the offer URL, the publication date, the offer code and version', () => {
    expect(prices['lambda.requests']).toMatchObject({
      source: 'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json',
      seen: '2026-10-02T18:45:20Z',
      ref: 'AWS Price List AWSLambda 20261002184520',
      unit: 'request',
    });
    for (const key of built.filled) {
      const code = mappingFor(key)!.priceList!.offerCode;
      expect(prices[key].source, key).toBe(`https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${code}/current/us-east-1/index.json`);
      expect(prices[key].ref, key).toMatch(new RegExp(`^AWS Price List ${code} \\d{14}$`));
    }
    expect(built.catalog).toMatchObject({ version: '2026.10.2', asOf: '2026-10-02', region: US, currency: 'USD', format: 'serverless-designer-prices' });
  });

  it('picks the product the rule names, not its look-alikes (Global free-tier SKUs, provisioned capacity in the same group, Standard-IA storage, Outposts and network load balancers, extended-support nodes)', () => {
    expect(prices['lambda.requests'].tiers).toEqual([{ upTo: null, usd: '0.0000002' }]);
    expect(prices['sqs.fifo.requests'].tiers).toEqual([{ upTo: null, usd: '0.0000005' }]);
    expect(prices['rdsProxy.vcpuHours'].tiers).toEqual([{ upTo: null, usd: '0.015' }]);
    expect(prices['alb.hours'].tiers).toEqual([{ upTo: null, usd: '0.0225' }]);
    expect(prices['dynamodb.onDemand.writeRequestUnits'].tiers).toEqual([{ upTo: null, usd: '0.000000625' }]);
    expect(prices['s3.storage.standard'].tiers[0]).toEqual({ upTo: '51200', usd: '0.023' });
    expect(prices['dataTransfer.crossAz'].tiers).toEqual([{ upTo: null, usd: '0.01' }]);
    expect(prices['alb.lcuHours'].tiers).toEqual([{ upTo: null, usd: '0.008' }]);
    expect(built.errors).toEqual([]);
  });

  it('keeps the existing conventions, free tier, hours a month, and the $0 lines Price List is not used for', () => {
    const existing = existingUs();
    expect(built.catalog.conventions).toEqual(existing.conventions);
    expect(built.catalog.freeTier).toEqual(existing.freeTier);
    expect(built.catalog.hoursPerMonth).toBe(existing.hoursPerMonth);
    expect(prices['sns.delivery.sqs']).toEqual(existing.prices['sns.delivery.sqs']);
    expect(built.notFromPriceList.find((n) => n.key === 'vpc.gatewayEndpoint')).toMatchObject({ keptExisting: true, reason: expect.stringMatching(/\$0 line/) });
  });

  it('lists the keys it could not fill, with the reason, and never invents a price for them', () => {
    const noEc2 = loadOffers(US);
    delete (noEc2 as Record<string, unknown>).AmazonEC2;
    const withExisting = buildCatalog(noEc2, US, existingUs());
    expect(withExisting.couldNotFill.filter((n) => n.key.startsWith('vpc.natGateway'))).toEqual([
      { key: 'vpc.natGateway.hours', reason: 'offer AmazonEC2 not given', keptExisting: true },
      { key: 'vpc.natGateway.dataProcessed', reason: 'offer AmazonEC2 not given', keptExisting: true },
    ]);
    const fresh = buildCatalog(noEc2, US, undefined, { template: existingUs() });
    expect(fresh.catalog.prices['vpc.natGateway.hours']).toBeUndefined();
    expect(fresh.catalog.prices['sns.delivery.sqs']).toBeUndefined();
    expect(fresh.couldNotFill.find((n) => n.key === 'vpc.natGateway.hours')?.keptExisting).toBe(false);
    expect(fresh.catalog.freeTier).toEqual(existingUs().freeTier);
  });

  it('a rule that matches no product says what it looked for', () => {
    const r = buildCatalog(loadOffers('eu-west-1'), 'eu-west-1', structuredClone(catalogFor('eu-west-1')!));
    expect(r.couldNotFill.find((n) => n.key === 'lambda.duration.arm64')?.reason)
      .toBe('no product in AWSLambda 20261001093000 for eu-west-1 has productFamily "Serverless", usagetype "<prefix>-Lambda-GB-Second-ARM", group "AWS-Lambda-Duration-ARM" with an OnDemand price');
  });

  it('reads usage types after the Region billing code (EU- for eu-west-1) and prices that Region', () => {
    expect(usageTypeSuffix('EU-Lambda-GB-Second', 'eu-west-1')).toBe('Lambda-GB-Second');
    expect(usageTypeSuffix('USE1-USE2-AWS-Out-Bytes', US)).toBe('USE2-AWS-Out-Bytes');
    const r = buildCatalog(loadOffers('eu-west-1'), 'eu-west-1', structuredClone(catalogFor('eu-west-1')!));
    expect(r.catalog.prices['lambda.ephemeralStorage'].tiers).toEqual([{ upTo: null, usd: '0.000000034' }]);
    expect(r.catalog.prices['lambda.ephemeralStorage'].source).toBe('https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/eu-west-1/index.json');
    expect(r.filled.sort()).toEqual(['lambda.duration.x86_64', 'lambda.ephemeralStorage', 'lambda.provisionedConcurrency.x86_64', 'lambda.requests']);
  });

  it('an offer file for another Region is an error, not an empty result', () => {
    const r = buildCatalog({ AWSLambda: loadOffers('eu-west-1').AWSLambda }, US, existingUs());
    expect(r.errors).toEqual(['AWSLambda: the offer holds products for eu-west-1, none for us-east-1 — is it the right Region\'s file?']);
  });

  it('two products matching one key is an error naming both', () => {
    const r = buildCatalog(loadOffers(US, (code, offer) => {
      if (code !== 'AWSLambda') return;
      const sku = skuOf(offer, 'USE1-Request');
      offer.products.TWINSKU0000000001 = { ...offer.products[sku], sku: 'TWINSKU0000000001', attributes: { ...offer.products[sku].attributes, usagetype: 'Request' } };
      offer.onDemand.TWINSKU0000000001 = offer.onDemand[sku];
    }), US, existingUs());
    const sku = skuOf(loadOffers(US).AWSLambda.offer, 'USE1-Request');
    expect(r.errors).toEqual([
      `lambda.requests: ambiguous — 2 products in AWSLambda match productFamily "Serverless", usagetype "<prefix>-Request", group "AWS-Lambda-Requests": ${sku} (USE1-Request, group AWS-Lambda-Requests) and TWINSKU0000000001 (Request, group AWS-Lambda-Requests); make the rule in cli/catalog/priceListMap.ts more specific`,
    ]);
  });

  it('a unit the map does not expect, tiers with a gap, or tiers not starting at 0 are errors (a wrong product or a changed offer)', () => {
    const r = buildCatalog(loadOffers(US, (code, offer) => {
      if (code === 'AmazonEC2') offer.onDemand[skuOf(offer, 'USE1-NatGateway-Hours')][0].unit = 'Quantity';
      if (code === 'AmazonS3') offer.onDemand[skuOf(offer, 'USE1-TimedStorage-ByteHrs')][1].beginRange = '60000';
    }), US, existingUs());
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatch(/^s3\.storage\.standard: the tiers of AmazonS3 SKU \w+ do not join: one ends at 51200, the next begins at 60000$/);
    expect(r.errors[1]).toMatch(/^vpc\.natGateway\.hours: AmazonEC2 SKU \w+ prices per "Quantity", not one of "Hrs" the map expects$/);
    const partial = buildCatalog(loadOffers(US, (code, offer) => {
      if (code === 'AmazonApiGateway') offer.onDemand[skuOf(offer, 'USE1-ApiGatewayHttpRequest')].shift();
    }), US, existingUs());
    expect(partial.errors).toEqual([expect.stringMatching(/^apigateway\.http\.requests: the first tier of AmazonApiGateway SKU \w+ begins at 300000000, not 0$/)]);
  });

  it("converts units with the rule's scale (a price per 1,000 in the offer, per one in the catalog)", () => {
    const base = mappingFor('s3.requests.tier1')!;
    const perThousand = { ...base, priceList: { ...base.priceList!, scale: '0.001' } };
    const r = buildCatalog(loadOffers(US), US, existingUs(), { mapping: (k) => (k === 's3.requests.tier1' ? perThousand : mappingFor(k)) });
    expect(r.catalog.prices['s3.requests.tier1'].tiers).toEqual([{ upTo: null, usd: '0.000000005' }]);
  });

  it('prices every REST API cache size a design can choose (one SKU per size), not only the 1.6 GB one', () => {
    expect([...API_CACHE_SIZES].sort()).toEqual(['0.5', '1.6', '118', '13.5', '237', '28.4', '58.2', '6.1']);
    for (const size of API_CACHE_SIZES) expect(prices[`apigateway.rest.cache.${size}`], size).toMatchObject({ unit: 'hour' });
    expect(prices['apigateway.rest.cache.237'].tiers).toEqual([{ upTo: null, usd: '3.8' }]);
    expect(prices['apigateway.rest.cache.1.6'].tiers).toEqual([{ upTo: null, usd: '0.038' }]);
  });

  it('builds keys made from a name (--keys elasticache.node.cache.t4g.micro)', () => {
    const r = buildCatalog(loadOffers(US), US, existingUs(), { keys: ['elasticache.node.cache.t4g.micro'] });
    expect(r.catalog.prices['elasticache.node.cache.t4g.micro']).toMatchObject({ unit: 'node-hour', tiers: [{ upTo: null, usd: '0.016' }] });
  });

  it('the map covers every price key of every checked-in catalog', () => {
    const keys = new Set(readdirSync('core/pricing/catalog').flatMap((f) => Object.keys(JSON.parse(readFileSync(`core/pricing/catalog/${f}`, 'utf8')).prices)));
    expect([...keys].filter((k) => !mappingFor(k))).toEqual([]);
    for (const [key, m] of Object.entries(PRICE_LIST_MAP)) expect(m.priceList || m.reason, key).toBeTruthy();
  });

  it('the map covers every price key the estimators name (before any catalog has it)', () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
    const named = new Set(sources('core/pricing/estimators').flatMap((text) => [...text.matchAll(/'([a-z0-9]+\.[A-Za-z0-9.]+[A-Za-z0-9])'/g)].map((m) => m[1])));
    expect(named.size).toBeGreaterThan(40);
    expect([...named].filter((k) => !mappingFor(k))).toEqual([]);
  });

  it('has the shape of a PriceCatalog and estimateCost prices a design with it (lines credited to the Price List offers)', () => {
    const c = built.catalog;
    expect(c.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(c.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [key, p] of Object.entries(c.prices)) {
      expect(p.unit, key).not.toBe('');
      expect(p.source, key).toMatch(/^https:\/\//);
      expect(p.seen.length, key).toBeGreaterThan(0);
      p.tiers.forEach((t, i) => {
        expect(t.usd, key).toMatch(/^\d+(\.\d+)?$/);
        if (i < p.tiers.length - 1) expect(Number(t.upTo), key).toBeGreaterThan(i > 0 ? Number(p.tiers[i - 1].upTo) : 0);
      });
      expect(p.tiers.at(-1)!.upTo, key).toBeNull();
    }
    const parsed = parseDesign(readFileSync('templates/rest-api.design.json', 'utf8'));
    if (!parsed.ok) throw new Error('template');
    injected.catalog = c;
    try {
      const report = estimateCost(parsed.design, { region: US });
      expect(report.catalog).toEqual({ version: '2026.10.2', asOf: '2026-10-02' });
      const lambdaRequests = report.components.filter((x) => x.priceKey === 'lambda.requests');
      expect(lambdaRequests.length).toBeGreaterThan(0);
      for (const line of lambdaRequests) {
        expect(line.priceSource).toBe(offerUrl('AWSLambda', US));
        expect(line.monthly.toFixed()).toBe(line.quantity.times('0.0000002').toFixed());
      }
      expect(report.unpriced.filter((u) => /has no price/.test(u.reason))).toEqual([]);
    } finally {
      injected.catalog = undefined;
    }
  });
});

describe('reading a huge offer file in one pass (only the products the rules use)', () => {
  it.each([7, 64, 1 << 20])('gives the same products and prices as parsing the whole file (read in %i-character chunks)', async (chunk) => {
    for (const file of readdirSync(join(FIXTURES, US)).filter((f) => f.endsWith('.json'))) {
      const code = file.replace(/\.json$/, '');
      const path = join(FIXTURES, US, file);
      const whole = parseOffer(readFileSync(path, 'utf8'), path);
      const wanted = productsWanted(code, US, ['elasticache.node.cache.m4.large']);
      const streamed = await streamOffer(path, wanted, chunk);
      const kept = Object.values(whole.products).filter(wanted).map((p) => p.sku).sort();
      expect(Object.keys(streamed.products).sort(), file).toEqual(kept);
      expect(kept.length, `${file}: the rules use some of its products`).toBeGreaterThan(0);
      for (const sku of kept) {
        expect(streamed.products[sku], file).toEqual(whole.products[sku]);
        expect(streamed.onDemand[sku], file).toEqual(whole.onDemand[sku]);
      }
      expect(Object.keys(streamed.onDemand).sort(), `${file}: no terms of dropped products`).toEqual(kept);
      expect([streamed.offerCode, streamed.version, streamed.publicationDate]).toEqual([whole.offerCode, whole.version, whole.publicationDate]);
    }
  });

  it('drops the look-alikes the rules do not use (an EC2 instance type in the AmazonEC2 offer)', async () => {
    const streamed = await streamOffer(join(FIXTURES, US, 'AmazonEC2.json'), productsWanted('AmazonEC2', US, []));
    expect(Object.values(streamed.products).map((p) => p.attributes.usagetype).sort()).toEqual(['USE1-NatGateway-Bytes', 'USE1-NatGateway-Hours']);
  });

  it('a truncated file is an error, not a shorter offer', async () => {
    const d = mkdtempSync(join(tmpdir(), 'sd-stream-'));
    const text = readFileSync(join(FIXTURES, US, 'AmazonEC2.json'), 'utf8');
    writeFileSync(join(d, 'AmazonEC2.json'), text.slice(0, Math.floor(text.length * 0.6)));
    await expect(streamOffer(join(d, 'AmazonEC2.json'), () => true)).rejects.toThrow(`${join(d, 'AmazonEC2.json')}: the file ends inside a JSON value (a partial download?)`);
  });
});

const run = promisify(execFile);
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'cli/catalog/main.ts', ...args], { encoding: 'utf8' });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('catalog generator command (real process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-catalog-'));
  const offersDir = (name: string, files: Record<string, string>) => {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
    return d;
  };
  const fixture = (code: string) => readFileSync(join(FIXTURES, US, `${code}.json`), 'utf8');

  it('writes the catalog and reports what came from Price List and what did not', async () => {
    const out = join(dir, 'us-east-1.json');
    const r = await cli('--offers', FIXTURES, '--region', US, '--out', out, '--existing', 'core/pricing/catalog/us-east-1.json', '--version', '2099.1.0');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^us-east-1: \d+ prices from AWS Price List, \d+ not from Price List, 0 could not be filled \(catalog 2099\.1\.0 as of 2026-10-02\)$/);
    expect(lines[1]).toBe(`wrote ${out}`);
    expect(r.out).toContain('  sns.delivery.sqs: a $0 line AWS documents on the pricing page, not a Price List dimension the catalog relies on (existing price kept)');
    expect(r.out).toContain('\nOffers read:\n  AWSLambda 20261002184520 published 2026-10-02T18:45:20Z: 8 prices (https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/20261002184520/us-east-1/index.json)\n');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^\{\n {2}"format": "serverless-designer-prices",\n {2}"version": "2099\.1\.0",\n/);
    expect([...text].filter((c) => c.charCodeAt(0) > 0x7f)).toEqual([]); // non-ASCII escaped, as the checked-in catalogs
    expect(text).toContain('1 GB = 1024 \\u00d7 1024 KB');
    const written = JSON.parse(text);
    expect(written.conventions).toEqual(catalogFor(US)!.conventions);
    expect(written.prices['kinesis.onDemand.streamHours'].tiers).toEqual([{ upTo: null, usd: '0.04' }]);
    // Offline, prices are credited to the versioned URL of the offer (its version is the path segment).
    expect(written.prices['lambda.requests'].source).toBe('https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/20261002184520/us-east-1/index.json');
    // Every checked-in key is still there; keys the map knows and the offers price are added.
    expect(Object.keys(written.prices)).toEqual(expect.arrayContaining(Object.keys(catalogFor(US)!.prices)));
    expect(written.prices['eventbridge.archive.storageGbMonth']).toMatchObject({ unit: 'GB-month', tiers: [{ upTo: null, usd: '0.023' }] });
  });

  it('--stream builds the same catalog as reading whole files', async () => {
    const a = join(dir, 'whole.json');
    const b = join(dir, 'streamed.json');
    const existing = ['--existing', 'core/pricing/catalog/us-east-1.json'];
    expect((await cli('--offers', FIXTURES, '--region', US, '--out', a, ...existing)).code).toBe(0);
    expect((await cli('--offers', FIXTURES, '--region', US, '--out', b, '--stream', ...existing)).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('a missing offer file is named, its keys listed as not filled; --strict makes that exit 1', async () => {
    const d = offersDir('only-lambda', { 'AWSLambda.json': fixture('AWSLambda') });
    const r = await cli('--offers', d, '--region', US, '--dry-run', '--existing', 'core/pricing/catalog/us-east-1.json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Missing offer files (their keys could not be filled):\n  ${join(d, 'AmazonApiGateway.json')}\n`);
    expect(r.out).toContain('  apigateway.http.requests: offer AmazonApiGateway not given (existing price kept)');
    expect(r.out).not.toContain('wrote');
    expect((await cli('--offers', d, '--region', US, '--dry-run', '--strict')).code).toBe(1);
  });

  it('malformed JSON names the file, line and column; a wrong structure names the JSON path (exit 2)', async () => {
    const broken = fixture('AWSLambda').replace('"offerCode"', '"offerCode" "x"');
    const d1 = offersDir('broken-json', { 'AWSLambda.json': broken });
    const r1 = await cli('--offers', d1, '--region', US, '--dry-run');
    expect(r1.code).toBe(2);
    expect(r1.err.trim()).toMatch(new RegExp(`^${join(d1, 'AWSLambda.json').replace(/[/.]/g, '\\$&')}:4:14: not valid JSON: `));

    const offer = JSON.parse(fixture('AWSLambda'));
    const sku = Object.keys(offer.products)[0];
    delete offer.products[sku].attributes;
    const d2 = offersDir('no-attributes', { 'AWSLambda.json': JSON.stringify(offer) });
    const r2 = await cli('--offers', d2, '--region', US, '--dry-run');
    expect(r2.code).toBe(2);
    expect(r2.err.trim()).toBe(`${join(d2, 'AWSLambda.json')}: $.products.${sku}.attributes: expected an object, found nothing`);

    const d3 = offersDir('wrong-code', { 'AmazonSNS.json': fixture('AWSLambda') });
    const r3 = await cli('--offers', d3, '--region', US, '--dry-run');
    expect(r3.err.trim()).toBe(`${join(d3, 'AmazonSNS.json')}: $.offerCode is "AWSLambda", expected "AmazonSNS" (the file name says which offer it is)`);
  });

  it('an ambiguous key exits 1, names both products and writes nothing', async () => {
    const offer = JSON.parse(fixture('AmazonEC2'));
    const [sku] = Object.entries(offer.products as Record<string, { attributes: Record<string, string> }>).find(([, p]) => p.attributes.usagetype === 'USE1-NatGateway-Hours')!;
    offer.products.TWIN = { ...offer.products[sku], sku: 'TWIN' };
    offer.terms.OnDemand.TWIN = offer.terms.OnDemand[sku];
    const d = offersDir('ambiguous', { 'AmazonEC2.json': JSON.stringify(offer) });
    const out = join(dir, 'never.json');
    const r = await cli('--offers', d, '--region', US, '--out', out, '--existing', 'core/pricing/catalog/us-east-1.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`  vpc.natGateway.hours: ambiguous — 2 products in AmazonEC2 match productFamily "NAT Gateway", usagetype "<prefix>-NatGateway-Hours": ${sku} (USE1-NatGateway-Hours) and TWIN (USE1-NatGateway-Hours)`);
    expect(r.err).toContain('1 error(s): nothing written');
    expect(existsSync(out)).toBe(false);
  });

  it('bad arguments exit 2 with the usage', async () => {
    const r = await cli('--region', US);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--offers and --region are required\n\nUsage: /);
    expect((await cli('--offers', FIXTURES, '--region', 'Frankfurt')).err.trim()).toBe('--region "Frankfurt" is not a Region code such as eu-central-1');
    expect((await cli('--offers', FIXTURES, '--region', US, '--version', 'v2')).err.trim()).toBe('--version "v2" is not like 2026.12.0');
    expect((await cli('--offers', join(dir, 'nope'), '--region', US)).err.trim()).toBe(`${join(dir, 'nope')}: no such folder`);
  });

  describe('online: downloads through the Region index into the cache', () => {
    let base = '';
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url!);
      const index = /^\/offers\/v1\.0\/aws\/(\w+)\/current\/region_index\.json$/.exec(req.url!);
      const file = /^\/offers\/v1\.0\/aws\/(\w+)\/(\d+)\/us-east-1\/index\.json$/.exec(req.url!);
      if (index && existsSync(join(FIXTURES, US, `${index[1]}.json`))) {
        const version = JSON.parse(fixture(index[1])).version;
        res.end(JSON.stringify({ formatVersion: 'v1.0', regions: { [US]: { regionCode: US, currentVersionUrl: `/offers/v1.0/aws/${index[1]}/${version}/us-east-1/index.json` } } }));
      } else if (index) {
        res.end(JSON.stringify({ formatVersion: 'v1.0', regions: {} }));
      } else if (file) {
        res.end(fixture(file[1]));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    beforeAll(async () => {
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

    it('an unreachable host or a missing file is named with the URL (exit 2)', async () => {
      const r = await cli('--offers', `${base}/nothing-here`, '--region', US, '--dry-run', '--cache', join(dir, 'cache-404'));
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe(`${base}/nothing-here/offers/v1.0/aws/AWSLambda/current/region_index.json: HTTP 404 Not Found`);
      // A port that was free a moment ago: nothing listens there.
      const spare = createServer();
      await new Promise<void>((ok) => spare.listen(0, '127.0.0.1', ok));
      const port = (spare.address() as { port: number }).port;
      await new Promise<void>((ok) => spare.close(() => ok()));
      const closed = await cli('--offers', `http://127.0.0.1:${port}`, '--region', US, '--dry-run', '--cache', join(dir, 'cache-closed'));
      expect(closed.code).toBe(2);
      expect(closed.err.trim()).toBe(`http://127.0.0.1:${port}/offers/v1.0/aws/AWSLambda/current/region_index.json: cannot download: ECONNREFUSED`);
    });

    it('credits each price to the versioned offer URL it downloaded, and reuses the cache', async () => {
      const out = join(dir, 'online.json');
      const cache = join(dir, 'cache');
      const r = await cli('--offers', base, '--region', US, '--out', out, '--cache', cache, '--existing', 'core/pricing/catalog/us-east-1.json');
      expect(r.code, r.err).toBe(0);
      const written = JSON.parse(readFileSync(out, 'utf8'));
      expect(written.prices['lambda.requests'].source).toBe(`${base}/offers/v1.0/aws/AWSLambda/20261002184520/us-east-1/index.json`);
      expect(existsSync(join(cache, US, 'AWSLambda.json'))).toBe(true);
      const fetched = requests.length;
      expect((await cli('--offers', base, '--region', US, '--out', out, '--cache', cache, '--existing', 'core/pricing/catalog/us-east-1.json')).code).toBe(0);
      expect(requests.length).toBe(fetched);
    });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../core/model';
import { catalogFor, estimateCost, SUPPORTED_REGIONS, tieredCost, dec } from '../../core/pricing';

const templates = readdirSync('templates').filter((f) => f.endsWith('.design.json')).map((f) => {
  const r = parseDesign(readFileSync(`templates/${f}`, 'utf8'));
  if (!r.ok) throw new Error(f);
  return [f, r.design] as const;
});

describe('price catalogs', () => {
  it.each(SUPPORTED_REGIONS)('%s: every price has a unit, ordered tiers, a decimal price, a source and a date', (region) => {
    const c = catalogFor(region)!;
    expect(c.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(c.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [key, p] of Object.entries(c.prices)) {
      expect(p.unit, key).not.toBe('');
      expect(p.source, key).toMatch(/^https:\/\/|AWS Price List/);
      expect(p.seen.length, key).toBeGreaterThan(0);
      p.tiers.forEach((t, i) => {
        expect(t.usd, key).toMatch(/^\d+(\.\d+)?$/);
        if (i < p.tiers.length - 1) expect(t.upTo, `${key}: only the last tier is unbounded`).not.toBeNull();
        if (i > 0 && t.upTo !== null) expect(Number(t.upTo)).toBeGreaterThan(Number(p.tiers[i - 1].upTo));
      });
      expect(p.tiers[p.tiers.length - 1].upTo, `${key}: the last tier is unbounded`).toBeNull();
    }
  });

  it('applies volume tiers cumulatively (Lambda x86: 6 B GB-s at tier 1, then tier 2)', () => {
    const price = catalogFor('us-east-1')!.prices['lambda.duration.x86_64'];
    expect(tieredCost(price, dec('9000000000')).toFixed(2)).toBe('145000.20');
    expect(tieredCost(price, dec('1000000000'), dec('5500000000')).toFixed(2)).toBe('15833.35');
  });

  it.each(templates.flatMap(([f, d]) => SUPPORTED_REGIONS.map((r) => [f, r, d] as const)))('%s in %s: every line resolves to a catalog price, or is unpriced with a reason — never a silent $0', (_f, region, design) => {
    const report = estimateCost(design, { region });
    const catalog = catalogFor(region)!;
    for (const c of report.components) {
      expect(catalog.prices[c.priceKey], c.priceKey).toBeDefined();
      expect(c.priceSource).toBe(catalog.prices[c.priceKey].source);
      expect(c.volumeFrom.length, `${c.nodeName} ${c.component}`).toBeGreaterThan(5);
    }
    for (const u of report.unpriced) expect(u.reason.length).toBeGreaterThan(10);
    expect(report.catalog).toEqual({ version: catalog.version, asOf: catalog.asOf });
  });

  it('a region without a catalog prices nothing, and says so line by line ("no price in sa-east-1 for <key>")', () => {
    const report = estimateCost(templates[0][1], { region: 'sa-east-1' });
    expect(report.components).toEqual([]);
    expect(report.regionHasCatalog).toBe(false);
    const perLine = report.unpriced.filter((u) => u.component !== 'all');
    expect(perLine.length).toBeGreaterThan(0);
    for (const u of perLine) expect(u.reason).toMatch(/^no price in sa-east-1 for [\w.]+$/);
  });

  /** AWS's own pages, the AWS Price List (bulk offer files) and the AWS Pricing Calculator's price
   *  data (calculator.aws, run by AWS): issue 10, "price-source links go to AWS pages or Price List
   *  offers, never to third-party files" (a public copy read goes in `ref`). */
  const AWS_SOURCE_HOSTS = ['aws.amazon.com', 'docs.aws.amazon.com', 'pricing.us-east-1.amazonaws.com', 'calculator.aws'];
  const notAws = (source: string): boolean => {
    try {
      const url = new URL(source);
      return url.protocol !== 'https:' || !AWS_SOURCE_HOSTS.includes(url.hostname);
    } catch {
      return true;
    }
  };

  it.each(SUPPORTED_REGIONS)('%s: every price and free-tier allowance cites an AWS page or Price List offer as its source', (region) => {
    const c = catalogFor(region)!;
    const bad = [
      ...Object.entries(c.prices).filter(([, p]) => notAws(p.source)).map(([key, p]) => `${key}: ${p.source}`),
      ...Object.entries(c.freeTier).filter(([, f]) => notAws(f.source)).map(([key, f]) => `freeTier ${key}: ${f.source}`),
    ];
    expect(bad).toEqual([]);
  });
});

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

  it('an unsupported region prices nothing and says so for every billed node', () => {
    const report = estimateCost(templates[0][1], { region: 'sa-east-1' });
    expect(report.components).toEqual([]);
    expect(report.unpriced.length).toBeGreaterThan(0);
    expect(report.unpriced[0].reason).toBe('no price catalog for region sa-east-1');
  });
});

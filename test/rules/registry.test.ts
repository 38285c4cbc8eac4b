import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOT_IMPLEMENTED, RULES } from '../../core/rules';
import { readCatalog, readCatalogAdditions, readDocsReplacements } from './catalog';

const catalog = readCatalog();
const fixtures = readdirSync(new URL('../fixtures/rules/', import.meta.url));

describe('rule registry', () => {
  it('has unique, well-formed ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]+-\d{2}$/);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a title, a why, applies-to and an https docs URL', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.why.length).toBeGreaterThan(20);
    expect(rule.appliesTo.length).toBeGreaterThan(0);
    expect(rule.docsUrl).toMatch(/^https:\/\//);
  });

  it.each(RULES.map((r) => r.id))('%s has a .fail and a .pass fixture', (id) => {
    expect(fixtures.some((f) => f.startsWith(`${id}.fail`)), `test/fixtures/rules/${id}.fail.design.json`).toBe(true);
    expect(fixtures.some((f) => f.startsWith(`${id}.pass`)), `test/fixtures/rules/${id}.pass.design.json`).toBe(true);
  });

  it('says why for every rule it does not implement', () => {
    const implemented = new Set(RULES.map((r) => r.id));
    for (const n of NOT_IMPLEMENTED) {
      expect(implemented.has(n.id), `${n.id} is both implemented and listed as not implemented`).toBe(false);
      expect(n.why.length).toBeGreaterThan(30);
    }
  });
});

/** Checked against ../shared/reference/rules-catalog.md where it exists (the team's machines and CI). */
describe.skipIf(!catalog)('rule registry against the rules catalog', () => {
  const rows = catalog ?? new Map<string, { urls: string[]; severity: string }>();

  it('reads the catalog (79 rows) and the project\'s additions', () => {
    expect(rows.size).toBe(79 + readCatalogAdditions().size);
    expect(readCatalogAdditions().size).toBe(4);
  });

  it('has every rule id in the catalog', () => {
    for (const rule of RULES) expect(rows.has(rule.id), `${rule.id} is not in rules-catalog.md`).toBe(true);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s takes its docs URL from its catalog row, or a documented replacement', (id, rule) => {
    const replacement = readDocsReplacements().get(id);
    if (replacement?.url === rule.docsUrl) {
      // The replaced URL really is the catalog's, and the reason is given (CATALOG-ADDITIONS.md).
      expect(rows.get(id)?.urls, `${id}: the replaced URL is not in its catalog row`).toContain(replacement.replaces);
      expect(replacement.why.length).toBeGreaterThan(20);
    } else {
      expect(rows.get(id)?.urls).toContain(rule.docsUrl);
    }
  });

  it('implements all 79 catalog rules (CFG-10 and CFG-12 last, issue 14) plus the project\'s additions', () => {
    expect(NOT_IMPLEMENTED.map((n) => n.id)).toEqual([]);
    expect(RULES.filter((r) => rows.has(r.id)).length).toBe(rows.size);
    expect(RULES.length).toBe(79 + readCatalogAdditions().size);
  });

  it('implements every catalog rule, or says why not', () => {
    const implemented = new Set(RULES.map((r) => r.id));
    const missing = [...rows.keys()].filter((id) => !implemented.has(id) && !NOT_IMPLEMENTED.some((n) => n.id === id));
    expect(missing).toEqual([]);
  });
});

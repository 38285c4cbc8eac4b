import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOT_IMPLEMENTED, RULES } from '../../core/rules';
import { readCatalog } from './catalog';

const catalog = readCatalog();
const fixtures = readdirSync(new URL('../fixtures/rules/', import.meta.url));
/** Every catalog rule: the analysis engine (INV, RETRY, CFG, CONC, COST-03..07) and reachability (NET, COST-01/02/08). */
const IN_SCOPE = [...catalog.keys()];

describe('rule registry', () => {
  it('reads the catalog (79 rows)', () => {
    expect(catalog.size).toBe(79);
  });

  it('has unique ids, each one in the catalog', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(catalog.has(id), `${id} is not in rules-catalog.md`).toBe(true);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a title, a why, applies-to and a docs URL from its catalog row', (id, rule) => {
    expect(rule.title.length).toBeGreaterThan(5);
    expect(rule.why.length).toBeGreaterThan(20);
    expect(rule.appliesTo.length).toBeGreaterThan(0);
    expect(catalog.get(id)?.urls).toContain(rule.docsUrl);
  });

  it.each(RULES.map((r) => r.id))('%s has a .fail and a .pass fixture', (id) => {
    expect(fixtures.some((f) => f.startsWith(`${id}.fail`)), `test/fixtures/rules/${id}.fail.design.json`).toBe(true);
    expect(fixtures.some((f) => f.startsWith(`${id}.pass`)), `test/fixtures/rules/${id}.pass.design.json`).toBe(true);
  });

  it('implements every in-scope catalog rule, or says why not', () => {
    const implemented = new Set(RULES.map((r) => r.id));
    const missing = IN_SCOPE.filter((id) => !implemented.has(id) && !NOT_IMPLEMENTED.some((n) => n.id === id));
    expect(missing).toEqual([]);
    for (const n of NOT_IMPLEMENTED) {
      expect(implemented.has(n.id), `${n.id} is both implemented and listed as not implemented`).toBe(false);
      expect(n.why.length).toBeGreaterThan(30);
    }
  });
});

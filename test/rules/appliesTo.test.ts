import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '../../core/model';
import { RULES } from '../../core/rules';
import { createRuleContext } from '../../core/rules/context';
import { runRules } from '../../core/rules/engine';
import { defineRule, type Rule } from '../../core/rules/types';
import { generateDesign } from '../../bench/generate';

// Issue 15: the engine runs a rule only on a design holding one of the kinds it declares
// (appliesTo). Every rule fixture, template and a generated design give the same findings as
// running each rule with no declaration at all: a rule that reads a kind it does not declare fails.

const root = join(__dirname, '../..');
const files = [
  ...readdirSync(join(root, 'test/fixtures/rules')).filter((f) => f.endsWith('.json')).map((f) => join(root, 'test/fixtures/rules', f)),
  ...readdirSync(join(root, 'templates')).filter((f) => f.endsWith('.design.json')).map((f) => join(root, 'templates', f)),
];
const designs: [string, Design][] = files.flatMap((f): [string, Design][] => {
  const parsed = parseDesign(readFileSync(f, 'utf8'));
  return parsed.ok ? [[f.slice(root.length + 1), parsed.design]] : [];
});
const generated = parseDesign(JSON.stringify(generateDesign(300)));
if (generated.ok) designs.push(['generated 300 nodes', generated.design]);

/** The rules with no declaration: the engine runs every one of them on everything. */
const undeclared: Rule[] = RULES.map((r) => ({ ...r, appliesTo: [] }));

describe('rules run only where their kinds are', () => {
  it(`skipping by appliesTo changes no finding in ${designs.length} designs (every rule fixture and template)`, () => {
    expect(designs.length).toBeGreaterThan(100);
    for (const [name, design] of designs) {
      const skipping = runRules(design, RULES);
      const all = runRules(design, undeclared);
      expect(skipping, name).toEqual(all);
    }
  });

  it('a rule whose kinds the design lacks is not called', () => {
    let calls = 0;
    const spy = defineRule({ ...RULES[0]!, id: 'SPY-01', appliesTo: ['kafka'], check: () => { calls++; return []; } });
    const design = designs.find(([, d]) => !d.nodes.some((n) => n.kind === 'kafka'))![1];
    runRules(design, [spy], createRuleContext(design));
    expect(calls).toBe(0);
    const withKafka = designs.find(([, d]) => d.nodes.some((n) => n.kind === 'kafka'))![1];
    runRules(withKafka, [spy]);
    expect(calls).toBe(1);
  });
});

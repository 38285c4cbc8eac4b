import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alternativeNames, currentAlternativeName, designOfAlternative, History, nextAlternativeName, perform, type Command,
} from '../../core/commands';
import { exportCdk } from '../../core/iac/cdk';
import { exportSam } from '../../core/iac/sam';
import { parseDesign, restoreDesign, serializeDesign, type Design } from '../../core/model';
import { estimateCost, moneyString } from '../../core/pricing';
import { sampleDesign } from './fixtures';

const template = (slug: string): Design => {
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', `${slug}.design.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${slug} does not parse`);
  return parsed.design;
};

const apply = (design: Design, ...commands: Command[]): Design => commands.reduce((d, c) => {
  const r = perform(d, c);
  if (r.refused) throw new Error(r.refused);
  return r.design;
}, design);

/** The rest-api template's API is a REST API; the alternatives make it an HTTP API. */
const apiType = (d: Design) => d.nodes.find((n) => n.id === 'api-items')?.props;

describe('duplicate as alternative', () => {
  it('keeps the original under its name and goes on editing a copy named B, then C', () => {
    const original = template('rest-api');
    const b = apply(original, { type: 'duplicateAlternative' });
    expect(currentAlternativeName(b)).toBe('B');
    expect(b.alternatives.map((a) => a.name)).toEqual(['A']);
    expect(b.alternatives[0].nodes).toEqual(original.nodes);
    expect(b.nodes).toEqual(original.nodes);
    const c = apply(b, { type: 'duplicateAlternative' });
    expect(alternativeNames(c)).toEqual(['A', 'B', 'C']);
    expect(currentAlternativeName(c)).toBe('C');
  });

  it('an edit after duplicating changes the copy only', () => {
    const d = apply(template('rest-api'), { type: 'duplicateAlternative' }, { type: 'setProp', nodeId: 'api-items', path: ['apiType'], value: 'http' });
    expect(apiType(d)).toMatchObject({ apiType: 'http' });
    expect(apiType(designOfAlternative(d, 'A') as Design)).toMatchObject({ apiType: 'rest' });
  });

  it('takes a given name, refusing an empty, taken or too long one', () => {
    const d = apply(template('rest-api'), { type: 'duplicateAlternative', name: ' REST ' });
    expect(currentAlternativeName(d)).toBe('REST');
    expect(perform(d, { type: 'duplicateAlternative', name: 'A' }).refused).toMatch(/already an alternative "A"/);
    expect(perform(d, { type: 'duplicateAlternative', name: '  ' }).refused).toMatch(/needs a name/);
    expect(perform(d, { type: 'duplicateAlternative', name: 'x'.repeat(41) }).refused).toMatch(/at most 40/);
  });
});

describe('switch, rename, delete', () => {
  it('switching stores the edited variant and brings the chosen one up, in one undo step', () => {
    const h = new History(template('rest-api'));
    h.apply({ type: 'duplicateAlternative' });
    h.apply({ type: 'setProp', nodeId: 'api-items', path: ['apiType'], value: 'http' });
    h.apply({ type: 'setDesign', region: 'eu-west-1' });
    const beforeSwitch = h.design;
    h.apply({ type: 'switchAlternative', name: 'A' });
    expect(currentAlternativeName(h.design)).toBe('A');
    expect(apiType(h.design)).toMatchObject({ apiType: 'rest' });
    expect(h.design.region).toBe('us-east-1');
    const stored = h.design.alternatives.find((a) => a.name === 'B');
    expect(stored?.region).toBe('eu-west-1');
    expect(stored?.nodes.find((n) => n.id === 'api-items')?.props).toMatchObject({ apiType: 'http' });
    expect(h.undoLabel).toBe('Switch to alternative A');
    h.undo();
    expect(h.design).toEqual(beforeSwitch);
  });

  it('switching to the edited variant changes nothing; to an unknown one is refused', () => {
    const d = apply(template('rest-api'), { type: 'duplicateAlternative' });
    expect(perform(d, { type: 'switchAlternative', name: 'B' }).patches).toEqual([]);
    expect(perform(d, { type: 'switchAlternative', name: 'Z' }).refused).toMatch(/no alternative "Z"/);
  });

  it('renames the edited variant or a stored one, never onto a taken name', () => {
    const d = apply(template('rest-api'), { type: 'duplicateAlternative' });
    const renamed = apply(d, { type: 'renameAlternative', from: 'B', to: 'REST API' }, { type: 'renameAlternative', from: 'A', to: 'HTTP API' });
    expect(alternativeNames(renamed)).toEqual(['HTTP API', 'REST API']);
    expect(currentAlternativeName(renamed)).toBe('REST API');
    expect(perform(d, { type: 'renameAlternative', from: 'A', to: 'B' }).refused).toMatch(/already an alternative "B"/);
    expect(perform(d, { type: 'renameAlternative', from: 'Q', to: 'R' }).refused).toMatch(/no alternative "Q"/);
  });

  it('deletes a stored variant but not the edited one', () => {
    const d = apply(template('rest-api'), { type: 'duplicateAlternative' });
    expect(perform(d, { type: 'deleteAlternative', name: 'B' }).refused).toMatch(/being edited/);
    expect(apply(d, { type: 'deleteAlternative', name: 'A' }).alternatives).toEqual([]);
  });

  it('names run B … Z, then AA', () => {
    expect(nextAlternativeName(['A'])).toBe('B');
    expect(nextAlternativeName(['A', 'B', 'D'])).toBe('C');
    expect(nextAlternativeName(Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)))).toBe('AA');
  });
});

describe('alternatives in the file', () => {
  it('survive save and load; a design without any is written as before (no key)', () => {
    const plain = template('rest-api');
    expect(JSON.parse(serializeDesign(plain))).not.toHaveProperty('alternatives');
    const d = apply(plain, { type: 'duplicateAlternative' }, { type: 'setProp', nodeId: 'api-items', path: ['apiType'], value: 'http' });
    const reread = parseDesign(serializeDesign(d));
    expect(reread.ok && reread.problems).toEqual([]);
    expect(reread.ok && reread.design).toEqual(d);
  });

  it('a broken reference in an alternative names the alternative and its JSON path; the edge is left out', () => {
    const d = apply(template('rest-api'), { type: 'duplicateAlternative' });
    const doc = JSON.parse(serializeDesign(d));
    doc.alternatives[0].edges[1].to = 'gone';
    const r = restoreDesign(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.problems.find((x) => x.path === '$.alternatives[0].edges[1].to');
    expect(p?.message).toMatch(/^alternative "A", edge ".*": edge ".*" points to "gone"/);
    expect(p?.target).toBeUndefined();
    expect(r.design.alternatives[0].edges).toHaveLength(d.edges.length - 1);
    expect(r.design.edges).toHaveLength(d.edges.length);
  });

  it('an out-of-range value or an unknown kind in an alternative is located in it', () => {
    const doc = JSON.parse(serializeDesign(apply(template('rest-api'), { type: 'duplicateAlternative' })));
    doc.alternatives[0].nodes[2].props.memoryMb = 20000;
    const ranged = restoreDesign(doc);
    expect(ranged.ok && ranged.problems.map((p) => [p.path, p.code])).toEqual([['$.alternatives[0].nodes[2].props.memoryMb', 'range']]);
    expect(ranged.ok && ranged.problems[0].message).toMatch(/^alternative "A", node "Items handler": memoryMb is 20000/);
    doc.alternatives[0].nodes[1].kind = 'mainframe';
    const unknown = restoreDesign(doc);
    expect(unknown.ok).toBe(false);
    expect(unknown.problems[0]).toMatchObject({ path: '$.alternatives[0].nodes[1].kind' });
    expect(unknown.problems[0].message).toMatch(/^alternative "A", node "Items API": unknown resource kind "mainframe"/);
  });

  it('two variants with one name are reported', () => {
    const doc = JSON.parse(serializeDesign(apply(template('rest-api'), { type: 'duplicateAlternative' })));
    doc.alternatives[0].name = 'B';
    const r = restoreDesign(doc);
    expect(r.problems.map((p) => p.path)).toContain('$.alternatives[0].name');
  });
});

describe('a variant as a design', () => {
  it('prices each variant with its own nodes, usage and region', () => {
    let d = apply(template('rest-api'), { type: 'duplicateAlternative' }, { type: 'setProp', nodeId: 'api-items', path: ['apiType'], value: 'http' });
    d = apply(d, { type: 'setDesign', region: 'eu-west-1' });
    const a = designOfAlternative(d, 'A');
    const b = designOfAlternative(d, 'B');
    expect(a && estimateCost(a).region).toBe('us-east-1');
    expect(b && estimateCost(b).region).toBe('eu-west-1');
    expect(a && b && estimateCost(a).monthlyTotal.eq(estimateCost(b).monthlyTotal)).toBe(false);
    expect(estimateCost(d).monthlyTotal.eq(estimateCost(b as Design).monthlyTotal)).toBe(true);
    expect(designOfAlternative(d, 'nope')).toBeUndefined();
  });
});

describe('exports', () => {
  it('SAM and CDK write the edited variant only, as if the file had no alternatives', () => {
    const d = apply(template('rest-api'), { type: 'setProp', nodeId: 'fn-items', path: ['memoryMb'], value: 1536 }, { type: 'duplicateAlternative' },
      { type: 'setProp', nodeId: 'fn-items', path: ['memoryMb'], value: 1024 });
    const alone = designOfAlternative(d, 'B') as Design;
    expect(alone.alternatives).toEqual([]);
    const sam = exportSam(d);
    expect(sam).toEqual(exportSam(alone));
    expect(exportCdk(d)).toEqual(exportCdk(alone));
    expect(JSON.stringify(sam)).toContain('1024');
    expect(JSON.stringify(sam)).not.toContain('1536');
  });
});

describe('serverless-designer compare FILE#ALT (real process)', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  const d = apply(template('rest-api'), { type: 'duplicateAlternative' }, { type: 'setProp', nodeId: 'api-items', path: ['apiType'], value: 'http' });
  const file = join(mkdtempSync(join(tmpdir(), 'sd-alternatives-')), 'api.design.json');
  writeFileSync(file, serializeDesign(d));

  it('compares two alternatives of one file, each priced as that variant', () => {
    const r = cli('compare', `${file}#A`, `${file}#B`, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const [a, b] = ['A', 'B'].map((n) => estimateCost(designOfAlternative(d, n) as Design).monthlyTotal);
    expect([out.a.monthlyTotal, out.b.monthlyTotal]).toEqual([moneyString(a), moneyString(b)]);
    expect(out.components.find((c: { component: string; node: string }) => c.node === 'api-items' && c.component === 'Requests')?.difference).not.toBe('0');
  });

  it('an unknown alternative exits 2 naming the ones the file has', () => {
    const r = cli('compare', `${file}#Z`, file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no alternative "Z"; the file has: A, B/);
  });

  it('cost FILE#A prices that alternative, cost FILE the one being edited (B); an unknown name exits 2', () => {
    const total = (arg: string) => {
      const r = cli('cost', arg, '--format', 'json');
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout).monthlyTotal;
    };
    const [a, b] = ['A', 'B'].map((n) => moneyString(estimateCost(designOfAlternative(d, n) as Design).monthlyTotal));
    expect(a).not.toBe(b);
    expect(total(`${file}#A`)).toBe(a);
    expect(total(`${file}#B`)).toBe(b);
    expect(total(file)).toBe(b);
    const r = cli('cost', `${file}#Z`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no alternative "Z"; the file has: A, B/);
  });
});

const variantCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ type: 'duplicateAlternative' } as const),
  fc.record({ type: fc.constant('switchAlternative' as const), name: fc.constantFrom('A', 'B', 'C') }),
  fc.record({ type: fc.constant('renameAlternative' as const), from: fc.constantFrom('A', 'B', 'C'), to: fc.constantFrom('A', 'B', 'X') }),
  fc.record({ type: fc.constant('deleteAlternative' as const), name: fc.constantFrom('A', 'B', 'C', 'X') }),
  fc.record({ type: fc.constant('setProp' as const), nodeId: fc.constant('fn'), path: fc.constant(['memoryMb']), value: fc.integer({ min: 128, max: 4096 }) }),
  fc.record({ type: fc.constant('removeNodes' as const), ids: fc.constant(['q']) }),
);

describe('random sequences of variant edits', () => {
  it('undo all returns the original; every state saves and loads unchanged; names stay unique', () => {
    fc.assert(fc.property(fc.array(variantCommand, { maxLength: 15 }), (commands) => {
      const original = sampleDesign();
      const h = new History(original);
      for (const c of commands) {
        h.apply(c);
        const names = alternativeNames(h.design);
        expect(new Set(names).size).toBe(names.length);
      }
      const reread = parseDesign(serializeDesign(h.design));
      expect(reread.ok && reread.design).toEqual(h.design);
      while (h.undo());
      expect(h.design).toEqual(original);
    }), { numRuns: 150 });
  });
});

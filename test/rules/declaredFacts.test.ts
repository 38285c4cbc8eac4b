import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { IDEMPOTENCY_METHODS, parseDesign, type Design } from '../../core/model';
import { groupRepeated } from '../../core/rules/group';
import type { Finding } from '../../core/rules/types';
import { fieldsOf } from '../../renderer/schemaFields';
import { lambdaProps } from '../../core/model/kinds/lambda';

// Issue 14, bullet 4: declared facts quiet the advisories; repeated info findings are one group.
const read = (path: string) => {
  const r = parseDesign(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r;
};
const withIdempotency = (design: Design, value: unknown): Design =>
  ({ ...design, nodes: design.nodes.map((n) => (n.kind === 'lambda' ? { ...n, props: { ...n.props, idempotency: value } } : n)) }) as Design;

describe('a function declared idempotent', () => {
  const { design } = read('test/fixtures/rules/INV-12.pass.declared-idempotent.design.json');

  it('gets no duplicate-delivery advice, whichever way it is idempotent; undeclared, it does', () => {
    for (const how of IDEMPOTENCY_METHODS) expect(analyze(withIdempotency(design, how)).findings.filter((f) => f.ruleId === 'INV-12')).toEqual([]);
    expect(analyze(withIdempotency(design, null)).findings.filter((f) => f.ruleId === 'INV-12').map((f) => f.target.id)).toEqual(['fn-charge']);
    expect(analyze(withIdempotency(design, undefined)).findings.filter((f) => f.ruleId === 'INV-12')).toHaveLength(1);
  });

  it('keeps the declaration and its note through save and load; an unknown way is refused at load, naming the field', () => {
    const fn = design.nodes.find((n) => n.id === 'fn-charge')!;
    expect(fn.props).toMatchObject({ idempotency: 'powertools', idempotencyNote: expect.stringContaining('object key') });
    const text = readFileSync(new URL('../fixtures/rules/INV-12.pass.declared-idempotent.design.json', import.meta.url), 'utf8').replace('"powertools"', '"hope"');
    const bad = parseDesign(text);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0].path).toMatch(/\$\.nodes\[1\]\.props\.idempotency$/);
  });

  it('the inspector shows it as a choice of the three ways (not set by default) and a note', () => {
    const fields = fieldsOf(lambdaProps);
    expect(fields.find((f) => f.key === 'idempotency')).toMatchObject({ type: 'enum', label: 'Idempotency', options: ['powertools', 'idempotency-key', 'conditional-writes'], nullable: true });
    expect(fields.find((f) => f.key === 'idempotencyNote')).toMatchObject({ type: 'string', label: 'Idempotency note', nullable: true });
  });
});

describe('repeated info findings are one grouped finding', () => {
  const templates = ['eventbridge-microservices', 'file-pipeline', 'queue-load-levelling', 'scheduled-jobs', 'sns-fan-out', 'stream-processing'];

  it('each template’s idempotency advice is one entry listing its functions', () => {
    for (const name of templates) {
      const findings = analyze(read(`templates/${name}.design.json`).design).findings;
      const inv12 = findings.filter((f) => f.ruleId === 'INV-12');
      const entries = groupRepeated(findings).filter((e) => (e.group ?? e.finding).ruleId === 'INV-12');
      expect(entries, name).toHaveLength(1);
      const [entry] = entries;
      if (inv12.length === 1) expect(entry.finding).toBe(inv12[0]);
      else expect(entry.group?.targets.map((t) => t.id)).toEqual(inv12.map((f) => f.target.id));
    }
  });

  const f = (ruleId: string, severity: Finding['severity'], id: string): Finding => ({
    ruleId, severity, target: { id, name: id, type: 'node' }, message: `${id} m`, why: 'w', fix: `fix ${id}`, docsUrl: 'https://docs.aws.amazon.com/',
  });

  it('groups info only, a rule at a time, at the place of its first finding; warnings stay one per target', () => {
    const findings = [f('RETRY-01', 'warning', 'a'), f('RETRY-01', 'warning', 'b'), f('COST-06', 'info', 'a'), f('INV-12', 'info', 'c'), f('COST-06', 'info', 'b'), f('COST-06', 'info', 'd')];
    const entries = groupRepeated(findings);
    expect(entries.map((e) => (e.group ? `group ${e.group.ruleId} ${e.group.targets.map((t) => t.id).join('')}` : `${e.finding.ruleId} ${e.finding.target.id}`)))
      .toEqual(['RETRY-01 a', 'RETRY-01 b', 'group COST-06 abd', 'INV-12 c']);
    expect(entries[2].group?.summary).toBe('3 resources: "a", "b" and "d"');
  });

  it('names at most ten targets in the summary and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => f('COST-06', 'info', `fn${i}`));
    const [entry] = groupRepeated(many);
    expect(entry.group?.findings).toHaveLength(25);
    expect(entry.group?.summary).toMatch(/^25 resources: "fn0", .*"fn8" and 16 others$/);
  });
});

import { describe, expect, it } from 'vitest';
import { commandLabel, History, perform } from '../../core/commands';
import { analyze } from '../../core/analyze';
import { parseDesign, serializeDesign } from '../../core/model';
import { brokenVpc } from '../renderer/analysisDesigns';
import { sampleDesign } from './fixtures';

const ids = (fs: readonly { ruleId: string; target: { id: string } }[]) => fs.map((f) => `${f.ruleId} ${f.target.id}`);

describe('suppress', () => {
  it('moves the finding to suppressed with its reason, as one undo step labelled with the rule id', () => {
    const design = brokenVpc();
    const before = analyze(design);
    expect(ids(before.findings)).toContain('CFG-01 fn-quotes');

    const h = new History(design);
    const r = h.apply({ type: 'suppress', ruleId: 'CFG-01', target: 'fn-quotes', reason: '  Load test needs the maximum  ' });
    expect(r.refused).toBeUndefined();
    expect(h.design.suppressions).toEqual([{ ruleId: 'CFG-01', target: 'fn-quotes', reason: 'Load test needs the maximum' }]);
    expect(h.undoLabel).toBe('Suppress CFG-01');
    const after = analyze(h.design);
    expect(ids(after.findings)).not.toContain('CFG-01 fn-quotes');
    expect(after.suppressed.map((f) => [f.ruleId, f.target.id, f.reason])).toEqual([['CFG-01', 'fn-quotes', 'Load test needs the maximum']]);
    expect(after.findings).toHaveLength(before.findings.length - 1);

    h.undo();
    expect(h.design).toEqual(design);
    expect(ids(analyze(h.design).findings)).toContain('CFG-01 fn-quotes');
    h.redo();
    expect(h.design.suppressions).toHaveLength(1);
  });

  it('is saved and loads again (the loader accepts what the command writes)', () => {
    const r = perform(sampleDesign(), { type: 'suppress', ruleId: 'RETRY-12', target: 't1', reason: 'Replayed from the source' });
    const parsed = parseDesign(serializeDesign(r.design));
    expect(parsed.ok && parsed.design.suppressions).toEqual([{ ruleId: 'RETRY-12', target: 't1', reason: 'Replayed from the source' }]);
  });

  it('accepts "*" for a finding about the whole design', () => {
    const r = perform(sampleDesign(), { type: 'suppress', ruleId: 'COST-01', target: '*', reason: 'Budget approved' });
    expect(r.refused).toBeUndefined();
    expect(r.design.suppressions[0].target).toBe('*');
  });

  it('refuses a blank reason, naming the rule and the node, and changes nothing', () => {
    const design = sampleDesign();
    for (const reason of ['', '   ', '\n\t']) {
      const r = perform(design, { type: 'suppress', ruleId: 'RETRY-12', target: 'fn', reason });
      expect(r.refused).toBe('Suppressing RETRY-12 on "Orders handler" needs a reason: say why the finding does not apply or is accepted.');
      expect(r.design).toBe(design);
    }
  });

  it('refuses a duplicate, quoting the reason already given', () => {
    const once = perform(sampleDesign(), { type: 'suppress', ruleId: 'RETRY-12', target: 't1', reason: 'Replayed' }).design;
    const twice = perform(once, { type: 'suppress', ruleId: 'RETRY-12', target: 't1', reason: 'Again' });
    expect(twice.refused).toBe('RETRY-12 is already suppressed on the connection Orders queue → Orders handler (because: Replayed).');
    expect(twice.design.suppressions).toHaveLength(1);
    // The same rule on another target is a different suppression.
    expect(perform(once, { type: 'suppress', ruleId: 'RETRY-12', target: 'fn', reason: 'Also' }).refused).toBeUndefined();
  });

  it('refuses a rule id not of the catalog form, and a target that is not in the design', () => {
    const design = sampleDesign();
    for (const ruleId of ['RULE-ERROR', 'retry-12', 'RETRY-1', 'RETRY-123', '']) {
      expect(perform(design, { type: 'suppress', ruleId, target: 'fn', reason: 'x' }).refused).toBe(`"${ruleId}" is not a rule id (expected an id such as RETRY-01); only a rule's findings can be suppressed.`);
    }
    expect(perform(design, { type: 'suppress', ruleId: 'RETRY-12', target: 'gone', reason: 'x' }).refused)
      .toBe('There is no node or connection "gone" in this design to suppress a finding on.');
  });
});

describe('unsuppress', () => {
  it('removes the suppression as one undo step; the finding comes back', () => {
    const design = perform(brokenVpc(), { type: 'suppress', ruleId: 'CFG-01', target: 'fn-quotes', reason: 'Load test' }).design;
    const h = new History(design);
    expect(h.apply({ type: 'unsuppress', ruleId: 'CFG-01', target: 'fn-quotes' }).refused).toBeUndefined();
    expect(h.design.suppressions).toEqual([]);
    expect(ids(analyze(h.design).findings)).toContain('CFG-01 fn-quotes');
    expect(h.undoLabel).toBe('Unsuppress CFG-01');
    h.undo();
    expect(h.design).toEqual(design);
  });

  it('refuses what is not suppressed', () => {
    expect(perform(sampleDesign(), { type: 'unsuppress', ruleId: 'RETRY-12', target: 'fn' }).refused).toBe('RETRY-12 is not suppressed on "Orders handler".');
  });

  it('a suppression goes with its node when the node is deleted, and comes back on undo', () => {
    const h = new History(perform(sampleDesign(), { type: 'suppress', ruleId: 'RETRY-12', target: 'fn', reason: 'ok' }).design);
    h.apply({ type: 'removeNodes', ids: ['fn'] });
    expect(h.design.suppressions).toEqual([]);
    h.undo();
    expect(h.design.suppressions).toHaveLength(1);
  });

  it('labels', () => {
    expect(commandLabel({ type: 'suppress', ruleId: 'NET-01', target: '*', reason: 'r' })).toBe('Suppress NET-01');
    expect(commandLabel({ type: 'unsuppress', ruleId: 'NET-01', target: '*' })).toBe('Unsuppress NET-01');
  });
});

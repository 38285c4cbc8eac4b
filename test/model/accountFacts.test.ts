import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { formatProblem, parseDesign, serializeDesign } from '../../core/model';
import { boundedForAnalysis } from '../../core/model/bounded';
import { minimalDoc, text } from '../support/designs';

/** Issue 14, bullet 6: facts the model can now say, each validated with its JSON path. */
describe('design.account (Lambda concurrency quota and other reservations)', () => {
  const withAccount = (account: unknown, reserved = 800) => {
    const doc = minimalDoc();
    (doc.nodes as Record<string, unknown>[])[0].props = { reservedConcurrency: reserved };
    return parseDesign(text({ ...doc, account }));
  };

  it('is written back as read, and a design without it is written without it', () => {
    const r = withAccount({ id: '123456789012', concurrencyLimit: 3000, otherReservedConcurrency: 250 });
    expect(r.ok && r.problems).toEqual([]);
    if (!r.ok) return;
    expect(JSON.parse(serializeDesign(r.design)).account).toEqual({ id: '123456789012', concurrencyLimit: 3000, otherReservedConcurrency: 250 });
    const plain = parseDesign(text(minimalDoc()));
    expect(plain.ok && 'account' in JSON.parse(serializeDesign(plain.design))).toBe(false);
  });

  it('loads a quota outside the range as written, names $.account.concurrencyLimit, and the analysis uses it clamped', () => {
    const r = withAccount({ concurrencyLimit: 0 }, 50);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual(['$.account.concurrencyLimit: concurrencyLimit is 0; AWS allows at least 1; the analysis uses 1']);
    expect(r.design.account?.concurrencyLimit).toBe(0);
    expect(boundedForAnalysis(r.design).account?.concurrencyLimit).toBe(1);
    // 50 reserved against a quota of 1 (clamped from 0): Lambda refuses it.
    expect(analyze(r.design).findings.map((f) => f.ruleId)).toContain('CONC-01');
  });

  it('refuses an account ID that is not 12 digits, naming its path', () => {
    const r = withAccount({ id: '1234' });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path)).toEqual(['$.account.id']);
    expect(r.problems[0].message).toMatch(/12-digit/);
  });

  it('CONC-01 counts the reservations of the account\'s other functions and its stated quota', () => {
    const ids = (account: unknown, reserved: number) => {
      const r = withAccount(account, reserved);
      return r.ok ? analyze(r.design).findings.filter((f) => f.ruleId === 'CONC-01').length : -1;
    };
    expect(ids(undefined, 800)).toBe(0);
    expect(ids({ otherReservedConcurrency: 150 }, 800)).toBe(1);
    expect(ids({ concurrencyLimit: 800 }, 800)).toBe(1);
    expect(ids({ concurrencyLimit: 20000, otherReservedConcurrency: 5000 }, 800)).toBe(0);
  });
});

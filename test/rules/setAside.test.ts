import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, problemsBesideFindings } from '../../core/analyze';
import { parseDesign, type Design } from '../../core/model';
import { refusedEdges, withoutRefusedEdges } from '../../core/model/setAside';
import { estimateCost } from '../../core/pricing';
import { analyzeReachability, propagateTraffic, traceRetryPathsCapped } from '../../core/semantics';

// Issue 14, bullet 3: an edge AWS refuses is reported once and analysed by nothing else.
function load(name: string) {
  const result = parseDesign(readFileSync(new URL(`../fixtures/rules/${name}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${name} does not load`);
  return result;
}
const on = (findings: readonly { ruleId: string; target: { id: string } }[], ids: readonly string[]) =>
  findings.filter((f) => ids.includes(f.target.id)).map((f) => f.ruleId);

describe('edges AWS refuses are set aside: one report per cause', () => {
  it('a function subscribed to a FIFO topic: only INV-11 on the subscription; the function gets no retry or idempotency advice for it', () => {
    const { design, problems } = load('INV-11.fail.set-aside.design.json');
    const a = analyze(design);
    // Before issue 14: INV-11 on the edge plus RETRY-01, RETRY-05 and INV-12 on the function.
    expect(a.findings.map((f) => `${f.ruleId} ${f.target.id}`)).toEqual(['INV-11 e-ledger']);
    expect(a.setAside).toEqual([
      expect.objectContaining({ edge: 'e-ledger', kind: 'trigger', ruleId: 'INV-11', reportedBy: 'INV-11', reason: expect.stringContaining('cannot subscribe') }),
      expect.objectContaining({ edge: 'e-ledger-dlq', kind: 'deadLetter', belongsTo: 'e-ledger', reason: expect.stringContaining('which AWS refuses') }),
    ]);
    // The loader's connection problem is the same cause as INV-11's finding: shown once.
    expect(problems.filter((p) => p.code === 'connection').map((p) => p.target?.id)).toEqual(['e-ledger']);
    expect(problemsBesideFindings(problems, a.setAside)).toEqual([]);
    // Nothing downstream treats the subscription as real.
    expect(Object.keys(a.invocation)).not.toContain('e-ledger');
    expect(a.retryHops.map((h) => h.edge)).not.toContain('e-ledger');
    expect(a.retryPaths).toEqual([]);
  });

  it('a table without a stream drawn as a trigger: no rule reports it, the connection problem is the one report', () => {
    const { design, problems } = load('RETRY-14.pass.refused-no-stream.design.json');
    const a = analyze(design);
    // Before: RETRY-14 and RETRY-16 on the mapping and INV-12 on the function, all about a mapping that cannot exist.
    expect(a.findings).toEqual([]);
    expect(a.setAside.map((s) => [s.edge, s.reportedBy])).toEqual([['e-orders', undefined], ['e-orders-failed', undefined]]);
    const shown = problemsBesideFindings(problems, a.setAside);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ code: 'connection', target: { id: 'e-orders' }, message: expect.stringContaining('no DynamoDB stream') });
  });

  it('a FIFO on-failure destination: INV-05 alone, the "no failure capture" advice it caused is folded into it', () => {
    const { design } = load('INV-05.fail.design.json');
    const a = analyze(design);
    expect(on(a.findings, ['e-parse-failed'])).toEqual(['INV-05']);
    expect(on(a.findings, ['fn-parse'])).not.toContain('RETRY-01');
    expect(a.setAside).toEqual([expect.objectContaining({ edge: 'e-parse-failed', reportedBy: 'INV-05', folded: ['RETRY-01 parse-invoice'] })]);
  });

  it('a standard queue with a FIFO dead-letter queue: RETRY-10 only, no FIFO-order advice (RETRY-18) about a redrive that cannot exist', () => {
    const a = analyze(load('RETRY-10.fail.design.json').design);
    expect(on(a.findings, ['e-redrive'])).toEqual(['RETRY-10']);
  });

  it('retry paths, reachability, traffic and cost leave the refused subscription out', () => {
    const { design } = load('INV-11.fail.set-aside.design.json');
    const usage = { active: 'p', profiles: { p: { description: '', nodes: { 't-ledger': { requestsPerMonth: 1_000_000 }, 'fn-ledger': { avgDurationMs: 100 } }, edges: {} } } };
    const refused = { ...design, usage } as unknown as Design;
    // The same design with a standard topic (a subscription AWS accepts) carries the publishes to the function.
    const accepted = { ...refused, nodes: refused.nodes.map((n) => (n.id === 't-ledger' ? { ...n, name: 'ledger-events', props: { ...n.props, fifo: false } } : n)) } as Design;
    expect(propagateTraffic(accepted).nodes['fn-ledger']?.invocations).toBe(1_000_000);
    expect(propagateTraffic(refused).nodes['fn-ledger']?.invocations ?? 0).toBe(0);
    const billed = (d: Design) => estimateCost(d).components.filter((c) => c.node === 'fn-ledger').map((c) => Number(c.quantity)).reduce((x, y) => x + y, 0);
    expect(billed(accepted)).toBeGreaterThan(0);
    expect(billed(refused)).toBe(0);
    expect(traceRetryPathsCapped(accepted, 10).paths).not.toEqual([]);
    expect(traceRetryPathsCapped(refused, 10).paths).toEqual([]);
    expect(analyzeReachability(refused).map((r) => r.edge)).not.toContain('e-ledger');
  });

  it('a design AWS accepts is analysed as it is: the same object, nothing set aside', () => {
    const { design } = load('RETRY-01.fail.design.json');
    expect(withoutRefusedEdges(design)).toBe(design);
    expect(refusedEdges(design)).toEqual([]);
    expect(analyze(design).setAside).toEqual([]);
  });

  it('a refusal with no rule of its own keeps its problem even when another rule fires elsewhere', () => {
    const { design, problems } = load('RETRY-14.pass.refused-no-stream.design.json');
    expect(problemsBesideFindings(problems, analyze(design).setAside)).toEqual(problems.filter((p) => p.code === 'connection'));
  });
});

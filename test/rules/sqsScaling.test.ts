import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { parseDesign } from '../../core/model';
import type { Design } from '../../core/model/design';

/**
 * Issue 14, bullet 5: the SQS scaling rules follow AWS's advice that a function's reserved concurrency be at least
 * the total maximum concurrency of its SQS triggers (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html),
 * never the other way round: no fix suggests a reservation below that total, and doing what a fix says quiets both rules.
 */
const raw = JSON.parse(readFileSync(new URL('../fixtures/rules/CONC-04.fail.design.json', import.meta.url), 'utf8')) as {
  nodes: { id: string; kind: string; name: string; props: Record<string, unknown> }[];
  edges: { id: string; from: string; props: Record<string, unknown> }[];
};

/** The CONC-04 fixture ("fulfil-order" consuming SQS) with one queue per cap and the given reservation. */
function design(reserved: number, caps: (number | undefined)[]): Design {
  const d = structuredClone(raw);
  const fn = d.nodes.find((n) => n.kind === 'lambda')!;
  fn.props.reservedConcurrency = reserved;
  const queue = d.nodes.find((n) => n.kind === 'sqsQueue')!;
  const edge = d.edges[0];
  d.nodes = [fn, ...caps.map((_, i) => ({ ...structuredClone(queue), id: `q-${i}`, name: `queue-${i}` }))];
  d.edges = caps.map((cap, i) => ({ ...structuredClone(edge), id: `e-${i}`, from: `q-${i}`, props: cap === undefined ? {} : { maximumConcurrency: cap } }));
  const r = parseDesign(JSON.stringify(d));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.design;
}

const scaling = (d: Design) => analyze(d).findings.filter((f) => f.ruleId === 'CONC-04' || f.ruleId === 'CONC-06');
const suggested = (fix: string) => Number(/reserved concurrency of "[^"]+" to ([\d,]+)/.exec(fix)?.[1].replace(/,/g, ''));

describe('SQS reserved concurrency against maximum concurrency', () => {
  it.each([
    [50, [10]],
    [30, [10, 5]],
    [2500, [undefined]],
    [1500, [200, undefined]],
  ] as const)('reserved %i with maximum concurrency %j: the fix keeps reserved ≥ the total, and doing it quiets CONC-04 and CONC-06', (reserved, caps) => {
    const found = scaling(design(reserved, [...caps]));
    const unused = found.find((f) => f.ruleId === 'CONC-06' && f.target.id === 'fn-fulfil');
    expect(unused, 'the unused reservation is reported').toBeDefined();
    const total = caps.reduce<number>((sum, cap) => sum + (cap ?? 1000), 0);
    const to = suggested(unused!.fix);
    expect(to).toBe(total);
    if (caps.some((c) => c !== undefined)) expect(unused!.fix).toContain('not below');
    expect(scaling(design(to, [...caps]))).toEqual([]);
  });

  it('reports the reservation below the total (CONC-04), and its fix quiets it without CONC-06 asking to go back', () => {
    const found = scaling(design(10, [50]));
    expect(found.map((f) => f.ruleId)).toEqual(['CONC-04']);
    expect(found[0].fix).toContain('raise the reserved concurrency of "fulfil-order" to 50');
    expect(scaling(design(50, [50]))).toEqual([]);
  });

  it('says nothing where reserved concurrency equals the total maximum concurrency', () => {
    expect(scaling(design(15, [10, 5]))).toEqual([]);
  });
});

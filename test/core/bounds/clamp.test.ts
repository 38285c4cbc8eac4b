import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../core/analyze';
import { RULES } from '../../../core/rules';
import { API_INTEGRATION_TIMEOUT_MS, createNode, EDGE_KINDS, jsonPath, NODE_KINDS, parseDesign, type Design, type Problem } from '../../../core/model';
import { boundedForAnalysis, boundedLeaves } from '../../../core/model/bounded';
import { edgeUsageSchema, nodeUsageSchema } from '../../../core/model/design';
import { estimateCost, moneyString, type CostReport } from '../../../core/pricing';
import { analyzeReachability, propagateTraffic, traceRetryPathsCapped } from '../../../core/semantics';

// Issue 13, bullet 1: a design that parses is analysed with every out-of-range AWS value CLAMPED to
// the nearest value AWS accepts (core/model/bounded.ts); the load keeps the value as written and
// says, in a `range` problem naming the node and the JSON path, which value the analysis uses.

type Json = Record<string, unknown>;
type Bound = { min: number; max: number; integer: boolean; gap?: { below: number; above: number } };

/** What the analysis should use for `v`, worked out here from the range alone: the nearest accepted value. */
function expectedUse(v: number, b: Bound): number {
  let x = b.integer ? Math.round(v) : v;
  x = Math.min(b.max, Math.max(b.min, x));
  // -1 means "never expire"; a short expiry stays an expiry: 0.5 s → 60 s, not "never".
  if (b.gap && x > b.gap.below && x < b.gap.above) x = b.gap.above;
  return x;
}
const accepted = (v: number, b: Bound) => expectedUse(v, b) === v;

/** A leaf's bound for this node: an API's integration timeout depends on its type (HTTP 30 s,
 *  WebSocket and edge-optimized REST 29 s; regional and private REST may be raised). */
function boundFor(kind: string, props: Json, leaf: { path: string[]; bound: Bound }): Bound {
  if (kind !== 'apiGateway' || leaf.path.join('.') !== 'integrationTimeoutMs') return leaf.bound;
  const type = (props.apiType ?? 'http') as keyof typeof API_INTEGRATION_TIMEOUT_MS;
  const raisable = type === 'rest' && props.endpointType !== 'edge';
  return raisable ? leaf.bound : { ...leaf.bound, max: API_INTEGRATION_TIMEOUT_MS[type].max };
}

const VALUES = [1e9, 1e308, -1, 0.5];

/** Sets `value` at `path` (strings; `[]` = every entry of the list there), creating objects on the way. */
function setAt(obj: Json, path: readonly string[], value: number, at: (string | number)[] = [], out: { path: (string | number)[] }[] = []): { path: (string | number)[] }[] {
  const [head, ...rest] = path;
  if (head === '[]') {
    if (Array.isArray(obj)) obj.forEach((entry, i) => setAt(entry as Json, rest, value, [...at, i], out));
    return out;
  }
  if (!rest.length) { obj[head] = value; out.push({ path: [...at, head] }); return out; }
  if (rest[0] === '[]') { if (Array.isArray(obj[head])) setAt(obj[head] as unknown as Json, rest, value, [...at, head], out); return out; }
  if (typeof obj[head] !== 'object' || obj[head] === null) obj[head] = {};
  return setAt(obj[head] as Json, rest, value, [...at, head], out);
}

const load = (doc: unknown) => {
  const r = parseDesign(JSON.stringify(doc));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r;
};

/** Every amount of a cost report is a finite, non-negative decimal (free tier off: no credit lines). */
function expectFiniteCost(report: CostReport, what: string): void {
  expect(report.monthlyTotal.isFinite() && !report.monthlyTotal.isNegative(), `${what}: total ${report.monthlyTotal.toString()}`).toBe(true);
  for (const c of report.components) {
    expect(c.quantity.isFinite() && !c.quantity.isNegative(), `${what}: ${c.nodeName} · ${c.component} quantity ${c.quantity.toString()}`).toBe(true);
    expect(c.monthly.isFinite() && !c.monthly.isNegative(), `${what}: ${c.nodeName} · ${c.component} monthly ${c.monthly.toString()}`).toBe(true);
    expect(c.volumeFrom, `${what}: ${c.nodeName} · ${c.component}`).not.toMatch(/NaN|Infinity|e\+/);
  }
  expect(moneyString(report.monthlyTotal)).toMatch(/^\d+\.\d\d$/);
}

/** lint, cost, retry paths and reachability finish, and every number they give is finite. */
function expectTotalAnalysis(design: Design, what: string): void {
  const analysis = analyze(design);
  for (const f of analysis.findings) expect(f.message, `${what}: ${f.ruleId}`).not.toMatch(/NaN|Infinity/);
  expectFiniteCost(estimateCost(design), what);
  const trace = traceRetryPathsCapped(design, 100);
  for (const p of trace.paths) {
    expect(p.worstCaseSeconds === null || (Number.isFinite(p.worstCaseSeconds) && p.worstCaseSeconds >= 0), `${what}: worst case ${p.worstCaseSeconds}`).toBe(true);
    expect(p.invocationsWorstCase === null || (Number.isFinite(p.invocationsWorstCase) && p.invocationsWorstCase >= 0), `${what}: invocations ${p.invocationsWorstCase}`).toBe(true);
    for (const h of p.hops) expect(h.attempts === null || (Number.isFinite(h.attempts) && h.attempts >= 1), `${what}: attempts ${h.attempts}`).toBe(true);
  }
  expect(() => analyzeReachability(design)).not.toThrow();
  for (const t of Object.values(propagateTraffic(design).nodes)) {
    expect(Number.isFinite(t.events) && t.events >= 0 && Number.isFinite(t.invocations) && t.invocations >= 0, `${what}: traffic ${t.events} / ${t.invocations}`).toBe(true);
  }
}

const base = (nodes: unknown[], edges: unknown[] = []) => ({ format: 'serverless-design', schemaVersion: 2, name: 'bounds', nodes, edges, usage: { profiles: { expected: { nodes: {}, edges: {} } }, active: 'expected' } });

describe('every bounded AWS number of every kind, out of range', () => {
  for (const kind of NODE_KINDS) {
    const leaves = boundedLeaves(kind.props).filter((l) => !l.path.includes('[]'));
    if (!leaves.length) continue;
    it(`${kind.kind}: ${VALUES.join(' / ')} load as written, each a range problem naming the node, the JSON path and the value the analysis uses; the analysis finishes with finite amounts`, () => {
      for (const v of VALUES) {
        const node = JSON.parse(JSON.stringify(createNode(kind.kind, 'n1', `My ${kind.kind}`))) as Json;
        const written = leaves.map((l) => ({ leaf: l, at: setAt(node.props as Json, l.path, v)[0].path }));
        const r = load(base([node]));
        const ranged = new Map(r.problems.filter((p) => p.code === 'range').map((p) => [p.path, p]));
        const bounded = boundedForAnalysis(r.design);
        for (const { leaf, at } of written) {
          const path = jsonPath(['nodes', 0, 'props', ...at]);
          const problem: Problem | undefined = ranged.get(path);
          const loadedValue = at.reduce<unknown>((o, k) => (o as Json)[k], r.design.nodes[0].props);
          const usedValue = at.reduce<unknown>((o, k) => (o as Json)[k], bounded.nodes[0].props);
          expect(loadedValue, `${path} kept as written`).toBe(v);
          const bound = boundFor(kind.kind, node.props as Json, leaf);
          if (accepted(v, bound)) {
            expect(problem, `${path} = ${v} is in AWS's range`).toBeUndefined();
            expect(usedValue).toBe(v);
            continue;
          }
          const use = expectedUse(v, bound);
          expect(problem, `${path} = ${v}: a range problem`).toBeDefined();
          expect(problem!.target).toEqual({ id: 'n1', name: `My ${kind.kind}`, type: 'node' });
          expect(problem!.message).toMatch(new RegExp(`^${leaf.path[leaf.path.length - 1]} is `));
          expect(problem!.message.endsWith(`; the analysis uses ${use}`), problem!.message).toBe(true);
          expect(usedValue, `${path}: the analysis uses ${use}`).toBe(use);
        }
        // One problem per value, none about the safe-integer limit zod also checks.
        expect(r.problems.filter((p) => p.message.includes('9007199254740991'))).toEqual([]);
        expect(new Set(r.problems.map((p) => p.path)).size).toBe(r.problems.length);
        expectTotalAnalysis(r.design, `${kind.kind} = ${v}`);
      }
    });
  }

  it('securityGroup rules (numbers inside a list): each port out of range is a range problem at its entry; a rule still refused in range says why', () => {
    const sg = (fromPort: number, toPort: number) => load(base([createNode('vpc', 'v', 'VPC'), { id: 'sg', kind: 'securityGroup', name: 'Web SG', parent: 'v', props: { ingress: [{ protocol: 'tcp', fromPort, toPort, cidr: '10.0.0.0/16' }] } }]));
    for (const [from, to, fromUsed, toUsed] of [[1e9, 1e308, 65535, 65535], [-5, 80, -1, 80], [0.5, 80, 1, 80]]) {
      const r = sg(from, to);
      const lines = r.problems.map((p) => `${p.path} (${p.target?.name}): ${p.message}`);
      if (from !== fromUsed) expect(lines).toContain(`$.nodes[1].props.ingress[0].fromPort (Web SG): fromPort is ${from}; ${from > 65535 ? 'AWS allows at most 65535' : from < -1 ? 'AWS allows at least -1' : 'AWS allows whole numbers only'}; the analysis uses ${fromUsed}`);
      if (to !== toUsed) expect(lines).toContain(`$.nodes[1].props.ingress[0].toPort (Web SG): toPort is ${to}; AWS allows at most 65535; the analysis uses ${toUsed}`);
      const rule = (boundedForAnalysis(r.design).nodes[1].props as { ingress: { fromPort: number; toPort: number }[] }).ingress[0];
      expect([rule.fromPort, rule.toPort]).toEqual([fromUsed, toUsed]);
      expectTotalAnalysis(r.design, `security group ${from}–${to}`);
    }
    // 80 to 0.5: in range it would be 80 to 1, which AWS refuses too — not loadable, and the reason is given.
    const refused = parseDesign(JSON.stringify(base([createNode('vpc', 'v', 'VPC'), { id: 'sg', kind: 'securityGroup', name: 'Web SG', parent: 'v', props: { ingress: [{ protocol: 'tcp', fromPort: 80, toPort: 0.5, cidr: '10.0.0.0/16' }] } }])));
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => `${p.path}: ${p.message}`)).toContain('$.nodes[1].props.ingress[0]: fromPort must not exceed toPort');
  });

  for (const [edgeKind, spec] of Object.entries(EDGE_KINDS)) {
    const leaves = boundedLeaves(spec.props);
    if (!leaves.length) continue;
    it(`${edgeKind} edges: ${VALUES.join(' / ')} give range problems naming the edge and the value used; retry paths stay finite`, () => {
      for (const v of VALUES) {
        const queue = createNode('sqsQueue', 'q', 'Orders');
        const fn = createNode('lambda', 'f', 'Worker');
        const dlq = createNode('sqsQueue', 'dlq', 'Orders DLQ');
        const edges: Json[] = [
          { id: 'e1', kind: 'trigger', from: 'q', to: 'f', props: {} },
          { id: 'e2', kind: 'deadLetter', from: 'q', to: 'dlq', props: {} },
          { id: 'e3', kind: 'access', from: 'f', to: 'dlq', props: { mode: 'write' } },
        ];
        const edge = edges.find((e) => e.kind === edgeKind) ?? { id: 'e9', kind: edgeKind, from: 'f', to: 'f', props: {} };
        if (!edges.includes(edge)) edges.push(edge);
        const written = leaves.map((l) => ({ leaf: l, at: setAt(edge.props as Json, l.path, v)[0].path }));
        const doc = base([queue, fn, dlq], edges);
        (doc.usage.profiles.expected.nodes as Json).q = { requestsPerMonth: 1e6 };
        (doc.usage.profiles.expected.nodes as Json).f = { errorRate: 0.5, avgDurationMs: 100 };
        const r = load(doc);
        const index = r.design.edges.findIndex((e) => e.id === edge.id);
        const ranged = new Map(r.problems.filter((p) => p.code === 'range').map((p) => [p.path, p]));
        for (const { leaf, at } of written) {
          const path = jsonPath(['edges', index, 'props', ...at]);
          if (accepted(v, leaf.bound)) { expect(ranged.get(path), `${path} = ${v}`).toBeUndefined(); continue; }
          const problem = ranged.get(path);
          expect(problem, `${path} = ${v}`).toBeDefined();
          expect(problem!.target?.type).toBe('edge');
          expect(problem!.message.endsWith(`; the analysis uses ${expectedUse(v, leaf.bound)}`), problem!.message).toBe(true);
        }
        expectTotalAnalysis(r.design, `${edgeKind} edge = ${v}`);
      }
    });
  }
});

const TEMPLATES = readdirSync('templates').filter((f) => f.endsWith('.design.json')).map((f) => join('templates', f));

/** The template with every bounded number of every node and edge set to `v` (list entries too), and
 *  the same template with the value the analysis should use typed in instead. */
function outOfRangeTemplate(file: string, v: number): { wild: Json; typed: Json } {
  const wild = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const typed = JSON.parse(readFileSync(file, 'utf8')) as Json;
  for (const list of ['nodes', 'edges'] as const) {
    (wild[list] as Json[]).forEach((item, i) => {
      const schema = list === 'nodes' ? NODE_KINDS.find((k) => k.kind === item.kind)!.props : EDGE_KINDS[item.kind as keyof typeof EDGE_KINDS].props;
      item.props ??= {};
      const other = (typed[list] as Json[])[i];
      other.props ??= {};
      for (const leaf of boundedLeaves(schema)) {
        // Optional edge settings are left alone where the template has none (a trigger from SNS has no batch size).
        if (list === 'edges' && leaf.path.length === 1 && !((item.props as Json)[leaf.path[0]] !== undefined)) continue;
        setAt(item.props as Json, leaf.path, v);
        setAt(other.props as Json, leaf.path, expectedUse(v, list === 'nodes' ? boundFor(item.kind as string, item.props as Json, leaf) : leaf.bound));
      }
    });
  }
  return { wild, typed };
}

describe('a template with every bounded number out of range is analysed as if the clamped values were typed in', () => {
  for (const file of TEMPLATES) {
    it(`${file}`, () => {
      for (const v of [1e308, -1]) {
        const { wild, typed } = outOfRangeTemplate(file, v);
        const a = load(wild);
        const b = load(typed);
        expect(a.problems.filter((p) => p.code === 'range').length, `${file} = ${v}: range problems`).toBeGreaterThan(0);
        expect(b.problems.filter((p) => p.code === 'range'), `${file}: clamped values are in range`).toEqual([]);
        expectTotalAnalysis(a.design, `${file} = ${v}`);
        expect(moneyString(estimateCost(a.design).monthlyTotal)).toBe(moneyString(estimateCost(b.design).monthlyTotal));
        // Every rule but the range rules (which report the value as written: CFG-01 memory …) sees the clamped values.
        const findings = (d: Design) => analyze(d, RULES.filter((r) => !r.readsValuesAsWritten)).findings.map((f) => `${f.ruleId} ${f.target?.id ?? ''}: ${f.message}`);
        expect(findings(a.design)).toEqual(findings(b.design));
        if (a.design.nodes.some((n) => n.kind === 'lambda')) expect(analyze(a.design).findings.some((f) => f.ruleId === 'CFG-01' && f.message.includes(v === -1 ? 'to -1 MB' : 'e+308'))).toBe(true);
        expect(JSON.stringify(traceRetryPathsCapped(a.design, 100).paths)).toBe(JSON.stringify(traceRetryPathsCapped(b.design, 100).paths));
      }
    });
  }
});

describe('usage numbers', () => {
  const nodeFields = boundedLeaves(nodeUsageSchema);
  const edgeFields = boundedLeaves(edgeUsageSchema);

  it('every number a profile can hold has an upper bound (a month of requests is not unbounded)', () => {
    for (const f of [...nodeFields, ...edgeFields]) {
      expect(f.bound.min, f.path.join('.')).toBe(0);
      expect(Number.isFinite(f.bound.max), `${f.path.join('.')} has an upper bound`).toBe(true);
    }
    // Every numeric usage field is bounded, not only some: the schema's fields that take numbers.
    const numeric = Object.entries(nodeUsageSchema.shape).filter(([, s]) => s.safeParse(1).success).map(([k]) => k);
    expect(nodeFields.map((f) => f.path[0]).sort()).toEqual(numeric.sort());
  });

  for (const file of TEMPLATES) {
    it(`${file}: every usage number at 1e308 (valid JSON) is a range problem naming the node; cost, lint and traffic stay finite`, () => {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { usage: { profiles: Record<string, { nodes: Record<string, Json>; edges: Record<string, Json> }> }; nodes: Json[] };
      for (const profile of Object.values(doc.usage.profiles)) {
        for (const n of doc.nodes) for (const f of nodeFields) setAt((profile.nodes[n.id as string] ??= {}), f.path, 1e308);
        for (const u of Object.values(profile.edges)) for (const f of edgeFields) setAt(u, f.path, 1e308);
      }
      const r = load(doc);
      const first = r.design.nodes[0];
      const p = r.problems.find((x) => x.path === jsonPath(['usage', 'profiles', r.design.usage.active!, 'nodes', first.id, 'requestsPerMonth']));
      expect(p?.code).toBe('range');
      expect(p?.target).toEqual({ id: first.id, name: first.name, type: 'node' });
      expect(p?.message).toBe('requestsPerMonth is 1e+308; the designer allows at most 1,000,000,000,000,000; the analysis uses 1,000,000,000,000,000');
      for (const profile of Object.keys(r.design.usage.profiles)) {
        const report = estimateCost(r.design, { profile });
        expectFiniteCost(report, `${file} ${profile}`);
        for (const t of Object.values(propagateTraffic(r.design, profile).nodes)) expect(Number.isFinite(t.events) && Number.isFinite(t.invocations)).toBe(true);
      }
      expectTotalAnalysis(r.design, file);
    });
  }
});

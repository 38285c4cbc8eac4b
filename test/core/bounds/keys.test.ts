import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../core/analyze';
import { parseDesign } from '../../../core/model';
import { compare, estimateCost, moneyString } from '../../../core/pricing';
import { buildReport, renderHtml, renderMarkdown } from '../../../core/report';
import { traceRetryPathsCapped } from '../../../core/semantics/retryPaths';
import { expectedAttempts, propagateTraffic } from '../../../core/semantics/traffic';

// Issue 13: ids and profile names people may choose (`constructor`, `toString`) crashed `cost` or
// priced NaN; `__proto__` cannot be held as data by a JavaScript object and is refused by name;
// retry counts out of AWS's range made the cost loop once per retry.

const TEMPLATES = readdirSync('templates').filter((f) => f.endsWith('.design.json')).map((f) => join('templates', f));
const loaded = (text: string) => {
  const r = parseDesign(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.design;
};
/** The template's text with one node id (every mention of it) replaced. */
const renamed = (text: string, from: string, to: string) => text.split(JSON.stringify(from)).join(JSON.stringify(to));

describe('ids and names that are Object.prototype members', () => {
  for (const file of TEMPLATES) {
    it(`${file}: a node with id "constructor" or "toString" costs exactly what the same node costs under an ordinary id`, () => {
      const text = readFileSync(file, 'utf8');
      const design = loaded(text);
      const id = design.nodes.find((n) => design.edges.some((e) => e.to === n.id))?.id ?? design.nodes[0].id;
      const base = estimateCost(design);
      for (const hostile of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
        const other = loaded(renamed(text, id, hostile));
        const report = estimateCost(other);
        expect(moneyString(report.monthlyTotal), `${file} ${hostile}`).toBe(moneyString(base.monthlyTotal));
        expect(report.components.map((c) => c.component)).toEqual(base.components.map((c) => c.component));
        expect(analyze(other).findings.length).toBe(analyze(design).findings.length);
        expect(() => traceRetryPathsCapped(other, 100)).not.toThrow();
      }
    });
  }

  it('a usage profile named "constructor" is a profile like any other', () => {
    const text = readFileSync('templates/sns-fan-out.design.json', 'utf8');
    const design = loaded(text);
    const active = design.usage.active!;
    const other = loaded(renamed(text, active, 'constructor'));
    expect(other.usage.active).toBe('constructor');
    expect(moneyString(estimateCost(other).monthlyTotal)).toBe(moneyString(estimateCost(design).monthlyTotal));
    // A profile that does not exist reads as none, not as Object's own `toString`.
    expect(propagateTraffic(other, 'toString').nodes).toEqual(propagateTraffic(other, 'no-such-profile').nodes);
  });

  it('"__proto__" as a node id or a key is refused with its JSON path, never loaded with the data lost', () => {
    const text = readFileSync('templates/file-pipeline.design.json', 'utf8');
    const id = loaded(text).nodes[0].id;
    const r = parseDesign(renamed(text, id, '__proto__'));
    expect(r.ok).toBe(false);
    const messages = r.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('$.nodes[0].id: the id "__proto__" is reserved; choose another id');
    expect(messages.some((m) => m.startsWith('$.layout.positions.__proto__: the key "__proto__" is reserved'))).toBe(true);
  });
});

describe('user keys through compare and the report', () => {
  it('ids "constructor"/"toString" and profiles "toString"/"valueOf": compare pairs the lines, the report renders with the same total', async () => {
    const text = readFileSync('templates/sns-fan-out.design.json', 'utf8');
    const design = loaded(text);
    const [low, peak] = Object.keys(design.usage.profiles);
    const fn = design.nodes.find((n) => n.kind === 'lambda')!.id;
    const queue = design.nodes.find((n) => n.kind === 'sqsQueue')!.id;
    const other = loaded(renamed(renamed(renamed(renamed(text, fn, 'constructor'), queue, 'toString'), low, 'toString'), peak, 'valueOf'));
    const a = compare(estimateCost(design, { profile: low }), estimateCost(design, { profile: peak }));
    const b = compare(estimateCost(other, { profile: 'toString' }), estimateCost(other, { profile: 'valueOf' }));
    expect(moneyString(b.difference)).toBe(moneyString(a.difference));
    expect(b.components.length).toBe(a.components.length);
    expect(b.onlyInA.length + b.onlyInB.length).toBe(a.onlyInA.length + a.onlyInB.length);
    const report = await buildReport({ design: other, compare: { kind: 'profiles', a: 'toString', b: 'valueOf' }, theme: 'light' });
    const plain = await buildReport({ design, compare: { kind: 'profiles', a: low, b: peak }, theme: 'light' });
    expect(moneyString(report.main.summary.monthlyTotal)).toBe(moneyString(plain.main.summary.monthlyTotal));
    for (const out of [renderMarkdown(report), renderHtml(report)]) expect(out).not.toMatch(/NaN|Infinity|function Object|\[native code\]/);
  });
});

describe('retry counts in closed form', () => {
  it('expected attempts equal the sum 1 + e + … + e^n, and stay finite for counts no loop could run', () => {
    for (const e of [0, 0.001, 0.1, 0.5, 0.99, 1]) for (const n of [0, 1, 2, 5, 185]) {
      let sum = 0;
      for (let k = 0; k <= n; k++) sum += e ** k;
      expect(expectedAttempts(e, n)).toBeCloseTo(sum, 9);
    }
    expect(expectedAttempts(0.5, 1e308)).toBeCloseTo(2, 12);
    expect(expectedAttempts(0.01, 1e9)).toBeCloseTo(1 / 0.99, 12);
    expect(Number.isFinite(expectedAttempts(0.2, Infinity))).toBe(true);
  });
});

describe('serverless-designer cost on a design with problems (real process)', () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  it('maximumRetryAttempts 1e9 and maxReceiveCount 1e308: estimated at once, the problems on stderr, exit 1, every amount finite and not negative', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-bounds-'));
    const retry = JSON.parse(readFileSync('templates/file-pipeline.design.json', 'utf8'));
    for (const n of retry.nodes) if (n.kind === 'lambda') n.props.asyncConfig = { ...n.props.asyncConfig, maximumRetryAttempts: 1e9 };
    const redrive = JSON.parse(readFileSync('templates/queue-load-levelling.design.json', 'utf8'));
    const dlq = redrive.edges.find((e: { props?: { maxReceiveCount?: number } }) => e.props && 'maxReceiveCount' in e.props);
    expect(dlq, 'the template has a redrive edge').toBeDefined();
    dlq.props.maxReceiveCount = 1e308;
    for (const [name, design] of [['retry.json', retry], ['redrive.json', redrive]] as const) {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(design));
      const r = cli('cost', file, '--format', 'json');
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/AWS allows at most/);
      const json = JSON.parse(r.out);
      for (const c of json.components) expect(c.monthly, c.component).toMatch(/^\d+(\.\d+)?$/);
      expect(json.monthlyTotal).toMatch(/^\d+\.\d{2}$/);
      expect(r.out).not.toMatch(/NaN|Infinity/);
    }
    // An unchanged template still exits 0.
    expect(cli('cost', 'templates/file-pipeline.design.json').code).toBe(0);
  });
});

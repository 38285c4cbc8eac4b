import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../../cli/commands/compare';
import { costCommand } from '../../../cli/commands/cost';
import { runCommand } from '../../support/golden';

// Issue 13: `cost` and `compare` of a design with problems still estimate (the out-of-range values
// clamped to AWS's range) and exit 1 with the problems on stderr; no amount printed is negative,
// NaN or infinite, 1e308 requests a month included. In-process (the commands' own run).

const dir = mkdtempSync(join(tmpdir(), 'sd-bounds-cli-'));
const write = (name: string, doc: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
};
const REST = 'templates/rest-api.design.json';
const rest = () => JSON.parse(readFileSync(REST, 'utf8'));

/** templates/rest-api with its API's requests a month at 1e308 (valid JSON) in every profile. */
function hugeRequests(): string {
  const doc = rest();
  for (const p of Object.values(doc.usage.profiles) as { nodes: Record<string, { requestsPerMonth?: number }> }[]) {
    for (const u of Object.values(p.nodes)) if (u.requestsPerMonth !== undefined) u.requestsPerMonth = 1e308;
  }
  return write('huge-requests.design.json', doc);
}

/** templates/rest-api with its function's memory at 99999 MB (AWS: at most 10240). */
function bigMemory(): string {
  const doc = rest();
  for (const n of doc.nodes) if (n.kind === 'lambda') n.props.memoryMb = 99999;
  return write('big-memory.design.json', doc);
}

const amounts = (json: string): string[] => [...json.matchAll(/"(?:monthly|monthlyTotal|monthlyTotalExact|quantity|difference|differenceExact|differenceShown|rounding)": "([^"]*)"/g)].map((m) => m[1]);

describe('cost and compare on designs with problems', () => {
  it('cost, 1e308 requests a month: estimated, every amount a finite decimal, the problem on stderr naming what the analysis uses, exit 1', async () => {
    const file = hugeRequests();
    for (const format of ['json', 'text', 'csv']) {
      const r = await runCommand((a, io) => costCommand.run(a, io), [file, '--format', format]);
      expect(r.code, r.err).toBe(1);
      expect(r.out).not.toMatch(/NaN|Infinity|e\+/);
      expect(r.err).toContain('requestsPerMonth is 1e+308; the designer allows at most 1,000,000,000,000,000; the analysis uses 1,000,000,000,000,000');
    }
    const json = (await runCommand((a, io) => costCommand.run(a, io), [file, '--format', 'json'])).out;
    for (const a of amounts(json)) expect(a).toMatch(/^\d+(\.\d+)?$/);
  });

  it('compare: either side with problems prints the comparison, the problems on stderr (once per file), exit 1', async () => {
    const big = bigMemory();
    const oneSide = await runCommand((a, io) => compareCommand.run(a, io), [REST, big]);
    expect(oneSide.code, oneSide.err).toBe(1);
    expect(oneSide.out).toContain('Difference (B − A)');
    expect(oneSide.err).toContain(`${big}: 1 problem — the comparison above is not what AWS would deploy until they are fixed:`);
    expect(oneSide.err).toContain('memoryMb is 99999; AWS allows at most 10240; the analysis uses 10240');
    expect(oneSide.err).not.toContain(REST);

    // The same file on both sides (two profiles): its problems once.
    const profiles = await runCommand((a, io) => compareCommand.run(a, io), [big, '--profile', 'low', '--profile-b', 'peak', '--format', 'json']);
    expect(profiles.code).toBe(1);
    expect(profiles.err.match(/problem — /g)).toHaveLength(1);
    for (const a of amounts(profiles.out)) expect(a, 'an amount of the comparison').toMatch(/^-?\d+(\.\d+)?$/);

    const huge = await runCommand((a, io) => compareCommand.run(a, io), [hugeRequests(), big, '--format', 'json']);
    expect(huge.code).toBe(1);
    expect(huge.out).not.toMatch(/NaN|Infinity/);
    expect(huge.err.match(/problems? — /g)).toHaveLength(2);

    // Without problems, still exit 0.
    expect((await runCommand((a, io) => compareCommand.run(a, io), [REST, '--profile-b', 'peak'])).code).toBe(0);
  });

  it('the memory the analysis uses is the clamped one: 99999 MB costs what 10240 MB costs', async () => {
    const doc = rest();
    for (const n of doc.nodes) if (n.kind === 'lambda') n.props.memoryMb = 10240;
    const atMax = write('max-memory.design.json', doc);
    const r = await runCommand((a, io) => compareCommand.run(a, io), [atMax, bigMemory(), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).differenceExact).toBe('0');
  });
});

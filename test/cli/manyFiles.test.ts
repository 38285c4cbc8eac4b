import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 15: validate, lint and cost take many files or a folder in one run, with per-file results
// and one exit code (the worst: 2 unreadable > 1 findings > 0).

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dir = mkdtempSync(join(tmpdir(), 'sd-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A folder of designs as a CI repository holds them: two clean, one failing (RETRY-12 is an error), one nested.
mkdirSync(join(dir, 'team', 'orders'), { recursive: true });
mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
copyFileSync('templates/rest-api.design.json', join(dir, 'team', 'a.design.json'));
copyFileSync('templates/sns-fan-out.design.json', join(dir, 'team', 'orders', 'b.design.json'));
copyFileSync('test/fixtures/rules/RETRY-12.fail.design.json', join(dir, 'team', 'c.design.json'));
copyFileSync('templates/rest-api.design.json', join(dir, 'node_modules', 'x', 'ignored.design.json'));
writeFileSync(join(dir, 'team', 'notes.json'), '{}');
const team = join(dir, 'team');

describe('a folder of designs is one run', () => {
  it('lint: each file reported, the folder walked in order (node_modules skipped), the worst exit code', () => {
    const r = cli('lint', team);
    expect(r.code).toBe(1);
    const headings = r.out.split('\n').filter((l) => /\.design\.json: \d+ errors?/.test(l)).map((l) => l.slice(dir.length + 1, l.indexOf(':')));
    expect(headings).toEqual(['team/a.design.json', 'team/c.design.json', 'team/orders/b.design.json']);
    expect(r.out).toMatch(/RETRY-12/);
    expect(r.out).toContain('3 files: 1 with findings at or above error, 2 clean');
    expect(r.out).not.toContain('ignored.design.json');
  });

  it('lint --format json: {files: [...]}, one object per file with its findings', () => {
    const r = cli('lint', team, '--format', 'json');
    const { files } = JSON.parse(r.out) as { files: { file: string; findings: { ruleId: string }[] }[] };
    expect(files.map((f) => f.file.slice(team.length + 1))).toEqual(['a.design.json', 'c.design.json', join('orders', 'b.design.json')]);
    expect(files[1]!.findings.map((f) => f.ruleId)).toContain('RETRY-12');
    expect(files[0]!.findings.filter((f) => f.ruleId === 'RETRY-12')).toEqual([]);
  });

  it('lint --format sarif: one run, every file an artifact, results pointing at their own file', () => {
    const sarif = JSON.parse(cli('lint', team, '--format', 'sarif').out);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri.slice(team.length + 1))).toEqual(['a.design.json', 'c.design.json', join('orders', 'b.design.json')]);
    const retry = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'RETRY-12');
    expect(retry.locations[0].physicalLocation.artifactLocation.uri).toBe(join(team, 'c.design.json'));
  });

  it('a file that cannot be read is reported and the others still run: exit 2', () => {
    const r = cli('lint', join(team, 'a.design.json'), join(dir, 'missing.design.json'), join(team, 'c.design.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.design.json: cannot read: no such file');
    expect(r.out).toContain('RETRY-12');
    expect(r.out).toContain('3 files: 1 with findings at or above error, 1 that could not be read, 1 clean');
  });

  it('an empty folder is said, exit 2', () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const r = cli('lint', join(dir, 'empty'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('no *.design.json file in this folder');
  });

  it('validate a folder: each file valid, notes.json not picked up', () => {
    const r = cli('validate', team);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(3);
    expect(r.out).not.toContain('notes.json');
  });

  it('cost of a folder: each file estimated; JSON {files} with each estimate and its file', () => {
    const text = cli('cost', team);
    expect(text.code).toBe(0);
    expect(text.out.match(/^Total \$[\d,.]+ a month/gm)).toHaveLength(3);
    const { files } = JSON.parse(cli('cost', team, '--format', 'json').out) as { files: { file: string; monthlyTotal: unknown }[] };
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.file.startsWith(team) && typeof f.monthlyTotal === 'string')).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15: the CLI the way users get it. `npm pack` (its prepare script builds dist-cli, the bundled
// JavaScript command), the tarball installed into an empty folder with --omit=dev, and the command
// run there with npx: no TypeScript, no dev dependency, no network (nothing to fetch).

const root = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'sd-pack-'));
const app = join(work, 'app');
const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const sd = (...args: string[]) => run('npx', ['--no-install', 'serverless-designer', ...args], app);

beforeAll(() => {
  // Packed from a copy of what the build reads (the repository's node_modules linked in), so the
  // `prepare` build writes the copy's dist-cli, not the one the other CLI tests are running meanwhile.
  const project = join(work, 'project');
  for (const path of ['package.json', 'package-lock.json', 'README.md', 'scripts/build-cli.mjs', 'cli', 'core']) cpSync(join(root, path), join(project, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  const packed = run('npm', ['pack', '--pack-destination', work], project);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.err}`);
  const filename = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!filename) throw new Error(`npm pack wrote no tarball: ${packed.out}`);
  if (!existsSync(join(project, 'dist-cli', 'serverless-designer.mjs'))) throw new Error(`npm pack did not build the CLI: ${packed.out}${packed.err}`);
  run('mkdir', ['-p', app], work);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'ci-of-a-user', version: '1.0.0', private: true }));
  const installed = run('npm', ['install', '--omit=dev', '--offline', join(work, filename)], app);
  if (installed.code !== 0) throw new Error(`npm install of the tarball failed: ${installed.err}`);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed CLI, installed with --omit=dev', () => {
  it('needs no other package: the install holds serverless-designer alone', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['serverless-designer']);
  });

  it('the tarball holds the bundled command, its chunks, package.json and the README: no sources, no bin/ through tsx', () => {
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const listed = run('tar', ['-tzf', join(work, tarball)], work).out.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
    expect(listed.filter((f) => !/^dist-cli\/chunks\/[\w.-]+\.mjs$/.test(f))).toEqual(['README.md', 'dist-cli/serverless-designer.mjs', 'package.json']);
    expect(listed.filter((f) => f.startsWith('dist-cli/chunks/')).length).toBeGreaterThan(0);
  });

  it('lint a template: its findings and exit code', () => {
    const clean = sd('lint', join(root, 'templates/sns-fan-out.design.json'));
    expect(clean.err).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/sns-fan-out\.design\.json: 0 errors, 0 warnings, 3 info/);
    expect(clean.out).toContain('INV-12');
    const failing = sd('lint', join(root, 'test/fixtures/rules/RETRY-12.fail.design.json'));
    expect(failing.code).toBe(1);
    expect(failing.out).toMatch(/Errors\n {2}RETRY-12 {2}jobs → worker\n/);
  });

  it('cost a template: a priced total in dollars', () => {
    const r = sd('cost', join(root, 'templates/rest-api.design.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Total \$\d+\.\d\d a month/m);
  });

  it('import lays out with ELK (a chunk loaded on use) and writes a design', () => {
    const out = join(work, 'imported.design.json');
    const r = sd('import', join(root, 'test/fixtures/iac/sam-orders.yaml'), '-o', out);
    expect(r.err + r.out).not.toMatch(/internal error/);
    expect(sd('validate', out).code).toBe(0);
  });

  it('a PNG without the optional native module: what to install, exit 2', () => {
    const r = sd('diagram', join(root, 'templates/rest-api.design.json'), '-o', join(work, 'd.png'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('npm install @resvg/resvg-js');
  });
});

// The packaged desktop app, built offline: `electron-builder --linux --dir` with package.json's real
// "build" config over a stand-in Electron distribution whose executable carries a real fuse wire
// (scripts/package-check.mjs). The config is what flips the fuses; this reads them back from the
// packaged executable with @electron/fuses and lists the asar with @electron/asar.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

// @electron/fuses' wire bytes (its FuseState enum is not exported from the package's index)
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

const out = mkdtempSync(join(tmpdir(), 'sd-package-test-'));
let appDir = '';
let files: string[] = [];
let asarPath = '';

beforeAll(() => {
  const stdout = execFileSync('node', ['scripts/package-check.mjs', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });
  appDir = stdout.trim().split('\n').at(-1) ?? '';
  asarPath = join(appDir, 'resources', 'app.asar');
  files = asar.listPackage(asarPath, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, ''));
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('packaged app (electron-builder --linux --dir, stand-in Electron)', () => {
  it('produces the renamed executable and an app.asar', () => {
    expect(statSync(join(appDir, 'serverless-designer-app')).isFile()).toBe(true);
    expect(statSync(asarPath).isFile()).toBe(true);
  });

  it('the asar holds only the built app: dist-electron, dist-web and package.json', () => {
    const outside = files.filter((f) => !(f === 'package.json' || f === 'dist-electron' || f === 'dist-web' || f.startsWith('dist-electron/') || f.startsWith('dist-web/')));
    expect(outside).toEqual([]);
    expect(files).toContain('dist-electron/main.cjs');
    expect(files).toContain('dist-electron/preload.cjs');
    expect(files).toContain('dist-web/index.html');
    const bad = files.filter((f) => /\.(ts|tsx|map)$/.test(f) || /(^|\/)(node_modules|test|core|cli|renderer|electron|scripts)\//.test(f));
    expect(bad).toEqual([]);
  });

  it("the asar's package.json starts the built main and carries no dependency lists", () => {
    const pkg = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(files).toContain(pkg.main);
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
  });

  // Issue 13 asks for app code under 2 MB. The asar is 5.0 MB today (4.8 MiB): ELK (elkjs, third-party) is
  // bundled twice, ~1.46 MB in the layout worker and ~1.46 MB in the lazily loaded dist-web layout chunk,
  // and the main chunk (React, React Flow, zod, the core) is 1.25 MB. This is a regression bound on the
  // whole asar (libraries included), not the 2 MB budget; see the package helper's report.
  it('the asar holds at most 6 MB of code (regression bound; the 2 MB budget is not met)', () => {
    const sizes = files.map((f) => {
      const st = asar.statFile(asarPath, f, false) as { size?: number };
      return st.size ?? 0;
    });
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(6 * 1024 * 1024);
    // and the asar on disk is that code plus its header, nothing else
    expect(statSync(asarPath).size).toBeLessThan(total + 64 * 1024);
  });

  it('the fuses are flipped as configured in the packaged executable', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'serverless-designer-app'));
    const state = (o: FuseV1Options) => wire[o];
    // https://www.electronjs.org/docs/latest/tutorial/fuses
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
  });

  it('the stand-in starts from the Electron defaults, so the flips above came from the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-standin-'));
    try {
      execFileSync('node', ['--input-type=module', '-e', `import('./scripts/package-check.mjs').then((m) => m.makeStandInElectronDist(${JSON.stringify(dir)}))`]);
      const wire = await getCurrentFuseWire(join(dir, 'electron'));
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.DISABLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

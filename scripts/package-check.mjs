#!/usr/bin/env node
// Packaged-build check that runs offline: `electron-builder --linux --dir` with the real package.json
// "build" config, but a STAND-IN Electron distribution (no Electron binary can be downloaded here;
// /work/shared/TOOLCHAIN.md). The stand-in is laid out like an unpacked Electron linux-x64 release
// (executable `electron`, resources/, locales/, LICENSE files, version) and its `electron` executable
// carries the fuse wire (sentinel + wire version + length + one byte per fuse) that real Electron
// binaries carry, all fuses in their Electron defaults, so electron-builder's "electronFuses" config
// flips them for real (through @electron/fuses) and the result can be read back.
//
// Usage: node scripts/package-check.mjs <outDir> — builds the app fresh into <outDir>/stage (a
// staging project: package.json, build/, dist-web/, dist-electron/ with source maps), packages it into
// <outDir>/release, and prints the stage dir and the unpacked app dir (last line).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ELECTRON_VERSION = '45.5.0';
// https://github.com/electron/fuses — the wire: SENTINEL, then the wire version byte (1), the number
// of fuses, then one ASCII byte per fuse ('0' off, '1' on). Defaults of Electron ≥ 38 for the 8 fuses
// @electron/fuses knows: RunAsNode on, CookieEncryption off, NODE_OPTIONS on, --inspect on,
// AsarIntegrity off, OnlyLoadAppFromAsar off, BrowserV8Snapshot off, GrantFileProtocol on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';

/** Writes a stand-in unpacked Electron linux-x64 distribution into `dir` and returns `dir`. */
export function makeStandInElectronDist(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE, 'ascii')]);
  const exe = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for the Electron executable (offline packaging check); not runnable.\necho "stand-in Electron: not runnable" >&2\nexit 1\n# ', 'utf8'),
    wire,
    Buffer.from('\n', 'utf8'),
  ]);
  writeFileSync(join(dir, 'electron'), exe);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron MIT license.\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  for (const f of ['chrome_100_percent.pak', 'resources.pak', 'icudtl.dat', 'snapshot_blob.bin', 'v8_context_snapshot.bin']) {
    writeFileSync(join(dir, f), '');
  }
  return dir;
}

function sh(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Builds the app fresh into a staging project dir (package.json, build/, dist-web/, dist-electron/,
 *  with source maps kept beside the bundles for size attribution; the asar leaves maps out), so the
 *  shared dist-web/ and dist-electron/ of the working tree are neither needed nor touched. */
export function stageProject(stage, { root = process.cwd() } = {}) {
  const vite = (args) => sh('npx', ['vite', 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'error', ...args]);
  vite(['--outDir', join(stage, 'dist-web'), '--emptyOutDir', '--sourcemap']);
  vite(['--mode', 'electron-main', '--outDir', join(stage, 'dist-electron'), '--emptyOutDir']);
  vite(['--mode', 'electron-preload', '--outDir', join(stage, 'dist-electron')]);
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  cpSync(join(root, 'build'), join(stage, 'build'), { recursive: true });
  return stage;
}

/** Runs the packaged --dir build of the project at `projectDir` into `outDir`; returns the unpacked app directory. */
export function packageDir(outDir, { projectDir = process.cwd() } = {}) {
  const dist = makeStandInElectronDist(mkdtempSync(join(tmpdir(), 'sd-electron-dist-')));
  const out = resolve(outDir);
  sh('npx', ['electron-builder', '--linux', '--x64', '--dir', '--publish', 'never', '--projectDir', resolve(projectDir),
    `-c.electronDist=${dist}`, `-c.electronVersion=${ELECTRON_VERSION}`, `-c.directories.output=${out}`,
    '-c.npmRebuild=false'], {
    // no network: nothing to download for --dir with a local electronDist (checked under `unshare -rn`)
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  });
  rmSync(dist, { recursive: true, force: true });
  return join(out, 'linux-unpacked');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node scripts/package-check.mjs <outDir> [<stageDir>]: stage a fresh build, package it, print both dirs
  const out = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'sd-package-')));
  const stage = stageProject(resolve(process.argv[3] ?? join(out, 'stage')));
  console.log(stage);
  console.log(packageDir(join(out, 'release'), { projectDir: stage }));
}

#!/usr/bin/env node
// Packaged-build check that runs offline: `electron-builder --linux --dir` with the real package.json
// "build" config, but a STAND-IN Electron distribution (no Electron binary can be downloaded here;
// /work/shared/TOOLCHAIN.md). The stand-in is laid out like an unpacked Electron linux-x64 release
// (executable `electron`, resources/, locales/, LICENSE files, version) and its `electron` executable
// carries the fuse wire (sentinel + wire version + length + one byte per fuse) that real Electron
// binaries carry, all fuses in their Electron defaults, so electron-builder's "electronFuses" config
// flips them for real (through @electron/fuses) and the result can be read back.
//
// Usage: node scripts/package-check.mjs <outputDir>   (prints the app dir path on the last line)
// Builds the web + electron bundles first when dist-web/ or dist-electron/ is missing.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/** Runs the packaged --dir build into `outDir`; returns the unpacked app directory. */
export function packageDir(outDir, { root = process.cwd() } = {}) {
  if (!existsSync(join(root, 'dist-web', 'index.html'))) sh('npm', ['run', '--silent', 'build:web']);
  if (!existsSync(join(root, 'dist-electron', 'main.cjs'))) sh('npm', ['run', '--silent', 'build:electron']);
  const dist = makeStandInElectronDist(mkdtempSync(join(tmpdir(), 'sd-electron-dist-')));
  const out = resolve(outDir);
  sh('npx', ['electron-builder', '--linux', '--x64', '--dir', '--publish', 'never',
    `-c.electronDist=${dist}`, `-c.electronVersion=${ELECTRON_VERSION}`, `-c.directories.output=${out}`,
    '-c.npmRebuild=false'], {
    // no network: nothing to download for --dir with a local electronDist; these make sure of it
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    ELECTRON_BUILDER_OFFLINE: '1', USE_SYSTEM_APP_BUILDER: 'false',
  });
  return join(out, 'linux-unpacked');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'sd-package-'));
  console.log(packageDir(out));
}

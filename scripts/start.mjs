#!/usr/bin/env node
// `npm start`: the desktop app when this machine has the Electron binary; otherwise the same UI in
// the browser (what `npm run web` does), with one line saying why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron binary's path, when `npm install` could download it. Electron 45's index.js
 *  tries to download a missing binary when required, so look for it first and require only then. */
function electronBinary() {
  try {
    const pkg = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (!override && !(existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8'))))) return undefined;
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (binary) {
  for (const script of ['build:web', 'build:electron']) {
    const r = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary is not available on this machine, so Serverless Designer runs in your browser instead.');
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'warn', server: { host: '127.0.0.1' } });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
  console.log(`Open ${url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

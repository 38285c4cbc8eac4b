// Builds the command users install: one JavaScript file, dist-cli/serverless-designer.mjs, with the
// core and every pure-JavaScript dependency (yaml, zod, decimal.js, elkjs …) bundled in, so an
// `npm install --omit=dev` of the package needs nothing else and no TypeScript runs at start-up.
// @resvg/resvg-js (a native module, for `diagram --format png` only) stays outside: the command
// says how to add it when a PNG is asked for. Run by `npm run build:cli` and by `prepare`, which npm
// runs on `npm pack` / `npm publish`, on a git install (after installing the dev dependencies) and on
// `npm install` / `npm ci` in this repository.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm ci --omit=dev` in a checkout runs `prepare` without esbuild: nothing to build with, say so and
// leave (the bundle is only needed to pack or run the installed command).
let build;
try {
  ({ build } = await import('esbuild'));
} catch (err) {
  if (process.env.npm_lifecycle_event === 'prepare' && err?.code === 'ERR_MODULE_NOT_FOUND') {
    console.log('build-cli: esbuild is not installed (dev dependencies omitted), dist-cli/ not built');
    process.exit(0);
  }
  throw err;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist-cli');
// Built beside and swapped in at the end, so a command running meanwhile (a test, bin/'s fresh
// bundle) never sees a half-written file.
const outdir = join(root, `.dist-cli-${process.pid}`);
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const started = performance.now();
await build({
  entryPoints: { 'serverless-designer': join(root, 'cli', 'entry.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  // What only some commands need (ELK for import/diagram/report layouts) is a chunk loaded on use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@resvg/resvg-js'],
  // Bundled CommonJS packages call require() for Node's own modules: give the ES module one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __sdCreateRequire } from 'node:module';\nconst require = __sdCreateRequire(import.meta.url);" },
  legalComments: 'none',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});
const old = join(root, `.dist-cli-old-${process.pid}`);
try { renameSync(target, old); } catch (err) { if (err.code !== 'ENOENT') throw err; }
renameSync(outdir, target);
rmSync(old, { recursive: true, force: true });
const kb = (f) => (statSync(f).size / 1024).toFixed(0);
const chunks = readdirSync(join(target, 'chunks')).map((f) => join(target, 'chunks', f));
console.log(`dist-cli/serverless-designer.mjs: ${kb(join(target, 'serverless-designer.mjs'))} KB, and ${chunks.length} chunks loaded on use (${chunks.map(kb).join(' + ')} KB), in ${(performance.now() - started).toFixed(0)} ms`);

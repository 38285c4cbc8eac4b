// Builds the command users install: one JavaScript file, dist-cli/serverless-designer.mjs, with the
// core and every pure-JavaScript dependency (yaml, zod, decimal.js, elkjs …) bundled in, so an
// `npm install --omit=dev` of the package needs nothing else and no TypeScript runs at start-up.
// @resvg/resvg-js (a native module, for `diagram --format png` only) stays outside: the command
// says how to add it when a PNG is asked for. Run by `npm run build:cli` and by `prepack`.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-cli');
const outfile = join(outdir, 'serverless-designer.mjs');
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
const kb = (f) => (statSync(f).size / 1024).toFixed(0);
const chunks = readdirSync(join(outdir, 'chunks')).map((f) => join(outdir, 'chunks', f));
console.log(`dist-cli/serverless-designer.mjs: ${kb(outfile)} KB, and ${chunks.length} chunks loaded on use (${chunks.map(kb).join(' + ')} KB), in ${(performance.now() - started).toFixed(0)} ms`);

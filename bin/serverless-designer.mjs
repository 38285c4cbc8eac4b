#!/usr/bin/env node
// The command in this repository (`npm run cli`, the tests). The installed command is
// dist-cli/serverless-designer.mjs itself (package.json "bin"): the bundle scripts/build-cli.mjs
// builds on `npm ci` / `npm pack` (`prepare`) and `npm run build:cli`.
// Here: the bundle runs when it is at least as new as every source it is built from (cli/, core/,
// package-lock.json), so after `npm ci` the tests run what users get; after an edit it is older and
// the TypeScript sources run through tsx instead, so the edit is live without a build.
// SD_CLI_SOURCE=1 always runs the sources.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'serverless-designer.mjs');

/** True when the bundle exists and no source it is built from changed after it. */
function bundleIsFresh() {
  let built;
  try { built = statSync(bundle).mtimeMs; } catch { return false; }
  const newer = (file) => statSync(file).mtimeMs > built;
  if (newer(join(root, 'package-lock.json'))) return false;
  const stale = (dir) => readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? stale(join(dir, e.name)) : /\.(ts|json)$/.test(e.name) && newer(join(dir, e.name)));
  return !stale(join(root, 'cli')) && !stale(join(root, 'core'));
}

if (process.env.SD_CLI_SOURCE !== '1' && bundleIsFresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}

import { readFileSync } from 'node:fs';

/** The version in serverless-designer's package.json: the nearest one above this module, which is
 *  cli/ in the sources and dist-cli/ or dist-cli/chunks/ in the bundle (scripts/build-cli.mjs). */
export function packageVersion(): string {
  let lastError: unknown;
  for (const up of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'serverless-designer' && typeof pkg.version === 'string') return pkg.version;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError ?? new Error('no package.json of serverless-designer above the command');
}

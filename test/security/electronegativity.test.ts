// Electronegativity (@doyensec/electronegativity, the Electron security audit) over the desktop host's
// sources (electron/) and the built renderer's index.html, whose meta tag carries the app's CSP
// (electron/csp.json; Electron also sends it as a header, which Electronegativity cannot see). Every
// finding must be justified in electronegativity-justified.json beside this test, and every
// justification must still match a finding (no stale entries) and point at tests that exist.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Justification { check: string; file: string; reason: string; evidence: { test: string; name: string }[] }
interface Finding { check: string; file: string; line: number; message: string }

const justified = (JSON.parse(readFileSync('test/security/electronegativity-justified.json', 'utf8')) as { justified: Justification[] }).justified;
const work = mkdtempSync(join(tmpdir(), 'sd-electronegativity-'));
const input = join(work, 'app');
const cspDirectives = (JSON.parse(readFileSync('electron/csp.json', 'utf8')) as { directives: string[] }).directives;
let findings: Finding[] = [];
let indexHtml = '';

const metaCsp = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");

/** The built index.html: dist-web's when its CSP meta tag is today's electron/csp.json, else a build of our own. */
function builtIndexHtml(): string {
  const shared = 'dist-web/index.html';
  if (existsSync(shared)) {
    try {
      const html = readFileSync(shared, 'utf8');
      if (metaCsp(html) === cspDirectives.join('; ')) return html;
    } catch { /* rebuilt by someone else right now: build our own */ }
  }
  const out = join(work, 'web');
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'ignore', timeout: 170_000 });
  return readFileSync(join(out, 'index.html'), 'utf8');
}

beforeAll(() => {
  cpSync('electron', join(input, 'electron'), { recursive: true });
  indexHtml = builtIndexHtml();
  writeFileSync(join(input, 'index.html'), indexHtml);
  const sarif = join(work, 'findings.sarif');
  // -e: the Electron version to check against (offline it cannot look releases up); -r: relative paths.
  // -x AvailableSecurityFixesGlobalCheck: the one check that downloads Electron's release list, so its
  // answer depends on the network and the date, not on our sources (it finds nothing offline); keeping
  // Electron current is the dependency updates' job (package.json pins electron).
  execFileSync('npx', ['electronegativity', '-i', input, '-e', '45.5.0', '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', sarif], { stdio: 'ignore', timeout: 110_000 });
  const report = JSON.parse(readFileSync(sarif, 'utf8')) as {
    runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[] }[] }[];
  };
  findings = report.runs.flatMap((run) => run.results.map((r) => ({
    check: r.ruleId,
    file: r.locations[0]?.physicalLocation.artifactLocation.uri.replace(/\\/g, '/') ?? 'N/A',
    line: r.locations[0]?.physicalLocation.region?.startLine ?? 0,
    message: r.message.text,
  })));
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const key = (x: { check: string; file: string }) => `${x.check} at ${x.file}`;

describe('Electronegativity over electron/ and the built index.html', () => {
  it('scans the real CSP: the built index.html carries electron/csp.json as its meta tag', () => {
    expect(metaCsp(indexHtml)).toBe(cspDirectives.join('; '));
  });

  it('ran and reported on the sources (the BrowserWindow in main.ts is seen)', () => {
    expect(findings.some((f) => f.file === 'electron/main.ts')).toBe(true);
  });

  it('every finding is justified in electronegativity-justified.json', () => {
    const known = new Set(justified.map(key));
    const unjustified = findings.filter((f) => !known.has(key(f))).map((f) => `${key(f)}:${f.line} — ${f.message}`);
    expect(unjustified).toEqual([]);
  });

  it('every justification still matches a finding (no stale entries)', () => {
    const found = new Set(findings.map(key));
    expect(justified.filter((j) => !found.has(key(j))).map(key)).toEqual([]);
  });

  it('every justification gives a reason and names tests that exist', () => {
    for (const j of justified) {
      expect(j.reason.length, key(j)).toBeGreaterThan(40);
      expect(j.evidence.length, key(j)).toBeGreaterThan(0);
      for (const e of j.evidence) {
        expect(existsSync(e.test), `${key(j)}: ${e.test}`).toBe(true);
        expect(readFileSync(e.test, 'utf8'), `${key(j)}: "${e.name}" in ${e.test}`).toContain(`'${e.name}'`);
      }
    }
  });
});

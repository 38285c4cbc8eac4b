#!/usr/bin/env node
// `npm test`: lint (layering), type-check, unit tests (vitest), browser tests (Playwright in
// Chromium), then one plain summary line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) passed += 1;
  else { failed += 1; console.log(`✖ ${label} failed`); }
}

check('lint', 'npx', ['eslint', '.']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);

const vitestJson = 'reports/vitest.json';
rmSync(vitestJson, { force: true });
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (!unitOk && r.numFailedTests === 0) failed += 1; // a suite that failed to load
} else if (!unitOk) failed += 1;

if (existsSync('playwright.config.ts')) {
  const e2eJson = 'reports/e2e.json';
  rmSync(e2eJson, { force: true });
  const e2eOk = run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0); failed += s.unexpected ?? 0; skipped += s.skipped ?? 0;
    if (!e2eOk && !s.unexpected) failed += 1;
  } else if (!e2eOk) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (TOOLCHAIN.md): `npx playwright install` is not used.
const CHROMIUM = process.env.SD_CHROMIUM ?? '/usr/bin/chromium';
// SD_E2E_PORT / SD_WEB_OUT: several sessions on one machine each build and preview their own copy.
const PORT = Number(process.env.SD_E2E_PORT ?? 4173);
const OUT = process.env.SD_WEB_OUT ?? 'dist-web';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: process.env.SD_E2E_PORT ? `test-results/e2e-${process.env.SD_E2E_PORT}` : 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite build --config vite.config.ts --outDir ${OUT} && npx vite preview --config vite.config.ts --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

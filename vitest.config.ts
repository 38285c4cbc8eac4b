import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // CLI tests start real processes (tsx loads the TypeScript CLI): allow for a loaded CI machine.
    testTimeout: 60000,
  },
});

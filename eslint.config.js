// Layering is law (ARCHITECTURE.md): these restrictions fail `npm test` when a layer imports what it must not.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Node's built-ins by exact name (a gitignore-style pattern "net" would also forbid a local "./net").
const restrict = (groups, message, { node = false } = {}) => ['error', {
  patterns: [{ group: node ? [...groups, 'node:*'] : groups, message }],
  ...(node ? { paths: builtinModules.map((name) => ({ name, message })) } : {}),
}];

export default tseslint.config(
  { ignores: ['node_modules/', 'test/golden/', 'dist/', 'dist-web/', 'dist-electron/', 'dist-cli/', 'release/', 'test-results/', 'playwright-report/', 'reports/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', 'electron', 'electron/*'],
        'core/ is pure TypeScript: no React, @xyflow, Electron or Node APIs (ARCHITECTURE.md). Pass data in instead.',
        { node: true },
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'electron/*'],
        'renderer/ reaches files and menus only through the Host interface, never Electron or Node.',
        { node: true },
      ),
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!electron$|\\./ipc-contract$).*', message: 'the preload imports only electron and the IPC contract' }] }],
    },
  },
  {
    files: ['cli/**/*.ts', 'electron/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.ts', 'test/**/*.{ts,tsx}', 'bin/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);

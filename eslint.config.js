// Layering is law (ARCHITECTURE.md): these restrictions fail `npm test` when a layer imports what it must not.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];
const restrict = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-web/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'reports/', '.tmp/'] },
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
        ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', 'electron', 'electron/*', ...nodeBuiltins],
        'core/ is pure TypeScript: no React, @xyflow, Electron or Node APIs (ARCHITECTURE.md). Pass data in instead.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'electron/*', ...nodeBuiltins],
        'renderer/ reaches files and menus only through the Host interface, never Electron or Node.',
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

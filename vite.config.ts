import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import csp from './electron/csp.json' with { type: 'json' };

const CONTENT_SECURITY_POLICY = csp.directives.join('; ');

/** The built app runs under the same CSP as in Electron (which also sends it as a header), so
 *  `vite preview` and the e2e tests exercise it. */
function cspMeta(): Plugin {
  return {
    name: 'serverless-designer-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

const nodeExternals = ['electron', /^node:/, ...builtinModules];

/** electron-main / electron-preload: each one CommonJS file for Electron (the sandboxed preload
 *  cannot require chunks, so each entry is its own build). */
function electronBuild(entry: 'main' | 'preload'): UserConfig {
  return {
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      lib: { entry: `electron/${entry}.ts`, formats: ['cjs'], fileName: () => `${entry}.cjs` },
      rollupOptions: { external: nodeExternals },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'electron-main') return electronBuild('main');
  if (mode === 'electron-preload') return electronBuild('preload');
  return {
    plugins: [react(), cspMeta()],
    base: './',
    build: { outDir: 'dist-web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  };
});

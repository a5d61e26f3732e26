// Builds and serves the Svelte example the way a Svelte app would: `stream-chat-element` resolves
// through package.json "exports" to the npm build (dist/esm), whose bare imports (lit, marked, ...)
// Vite bundles. `npm run example:svelte` serves it with the demo's mock backend; `npm test` builds
// it into demo/svelte/dist, and test/distribution.test.ts runs the built page.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mockBackend } from '../mock-backend.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [
    svelte({ configFile: false }),
    { name: 'mock-backend', configureServer: (server) => void server.middlewares.use(mockBackend()) },
  ],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});

// Builds and serves the Vue example the way a Vue app would: `stream-chat-element` resolves
// through package.json "exports" to the npm build (dist/esm), whose bare imports (lit, marked, ...)
// Vite bundles. `npm run example:vue` serves it with the demo's mock backend; `npm test` builds it
// into demo/vue/dist, and test/distribution.test.ts runs the built page.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mockBackend } from '../mock-backend.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [
    // Vue must know <stream-chat> is a custom element: it then renders the tag as it is, sets bound
    // values as properties when the element has them, and adds @event listeners by their exact name.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'stream-chat' } } }),
    { name: 'mock-backend', configureServer: (server) => void server.middlewares.use(mockBackend()) },
  ],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});

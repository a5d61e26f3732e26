/// <reference types="node" />
import { defineConfig, type Plugin } from 'vite';
import { mockBackend, openaiProxy } from './demo/mock-backend.mjs';

/**
 * The demo's backends, mounted into the dev server: the mock SSE backend always, and a proxy to a
 * real OpenAI-compatible server when OPENAI_BASE_URL is set (OPENAI_API_KEY and OPENAI_MODEL are
 * optional). GET /api/config tells the page which of them it may offer.
 */
function demoBackends(): Plugin {
  return {
    name: 'stream-chat-demo-backends',
    apply: 'serve',
    configureServer(server) {
      const { OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL } = process.env;
      const model = OPENAI_MODEL || 'gpt-4o-mini';

      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (req.method === 'GET' && path === '/') {
          res.writeHead(302, { location: '/demo/index.html' });
          res.end();
          return;
        }
        if (req.method === 'GET' && path === '/api/config') {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(OPENAI_BASE_URL ? { openai: true, model } : { openai: false }));
          return;
        }
        next();
      });
      server.middlewares.use(mockBackend());
      if (OPENAI_BASE_URL) {
        server.middlewares.use(openaiProxy({ baseUrl: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY, model }));
        server.config.logger.info(`  demo: real backend ${model} at ${OPENAI_BASE_URL} -> /api/openai/stream`);
      }
    },
  };
}

export default defineConfig({
  plugins: [demoBackends()],
  // Lit's decorators are TypeScript's legacy ones, and reactive properties must not become own
  // class fields that shadow Lit's accessors: the equivalent of tsconfig's experimentalDecorators
  // and useDefineForClassFields: false, spelled out so neither depends on tsconfig discovery.
  oxc: {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
    assumptions: { setPublicClassFields: true },
  },
  optimizeDeps: {
    // Only the demo is served from here; without this Vite would crawl every HTML file it finds.
    entries: ['demo/index.html'],
  },
  build: {
    // The self-contained file for a <script type="module"> tag; `tsc -p tsconfig.build.json`
    // writes the npm build (bare imports, .d.ts) into dist/esm afterwards.
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    minify: process.env.BENCH_UNMINIFIED ? false : true,
    // Maps for profiling here (bench/profile.mjs), not referenced from the files and not in the npm
    // tarball (package.json files): they are mostly the sources of marked, highlight.js and KaTeX.
    sourcemap: 'hidden',
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'stream-chat.js',
    },
    rolldownOptions: {
      output: {
        // The markdown engine and highlight.js (its core and each grammar) stay separate chunks,
        // imported the first time they are needed, so the file a page loads up front stays small.
        // They sit in dist/chunks/ and resolve relative to stream-chat.js: copy dist/ as a whole.
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Vite keeps whitespace and pure annotations in an ES library for the user's bundler to
        // minify; this file goes straight to a browser, so minify it fully.
        minify: process.env.BENCH_UNMINIFIED ? false : true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});

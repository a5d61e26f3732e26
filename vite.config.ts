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

/**
 * Strips comments and indentation from the element's stylesheets (Lit `css` templates) in the
 * built file: they are shipped as written, and their comments alone were 5 KB of the first
 * download (2 KB gzip). By hand because the libraries that minify template literals bring an HTML
 * and a CSS minifier to do far more than this, which needs neither: our CSS has no strings with
 * line breaks or comment markers, and the `${}` parts are passed through untouched.
 */
function compactStylesheets(): Plugin {
  const compact = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n');
  return {
    name: 'stream-chat-compact-stylesheets',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      // A tag `css` right before a backtick, after an operator, a bracket or a space (not after
      // a backtick, as in a comment that names it).
      const tag = /(?<=[=(,\s])css`/g;
      let out = '';
      let at = 0;
      for (let found = tag.exec(code); found; found = tag.exec(code)) {
        const start = found.index;
        out += code.slice(at, start + 4);
        let i = start + 4;
        let text = '';
        while (code[i] !== '`') {
          if (i >= code.length) throw new Error(`${id}: a css template that does not end`);
          if (code[i] === '\\') {
            text += code.slice(i, i + 2);
            i += 2;
          } else if (code.startsWith('${', i)) {
            out += compact(text);
            text = '';
            let depth = 0;
            const from = i;
            do {
              if (code[i] === '{') depth += 1;
              else if (code[i] === '}') depth -= 1;
              i += 1;
            } while (depth > 0);
            out += code.slice(from, i);
          } else text += code[i++];
        }
        out += compact(text) + '`';
        at = i + 1;
        tag.lastIndex = at;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}

export default defineConfig({
  plugins: [demoBackends(), compactStylesheets()],
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

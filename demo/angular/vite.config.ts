// Builds and serves the Angular example without the Angular CLI (whose toolchain, @angular/build,
// is some 400 packages): ngc compiles the components ahead of time into .ngc/ (tsconfig.build.json),
// and Vite bundles that, running Angular's linker on the partially compiled libraries (Angular's own
// packages and stream-chat-element/angular), as the CLI does. `stream-chat-element` resolves through
// package.json "exports" to the npm build (dist/esm). `npm run example:angular` serves it with the
// demo's mock backend; `npm test` builds it into demo/angular/dist, and test/distribution.test.ts
// runs the built page.
import { transformAsync } from '@babel/core';
import createLinkerPlugin from '@angular/compiler-cli/linker/babel';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { mockBackend } from '../mock-backend.mjs';

/** Links partially compiled Angular code (`ɵɵngDeclare...` calls) into full definitions. */
function angularLinker(): Plugin {
  return {
    name: 'angular-linker',
    async transform(code, id) {
      if (!/\.m?js$/.test(id.split('?')[0]) || !code.includes('ɵɵngDeclare')) return null;
      const result = await transformAsync(code, {
        filename: id,
        configFile: false,
        babelrc: false,
        compact: false,
        sourceMaps: true,
        plugins: [createLinkerPlugin],
      });
      return result?.code ? { code: result.code, map: result.map } : null;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [
    angularLinker(),
    { name: 'mock-backend', configureServer: (server) => void server.middlewares.use(mockBackend()) },
  ],
  // What the Angular CLI defines for a production build: no dev-mode checks, no JIT compiler.
  define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1000 },
});

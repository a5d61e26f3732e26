// Serves built files and demo pages exactly as they are on disk, for test/e2e/distribution.test.ts:
// the way a plain static host would, with no bundler and none of the dev server's transforms
// (mounted before its plugins, so it neither resolves imports nor injects anything).
//
//   GET /static/dist/...       the build (vite build: dist/stream-chat.js and dist/chunks/)
//   GET /static/demo/...       demo pages (plain.html, dashboard.html) and the built framework
//                              examples (demo/react/dist/, demo/vue/dist/)
//   GET /static/test/pages/... pages with the bundle and one element, for test/e2e/seeds.test.ts
//
// A query string is ignored, so /static/dist/stream-chat.js?copy=2 is the same file under another
// URL: a second module instance, as when two copies of the element end up on one page.
//
//   GET /static/offline/<id>/dist/...   the build again, for test/e2e/lazy-chunks.test.ts: while <id> is
//                                       offline, a request for one of the chunks it names fails (503)
//   GET /static-offline/<id>?on=1&chunks=markdown-view,katex
//                                       takes <id> offline for those chunks (dist/chunks/<name>-<hash>.js)
//                                       or, with on=0, back online; answers the chunk requests that
//                                       failed so far (JSON, a list of paths)
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const allowed = ['dist', 'demo', join('test', 'pages')].map((dir) => join(root, dir) + sep);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Per test id: whether its chunks fail, and the chunk paths that failed. */
const offline = new Map();

/** Koa middleware for @web/test-runner's dev server. */
export function staticFiles() {
  return async function staticFilesMiddleware(ctx, next) {
    const control = /^\/static-offline\/([\w-]+)$/.exec(ctx.path);
    if (control) {
      const state = offline.get(control[1]) ?? { on: false, chunks: [], failed: [] };
      if (ctx.query.on !== undefined) state.on = ctx.query.on === '1';
      if (ctx.query.chunks) state.chunks = String(ctx.query.chunks).split(',');
      offline.set(control[1], state);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = state.failed;
      return;
    }
    if (!ctx.path.startsWith('/static/')) return next();
    let path = ctx.path.slice('/static/'.length);
    const flaky = /^offline\/([\w-]+)\/(dist\/.*)$/.exec(path);
    if (flaky) {
      path = flaky[2];
      const state = offline.get(flaky[1]);
      const chunk = /^dist\/chunks\/(.+)-[\w-]{8}\.js$/.exec(path)?.[1];
      if (state?.on && chunk && state.chunks.includes(chunk)) {
        state.failed.push(path);
        // Unavailable: import() fails as it does offline. (Not a dropped connection: Chromium would
        // re-send the request on its own and the count of attempts would double.)
        // Written by hand: the test runner marks every file response cacheable for a year
        // (its cacheMiddleware), and a cached failure would make every later import fail too.
        ctx.respond = false;
        ctx.res.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        ctx.res.end('offline');
        return;
      }
    }
    const file = normalize(join(root, decodeURIComponent(path)));
    const type = types[extname(file)];
    if (!type || !allowed.some((dir) => file.startsWith(dir))) {
      ctx.status = 404;
      return;
    }
    try {
      ctx.body = await readFile(file);
    } catch {
      ctx.status = 404;
      return;
    }
    ctx.type = type;
    ctx.set('Cache-Control', 'no-store');
  };
}

// Serves built files and demo pages exactly as they are on disk, for test/distribution.test.ts:
// the way a plain static host would, with no bundler and none of the dev server's transforms
// (mounted before its plugins, so it neither resolves imports nor injects anything).
//
//   GET /static/dist/...       the build (vite build: dist/stream-chat.js and dist/chunks/)
//   GET /static/demo/...       demo pages (plain.html, dashboard.html) and the built framework
//                              examples (demo/react/dist/, demo/vue/dist/)
//   GET /static/test/pages/... pages with the bundle and one element, for test/seeds.test.ts
//
// A query string is ignored, so /static/dist/stream-chat.js?copy=2 is the same file under another
// URL: a second module instance, as when two copies of the element end up on one page.
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

/** Koa middleware for @web/test-runner's dev server. */
export function staticFiles() {
  return async function staticFilesMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/static/')) return next();
    const file = normalize(join(root, decodeURIComponent(ctx.path.slice('/static/'.length))));
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

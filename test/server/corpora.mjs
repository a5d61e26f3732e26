// Serves the shared test corpora (../shared/corpora, next to the project) to the browser tests,
// read where they are rather than copied into the repository:
//
//   GET /corpora/<path>                   a file under the corpora directory, as it is
//   GET /corpora/h5sc/vectors.json        the HTML5 Security Cheatsheet vectors as JSON:
//                                         [{ id, name, data }], `data` with the placeholders of
//                                         payloads.js expanded (the corpus README's rule)
//   GET /exfil/<test>/...                 an endpoint for the hostile-input tests to point
//   GET /exfil-log?prefix=/exfil/<test>/  "foreign" URLs at (http://127.0.0.1:<port>/exfil/...
//                                         from a page on localhost): the requests that arrived,
//                                         [{ host, url }], for one test file's prefix
//
// items.js and payloads.js are UMD modules; they are evaluated in a separate vm context with a
// fake `module`, and only their data leaves it.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corporaRoot = resolve(projectRoot, '..', 'shared', 'corpora');

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The absolute path of `path` under the corpora directory, or undefined if it would leave it. */
function corpusFile(path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const file = resolve(corporaRoot, `.${sep}${decoded}`);
  const inside = relative(corporaRoot, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return file;
}

async function loadUmd(file) {
  const module = { exports: {} };
  vm.runInNewContext(await readFile(file, 'utf8'), { module, exports: module.exports }, { filename: file, timeout: 5000 });
  // A JSON round trip leaves nothing of the vm context behind.
  return JSON.parse(JSON.stringify(module.exports));
}

let h5sc;
async function h5scVectors() {
  h5sc ??= (async () => {
    const [items, payloads] = await Promise.all([
      loadUmd(join(corporaRoot, 'h5sc', 'items.js')),
      loadUmd(join(corporaRoot, 'h5sc', 'payloads.js')),
    ]);
    // Only the names payloads.js defines: vectors are full of URL escapes such as %3C and %20.
    const names = Object.keys(payloads).sort((a, b) => b.length - a.length);
    const placeholder = new RegExp(`%(${names.join('|')})%`, 'g');
    return JSON.stringify(
      items.map((item) => ({
        id: item.id,
        name: item.name?.en ?? '',
        data: item.data.replace(placeholder, (_, name) => payloads[name]),
      })),
    );
  })();
  return h5sc;
}

const exfil = [];

/** Koa middleware for @web/test-runner's dev server. */
export function corpora() {
  return async function corporaMiddleware(ctx, next) {
    const path = ctx.path;
    if (path.startsWith('/exfil/')) {
      exfil.push({ host: ctx.host, url: ctx.url });
      ctx.status = 204;
      return;
    }
    if (path === '/exfil-log') {
      ctx.type = 'application/json';
      const prefix = String(ctx.query.prefix ?? '/exfil/');
      ctx.body = JSON.stringify(exfil.filter((hit) => hit.url.startsWith(prefix)));
      return;
    }
    if (!path.startsWith('/corpora/') || ctx.method !== 'GET') return next();
    const rest = path.slice('/corpora/'.length);
    if (rest === 'h5sc/vectors.json') {
      ctx.type = TYPES['.json'];
      ctx.body = await h5scVectors();
      return;
    }
    const file = corpusFile(rest);
    const info = file && (await stat(file).catch(() => undefined));
    if (!info?.isFile()) {
      ctx.status = 404;
      return;
    }
    ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.body = await readFile(file);
  };
}

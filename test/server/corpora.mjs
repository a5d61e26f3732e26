// Serves the shared test corpora to the browser tests, read where they are rather than copied into
// the repository. The corpora folder is $STREAM_CHAT_CORPORA when set, else ../shared/corpora beside
// the project. A clone without it still runs the suite: the H5SC vectors are then skipped (one line
// says so, see corpusNotice()), unless STREAM_CHAT_REQUIRE_CORPORA=1 (.ci/run sets it), which makes
// the test run refuse to start.
//
//   GET /corpora/status                   { h5sc: boolean }: whether the H5SC vectors are there
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
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corporaRoot = process.env.STREAM_CHAT_CORPORA
  ? resolve(process.env.STREAM_CHAT_CORPORA)
  : resolve(projectRoot, '..', 'shared', 'corpora');
const h5scFiles = ['items.js', 'payloads.js'].map((name) => join(corporaRoot, 'h5sc', name));

/** Whether the HTML5 Security Cheatsheet corpus is present (both of its files). */
export const hasH5sc = h5scFiles.every((file) => existsSync(file));

/**
 * The one line that says the H5SC vectors are skipped and how to enable them, or undefined when they
 * are present. Throws when STREAM_CHAT_REQUIRE_CORPORA=1 and they are missing, so CI never skips them.
 */
export function corpusNotice() {
  if (hasH5sc) return undefined;
  const missing = `no corpus at ${join(corporaRoot, 'h5sc')}`;
  const how =
    'set STREAM_CHAT_CORPORA to a folder holding h5sc/items.js and h5sc/payloads.js ' +
    '(or place it at ../shared/corpora beside the project)';
  if (process.env.STREAM_CHAT_REQUIRE_CORPORA === '1') {
    throw new Error(`STREAM_CHAT_REQUIRE_CORPORA=1 and the HTML5 Security Cheatsheet vectors are missing: ${missing}; ${how}`);
  }
  return `HTML5 Security Cheatsheet vectors skipped: ${missing}; to run them, ${how}`;
}

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
    const [items, payloads] = await Promise.all(h5scFiles.map(loadUmd));
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
    if (rest === 'status') {
      ctx.type = TYPES['.json'];
      ctx.body = JSON.stringify({ h5sc: hasH5sc });
      return;
    }
    if (rest === 'h5sc/vectors.json' && hasH5sc) {
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

// The benchmark's own HTTP server, on 127.0.0.1 only: the pages, the built widget, the libraries the
// naive page imports, and real SSE answers written at a controlled pace. No Vite dev server, so
// what the browser runs is exactly dist/ as it would be deployed.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { build } from 'esbuild';
import { generateAnswer, generateConversation, languages, tokenize } from './answer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

// URL prefix -> folder. Nothing else on disk is reachable.
const staticRoots = {
  '/dist/': join(root, 'dist'),
  '/bench/pages/': join(root, 'bench', 'pages'),
  // bench:peers only: the peers installed in bench/peers (see bench/peers.mjs).
  '/bench/peers/': join(root, 'bench', 'peers'),
  '/node_modules/': join(root, 'node_modules'),
};

/** Unthrottled answers are written this many events per write, so it is not one syscall per event. */
const BATCH = 200;
/** The paced writer's tick; each tick writes however many events are due by the clock. */
const TICK_MS = 10;

/**
 * highlight.js ships its `es/` entries as re-exports of CommonJS, which a browser cannot import;
 * the naive page gets core plus the answer's grammars bundled once into one ES module, the way a
 * hand-written page would bundle them.
 */
async function bundleHighlighter() {
  const imports = languages.map((l) => `import ${l} from 'highlight.js/lib/languages/${l}';`).join('\n');
  const registers = languages.map((l) => `hljs.registerLanguage('${l}', ${l});`).join('\n');
  const result = await build({
    stdin: { contents: `import hljs from 'highlight.js/lib/core';\n${imports}\n${registers}\nexport default hljs;`, resolveDir: root },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const DONE = 'data: {"type":"done"}\n\n';

/** The SSE body of `pieces`, pre-serialized one event per piece. */
function eventsOf(pieces) {
  const events = pieces.map((content) => `data: ${JSON.stringify({ type: 'token', content })}\n\n`);
  const bytes = events.reduce((sum, e) => sum + Buffer.byteLength(e), Buffer.byteLength(DONE));
  return { events, done: DONE, bytes };
}

/**
 * An answer of `kb` kilobytes: its text, tokens, and the SSE body pre-serialized per event; the
 * stress mode's ways of sending it (`single`: one event; `paragraphs`: one event per paragraph),
 * made on first use, as are the tokens (a 20 MB answer is never sent token by token).
 */
function makeAnswer(kb) {
  const text = generateAnswer(kb * 1024);
  const made = new Map();
  const once = (key, make) => {
    if (!made.has(key)) made.set(key, make());
    return made.get(key);
  };
  return {
    kb,
    text,
    get tokens() {
      return once('tokens', () => tokenize(text));
    },
    get events() {
      return this.framed('tokens').events;
    },
    get bytes() {
      return this.framed('tokens').bytes;
    },
    done: DONE,
    /** The SSE body for one way of splitting the answer into events. */
    framed(split) {
      return once(`sse:${split}`, () =>
        eventsOf(split === 'single' ? [text] : split === 'paragraphs' ? text.split(/(?<=\n\n)/) : this.tokens),
      );
    },
  };
}

/**
 * Starts the server on an ephemeral port. `answer(kb)` gives the runner the same answer the SSE
 * endpoint streams, so it can check what the page ended up showing.
 */
export async function startServer() {
  const highlighter = await bundleHighlighter();
  const answers = new Map();
  const answer = (kb) => {
    if (!answers.has(kb)) answers.set(kb, makeAnswer(kb));
    return answers.get(kb);
  };
  const conversations = new Map();
  const conversation = (count) => {
    if (!conversations.has(count)) conversations.set(count, JSON.stringify(generateConversation(count)));
    return conversations.get(count);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const params = url.searchParams;
      if (url.pathname === '/sse') {
        // The widget POSTs JSON (message, history); the answer does not depend on it.
        req.resume();
        return await streamAnswer(req, res, answer(Number(params.get('size') ?? 20)), params);
      }
      if (url.pathname === '/answer.md') return send(res, 200, 'text/markdown; charset=utf-8', answer(Number(params.get('size') ?? 20)).text);
      if (url.pathname === '/conversation.json') return send(res, 200, types['.json'], conversation(Number(params.get('count') ?? 500)));
      if (url.pathname === '/vendor/highlight.js') return send(res, 200, types['.js'], highlighter);
      for (const [prefix, folder] of Object.entries(staticRoots)) {
        if (!url.pathname.startsWith(prefix)) continue;
        const file = resolve(folder, decodeURIComponent(url.pathname.slice(prefix.length)));
        if (!file.startsWith(folder + sep)) break;
        const body = await readFile(file).catch(() => undefined);
        if (body) return send(res, 200, types[extname(file)] ?? 'application/octet-stream', body);
        break;
      }
      send(res, 404, 'text/plain', 'not found');
    } catch (error) {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error?.stack ?? error));
      else res.destroy();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    answer,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Resolves once the socket wants more (or is gone); `once()` would leave its listeners behind. */
function writable(res) {
  return new Promise((resume) => {
    const go = () => {
      res.off('drain', go);
      res.off('close', go);
      resume();
    };
    res.on('drain', go);
    res.on('close', go);
  });
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Writes one answer as SSE. `mode=paced` writes `rate` events per second (default 1000) by the
 * clock, catching up when a tick is late; anything else writes as fast as the socket takes it
 * (`single`: the whole answer as one event; `paragraphs`: one event per paragraph).
 * `x-bench-bytes` tells the page's probe the body's length, so it can tell when 10% has arrived.
 */
async function streamAnswer(req, res, answer, params) {
  const mode = params.get('mode');
  const { events, done, bytes } = answer.framed(mode === 'single' || mode === 'paragraphs' ? mode : 'tokens');
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-bench-bytes': String(bytes),
  });
  res.flushHeaders();
  req.socket.setNoDelay(true);
  let closed = false;
  res.on('close', () => (closed = true));

  if (mode === 'paced') {
    const rate = Number(params.get('rate') ?? 1000);
    const start = performance.now();
    let sent = 0;
    await new Promise((finish) => {
      const timer = setInterval(() => {
        if (closed) {
          clearInterval(timer);
          return finish();
        }
        const due = Math.min(events.length, Math.floor(((performance.now() - start) * rate) / 1000));
        if (due > sent) res.write(events.slice(sent, due).join(''));
        sent = due;
        if (sent === events.length) {
          clearInterval(timer);
          res.end(done);
          finish();
        }
      }, TICK_MS);
    });
    return;
  }

  for (let i = 0; i < events.length && !closed; i += BATCH) {
    if (!res.write(events.slice(i, i + BATCH).join(''))) await writable(res);
  }
  if (!closed) res.end(done);
}

// A scripted HTTP backend for the browser tests, mounted into the test runner's dev server.
// Tests put a script into the request body (through the element's `body` property), so every
// test controls its own stream byte by byte over real HTTP, and can read back what the server
// received: POST /test-sse plays the script; GET /test-log/<testId> returns the recorded requests.
//
// Script: { status?, headers?, headersAfter?, chunks: (string | { bytes } | { repeat, times } | { echo: true }
//   | { delay } | { drop: true } | { hang: true } | { gate: true })[] }
// or an array of scripts, the n-th request of a testId playing the n-th (the last one repeats).
// `bytes` is an array of byte values, written as they are (to split UTF-8 characters or a BOM);
// `repeat` is a string written `times` times in one write; `echo` writes an SSE event
// `data: {"content":"<the request's message>"}`; `headersAfter` holds the status line back that
// many milliseconds; a header set to null is not sent (a response without a content type).
// `gate` holds the rest back until the test opened it: GET /test-gate/<testId> opens one gate (gates
// count: the n-th gate of a testId waits for the n-th opening, which may come before it).
//
// The testId may also come in the query string (`/test-sse?testId=...`), which is how a CORS
// preflight (an OPTIONS request without a body) is logged. `cors` in the query makes the endpoint
// answer cross-origin requests: `full` (preflight and response allowed), `preflight` (the preflight
// is allowed, the response itself has no CORS headers, so the browser withholds it); without it
// nothing is allowed. Each logged request says how it ended: `outcome` is `finished`, `closed`
// (by the client) or `dropped` (by the script), undefined while it runs.
// /test-redirect-loop?testId=... redirects to itself forever; /test-redirect-once?to=<path>
// answers one 307 to `to`.

const logs = new Map();

function logFor(testId) {
  if (!logs.has(testId)) logs.set(testId, { requests: [], closedByClient: 0, finished: 0, gatesOpened: 0, gatesPassed: 0 });
  return logs.get(testId);
}

async function readBody(req) {
  const parts = [];
  for await (const part of req) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sleeps `ms`, waking early when `gone()` turns true. */
async function wait(ms, gone) {
  for (const end = Date.now() + ms; Date.now() < end && !gone(); ) await sleep(Math.min(20, end - Date.now()));
}

async function play(script, entry, res, log, extraHeaders) {
  let clientGone = false;
  res.on('close', () => {
    if (!res.writableEnded && entry.outcome !== 'dropped') {
      clientGone = true;
      entry.outcome = 'closed';
      log.closedByClient += 1;
    }
  });
  const headers = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...extraHeaders,
    ...(script.headers ?? {}),
  };
  for (const [name, value] of Object.entries(headers)) if (value === null) delete headers[name];
  // A 205 has no body, but Node would frame one (chunked, with its closing chunk), and a browser
  // that reads none leaves those bytes on the keep-alive connection, failing the next request on
  // it. Real servers send Content-Length: 0 (Node itself does so for 204).
  if (script.status === 205) headers['content-length'] = '0';
  if (script.headersAfter) await wait(script.headersAfter, () => clientGone);
  if (clientGone) return;
  res.writeHead(script.status ?? 200, headers);
  res.flushHeaders();
  for (const chunk of script.chunks ?? []) {
    if (clientGone) return;
    if (typeof chunk === 'string') {
      res.write(chunk);
    } else if (chunk.bytes) {
      res.write(Buffer.from(chunk.bytes));
    } else if (chunk.repeat !== undefined) {
      res.write(chunk.repeat.repeat(chunk.times ?? 1));
    } else if (chunk.echo) {
      res.write(`data: ${JSON.stringify({ content: String(entry.body.message ?? '') })}\n\n`);
    } else if (chunk.delay) {
      await sleep(chunk.delay);
    } else if (chunk.gate) {
      const mine = ++log.gatesPassed;
      while (log.gatesOpened < mine && !clientGone) await sleep(2);
    } else if (chunk.drop) {
      // A half-close (FIN), not destroy(): every byte sent reaches the browser, which then sees a
      // chunked body that never ended, the "connection lost mid-answer" a proxy timeout gives. (A
      // reset lets the TCP stack discard bytes not yet read.) Chromium still drops body bytes it
      // has not handed to the page when it reports the failure, so scripts pause before a drop.
      entry.outcome = 'dropped';
      res.socket?.end();
      return;
    } else if (chunk.hang) {
      // Keep the connection open until the client goes away (or 30 s pass).
      await wait(30000, () => clientGone);
      if (!clientGone) res.end();
      return;
    }
  }
  log.finished += 1;
  entry.outcome = 'finished';
  res.end();
}

function corsHeaders(mode, req, preflight) {
  if (mode !== 'full' && !(mode === 'preflight' && preflight)) return {};
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
  };
}

/** Koa middleware for @web/test-runner's dev server. */
export function scriptedSse() {
  return async function scriptedSseMiddleware(ctx, next) {
    const { req, res } = ctx;
    const path = ctx.path;
    if (path.startsWith('/test-log/')) {
      const testId = decodeURIComponent(path.slice('/test-log/'.length));
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(logFor(testId));
      return;
    }
    if (path.startsWith('/test-gate/')) {
      logFor(decodeURIComponent(path.slice('/test-gate/'.length))).gatesOpened += 1;
      ctx.status = 204;
      return;
    }
    if (path === '/test-redirect-loop') {
      // Redirects to itself forever (a 302 turns the POST into GETs, as a misconfigured login
      // or trailing-slash rule does); each request is logged under the query's testId.
      logFor(ctx.query.testId ?? 'anonymous').requests.push({ method: req.method, url: req.url, headers: req.headers, body: {} });
      ctx.status = 302;
      ctx.set('location', req.url);
      return;
    }
    if (path === '/test-redirect-once') {
      // A 307 keeps the method and body: the POST is replayed at `to`.
      ctx.status = 307;
      ctx.set('location', String(ctx.query.to));
      return;
    }
    if (path !== '/test-sse') return next();

    const raw = await readBody(req);
    let body = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      body = { unparsable: raw };
    }
    const testId = body.testId ?? ctx.query.testId ?? 'anonymous';
    const log = logFor(testId);
    const entry = { method: req.method, url: req.url, headers: req.headers, body };
    log.requests.push(entry);
    const cors = ctx.query.cors;
    if (req.method === 'OPTIONS' && cors) {
      res.writeHead(204, corsHeaders(cors, req, true));
      res.end();
      ctx.respond = false;
      return;
    }
    const scripts = Array.isArray(body.script) ? body.script : [body.script ?? { chunks: [] }];
    const script = scripts[Math.min(log.requests.length - 1, scripts.length - 1)];
    ctx.respond = false;
    await play(script, entry, res, log, corsHeaders(cors, req, false));
  };
}

// A scripted HTTP backend for the browser tests, mounted into the test runner's dev server.
// Tests put a script into the request body (through the element's `body` property), so every
// test controls its own stream byte by byte over real HTTP, and can read back what the server
// received: POST /test-sse plays the script; GET /test-log/<testId> returns the recorded requests.
//
// Script: { status?, headers?, chunks: (string | { bytes } | { delay } | { drop: true } | { hang: true })[] }
// or an array of scripts, the n-th request of a testId playing the n-th (the last one repeats).
// `bytes` is an array of byte values, written as they are (to split UTF-8 characters or a BOM);
// a header set to null is not sent (a response without a content type).

const logs = new Map();

function logFor(testId) {
  if (!logs.has(testId)) logs.set(testId, { requests: [], closedByClient: 0, finished: 0 });
  return logs.get(testId);
}

async function readBody(req) {
  const parts = [];
  for await (const part of req) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function play(script, req, res, log) {
  let clientGone = false;
  res.on('close', () => {
    if (!res.writableEnded) {
      clientGone = true;
      log.closedByClient += 1;
    }
  });
  const headers = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...(script.headers ?? {}),
  };
  for (const [name, value] of Object.entries(headers)) if (value === null) delete headers[name];
  res.writeHead(script.status ?? 200, headers);
  res.flushHeaders();
  for (const chunk of script.chunks ?? []) {
    if (clientGone) return;
    if (typeof chunk === 'string') {
      res.write(chunk);
    } else if (chunk.bytes) {
      res.write(Buffer.from(chunk.bytes));
    } else if (chunk.delay) {
      await sleep(chunk.delay);
    } else if (chunk.drop) {
      res.socket?.destroy();
      return;
    } else if (chunk.hang) {
      // Keep the connection open until the client goes away (or 30 s pass).
      for (let i = 0; i < 300 && !clientGone; i++) await sleep(100);
      if (!clientGone) res.end();
      return;
    }
  }
  log.finished += 1;
  res.end();
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
    if (path !== '/test-sse') return next();

    const raw = await readBody(req);
    let body = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      body = { unparsable: raw };
    }
    const testId = body.testId ?? 'anonymous';
    const log = logFor(testId);
    log.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    const scripts = Array.isArray(body.script) ? body.script : [body.script ?? { chunks: [] }];
    const script = scripts[Math.min(log.requests.length - 1, scripts.length - 1)];
    ctx.respond = false;
    await play(script, req, res, log);
  };
}

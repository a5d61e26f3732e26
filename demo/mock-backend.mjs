// A pretend LLM backend for the demo page: it answers POST /api/chat/stream in every wire format
// <stream-chat> understands, and can misbehave on request (HTTP errors, dropped connections, slow
// first tokens, a non-streaming reply). Plain ESM JavaScript so that both vite.config.ts and the
// test runner's .mjs config can import it.
//
// The request body is the element's: { message, messages, conversation_id?, ...body }, plus two
// knobs the demo page sets through the element's `body` property:
//   mock_format:   seeds (default) | openai | content | text | json-string
//   mock_scenario: normal (default) | slow | drop | stream-error | http-error | unauthorized | json
//     slow:         session info, then ~4 s of SSE comments before the first token
//     drop:         part of the answer, then the socket is destroyed
//     stream-error: part of the answer, then the format's in-stream error event (text and
//                   json-string have none, so they drop the connection instead)
//     http-error:   500 with {"error":{"message":...}}; unauthorized: 401 with a plain-text body
//     json:         the whole answer as one application/json response {"content": ...}
//
// openaiProxy() forwards the same requests to a real OpenAI-compatible server, so the API key
// stays on the dev server and never reaches the page.

import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pickAnswer } from './answers.mjs';

export const MOCK_PATH = '/api/chat/stream';
export const OPENAI_PATH = '/api/openai/stream';

export const mockFormats = ['seeds', 'openai', 'content', 'text', 'json-string'];
export const mockScenarios = ['normal', 'slow', 'drop', 'stream-error', 'http-error', 'unauthorized', 'json'];

const MAX_BODY_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Wire formats: how each one spells the start of an answer, a piece of text, a tool call, a
// warning, the end, and an error inside the stream. A missing method means the format has no
// way to say it (text and json-string answers simply end when the connection closes).

function openaiChunk(stream, delta, finishReason = null) {
  return {
    id: stream.id,
    object: 'chat.completion.chunk',
    created: stream.created,
    model: 'mock',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

const wireFormats = {
  seeds: {
    start: (sse, stream) => sse.data({ type: 'session_info', session_id: stream.conversationId }),
    tool: (sse, _stream, name, status) => sse.data({ type: 'tool', tool: name, ...(status && { status }) }),
    warning: (sse, _stream, message) => sse.data({ type: 'warning', message }),
    token: (sse, _stream, content) => sse.data({ type: 'token', content }),
    done: (sse) => {
      sse.data({ type: 'done' });
      sse.data({ type: 'stream_end' });
    },
    error: (sse, _stream, message) => {
      sse.data({ type: 'error', message });
      sse.data({ type: 'stream_end' });
    },
  },
  openai: {
    start: (sse, stream) => sse.data(openaiChunk(stream, { role: 'assistant', content: '' })),
    token: (sse, stream, content) => sse.data(openaiChunk(stream, { content })),
    done: (sse, stream) => {
      sse.data(openaiChunk(stream, {}, 'stop'));
      sse.raw('[DONE]');
    },
    error: (sse, _stream, message) => sse.data({ error: { message, type: 'server_error', code: null } }),
  },
  content: {
    token: (sse, _stream, content) => sse.data({ content }),
    done: (sse, stream) => sse.data({ done: true, conversation_id: stream.conversationId }),
    error: (sse, _stream, message) => sse.data({ error: message }),
  },
  text: {
    token: (sse, _stream, text) => sse.data({ text }),
  },
  'json-string': {
    token: (sse, _stream, text) => sse.data(text),
  },
};

// ---------------------------------------------------------------------------------------------
// Helpers

/** The SSE framing: every event is `data: <one line>\n\n`; JSON.stringify escapes the newlines. */
function sseWriter(res) {
  return {
    data: (value) => res.write(`data: ${JSON.stringify(value)}\n\n`),
    raw: (line) => res.write(`data: ${line}\n\n`),
    comment: (text) => res.write(`: ${text}\n\n`),
  };
}

/**
 * Cuts text into token-sized pieces the way an LLM stream arrives: mostly one to a few words,
 * sometimes a cut in the middle of a word, a `**` marker or a code fence, so the renderer has to
 * cope with half-finished markdown.
 */
export function tokenize(text, random = Math.random) {
  const chars = Array.from(text); // code points, so no piece ends inside a surrogate pair
  const pieces = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(chars.length, start + 3 + Math.floor(random() * 10));
    if (random() < 0.7) {
      for (let i = end; i > start + 1; i--) {
        if (/\s/.test(chars[i - 1])) {
          end = i;
          break;
        }
      }
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

function wait(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

async function readJson(req) {
  const parts = [];
  let size = 0;
  for await (const part of req) {
    size += part.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is larger than 1 MB.');
    parts.push(part);
  }
  const raw = Buffer.concat(parts).toString('utf8');
  try {
    const body = raw ? JSON.parse(raw) : {};
    if (body && typeof body === 'object' && !Array.isArray(body)) return body;
  } catch {
    // Reported below, like a body that is valid JSON but not an object.
  }
  throw new HttpError(400, 'The request body must be a JSON object.');
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function sendJson(res, status, value, headers = {}) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function sendError(res, status, message) {
  sendJson(res, status, { error: { message } });
}

function startEventStream(res) {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Proxies such as nginx buffer responses unless told not to, which would defeat streaming.
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
}

function pathOf(req) {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}

function preview(text, length = 48) {
  const line = String(text).replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** An AbortSignal that fires when the client goes away before the response is finished. */
function clientGone(res, onClose) {
  const controller = new AbortController();
  res.on('close', () => {
    if (res.writableFinished) return;
    controller.abort();
    onClose?.();
  });
  return controller.signal;
}

// ---------------------------------------------------------------------------------------------
// The mock backend

/**
 * A Connect-style handler `(req, res, next)` serving `POST /api/chat/stream` with canned answers.
 * Anything else goes to `next()`. The returned promise settles when the response is finished, so
 * a Koa adapter can await it.
 *
 * @param {import('./mock-backend.d.mts').MockBackendOptions} [options]
 */
export function mockBackend(options = {}) {
  const {
    path = MOCK_PATH,
    tokenDelay = [25, 40],
    slowDelay = 4000,
    log = (line) => console.log(`[mock-backend] ${line}`),
  } = options;
  const [minDelay, maxDelay] = tokenDelay;
  const tokenPause = () => minDelay + Math.random() * (maxDelay - minDelay);
  let requests = 0;

  return async function mockBackendHandler(req, res, next) {
    if (pathOf(req) !== path) return next?.();
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, `Use POST for ${path}.`);
    }

    let body;
    try {
      body = await readJson(req);
    } catch (error) {
      return sendError(res, error.status ?? 400, error.message);
    }
    const format = body.mock_format ?? 'seeds';
    const scenario = body.mock_scenario ?? 'normal';
    if (!wireFormats[format]) {
      return sendError(res, 400, `Unknown mock_format "${format}"; expected one of: ${mockFormats.join(', ')}.`);
    }
    if (!mockScenarios.includes(scenario)) {
      return sendError(res, 400, `Unknown mock_scenario "${scenario}"; expected one of: ${mockScenarios.join(', ')}.`);
    }
    if (typeof body.message !== 'string' || body.message.trim() === '') {
      return sendError(res, 400, 'The request body needs a non-empty "message" string.');
    }

    requests += 1;
    const history = Array.isArray(body.messages) ? body.messages : [];
    const turn = history.filter((entry) => entry?.role === 'user').length;
    const answer = pickAnswer(body.message, turn);
    const pieces = tokenize(answer.text);
    const stream = {
      id: `chatcmpl-mock${requests}`,
      created: Math.floor(Date.now() / 1000),
      conversationId:
        typeof body.conversation_id === 'string' && body.conversation_id
          ? body.conversation_id
          : `demo-${Date.now().toString(36)}`,
    };
    const streams = !['http-error', 'unauthorized', 'json'].includes(scenario);
    log(`${format}/${scenario} "${preview(body.message)}" -> ${answer.id}${streams ? ` (${pieces.length} chunks)` : ''}`);

    let sent = 0;
    let dropping = false;
    const signal = clientGone(res, () => {
      if (!dropping) log(`client closed the stream after ${sent}/${pieces.length} chunks`);
    });

    // Failures before any streaming, after a short think.
    if (!streams) {
      await wait(scenario === 'json' ? 900 : 300, signal);
      if (signal.aborted) return;
      if (scenario === 'http-error') {
        return sendError(res, 500, 'The model backend is overloaded, try again in a minute');
      }
      if (scenario === 'unauthorized') {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
        return res.end('Missing or expired API key. Sign in again to keep chatting.');
      }
      return sendJson(res, 200, { content: answer.text, conversation_id: stream.conversationId });
    }

    const wire = wireFormats[format];
    const sse = sseWriter(res);
    startEventStream(res);
    wire.start?.(sse, stream);

    if (scenario === 'slow') {
      // A model that takes its time to start; the comments keep proxies from timing out meanwhile.
      for (let waited = 0; waited < slowDelay && !signal.aborted; waited += 1000) {
        await wait(Math.min(1000, slowDelay - waited), signal);
        if (!signal.aborted) sse.comment('still thinking');
      }
    }
    if (answer.tool && wire.tool) {
      wire.tool(sse, stream, answer.tool);
      await wait(700, signal); // the tool "runs"
      if (signal.aborted) return;
      wire.tool(sse, stream, answer.tool, 'done');
    }

    // drop and stream-error stop somewhere in the middle of the answer.
    const stopAt = scenario === 'drop' || scenario === 'stream-error' ? Math.floor(pieces.length * 0.4) : pieces.length;
    for (const piece of pieces.slice(0, stopAt)) {
      if (signal.aborted) return;
      await wait(tokenPause(), signal);
      if (signal.aborted) return;
      wire.token(sse, stream, piece);
      sent += 1;
    }
    if (signal.aborted) return;

    if (scenario === 'drop' || (scenario === 'stream-error' && !wire.error)) {
      log(`dropping the connection after ${sent}/${pieces.length} chunks`);
      // Destroying the socket mid-response is what a crashed server or a lost network looks like.
      await wait(150, signal);
      dropping = true;
      res.socket?.destroy();
      return;
    }
    if (scenario === 'stream-error') {
      wire.error(sse, stream, 'The model stopped: the context window (8,192 tokens) is full.');
      return res.end();
    }
    if (answer.warning && wire.warning) wire.warning(sse, stream, answer.warning);
    wire.done?.(sse, stream);
    res.end();
  };
}

// ---------------------------------------------------------------------------------------------
// The proxy to a real backend

/**
 * A Connect-style handler for `POST /api/openai/stream` that turns the element's request into an
 * OpenAI chat completion request (`stream: true`) and pipes the server's SSE answer back as is.
 * The API key is added here, on the server; the page never sees it.
 *
 * @param {import('./mock-backend.d.mts').OpenAiProxyOptions} options
 */
export function openaiProxy({ baseUrl, apiKey, model, path = OPENAI_PATH, log = (line) => console.log(`[openai-proxy] ${line}`) }) {
  const url = `${baseUrl.replace(/\/+$/, '')}/chat/completions`;

  return async function openaiProxyHandler(req, res, next) {
    if (pathOf(req) !== path) return next?.();
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, `Use POST for ${path}.`);
    }

    let body;
    try {
      body = await readJson(req);
    } catch (error) {
      return sendError(res, error.status ?? 400, error.message);
    }
    if (typeof body.message !== 'string' || body.message.trim() === '') {
      return sendError(res, 400, 'The request body needs a non-empty "message" string.');
    }

    const messages = [];
    if (typeof body.system === 'string' && body.system.trim()) messages.push({ role: 'system', content: body.system });
    for (const entry of Array.isArray(body.messages) ? body.messages : []) {
      if ((entry?.role === 'user' || entry?.role === 'assistant') && typeof entry.content === 'string') {
        messages.push({ role: entry.role, content: entry.content });
      }
    }
    messages.push({ role: 'user', content: body.message });

    const upstream = new AbortController();
    res.on('close', () => {
      if (res.writableFinished) return;
      upstream.abort();
      log('client closed the stream; aborted the upstream request');
    });
    log(`${model} <- "${preview(body.message)}" (${messages.length} messages)`);

    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify({ model, stream: true, messages }),
        signal: upstream.signal,
      });
    } catch (error) {
      if (upstream.signal.aborted) return;
      log(`could not reach ${url}: ${error.cause?.code ?? error.message}`);
      return sendError(res, 502, `Could not reach the model backend (${error.cause?.code ?? error.message}).`);
    }

    res.writeHead(response.status, {
      'content-type': response.headers.get('content-type') ?? 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    if (!response.body) return res.end();
    try {
      await pipeline(Readable.fromWeb(response.body), res);
    } catch (error) {
      // A client that left (already logged) or an upstream that broke off: either way the
      // response is over, and the element reports an interrupted stream.
      if (!upstream.signal.aborted) {
        log(`upstream stream failed: ${error.message}`);
        res.destroy();
      }
    }
  };
}

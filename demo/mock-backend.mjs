// A pretend LLM backend for the demo page: it answers POST /api/chat/stream in every wire format
// <stream-chat> understands, and can misbehave on request (HTTP errors, dropped connections, slow
// first tokens, a cut-off or non-streaming reply). Plain ESM JavaScript so that both
// vite.config.ts and the test runner's .mjs config can import it.
//
// The request body is the element's: { message, messages, conversation_id?, ...body }, plus two
// knobs the demo page sets through the element's `body` property:
//   mock_format:   seeds (default) or any other name in mockFormats (see mock-formats.mjs)
//   mock_scenario: normal (default) | slow | length | drop | stream-error | http-error | unauthorized | json
//     slow:         ~4 s before the first token (SSE formats send keep-alive comments meanwhile)
//     length:       part of the answer, then the format's "cut off at the token limit" ending
//                   (formats with no word for it just end)
//     drop:         part of the answer, then the socket is destroyed
//     stream-error: part of the answer, then the format's in-stream error (text, json-string and
//                   plain-text have none, so they drop the connection instead)
//     http-error:   500 with {"error":{"message":...}}; unauthorized: 401 with a plain-text body
//     json:         the whole answer as one application/json response, in the format's own
//                   non-streaming shape where the element reads one, else {"content": ...}
//
// Each answer becomes one plan (reasoning pieces, a tool call, text pieces, sources, a warning),
// laid out as a timeline of steps that the format's encoder spells; one loop plays any timeline.
//
// openaiProxy() forwards the same requests to a real OpenAI-compatible server, so the API key
// stays on the dev server and never reaches the page.

import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pickAnswer } from './answers.mjs';
import { formats } from './mock-formats.mjs';

export const MOCK_PATH = '/api/chat/stream';
export const OPENAI_PATH = '/api/openai/stream';

export const mockFormats = Object.keys(formats);
export const mockScenarios = ['normal', 'slow', 'length', 'drop', 'stream-error', 'http-error', 'unauthorized', 'json'];

const MAX_BODY_BYTES = 1024 * 1024;
const TOOL_RUN_MS = 700;
const STREAM_ERROR = 'The model stopped: the context window (8,192 tokens) is full.';
/** How much of the answer the scenarios that stop early send. */
const CUT_AT = { drop: 0.4, 'stream-error': 0.4, length: 0.55 };

// ---------------------------------------------------------------------------------------------
// Helpers

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

function startStream(res, headers) {
  res.writeHead(200, {
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Proxies such as nginx buffer responses unless told not to, which would defeat streaming.
    'x-accel-buffering': 'no',
    ...headers,
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

/**
 * A Connect-style handler for `POST {path}` with a JSON body holding a non-empty `message`;
 * `handle(body, res)` gets the parsed body. Anything else goes to `next()`.
 */
function chatRoute(path, handle) {
  return async function chatRouteHandler(req, res, next) {
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
    return handle(body, res);
  };
}

// ---------------------------------------------------------------------------------------------
// The mock backend

/** What one answer streams, whatever the format: the pieces as a model would emit them. */
function planOf(answer) {
  return {
    reasoning: answer.reasoning ? tokenize(answer.reasoning) : [],
    tool: answer.tool,
    text: tokenize(answer.text),
    sources: answer.sources ?? [],
    warning: answer.warning,
  };
}

/**
 * The answer as a list of steps `{ pause, write }` for one format and scenario: `write()` returns
 * the body pieces to send after `pause` milliseconds. Built lazily, so each piece is spelled when
 * it is sent (timestamps, running totals). `drop` says the connection breaks after the last step.
 */
function timeline(plan, wire, stream, scenario, { tokenPause, slowDelay }) {
  const steps = [];
  const step = (pause, write) => steps.push({ pause, write: () => write() ?? [] });
  const hook = (name, ...args) => () => wire[name]?.(...args);

  step(0, hook('start'));
  if (scenario === 'slow') {
    // A model that takes its time to start; keep-alives keep proxies from timing out meanwhile.
    const keepAlive = wire.keepAlive ?? (wire.headers['content-type'].startsWith('text/event-stream') ? () => [': still thinking\n\n'] : () => []);
    for (let waited = 0; waited < slowDelay; waited += 1000) step(Math.min(1000, slowDelay - waited), keepAlive);
  }
  // What a format has no way to say takes no time either: a model that neither thinks nor calls tools.
  if (plan.reasoning.length && wire.reasoning) {
    step(0, hook('reasoningStart'));
    for (const piece of plan.reasoning) {
      step(tokenPause(), () => {
        stream.reasoning += piece;
        return wire.reasoning(piece);
      });
    }
    step(0, hook('reasoningEnd'));
  }
  if (plan.tool && wire.toolStart) {
    step(0, hook('toolStart', plan.tool));
    step(TOOL_RUN_MS, hook('toolDone', plan.tool));
  }
  step(0, hook('textStart'));
  const cut = CUT_AT[scenario] ? Math.floor(plan.text.length * CUT_AT[scenario]) : plan.text.length;
  for (const piece of plan.text.slice(0, cut)) {
    step(tokenPause(), () => {
      stream.text += piece;
      return wire.text(piece);
    });
  }

  if (scenario === 'drop' || (scenario === 'stream-error' && !wire.error)) return { steps, drop: true };
  if (scenario === 'stream-error') {
    step(tokenPause(), hook('error', STREAM_ERROR));
  } else if (scenario === 'length') {
    step(0, hook('textEnd'));
    step(0, hook('end', 'length'));
  } else {
    step(0, hook('textEnd'));
    if (plan.sources.length) step(0, hook('sources', plan.sources));
    if (plan.warning) step(0, hook('warning', plan.warning));
    step(0, hook('end', 'stop'));
  }
  return { steps, drop: false };
}

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

  return chatRoute(path, async (body, res) => {
    const format = body.mock_format ?? 'seeds';
    const scenario = body.mock_scenario ?? 'normal';
    if (!Object.hasOwn(formats, format)) {
      return sendError(res, 400, `Unknown mock_format "${format}"; expected one of: ${mockFormats.join(', ')}.`);
    }
    if (!mockScenarios.includes(scenario)) {
      return sendError(res, 400, `Unknown mock_scenario "${scenario}"; expected one of: ${mockScenarios.join(', ')}.`);
    }

    requests += 1;
    const history = Array.isArray(body.messages) ? body.messages : [];
    const turn = history.filter((entry) => entry?.role === 'user').length;
    const answer = pickAnswer(body.message, turn);
    const plan = planOf(answer);
    const stream = {
      id: `mock${Date.now().toString(36)}${requests}`,
      created: Math.floor(Date.now() / 1000),
      conversationId:
        typeof body.conversation_id === 'string' && body.conversation_id
          ? body.conversation_id
          : `demo-${Date.now().toString(36)}`,
      question: body.message,
      tool: plan.tool,
      text: '',
      reasoning: '',
    };
    const wire = formats[format](stream);
    log(`${format}/${scenario} "${preview(body.message)}" -> ${answer.id}`);

    let sent = 0;
    let total = 0;
    let dropping = false;
    const signal = clientGone(res, () => {
      if (!dropping) log(`client closed the stream after ${sent}/${total} steps`);
    });

    // Answers that never stream, after a short think.
    if (['http-error', 'unauthorized', 'json'].includes(scenario)) {
      await wait(scenario === 'json' ? 900 : 300, signal);
      if (signal.aborted) return;
      if (scenario === 'http-error') {
        return sendError(res, 500, 'The model backend is overloaded, try again in a minute');
      }
      if (scenario === 'unauthorized') {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
        return res.end('Missing or expired API key. Sign in again to keep chatting.');
      }
      stream.text = answer.text;
      return sendJson(res, 200, wire.json?.() ?? { content: answer.text, conversation_id: stream.conversationId });
    }

    const { steps, drop } = timeline(plan, wire, stream, scenario, { tokenPause, slowDelay });
    total = steps.length;
    startStream(res, wire.headers);
    for (const { pause, write } of steps) {
      if (pause) await wait(pause, signal);
      if (signal.aborted) return;
      for (const piece of write()) res.write(piece);
      sent += 1;
    }
    if (drop) {
      log(`dropping the connection after ${sent}/${total} steps`);
      // Destroying the socket mid-response is what a crashed server or a lost network looks like.
      await wait(150, signal);
      dropping = true;
      res.socket?.destroy();
      return;
    }
    res.end();
  });
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

  return chatRoute(path, async (body, res) => {
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
  });
}

// Tradistry's FastAPI chat (../shared/seeds/001_6ae8ecfb5489c15b.txt), as its document describes it:
//
//   POST /api/ai/chat/stream     Authorization: Bearer <token>
//   { "session_id"?: string, "message": string, "context_limit"?: number }
//
//   data: {"type": "session_info", "session_id": "...", "status": "processing"}
//   data: {"type": "token", "content": "..."}            (one per token)
//   data: {"type": "done", "message": "Streaming complete"}
//   ... the answer is saved (awaited I/O) ...
//   data: {"type": "response_saved", "message_id": "...", "processing_time_ms": ...}
//   data: {"type": "stream_end"}
//
// Sessions keep the history server-side: a request naming a known session_id is answered with
// that session's last `context_limit` messages as context; without one (or with an unknown one) a
// new session starts. The "multi-layer fallback" shows as a `warning` event and the answer in one
// piece; errors as an `error` event, then `stream_end`.
//
// Where the document is silent, chosen here (and why):
// - The save happens between `done` and `response_saved` (its event order says so) and is
//   cancelled when the client has gone by the time it would report, as a Starlette generator is
//   cancelled at its next await after a disconnect: `entry.saved` records which.
// - Without a bearer token: 401 `{"detail": "Not authenticated"}` (FastAPI's HTTPBearer wording).
// - A request without `message`: 422 with FastAPI's validation `detail` list.
// - Test hooks in the message text: `#fallback` (streaming fails, the regular invoke answers),
//   `#error` (the provider fails), `#slow-save` (the save waits until the test opens the gate
//   named by the message: POST /seed/gate/<message>).
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Log, Reply, gate, readJson, tokens } from './common.mjs';

export const log = new Log();
const sessions = new Map();
const database = mkdtemp(join(tmpdir(), 'tradistry-'));

const sse = (value) => `data: ${JSON.stringify(value)}\n\n`;

function answerFor(message, history) {
  const earlier = history.length ? ` (${history.length} earlier messages in this session)` : '';
  return `Hello! I can help you analyze your trades${earlier}.\n\nYou asked: *${message.replace(/#[\w-]+/g, '').trim()}*`;
}

/** The awaited I/O after the last token: persisting the answer. */
async function save(reply, sessionId, message, answer) {
  const file = join(await database, `${sessionId}.jsonl`);
  await writeFile(file, `${JSON.stringify({ role: 'assistant', content: answer })}\n`, { flag: 'a' });
  if (message.includes('#slow-save')) await gate(message);
  else await reply.wait(30);
  return !reply.gone;
}

export async function handle(ctx, path) {
  if (path !== '/api/ai/chat/stream' || ctx.method !== 'POST') return false;
  const started = Date.now();
  const body = await readJson(ctx.req);
  const entry = log.begin(ctx.req, body);
  const reply = new Reply(ctx.res, entry);
  ctx.respond = false;
  if (!/^Bearer \S+/.test(ctx.get('authorization'))) return reply.json(401, { detail: 'Not authenticated' }), true;
  if (typeof body?.message !== 'string' || !body.message.trim()) {
    reply.json(422, { detail: [{ loc: ['body', 'message'], msg: 'field required', type: 'value_error.missing' }] });
    return true;
  }
  const { message } = body;
  const limit = Number.isInteger(body.context_limit) ? body.context_limit : 10;
  let sessionId = typeof body.session_id === 'string' && sessions.has(body.session_id) ? body.session_id : undefined;
  if (!sessionId) {
    sessionId = randomUUID();
    sessions.set(sessionId, []);
  }
  const history = sessions.get(sessionId).slice(-limit);
  entry.sessionId = sessionId;
  entry.historyLength = history.length;

  reply.head(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
  await reply.write(sse({ type: 'session_info', session_id: sessionId, status: 'processing' }), 'session_info');
  if (message.includes('#error')) {
    await reply.write(sse({ type: 'error', message: 'The AI provider is unavailable right now (OpenRouter 503). Please try again.' }), 'error');
    await reply.write(sse({ type: 'stream_end' }), 'stream_end');
    reply.end();
    return true;
  }
  const answer = answerFor(message, history);
  if (message.includes('#fallback')) {
    await reply.write(sse({ type: 'warning', message: 'Streaming failed; answered with the regular model call.' }), 'warning');
    await reply.write(sse({ type: 'token', content: answer }), 'token');
  } else {
    for (const token of tokens(answer)) {
      if (!(await reply.write(sse({ type: 'token', content: token }), 'token'))) return true;
      await reply.wait(5);
    }
  }
  await reply.write(sse({ type: 'done', message: 'Streaming complete' }), 'done');
  entry.saved = await save(reply, sessionId, message, answer);
  if (!entry.saved) return true;
  sessions.get(sessionId).push({ role: 'user', content: message }, { role: 'assistant', content: answer });
  const messageId = `msg-${randomUUID().slice(0, 8)}`;
  await reply.write(sse({ type: 'response_saved', message_id: messageId, processing_time_ms: Date.now() - started }), 'response_saved');
  await reply.write(sse({ type: 'stream_end' }), 'stream_end');
  reply.end();
  return true;
}

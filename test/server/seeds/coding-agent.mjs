// The Rust/actix coding agent (../shared/seeds/002_fd9f367aa44b8903.txt), as its document
// describes it:
//
//   POST /api/v1/chat/unified/stream     {"message": "...", "user_id": "..."}
//   Content-Type: text/event-stream, Cache-Control: no-cache, X-Accel-Buffering: no
//   data: "What "
//   data: "is "
//   ...                                   (word by word, 30 ms apart; the stream just ends)
//
// A tokio task generates the whole answer, then sends it word by word through an mpsc channel;
// when the client disconnects the send fails and the task stops. The complete answer is stored
// in the conversation history; a failure is sent as the text "Error: ...".
//
// Where the document is silent or contradicts itself, chosen here (and why):
// - Chunks are JSON strings (`data: "word "`), not `{"text": "word "}`: its curl output shows
//   strings, its Rust code sends the `format!("{} ", word)` String, and its frontend appends the
//   parsed value itself (`msg.content + data`), which only a string makes readable. Its "SSE
//   Protocol" section's `{"text": ...}` is the planned ELP variant.
// - No `\n\n`-terminated lines in the document's examples (`data: "What "` one per line); real
//   actix SSE ends each event with a blank line, as here.
// - History is per user_id (the request has no session field); a missing user_id is actix's
//   Json extractor error: 400, text/plain "Json deserialize error: missing field `user_id` ...".
// - `#error` in the message makes generation fail: "Error: ..." streamed as the text.
// - `#hold` in the message (tests only) holds the stream after HOLD_AFTER words until the client
//   goes away (a minute at most): a test that stops the answer midway then does not race the
//   30 ms words on a loaded machine.
import { Log, Reply, readJson } from './common.mjs';

export const log = new Log();
const histories = new Map();
const HOLD_AFTER = 4;

function explanation(message, history) {
  const context = history.length ? `(continuing from ${history.length / 2} earlier questions) ` : '';
  return `${context}Consciousness is the state of being aware of and able to reflect on one's own existence. In code, a \`struct\` holds state: the agent keeps its ELP values there.`;
}

export async function handle(ctx, path) {
  if (path !== '/api/v1/chat/unified/stream' || ctx.method !== 'POST') return false;
  const body = await readJson(ctx.req);
  const entry = log.begin(ctx.req, body);
  const reply = new Reply(ctx.res, entry);
  ctx.respond = false;
  if (typeof body?.message !== 'string' || typeof body?.user_id !== 'string') {
    const missing = typeof body?.message !== 'string' ? 'message' : 'user_id';
    reply.head(400, { 'content-type': 'text/plain; charset=utf-8' });
    ctx.res.write(`Json deserialize error: missing field \`${missing}\` at line 1 column ${JSON.stringify(body ?? {}).length}`);
    reply.end();
    return true;
  }
  const history = histories.get(body.user_id) ?? [];
  histories.set(body.user_id, history);
  entry.historyLength = history.length;
  reply.head(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
  if (body.message.includes('#error')) {
    await reply.write(`data: ${JSON.stringify('Error: model backend unavailable (connection refused)')}\n\n`, 'error');
    reply.end();
    return true;
  }
  const full = explanation(body.message, history);
  const words = full.split(/\s+/).filter(Boolean);
  entry.words = words.length;
  entry.sent = 0;
  for (const word of words) {
    // `tx.send(chunk).await.is_err()`: the client went away, the task stops.
    if (!(await reply.write(`data: ${JSON.stringify(`${word} `)}\n\n`, 'word'))) break;
    entry.sent += 1;
    const hold = body.message.includes('#hold') && entry.sent === HOLD_AFTER;
    if (!(await reply.wait(hold ? 60_000 : 30))) break;
  }
  if (entry.sent === words.length) {
    history.push({ role: 'user', content: body.message }, { role: 'assistant', content: full });
    reply.end();
  }
  return true;
}

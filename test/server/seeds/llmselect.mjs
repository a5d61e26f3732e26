// LLMSelect's Flask chat (../shared/seeds/004_aa746fa77c285f5c.txt), as its document specifies it:
//
//   POST /api/v1/chat/stream     Authorization: Bearer <JWT>
//   {"conversation_id"?: "uuid", "message": "...", "provider": "openai", "model": "gpt-4o"}
//   Content-Type: text/event-stream
//   data: {"content": "token"}
//   ...
//   data: {"done": true, "conversation_id": "uuid"}       (after the answer is saved)
//   data: {"error": "..."}                                 (then the stream closes)
//
// The conversation is created when the request names none, the user's message saved first, the
// assistant's after streaming; a request naming a conversation continues it.
//
// Where the document is silent, chosen here (and why):
// - `validate_message_request` rejects a request without message, provider or model with 422
//   `{"error": "validation_error", "message": "Invalid request payload"}` (the app's error shape).
// - No JWT: flask-jwt-extended's 401 `{"msg": "Missing Authorization Header"}`.
// - Providers are the four it names (openai, anthropic, gemini, mistral); another is 400
//   `{"error": "unsupported_provider", "message": "Provider 'x' is not supported"}`.
// - `#error` in the message makes the provider fail mid-answer ("invalid API key"), sent as an
//   error event after the tokens so far; `#ratelimit` is the limiter's 429 with Retry-After.
import { randomUUID } from 'node:crypto';
import { Log, Reply, readJson, tokens } from './common.mjs';

export const log = new Log();
const PROVIDERS = new Set(['openai', 'anthropic', 'gemini', 'mistral']);
const conversations = new Map();

export async function handle(ctx, path) {
  if (path !== '/api/v1/chat/stream' || ctx.method !== 'POST') return false;
  const body = await readJson(ctx.req);
  const entry = log.begin(ctx.req, body);
  const reply = new Reply(ctx.res, entry);
  ctx.respond = false;
  if (!/^Bearer \S+/.test(ctx.get('authorization'))) return reply.json(401, { msg: 'Missing Authorization Header' }), true;
  if (!body || typeof body.message !== 'string' || !body.message.trim() || typeof body.provider !== 'string' || typeof body.model !== 'string') {
    return reply.json(422, { error: 'validation_error', message: 'Invalid request payload' }), true;
  }
  if (!PROVIDERS.has(body.provider)) {
    return reply.json(400, { error: 'unsupported_provider', message: `Provider '${body.provider}' is not supported` }), true;
  }
  if (body.message.includes('#ratelimit')) return reply.json(429, { error: 'rate_limited', message: 'Rate limit exceeded: 10 per 1 minute' }, { 'retry-after': '30' }), true;

  let id = typeof body.conversation_id === 'string' && conversations.has(body.conversation_id) ? body.conversation_id : undefined;
  if (!id) {
    id = randomUUID();
    conversations.set(id, []);
  }
  const messages = conversations.get(id);
  entry.conversationId = id;
  entry.historyLength = messages.length;
  messages.push({ role: 'user', content: body.message });

  reply.head(200, { 'content-type': 'text/event-stream' });
  const answer = `**${body.provider}/${body.model}** says: streaming works in single-model chat too${messages.length > 1 ? `, turn ${messages.length / 2 + 0.5}` : ''}.`;
  const pieces = tokens(answer);
  for (const [index, piece] of pieces.entries()) {
    if (body.message.includes('#error') && index === 3) {
      await reply.write(`data: ${JSON.stringify({ error: 'OpenAI API error: Incorrect API key provided' })}\n\n`, 'error');
      reply.end();
      return true;
    }
    if (!(await reply.write(`data: ${JSON.stringify({ content: piece })}\n\n`, 'content'))) return true;
    await reply.wait(5);
  }
  messages.push({ role: 'assistant', content: answer });
  await reply.write(`data: ${JSON.stringify({ done: true, conversation_id: id })}\n\n`, 'done');
  reply.end();
  return true;
}

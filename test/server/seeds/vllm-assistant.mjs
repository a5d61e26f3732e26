// The vLLM financial assistant (../shared/seeds/003_c3df3ecd79dbbc9d.txt), as its document
// describes it:
//
//   POST /chat/stream      {"message": "...", "model": "phi3", "memory_context": 3}
//   StreamingResponse(generate_tokens(), media_type="text/plain")      <- SSE under text/plain
//   data: {"id": "msg-123", "object": "chat.completion.chunk", "choices": [{"delta": {"content": "Gold"}}]}
//   ...
//   data: [DONE]
//
//   POST /chat             the non-streaming API its front end falls back to
//
// Answers are stored in memory after completion, and the last `memory_context` exchanges are
// given to the model as context. vLLM is asked for `max_tokens: 2048`.
//
// Where the document is silent, chosen here (and why):
// - The chunks carry `finish_reason` as vLLM's OpenAI server sends them (null, then "stop", or
//   "length" when max_tokens is reached: `#long` in the message stands for an answer that long);
//   the document's sample shows only `delta`.
// - `/chat` answers `{"response": ..., "model": ...}` (its Python client reads `response`).
// - An unknown model is FastAPI's 404 with the server's own detail: `{"detail": "Model 'x' not found"}`.
import { randomUUID } from 'node:crypto';
import { Log, Reply, readJson, tokens } from './common.mjs';

export const log = new Log();
const MODELS = new Set(['phi3', 'llama3']);
const memory = [];

function answerFor(message, context) {
  const recalled = context.length ? `As we discussed (${context.length} earlier exchanges), ` : '';
  const body = `${recalled}Gold prices are up **2.1%** this week on a weaker dollar.\n\n| Metal | Week |\n|---|---|\n| Gold | +2.1% |\n| Silver | +0.8% |`;
  return message.includes('#long') ? `${body}\n\nLonger term, the trend depends on real yields and central bank` : body;
}

export async function handle(ctx, path) {
  if ((path !== '/chat/stream' && path !== '/chat') || ctx.method !== 'POST') return false;
  const body = await readJson(ctx.req);
  const entry = log.begin(ctx.req, body);
  const reply = new Reply(ctx.res, entry);
  ctx.respond = false;
  if (typeof body?.message !== 'string') {
    return reply.json(422, { detail: [{ loc: ['body', 'message'], msg: 'field required', type: 'value_error.missing' }] }), true;
  }
  const model = body.model ?? 'phi3';
  if (!MODELS.has(model)) return reply.json(404, { detail: `Model '${model}' not found` }), true;
  const contextSize = Number.isInteger(body.memory_context) ? body.memory_context : 3;
  const context = contextSize > 0 ? memory.slice(-contextSize) : [];
  entry.contextLength = context.length;
  const answer = answerFor(body.message, context);
  const remember = () => memory.push({ question: body.message, answer });

  if (path === '/chat') {
    remember();
    return reply.json(200, { response: answer, model }), true;
  }
  // FastAPI StreamingResponse with media_type="text/plain", as the document's endpoint has it.
  reply.head(200, { 'content-type': 'text/plain; charset=utf-8' });
  const id = `msg-${randomUUID().slice(0, 6)}`;
  const chunk = (delta, finish = null) => `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  await reply.write(chunk({ role: 'assistant', content: '' }), 'role');
  for (const token of tokens(answer)) {
    if (!(await reply.write(chunk({ content: token }), 'token'))) return true;
    await reply.wait(5);
  }
  await reply.write(chunk({}, body.message.includes('#long') ? 'length' : 'stop'), 'finish');
  await reply.write('data: [DONE]\n\n', '[DONE]');
  remember();
  reply.end();
  return true;
}

// The trading-run chat (../shared/seeds/000_dfe64b4a86f68ccf.txt), as its document describes it:
//
//   GET  /api/models/{model_id}/runs/{run_id}/chat-stream?message=...&token=...   (EventSource)
//   event: message
//   data: {"type": "token", "content": "Let"}
//   event: message
//   data: {"type": "tool", "tool": "analyze_trades"}
//   ...
//   event: message
//   data: {"type": "done"}
//
//   POST /api/models/{model_id}/runs/{run_id}/chat      {"message": "..."}
//   -> {"response": "...", "suggested_rules": [...]}    (the non-streaming fallback)
//
// The server keeps the history (the last 10 messages of the run) itself and saves the exchange
// when the stream completes, before `done` (its endpoint code saves, then yields done). Ownership
// is verified on every request.
//
// Where the document is silent, chosen here (and why):
// - The token is checked against one known user ("user-42-token"); anything else is 401
//   `{"detail": "Invalid token"}` (FastAPI's HTTPException shape).
// - Only model 169 / run 74 belongs to that user; another run is 404 `{"detail": "Run not found"}`,
//   the ownership check's answer.
// - Tools: a message mentioning "lose"/"lost" calls analyze_trades then calculate_metrics, each
//   announced by a `tool` event before the tokens that use it (its diagram's order).
// - Tokens are words, 5 ms apart (the document gives ~500 ms to the first token and 3-5 s in all;
//   the order, not the pace, is what matters here).
import { Log, Reply, readJson, tokens } from './common.mjs';

export const log = new Log();
const histories = new Map();

const ROUTE = /^\/api\/models\/(\d+)\/runs\/(\d+)\/(chat-stream|chat|chat-history)$/;
const event = (value) => `event: message\ndata: ${JSON.stringify(value)}\n\n`;

function answerFor(message, history) {
  const earlier = history.length ? `Following up on our earlier analysis (${history.length} messages): ` : '';
  return `${earlier}Let me analyze your trades.\n\nYou made **23 trades** with:\n\n- Win rate: 60%\n- Average win: $45.23\n\n\`\`\`python\ndef max_position_size(portfolio):\n    return portfolio * 0.20\n\`\`\``;
}

export async function handle(ctx, path) {
  const match = ROUTE.exec(path);
  if (!match) return false;
  const [, modelId, runId, action] = match;
  const body = ctx.method === 'GET' ? Object.fromEntries(new URLSearchParams(ctx.querystring)) : await readJson(ctx.req);
  const entry = log.begin(ctx.req, body);
  const reply = new Reply(ctx.res, entry);
  ctx.respond = false;
  const token = ctx.method === 'GET' ? body.token : (ctx.get('authorization').replace(/^Bearer /, '') || body?.token);
  if (token !== 'user-42-token') return reply.json(401, { detail: 'Invalid token' }), true;
  if (modelId !== '169' || runId !== '74') return reply.json(404, { detail: 'Run not found' }), true;
  const key = `${modelId}/${runId}`;
  const history = histories.get(key) ?? [];
  histories.set(key, history);
  if (action === 'chat-history') return reply.json(200, { messages: history }), true;
  const message = String(body?.message ?? '');
  if (!message.trim()) return reply.json(422, { detail: [{ loc: ['query', 'message'], msg: 'field required', type: 'value_error.missing' }] }), true;
  entry.historyLength = Math.min(history.length, 10);
  const answer = answerFor(message, history.slice(-10));

  if (action === 'chat') {
    history.push({ role: 'user', content: message }, { role: 'assistant', content: answer });
    return reply.json(200, { response: answer, suggested_rules: [] }), true;
  }
  if (ctx.method !== 'GET') return reply.json(405, { detail: 'Method Not Allowed' }), true;

  // sse-starlette's EventSourceResponse.
  reply.head(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  const tools = /\blos[et]\b/i.test(message) ? ['analyze_trades', 'calculate_metrics'] : [];
  const words = tokens(answer);
  for (const [index, word] of words.entries()) {
    if (index === 1 && tools[0]) await reply.write(event({ type: 'tool', tool: tools[0] }), 'tool');
    if (index === 6 && tools[1]) await reply.write(event({ type: 'tool', tool: tools[1] }), 'tool');
    if (!(await reply.write(event({ type: 'token', content: word }), 'token'))) return true;
    await reply.wait(5);
  }
  // Saved when the stream completes, then done (a stopped answer is not saved).
  history.push({ role: 'user', content: message }, { role: 'assistant', content: answer, tool_calls: tools });
  entry.saved = true;
  await reply.write(event({ type: 'done' }), 'done');
  reply.end();
  return true;
}

// A real Vercel AI SDK backend for the browser tests, mounted into the test runner's dev server.
// `streamText` from `ai` runs against the SDK's own mock language model, so the bytes on the wire
// are exactly what a Next.js route returning `toUIMessageStreamResponse()` or
// `toTextStreamResponse()` sends, rather than our idea of them:
//
//   POST /ai-sdk/ui        the UI message stream (SSE, `x-vercel-ai-ui-message-stream: v1`)
//   POST /ai-sdk/text      the plain text stream (`text/plain`)
//   GET  /ai-sdk/expected  { text, reasoning, toolName, sourceUrl }: what the model produced
//
// The model answers in two steps, like a real agent: first it thinks and calls a tool (which
// `streamText` executes), then it writes a markdown answer citing one source.

import { jsonSchema, simulateReadableStream, stepCountIs, streamText, tool } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

const toolName = 'get_run';
const toolInput = { run_id: 5 };
const sourceUrl = 'https://example.com/runs/5';

// Split mid-word and mid-markup on purpose: the client must join deltas, not trust boundaries.
const reasoningDeltas = ['The user asks about run #5. ', 'I should look it up ', 'before answering.'];
const textDeltas = [
  'Run #5 lost money because of **fe',
  'es**:\n\n',
  '- 412 trades\n',
  '- average edge 0.02%\n\n',
  '```python\n',
  'net = gross - fees\n',
  'print(net)\n',
  '```\n',
];

/** What the client should end up with; derived from the same script the model plays. */
export const aiSdkExpected = Object.freeze({
  text: textDeltas.join(''),
  reasoning: reasoningDeltas.join(''),
  toolName,
  sourceUrl,
});

const usage = (output) => ({
  inputTokens: { total: 12, noCache: 12, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

function stepOneParts() {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: 'resp-1', modelId: 'mock-model', timestamp: new Date(0) },
    { type: 'reasoning-start', id: 'r1' },
    ...reasoningDeltas.map((delta) => ({ type: 'reasoning-delta', id: 'r1', delta })),
    { type: 'reasoning-end', id: 'r1' },
    { type: 'tool-input-start', id: 'call-1', toolName },
    { type: 'tool-input-delta', id: 'call-1', delta: JSON.stringify(toolInput) },
    { type: 'tool-input-end', id: 'call-1' },
    { type: 'tool-call', toolCallId: 'call-1', toolName, input: JSON.stringify(toolInput) },
    { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage: usage(20) },
  ];
}

function stepTwoParts() {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: 'resp-2', modelId: 'mock-model', timestamp: new Date(0) },
    { type: 'text-start', id: 't1' },
    ...textDeltas.map((delta) => ({ type: 'text-delta', id: 't1', delta })),
    { type: 'text-end', id: 't1' },
    { type: 'source', sourceType: 'url', id: 's1', url: sourceUrl, title: 'Run #5' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: usage(40) },
  ];
}

/** A fresh model per request: the mock hands out its scripted streams in call order. */
function mockModel(chunkDelayInMs) {
  const stream = (chunks) => ({ stream: simulateReadableStream({ chunks, chunkDelayInMs }) });
  return new MockLanguageModelV3({ modelId: 'mock-model', doStream: [stream(stepOneParts()), stream(stepTwoParts())] });
}

/**
 * Runs the scripted model through `streamText` and returns the Web `Response` the SDK builds.
 * @param {'ui' | 'text'} kind
 * @param {{ prompt?: string, chunkDelayInMs?: number | null, abortSignal?: AbortSignal }} [options]
 */
export function aiSdkResponse(kind, { prompt = 'hi', chunkDelayInMs = 5, abortSignal } = {}) {
  const result = streamText({
    model: mockModel(chunkDelayInMs),
    prompt,
    abortSignal,
    tools: {
      [toolName]: tool({
        description: 'Looks up a backtest run.',
        inputSchema: jsonSchema({
          type: 'object',
          properties: { run_id: { type: 'number' } },
          required: ['run_id'],
        }),
        execute: async ({ run_id }) => ({ run_id, trades: 412, pnl: -1234.5 }),
      }),
    },
    stopWhen: stepCountIs(2),
  });
  return kind === 'ui'
    ? result.toUIMessageStreamResponse({ sendReasoning: true, sendSources: true })
    : result.toTextStreamResponse();
}

async function readBody(req) {
  const parts = [];
  for await (const part of req) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

/** Writes a Web `Response` to a Node response as it streams, stopping when the client leaves. */
async function pipeResponse(response, res, abort) {
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.flushHeaders();
  if (!response.body) return res.end();
  const reader = response.body.getReader();
  res.on('close', () => {
    if (!res.writableEnded) {
      abort.abort();
      reader.cancel().catch(() => {});
    }
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // The client went away mid-stream; nothing left to send to.
  }
  res.end();
}

/** Koa middleware for @web/test-runner's dev server. */
export function aiSdkProducer() {
  return async function aiSdkProducerMiddleware(ctx, next) {
    const path = ctx.path;
    if (path === '/ai-sdk/expected' && ctx.method === 'GET') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(aiSdkExpected);
      return;
    }
    const kind = path === '/ai-sdk/ui' ? 'ui' : path === '/ai-sdk/text' ? 'text' : undefined;
    if (!kind || ctx.method !== 'POST') return next();

    const raw = await readBody(ctx.req);
    let prompt = 'hi';
    try {
      prompt = JSON.parse(raw).message || prompt;
    } catch {
      // The mock ignores the prompt anyway; a body we cannot read still gets an answer.
    }
    const abort = new AbortController();
    ctx.respond = false;
    await pipeResponse(aiSdkResponse(kind, { prompt, abortSignal: abort.signal }), ctx.res, abort);
  };
}

// The Vercel AI SDK UI message stream, as `streamText(...).toUIMessageStreamResponse({ sendReasoning:
// true, sendSources: true })` writes it (bytes captured from ai@6 with test/server/ai-sdk-producer.mjs):
// a reasoning step that calls a tool the server runs, then a step that answers and cites a source.
import type { Transcript } from './types.js';

export const aiSdk: Transcript = {
  format: 'ai-sdk',
  framing: 'sse',
  headers: {
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'content-type': 'text/event-stream',
    'x-accel-buffering': 'no',
    'x-vercel-ai-ui-message-stream': 'v1',
  },
  lines: [
    'data: {"type":"start"}\n\n',
    'data: {"type":"start-step"}\n\n',
    'data: {"type":"reasoning-start","id":"r1"}\n\n',
    'data: {"type":"reasoning-delta","id":"r1","delta":"The user asks about run #5. "}\n\n',
    'data: {"type":"reasoning-delta","id":"r1","delta":"I should look it up "}\n\n',
    'data: {"type":"reasoning-delta","id":"r1","delta":"before answering."}\n\n',
    'data: {"type":"reasoning-end","id":"r1"}\n\n',
    'data: {"type":"tool-input-start","toolCallId":"call-1","toolName":"get_run"}\n\n',
    'data: {"type":"tool-input-delta","toolCallId":"call-1","inputTextDelta":"{\\"run_id\\":5}"}\n\n',
    'data: {"type":"tool-input-available","toolCallId":"call-1","toolName":"get_run","input":{"run_id":5}}\n\n',
    'data: {"type":"tool-output-available","toolCallId":"call-1","output":{"run_id":5,"trades":412,"pnl":-1234.5}}\n\n',
    'data: {"type":"finish-step"}\n\n',
    'data: {"type":"start-step"}\n\n',
    'data: {"type":"text-start","id":"t1"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"Run #5 lost money because of **fe"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"es**:\\n\\n"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"- 412 trades\\n"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"- average edge 0.02%\\n\\n"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"```python\\n"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"net = gross - fees\\n"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"print(net)\\n"}\n\n',
    'data: {"type":"text-delta","id":"t1","delta":"```\\n"}\n\n',
    'data: {"type":"text-end","id":"t1"}\n\n',
    'data: {"type":"source-url","sourceId":"s1","url":"https://example.com/runs/5","title":"Run #5"}\n\n',
    'data: {"type":"finish-step"}\n\n',
    'data: {"type":"finish","finishReason":"stop"}\n\n',
    'data: [DONE]\n\n',
  ],
  expected: {
    text: 'Run #5 lost money because of **fees**:\n\n- 412 trades\n- average edge 0.02%\n\n```python\nnet = gross - fees\nprint(net)\n```\n',
    reasoning: 'The user asks about run #5. I should look it up before answering.',
    tools: [{ name: 'get_run', status: 'done' }],
    sources: [{ url: 'https://example.com/runs/5', title: 'Run #5' }],
    reason: 'stop',
  },
};

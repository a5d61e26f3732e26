// The AI SDK UI message stream with two text parts and two reasoning parts in one step, as
// `createUIMessageStream` writes them when a model (or the server's own code) emits separate
// parts: the SDK's reader keeps them apart (useChat renders one block per part), so they must not
// run together as `...profitable.Run 5 lost...`.
import type { Transcript } from './types.js';

const line = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

export const aiSdkParts: Transcript = {
  format: 'ai-sdk',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
  lines: [
    line({ type: 'start', messageId: 'msg-7' }),
    line({ type: 'start-step' }),
    line({ type: 'reasoning-start', id: 'r1' }),
    line({ type: 'reasoning-delta', id: 'r1', delta: 'Compare the two runs.' }),
    line({ type: 'reasoning-end', id: 'r1' }),
    line({ type: 'reasoning-start', id: 'r2' }),
    line({ type: 'reasoning-delta', id: 'r2', delta: 'Run 5 traded wider spreads.' }),
    line({ type: 'reasoning-end', id: 'r2' }),
    line({ type: 'text-start', id: 't1' }),
    line({ type: 'text-delta', id: 't1', delta: 'Run 4 was ' }),
    line({ type: 'text-delta', id: 't1', delta: 'profitable.' }),
    line({ type: 'text-end', id: 't1' }),
    line({ type: 'text-start', id: 't2' }),
    line({ type: 'text-delta', id: 't2', delta: 'Run 5 lost ' }),
    line({ type: 'text-delta', id: 't2', delta: 'money.' }),
    line({ type: 'text-end', id: 't2' }),
    line({ type: 'finish-step' }),
    line({ type: 'finish', finishReason: 'stop' }),
    'data: [DONE]\n\n',
  ],
  expected: {
    text: 'Run 4 was profitable.\n\nRun 5 lost money.',
    reasoning: 'Compare the two runs.\n\nRun 5 traded wider spreads.',
    reason: 'stop',
  },
};

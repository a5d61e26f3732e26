// A small Flask/FastAPI chat backend: untyped `{content}` chunks closed by `{done: true}` with the
// conversation id to send back.
import type { Transcript } from './types.js';

export const content: Transcript = {
  format: 'content',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream; charset=utf-8' },
  lines: [
    'data: {"content": "Paris is the "}\n\n',
    'data: {"content": "capital of *France*.\\n"}\n\n',
    'data: {"done": true, "conversation_id": "c-5510"}\n\n',
  ],
  expected: {
    text: 'Paris is the capital of *France*.\n',
    conversationId: 'c-5510',
  },
};

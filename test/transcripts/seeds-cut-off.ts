// A typed-events (`seeds`) backend whose model hit its token limit: the done event says so in
// `finish_reason`, as the element's README tells a hand-rolled server to.
import type { Transcript } from './types.js';

export const seedsCutOff: Transcript = {
  format: 'seeds',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream' },
  lines: [
    'data: {"type": "token", "content": "The three rules are: 1. cap position size, 2. "}\n\n',
    'data: {"type": "token", "content": "set a stop"}\n\n',
    'data: {"type": "done", "finish_reason": "length"}\n\n',
  ],
  expected: { text: 'The three rules are: 1. cap position size, 2. set a stop', reason: 'length' },
};

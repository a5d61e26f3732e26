// A minimal demo server or proxy: `{text}` chunks, ended by closing the connection.
import type { Transcript } from './types.js';

export const text: Transcript = {
  format: 'text',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream' },
  lines: ['data: {"text":"Hello"}\n\n', 'data: {"text":", world"}\n\n', 'data: {"text":"!"}\n\n'],
  expected: { text: 'Hello, world!' },
};

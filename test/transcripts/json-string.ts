// A hand-rolled server that JSON-encodes each chunk so its newlines survive SSE framing; ended by
// closing the connection.
import type { Transcript } from './types.js';

export const jsonString: Transcript = {
  format: 'json-string',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream' },
  lines: ['data: "# Title\\n\\n"\n\n', 'data: "First line\\n"\n\n', 'data: "second line"\n\n'],
  expected: { text: '# Title\n\nFirst line\nsecond line' },
};

// A raw text body: the AI SDK's `toTextStreamResponse()` (bytes captured from ai@6), each write a
// delta, split mid-word and mid-markup, with newlines that must survive untouched.
import type { Transcript } from './types.js';

export const plainText: Transcript = {
  format: 'plain-text',
  framing: 'text',
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  lines: [
    'Run #5 lost money because of **fe',
    'es**:\n\n',
    '- 412 trades\n',
    '- average edge 0.02%\n\n',
    '```python\n',
    'net = gross - fees\n',
    'print(net)\n',
    '```\n',
  ],
  expected: {
    text: 'Run #5 lost money because of **fees**:\n\n- 412 trades\n- average edge 0.02%\n\n```python\nnet = gross - fees\nprint(net)\n```\n',
  },
};

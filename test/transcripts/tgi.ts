// Hugging Face Text Generation Inference `/generate_stream` (`details` off): axum's SSE writes
// `data:` without a space; the last event repeats the whole text in `generated_text` and says why
// generation stopped, and its token is the model's special end-of-sequence token.
import type { Transcript } from './types.js';

const token = (index: number, id: number, text: string, logprob: number) =>
  `data:{"index":${index},"token":{"id":${id},"text":${JSON.stringify(text)},"logprob":${logprob},"special":false},"generated_text":null,"details":null}\n\n`;

export const tgi: Transcript = {
  format: 'tgi',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-compute-type': 'gpu+optimized' },
  lines: [
    token(1, 15496, 'Deep', -0.4658203),
    token(2, 4673, ' learning', -0.0012216568),
    token(3, 318, ' is', -0.078125),
    token(4, 257, ' a', -0.31445312),
    token(5, 850, ' subset', -0.21875),
    token(6, 286, ' of', -0.00003695488),
    token(7, 4572, ' machine', -0.0063171387),
    token(8, 4673, ' learning', -0.00030326843),
    token(9, 13, '.', -0.14453125),
    'data:{"index":10,"token":{"id":2,"text":"</s>","logprob":-0.0119018555,"special":true},"generated_text":"Deep learning is a subset of machine learning.","details":{"finish_reason":"eos_token","generated_tokens":10,"seed":null}}\n\n',
  ],
  expected: {
    text: 'Deep learning is a subset of machine learning.',
    reason: 'stop',
  },
};

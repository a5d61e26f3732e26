// OpenRouter relaying DeepSeek R1 (`/api/v1/chat/completions`, `stream: true`): comment lines while
// the provider warms up, reasoning in `delta.reasoning`, then the answer, a finish_reason chunk, a
// usage chunk and [DONE].
import type { Transcript } from './types.js';

const chunk = (delta: string, finish: string | null = null) =>
  `data: {"id":"gen-1748263611-p2uTz8xVdRkq7hYcWm4L","provider":"DeepInfra","model":"deepseek/deepseek-r1","object":"chat.completion.chunk","created":1748263611,"choices":[{"index":0,"delta":${delta},"finish_reason":${finish === null ? 'null' : `"${finish}"`},"native_finish_reason":${finish === null ? 'null' : `"${finish}"`},"logprobs":null}]}\n\n`;

export const openai: Transcript = {
  format: 'openai',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
  lines: [
    ': OPENROUTER PROCESSING\n\n',
    ': OPENROUTER PROCESSING\n\n',
    chunk('{"role":"assistant","content":"","reasoning":"The user wants the"}'),
    chunk('{"role":"assistant","content":"","reasoning":" boiling point of water"}'),
    chunk('{"role":"assistant","content":"","reasoning":" at sea level.\\n\\nThat is 100 °C."}'),
    chunk('{"role":"assistant","content":"Water boils at **100 °C**","reasoning":null}'),
    chunk('{"role":"assistant","content":" (212 °F) at sea level.\\n\\n","reasoning":null}'),
    chunk('{"role":"assistant","content":"- Higher up, it boils *lower*.","reasoning":null}'),
    chunk('{"role":"assistant","content":"","reasoning":null}', 'stop'),
    `data: {"id":"gen-1748263611-p2uTz8xVdRkq7hYcWm4L","provider":"DeepInfra","model":"deepseek/deepseek-r1","object":"chat.completion.chunk","created":1748263611,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null,"native_finish_reason":null,"logprobs":null}],"usage":{"prompt_tokens":14,"completion_tokens":61,"total_tokens":75}}\n\n`,
    'data: [DONE]\n\n',
  ],
  expected: {
    text: 'Water boils at **100 °C** (212 °F) at sea level.\n\n- Higher up, it boils *lower*.',
    reasoning: 'The user wants the boiling point of water at sea level.\n\nThat is 100 °C.',
    reason: 'stop',
  },
};

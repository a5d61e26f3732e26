// OpenAI (`/v1/chat/completions`, `stream: true`, `stream_options.include_usage`) calling two tools
// in parallel: each call's first delta names the function, the rest carry argument fragments by
// index; finish_reason is tool_calls and the usage chunk comes before [DONE].
import type { Transcript } from './types.js';

const chunk = (choice: string) =>
  `data: {"id":"chatcmpl-BfXq2nR7sYk1LmZp8Qw3Ev9tUaC4d","object":"chat.completion.chunk","created":1749132042,"model":"gpt-4.1-2025-04-14","service_tier":"default","system_fingerprint":"fp_b3f1157249","choices":[${choice}],"usage":null}\n\n`;

export const openaiTools: Transcript = {
  format: 'openai',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream; charset=utf-8' },
  lines: [
    chunk('{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_Qm1kZ8vXc2Lr9TpB4nYw7HsE","type":"function","function":{"name":"get_weather","arguments":""}}],"refusal":null},"logprobs":null,"finish_reason":null}'),
    chunk('{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"ci"}}]},"logprobs":null,"finish_reason":null}'),
    chunk('{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\\": \\"Paris\\"}"}}]},"logprobs":null,"finish_reason":null}'),
    chunk('{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_Vd4pN6aQe8Jk2RsF7mXz1GbT","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}'),
    chunk('{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\\"city\\": \\"Oslo\\"}"}}]},"logprobs":null,"finish_reason":null}'),
    chunk('{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}'),
    `data: {"id":"chatcmpl-BfXq2nR7sYk1LmZp8Qw3Ev9tUaC4d","object":"chat.completion.chunk","created":1749132042,"model":"gpt-4.1-2025-04-14","service_tier":"default","system_fingerprint":"fp_b3f1157249","choices":[],"usage":{"prompt_tokens":81,"completion_tokens":49,"total_tokens":130,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}\n\n`,
    'data: [DONE]\n\n',
  ],
  expected: {
    text: '',
    tools: [
      { name: 'get_weather', status: 'done' },
      { name: 'get_weather', status: 'done' },
    ],
    reason: 'tool_calls',
  },
};

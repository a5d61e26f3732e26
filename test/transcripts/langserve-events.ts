// LangServe's `/stream_events` (Python, `add_routes` over an agent with a tool), through
// sse-starlette: CRLF line ends, every event as `event: data` with astream_events' v2 JSON, chat
// model chunks serialized as plain dicts (`{"content": ..., "type": "AIMessageChunk", ...}`), a
// tool call between two model turns, and an `end` event with no data.
import type { Transcript } from './types.js';

const ROOT = '5b1e9c3a-7d2f-4e8b-a6c1-3f0d9e8b7a6c';
const event = (value: Record<string, unknown>) => `event: data\r\ndata: ${JSON.stringify({ tags: [], metadata: {}, ...value })}\r\n\r\n`;
const chunk = (content: unknown, extra: Record<string, unknown> = {}) => ({
  content,
  additional_kwargs: {},
  response_metadata: {},
  type: 'AIMessageChunk',
  name: null,
  id: 'run-0c1d2e3f',
  example: false,
  tool_calls: [],
  invalid_tool_calls: [],
  usage_metadata: null,
  tool_call_chunks: [],
  ...extra,
});
const stream = (run: string, content: unknown, extra?: Record<string, unknown>) =>
  event({ event: 'on_chat_model_stream', name: 'ChatAnthropic', run_id: run, parent_ids: [ROOT], data: { chunk: chunk(content, extra) } });

export const langserveEvents: Transcript = {
  format: 'langchain-events',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream; charset=utf-8' },
  lines: [
    event({ event: 'on_chain_start', name: 'AgentExecutor', run_id: ROOT, parent_ids: [], data: { input: { input: 'Weather in Paris?' } } }),
    stream('m1', [{ type: 'text', text: 'Let me check ', index: 0 }]),
    stream('m1', [{ type: 'text', text: 'the weather.', index: 0 }]),
    stream('m1', [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {}, index: 1 }]),
    event({ event: 'on_tool_start', name: 'get_weather', run_id: 't1', parent_ids: [ROOT], data: { input: { city: 'Paris' } } }),
    event({ event: 'on_tool_end', name: 'get_weather', run_id: 't1', parent_ids: [ROOT], data: { output: '21°C, sunny' } }),
    ': ping - 2025-01-01 00:00:15.000000+00:00\r\n\r\n',
    stream('m2', [{ type: 'text', text: 'It is 21°C and sunny ', index: 0 }]),
    stream('m2', [{ type: 'text', text: 'in Paris.', index: 0 }]),
    event({ event: 'on_chat_model_end', name: 'ChatAnthropic', run_id: 'm2', parent_ids: [ROOT], data: { output: chunk('', { response_metadata: { stop_reason: 'end_turn' } }) } }),
    event({ event: 'on_chain_end', name: 'AgentExecutor', run_id: ROOT, parent_ids: [], data: { output: { output: 'It is 21°C and sunny in Paris.' } } }),
    'event: end\r\n\r\n',
  ],
  expected: {
    text: 'Let me check the weather.\n\nIt is 21°C and sunny in Paris.',
    tools: [{ name: 'get_weather', status: 'done' }],
    reason: 'stop',
  },
};

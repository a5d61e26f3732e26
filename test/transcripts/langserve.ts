// LangServe's `/stream` for a `ChatOpenAI` runnable, through sse-starlette: CRLF line ends, the run
// id first, one serialized AIMessageChunk per token, a keep-alive comment, and an `end` event
// with no data field (which a spec-following SSE parser never dispatches).
import type { Transcript } from './types.js';

const RUN = 'c7e2b8f0-5f1a-4c8e-9d3b-2a6f0e1d4b7a';
const chunk = (content: string, responseMetadata = '{}') =>
  `event: data\r\ndata: {"content":${JSON.stringify(content)},"additional_kwargs":{},"response_metadata":${responseMetadata},"type":"AIMessageChunk","name":null,"id":"run-${RUN}","example":false,"tool_calls":[],"invalid_tool_calls":[],"usage_metadata":null,"tool_call_chunks":[]}\r\n\r\n`;

export const langserve: Transcript = {
  format: 'langserve',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  lines: [
    `event: metadata\r\ndata: {"run_id": "${RUN}"}\r\n\r\n`,
    chunk(''),
    chunk('Lang'),
    chunk('Serve'),
    chunk(' streams'),
    ': ping - 2025-06-02 09:14:07.412311+00:00\r\n\r\n',
    chunk(' **chunks**'),
    chunk('.\n\nDone'),
    chunk(''),
    chunk('', '{"finish_reason":"stop","model_name":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_34a54ae93c"}'),
    'event: end\r\n\r\n',
  ],
  expected: {
    text: 'LangServe streams **chunks**.\n\nDone',
  },
};

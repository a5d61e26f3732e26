// The Anthropic Messages API (`/v1/messages`, `stream: true`) with extended thinking and the
// web_search server tool: thinking, a sentence, the search and its results, then an answer that
// Anthropic splits into text blocks around the cited part. Pings come at any time.
import type { Transcript } from './types.js';

const event = (type: string, data: string) => `event: ${type}\ndata: ${data}\n\n`;
const delta = (index: number, body: string) =>
  event('content_block_delta', `{"type":"content_block_delta","index":${index},"delta":${body}}`);

const URL = 'https://nodejs.org/en/about/previous-releases';
const TITLE = 'Node.js — Node.js Releases';

export const anthropic: Transcript = {
  format: 'anthropic',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  lines: [
    event('message_start', '{"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":2679,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":3}}}'),
    event('content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}'),
    event('ping', '{"type": "ping"}'),
    delta(0, '{"type":"thinking_delta","thinking":"The user asks which Node.js line is LTS."}'),
    delta(0, '{"type":"thinking_delta","thinking":" I should check the release schedule."}'),
    delta(0, '{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds2EcGmVCrgVsMa2JThiYBsp6FIvrTKyT9A5xhFvdzoOjzsIYDSEQsrAE1lyYXQtsqDQYHWPx3HxtCcLO4Bky0gPZ"}'),
    event('content_block_stop', '{"type":"content_block_stop","index":0}'),
    event('content_block_start', '{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}'),
    delta(1, '{"type":"text_delta","text":"I\'ll check the current release schedule."}'),
    event('content_block_stop', '{"type":"content_block_stop","index":1}'),
    event('content_block_start', '{"type":"content_block_start","index":2,"content_block":{"type":"server_tool_use","id":"srvtoolu_014hJH82Qum7Td6UV8gDXThB","name":"web_search","input":{}}}'),
    delta(2, '{"type":"input_json_delta","partial_json":""}'),
    delta(2, '{"type":"input_json_delta","partial_json":"{\\"query\\": \\"Node.js LTS releases\\"}"}'),
    event('content_block_stop', '{"type":"content_block_stop","index":2}'),
    event('content_block_start', `{"type":"content_block_start","index":3,"content_block":{"type":"web_search_tool_result","tool_use_id":"srvtoolu_014hJH82Qum7Td6UV8gDXThB","content":[{"type":"web_search_result","title":"${TITLE}","url":"${URL}","encrypted_content":"EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3NjcSDCx0","page_age":null}]}}`),
    event('content_block_stop', '{"type":"content_block_stop","index":3}'),
    event('content_block_start', '{"type":"content_block_start","index":4,"content_block":{"type":"text","text":""}}'),
    delta(4, '{"type":"text_delta","text":"According to the release page, "}'),
    event('content_block_stop', '{"type":"content_block_stop","index":4}'),
    event('content_block_start', '{"type":"content_block_start","index":5,"content_block":{"type":"text","text":"","citations":[]}}'),
    delta(5, `{"type":"citations_delta","citation":{"type":"web_search_result_location","cited_text":"Node.js 22 Jod Active LTS","url":"${URL}","title":"${TITLE}","encrypted_index":"Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNm"}}`),
    delta(5, '{"type":"text_delta","text":"Node.js 22 is in **Active LTS**"}'),
    event('content_block_stop', '{"type":"content_block_stop","index":5}'),
    event('content_block_start', '{"type":"content_block_start","index":6,"content_block":{"type":"text","text":""}}'),
    delta(6, '{"type":"text_delta","text":"."}'),
    event('content_block_stop', '{"type":"content_block_stop","index":6}'),
    event('message_delta', '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":10682,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":510,"server_tool_use":{"web_search_requests":1}}}'),
    event('message_stop', '{"type":"message_stop"}'),
  ],
  expected: {
    text: "I'll check the current release schedule.\n\nAccording to the release page, Node.js 22 is in **Active LTS**.",
    reasoning: 'The user asks which Node.js line is LTS. I should check the release schedule.',
    tools: [{ name: 'web_search', status: 'done' }],
    sources: [{ url: URL, title: TITLE }],
    reason: 'stop',
  },
};

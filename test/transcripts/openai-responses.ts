// The OpenAI Responses API (`/v1/responses`, `stream: true`) with a reasoning model that thinks
// (two summary parts), searches the web and answers with a URL citation. Every event is named in
// `event:` and again in `type`, and numbered by `sequence_number`.
import type { Transcript } from './types.js';

const RESPONSE_ID = 'resp_68b1f0c2a9e48193b5d7c1e0f3a2b4c60e9d8f7a6b5c4d3e';
const REASONING_ID = 'rs_68b1f0c3b1d08193a7e2f4c6d8b0a2e40e9d8f7a6b5c4d3e';
const SEARCH_ID = 'ws_68b1f0c5e2f48193b9a1c3e5f7d9b1a30e9d8f7a6b5c4d3e';
const MESSAGE_ID = 'msg_68b1f0c8d3a48193c1e3a5c7e9b1d3f50e9d8f7a6b5c4d3e';
const URL = 'https://nodejs.org/en/blog/release/v22.11.0';
const TITLE = 'Node.js 22.11.0 (LTS)';

const response = (status: string, output: string, usage: string) =>
  `{"id":"${RESPONSE_ID}","object":"response","created_at":1756491970,"status":"${status}","background":false,"error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"model":"o4-mini-2025-04-16","output":${output},"parallel_tool_calls":true,"previous_response_id":null,"reasoning":{"effort":"medium","summary":"auto"},"store":true,"temperature":1.0,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[{"type":"web_search_preview","search_context_size":"medium","user_location":{"type":"approximate","city":null,"country":"US","region":null,"timezone":null}}],"top_p":1.0,"truncation":"disabled","usage":${usage},"user":null,"metadata":{}}`;

const event = (type: string, body: string) => `event: ${type}\ndata: {"type":"${type}",${body}}\n\n`;

const summary1 = ['**Checking Node', '.js LTS status**\n\nThe user wants to know when Node', '.js 22 became LTS.'];
const summary2 = ['**Confirming the date**\n\nThe release notes say October 29,', ' 2024.'];
const answer = ['Node.js 22 entered ', '**Active LTS** on October 29, 2024', ' with release 22.11.0.'];

// The finished output, as response.completed repeats it.
const output = () =>
  `[{"id":"${REASONING_ID}","type":"reasoning","summary":[{"type":"summary_text","text":${JSON.stringify(summary1.join(''))}},{"type":"summary_text","text":${JSON.stringify(summary2.join(''))}}]},` +
  `{"id":"${SEARCH_ID}","type":"web_search_call","status":"completed","action":{"type":"search","query":"Node.js 22 LTS date"}},` +
  `{"id":"${MESSAGE_ID}","type":"message","status":"completed","content":[{"type":"output_text","annotations":[{"type":"url_citation","end_index":85,"start_index":19,"title":"${TITLE}","url":"${URL}"}],"logprobs":[],"text":${JSON.stringify(answer.join(''))}}],"role":"assistant"}]`;

let n = 0;
const seq = () => n++;

export const openaiResponses: Transcript = {
  format: 'openai-responses',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream; charset=utf-8' },
  lines: [
    event('response.created', `"sequence_number":${seq()},"response":${response('in_progress', '[]', 'null')}`),
    event('response.in_progress', `"sequence_number":${seq()},"response":${response('in_progress', '[]', 'null')}`),
    event('response.output_item.added', `"sequence_number":${seq()},"output_index":0,"item":{"id":"${REASONING_ID}","type":"reasoning","summary":[]}`),
    event('response.reasoning_summary_part.added', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":""}`),
    ...summary1.map((delta) =>
      event('response.reasoning_summary_text.delta', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":0,"delta":${JSON.stringify(delta)},"obfuscation":"Xq3"`),
    ),
    event('response.reasoning_summary_text.done', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":0,"text":${JSON.stringify(summary1.join(''))}`),
    event('response.reasoning_summary_part.done', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":${JSON.stringify(summary1.join(''))}}`),
    event('response.reasoning_summary_part.added', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":1,"part":{"type":"summary_text","text":""}`),
    ...summary2.map((delta) =>
      event('response.reasoning_summary_text.delta', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":1,"delta":${JSON.stringify(delta)},"obfuscation":"k9"`),
    ),
    event('response.reasoning_summary_text.done', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":1,"text":${JSON.stringify(summary2.join(''))}`),
    event('response.reasoning_summary_part.done', `"sequence_number":${seq()},"item_id":"${REASONING_ID}","output_index":0,"summary_index":1,"part":{"type":"summary_text","text":${JSON.stringify(summary2.join(''))}}`),
    event('response.output_item.done', `"sequence_number":${seq()},"output_index":0,"item":{"id":"${REASONING_ID}","type":"reasoning","summary":[{"type":"summary_text","text":${JSON.stringify(summary1.join(''))}},{"type":"summary_text","text":${JSON.stringify(summary2.join(''))}}]}`),
    event('response.output_item.added', `"sequence_number":${seq()},"output_index":1,"item":{"id":"${SEARCH_ID}","type":"web_search_call","status":"in_progress","action":{"type":"search"}}`),
    event('response.web_search_call.in_progress', `"sequence_number":${seq()},"output_index":1,"item_id":"${SEARCH_ID}"`),
    event('response.web_search_call.searching', `"sequence_number":${seq()},"output_index":1,"item_id":"${SEARCH_ID}"`),
    event('response.web_search_call.completed', `"sequence_number":${seq()},"output_index":1,"item_id":"${SEARCH_ID}"`),
    event('response.output_item.done', `"sequence_number":${seq()},"output_index":1,"item":{"id":"${SEARCH_ID}","type":"web_search_call","status":"completed","action":{"type":"search","query":"Node.js 22 LTS date"}}`),
    event('response.output_item.added', `"sequence_number":${seq()},"output_index":2,"item":{"id":"${MESSAGE_ID}","type":"message","status":"in_progress","content":[],"role":"assistant"}`),
    event('response.content_part.added', `"sequence_number":${seq()},"item_id":"${MESSAGE_ID}","output_index":2,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}`),
    ...answer.map((delta) =>
      event('response.output_text.delta', `"sequence_number":${seq()},"item_id":"${MESSAGE_ID}","output_index":2,"content_index":0,"delta":${JSON.stringify(delta)},"logprobs":[],"obfuscation":"p"`),
    ),
    event('response.output_text.annotation.added', `"sequence_number":${seq()},"item_id":"${MESSAGE_ID}","output_index":2,"content_index":0,"annotation_index":0,"annotation":{"type":"url_citation","end_index":85,"start_index":19,"title":"${TITLE}","url":"${URL}"}`),
    event('response.output_text.done', `"sequence_number":${seq()},"item_id":"${MESSAGE_ID}","output_index":2,"content_index":0,"text":${JSON.stringify(answer.join(''))},"logprobs":[]`),
    event('response.content_part.done', `"sequence_number":${seq()},"item_id":"${MESSAGE_ID}","output_index":2,"content_index":0,"part":{"type":"output_text","annotations":[{"type":"url_citation","end_index":85,"start_index":19,"title":"${TITLE}","url":"${URL}"}],"logprobs":[],"text":${JSON.stringify(answer.join(''))}}`),
    event('response.output_item.done', `"sequence_number":${seq()},"output_index":2,"item":{"id":"${MESSAGE_ID}","type":"message","status":"completed","content":[{"type":"output_text","annotations":[{"type":"url_citation","end_index":85,"start_index":19,"title":"${TITLE}","url":"${URL}"}],"logprobs":[],"text":${JSON.stringify(answer.join(''))}}],"role":"assistant"}`),
    event('response.completed', `"sequence_number":${seq()},"response":${response('completed', output(), '{"input_tokens":1523,"input_tokens_details":{"cached_tokens":0},"output_tokens":212,"output_tokens_details":{"reasoning_tokens":128},"total_tokens":1735}')}`),
  ],
  expected: {
    text: 'Node.js 22 entered **Active LTS** on October 29, 2024 with release 22.11.0.',
    reasoning:
      '**Checking Node.js LTS status**\n\nThe user wants to know when Node.js 22 became LTS.' +
      '\n\n**Confirming the date**\n\nThe release notes say October 29, 2024.',
    tools: [{ name: 'web_search', status: 'done' }],
    sources: [{ url: URL, title: TITLE }],
    reason: 'stop',
  },
};

// LangChain.js `streamEvents(input, { version: 'v2', encoding: 'text/event-stream' })` for a
// `prompt | ChatOpenAI | StringOutputParser` chain, as @langchain/core's convertToHttpEventStream
// writes it: every event as `event: data` with the event JSON, the chat model's chunks serialized
// (`{"lc":1,"type":"constructor","id":[...,"AIMessageChunk"],"kwargs":{...}}`), the parser and the
// chain streaming the same text again, and `event: end` with no data to close.
import type { Transcript } from './types.js';

const ROOT = '1f0b7c2e-0c51-4c2a-9a43-6f3d1f9e2b10';
const MODEL = '8d2e4f61-3b7a-4d1e-8c5f-0a9b2c3d4e5f';
const PARSER = 'a4c3b2d1-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

const event = (value: Record<string, unknown>) => `event: data\ndata: ${JSON.stringify({ tags: [], metadata: {}, ...value })}\n\n`;
const message = (content: string, responseMetadata: Record<string, unknown> = {}) => ({
  lc: 1,
  type: 'constructor',
  id: ['langchain_core', 'messages', 'AIMessageChunk'],
  kwargs: { content, tool_call_chunks: [], additional_kwargs: {}, id: 'chatcmpl-B3x', response_metadata: responseMetadata, tool_calls: [], invalid_tool_calls: [] },
});
const token = (content: string) => [
  event({ event: 'on_chat_model_stream', data: { chunk: message(content) }, run_id: MODEL, name: 'ChatOpenAI', parent_ids: [ROOT] }),
  event({ event: 'on_parser_stream', data: { chunk: content }, run_id: PARSER, name: 'StrOutputParser', parent_ids: [ROOT] }),
  event({ event: 'on_chain_stream', data: { chunk: content }, run_id: ROOT, name: 'RunnableSequence', parent_ids: [] }),
];

export const langchainJsEvents: Transcript = {
  format: 'langchain-events',
  framing: 'sse',
  headers: { 'content-type': 'text/event-stream' },
  lines: [
    event({ event: 'on_chain_start', data: { input: { question: 'Why did run 5 lose money?' } }, run_id: ROOT, name: 'RunnableSequence', parent_ids: [] }),
    event({ event: 'on_chat_model_start', data: { input: { messages: [[]] } }, run_id: MODEL, name: 'ChatOpenAI', parent_ids: [ROOT] }),
    ...token('Run 5 '),
    ...token('lost money on **wide** '),
    ...token('spreads.'),
    event({ event: 'on_chat_model_stream', data: { chunk: message('', { finish_reason: 'stop' }) }, run_id: MODEL, name: 'ChatOpenAI', parent_ids: [ROOT] }),
    event({ event: 'on_chat_model_end', data: { output: message('Run 5 lost money on **wide** spreads.', { finish_reason: 'stop' }) }, run_id: MODEL, name: 'ChatOpenAI', parent_ids: [ROOT] }),
    event({ event: 'on_parser_end', data: { output: 'Run 5 lost money on **wide** spreads.' }, run_id: PARSER, name: 'StrOutputParser', parent_ids: [ROOT] }),
    event({ event: 'on_chain_end', data: { output: 'Run 5 lost money on **wide** spreads.' }, run_id: ROOT, name: 'RunnableSequence', parent_ids: [] }),
    'event: end\n\n',
  ],
  expected: { text: 'Run 5 lost money on **wide** spreads.', reason: 'stop' },
};

// "Answer cut off" (the model's length limit) and "stopped by the content filter" (OpenAI's
// `content_filter`, Anthropic's `refusal`) shown as a notice under the answer, in every format
// whose terminal event can say why the model stopped; and an SSE `event: error` whose data is plain
// text (hono's streamSSE on a thrown error) shown as that text.
import { expect } from '@open-wc/testing';
import { defaultLabels } from '../../src/labels.js';
import { chatWith, nextEvent, shadow } from '../helpers.js';
import type { FormatName } from '../../src/protocols/index.js';

const line = (value: unknown) => `data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`;
const named = (event: string, value: unknown) => `event: ${event}\n${line(value)}`;
const lc = (event: Record<string, unknown>) => `event: data\ndata: ${JSON.stringify({ tags: [], metadata: {}, ...event })}\n\n`;

/** A short answer ending with the backend's own words for "length limit" and "content filter". */
const formats: [format: string, headers: Record<string, string>, ending: (word: string) => string[], words: [length: string, filter: string]][] = [
  ['openai', {}, (w) => [line({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'Partial' }, finish_reason: null }] }), line({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: w }] }), line('[DONE]')], ['length', 'content_filter']],
  ['anthropic', {}, (w) => [
    named('message_start', { type: 'message_start', message: { id: 'msg_1', role: 'assistant', content: [] } }),
    named('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    named('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Partial' } }),
    named('content_block_stop', { type: 'content_block_stop', index: 0 }),
    named('message_delta', { type: 'message_delta', delta: { stop_reason: w, stop_sequence: null }, usage: { output_tokens: 1 } }),
    named('message_stop', { type: 'message_stop' }),
  ], ['max_tokens', 'refusal']],
  ['openai-responses', {}, (w) => [
    named('response.output_text.delta', { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Partial' }),
    named('response.incomplete', { type: 'response.incomplete', response: { id: 'resp_1', status: 'incomplete', incomplete_details: { reason: w } } }),
  ], ['max_output_tokens', 'content_filter']],
  ['ai-sdk', { 'x-vercel-ai-ui-message-stream': 'v1' }, (w) => [line({ type: 'start' }), line({ type: 'text-start', id: 't' }), line({ type: 'text-delta', id: 't', delta: 'Partial' }), line({ type: 'text-end', id: 't' }), line({ type: 'finish', finishReason: w }), line('[DONE]')], ['length', 'content-filter']],
  ['ai-data-stream', { 'content-type': 'text/plain', 'x-vercel-ai-data-stream': 'v1' }, (w) => ['0:"Partial"\n', `d:{"finishReason":"${w}"}\n`], ['length', 'content-filter']],
  ['tgi', {}, (w) => [line({ index: 1, token: { id: 1, text: 'Partial', special: false }, generated_text: 'Partial', details: { finish_reason: w, generated_tokens: 1 } })], ['length', 'length']],
  ['ollama', { 'content-type': 'application/x-ndjson' }, (w) => ['{"model":"m","message":{"role":"assistant","content":"Partial"},"done":false}\n', `{"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"${w}"}\n`], ['length', 'length']],
  ['seeds', {}, (w) => [line({ type: 'token', content: 'Partial' }), line({ type: 'done', finish_reason: w })], ['length', 'content_filter']],
  ['content', {}, (w) => [line({ content: 'Partial' }), line({ done: true, finish_reason: w })], ['length', 'content_filter']],
  ['langchain-events', {}, (w) => [
    lc({ event: 'on_chat_model_start', run_id: 'm', name: 'ChatOpenAI', parent_ids: [], data: {} }),
    lc({ event: 'on_chat_model_stream', run_id: 'm', name: 'ChatOpenAI', parent_ids: [], data: { chunk: { content: 'Partial', type: 'AIMessageChunk', response_metadata: {} } } }),
    lc({ event: 'on_chat_model_end', run_id: 'm', name: 'ChatOpenAI', parent_ids: [], data: { output: { content: 'Partial', type: 'AIMessageChunk', response_metadata: { finish_reason: w } } } }),
  ], ['length', 'content_filter']],
];

async function answer(headers: Record<string, string>, chunks: string[], format = 'auto') {
  const { el } = await chatWith({ headers: { 'content-type': 'text/event-stream', ...headers }, chunks });
  el.format = format as FormatName;
  const ended = Promise.race([nextEvent(el, 'stream-chat-complete'), nextEvent(el, 'stream-chat-error')]);
  await el.send('question');
  const event = await ended;
  await el.updateComplete;
  return { el, event };
}

const notices = (el: Parameters<typeof shadow>[0]) => Array.from(shadow(el).querySelectorAll('[part="notice"]'), (n) => n.textContent!.trim());

describe('why the model stopped, in every format with a terminal event', () => {
  for (const [format, headers, ending, [lengthWord, filterWord]] of formats) {
    it(`${format}: ${lengthWord} shows "answer cut off"`, async () => {
      const { el, event } = await answer(headers, ending(lengthWord));
      expect(event.type).to.equal('stream-chat-complete');
      expect(el.messages[1].content).to.equal('Partial');
      expect(el.messages[1].finishReason).to.equal('length');
      expect(notices(el)).to.deep.equal([defaultLabels.cutOff]);
    });
    if (filterWord !== lengthWord) {
      it(`${format}: ${filterWord} shows the content-filter notice (forced format too)`, async () => {
        const { el } = await answer(headers, ending(filterWord), format);
        expect(el.messages[1].finishReason).to.equal('content_filter');
        expect(notices(el)).to.deep.equal([defaultLabels.contentFiltered]);
      });
    }
  }

  it('the content-filter notice takes a translated label', async () => {
    const { el } = await chatWith({ chunks: [line({ content: 'x' }), line({ done: true, finish_reason: 'content_filter' })] });
    el.labels = { contentFiltered: 'Respuesta detenida por el filtro de contenido.' };
    const complete = nextEvent(el, 'stream-chat-complete');
    await el.send('q');
    await complete;
    await el.updateComplete;
    expect(notices(el)).to.deep.equal(['Respuesta detenida por el filtro de contenido.']);
  });
});

describe('an SSE error event with text data', () => {
  for (const format of ['auto', 'openai', 'ai-sdk']) {
    it(`shows the server's sentence (${format}), not "cut off"`, async () => {
      const chunks = [
        line({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'Part' }, finish_reason: null }] }),
        'event: error\ndata: Upstream model timed out after 30s\n\n',
      ];
      const { el, event } = await answer({}, format === 'ai-sdk' ? [line({ type: 'text-delta', id: 't', delta: 'Part' }), chunks[1]] : chunks, format);
      expect(event.type).to.equal('stream-chat-error');
      const { error } = (event as CustomEvent<{ error: { kind: string; message: string } }>).detail;
      expect(error).to.deep.include({ kind: 'server', message: 'Upstream model timed out after 30s' });
      expect(el.messages[1].content).to.equal('Part');
    });
  }

  it('a JSON error event no format claims: its message', async () => {
    const { event } = await answer({}, [line({ content: 'Part' }), 'event: error\ndata: {"message": "Quota exceeded for this month", "code": "quota"}\n\n']);
    expect((event as CustomEvent<{ error: { message: string } }>).detail.error.message).to.equal('Quota exceeded for this month');
  });
});

// A stream whose body is SSE is read as SSE whatever its content type says: FastAPI's
// StreamingResponse with media_type="text/plain" (the vLLM assistant seed), a proxy that labels it
// application/octet-stream, a server that sends no content type at all.
import { expect } from '@open-wc/testing';
import { chatWith, nextEvent, sse } from '../helpers.js';
import type { FormatName } from '../../src/protocols/index.js';

const chunk = (content: string, finish: string | null = null) => ({
  id: 'msg-123',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});
const openaiBody = [...sse(chunk('Gold'), chunk(' prices'), chunk(' are up.'), chunk('', 'stop'), '[DONE]')];

async function answer(contentType: string | null, chunks: string[], format?: string) {
  const { el } = await chatWith({ headers: { 'content-type': contentType } as Record<string, string>, chunks });
  if (format) el.format = format as FormatName;
  const ended = Promise.race([nextEvent(el, 'stream-chat-complete'), nextEvent(el, 'stream-chat-error')]);
  await el.send('question');
  const event = await ended;
  return { type: event.type, message: el.messages[1] };
}

describe('SSE under another content type', () => {
  for (const type of ['text/plain; charset=utf-8', 'application/octet-stream', null]) {
    for (const format of ['auto', 'openai']) {
      it(`${type ?? 'no content type'}, format ${format}: read as SSE`, async () => {
        const { type: ended, message } = await answer(type, openaiBody, format);
        expect(ended).to.equal('stream-chat-complete');
        expect(message.content).to.equal('Gold prices are up.');
      });
    }
  }

  it('SSE whose first bytes arrive one at a time, after a comment, under text/plain', async () => {
    const body = `: hello\n\n${openaiBody.join('')}`;
    const pieces = Array.from(body.slice(0, 40)).concat(body.slice(40));
    const { message } = await answer('text/plain', pieces);
    expect(message.content).to.equal('Gold prices are up.');
  });

  it('plain text under text/plain stays plain text, even when it mentions data:', async () => {
    const { type, message } = await answer('text/plain', ['Here is the answer.\n', 'data: is a field name in SSE.\n']);
    expect(type).to.equal('stream-chat-complete');
    expect(message.content).to.equal('Here is the answer.\ndata: is a field name in SSE.\n');
  });

  it('NDJSON under text/plain is read as lines', async () => {
    const { message } = await answer('text/plain', ['{"content": "Hel"}\n', '{"content": "lo"}\n', '{"done": true}\n']);
    expect(message.content).to.equal('Hello');
  });
});

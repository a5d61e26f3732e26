// Every backend's transcript replayed over real HTTP through the element, with awkward network
// chunking: the answer the user sees must be exactly what the backend streamed.
import { expect } from '@open-wc/testing';
import type { Chunk } from '../helpers.js';
import { chatWith, nextEvent, shadow } from '../helpers.js';
import { seededRandom } from '../support.js';
import { transcripts } from '../transcripts/index.js';
import type { Transcript } from '../transcripts/types.js';

const contentTypes = { sse: 'text/event-stream', lines: 'application/x-ndjson', text: 'text/plain; charset=utf-8' };

/** The body as byte chunks of 1..max bytes (splitting UTF-8 characters, CRLFs and field names), with a pause now and then so they cross the network apart. */
function chunked(body: string, seed: number, max: number): Chunk[] {
  const bytes = Array.from(new TextEncoder().encode(body));
  const next = seededRandom(seed);
  const chunks: Chunk[] = [];
  for (let i = 0, n = 0; i < bytes.length; n++) {
    const size = 1 + Math.floor(next() * max);
    chunks.push({ bytes: bytes.slice(i, i + size) });
    i += size;
    if (n % 25 === 24) chunks.push({ delay: 1 });
  }
  return chunks;
}

async function replayOverHttp(transcript: Transcript, chunks: Chunk[]) {
  const headers = { 'content-type': contentTypes[transcript.framing], ...transcript.headers };
  const { el } = await chatWith({ headers, chunks });
  const ended = Promise.race([nextEvent(el, 'stream-chat-complete'), nextEvent(el, 'stream-chat-error')]);
  await el.send('question');
  const event = await ended;
  await el.updateComplete;
  return { el, event, message: el.messages[1] };
}

describe('every backend over HTTP', () => {
  for (const [name, transcript] of Object.entries(transcripts)) {
    const body = transcript.lines.join('');
    const chunkings: [string, Chunk[]][] = [
      ['as written', transcript.lines],
      ['in 1-7 byte pieces', chunked(body, 7, 7)],
      ['one byte at a time', chunked(body.slice(0, 4000), 1, 1).concat(chunked(body.slice(4000), 2, 64))],
    ];
    for (const [how, chunks] of chunkings) {
      it(`${name}: ${how}`, async () => {
        const { el, event, message } = await replayOverHttp(transcript, chunks);
        const { expected } = transcript;
        expect(event.type, JSON.stringify((event as CustomEvent).detail?.error)).to.equal('stream-chat-complete');
        expect(message.content).to.equal(expected.text);
        expect(message.reasoning).to.equal(expected.reasoning);
        expect((message.tools ?? []).map(({ name: n, status }) => ({ name: n, status }))).to.deep.equal(expected.tools ?? []);
        expect(message.sources ?? []).to.deep.equal(expected.sources ?? []);
        if (expected.reason) expect(message.finishReason).to.equal(expected.reason);
        if (expected.conversationId) expect(el.conversationId).to.equal(expected.conversationId);
        expect(shadow(el).querySelectorAll('[part="tool-badge"]').length).to.equal(expected.tools?.length ?? 0);
        expect(!!shadow(el).querySelector('[part="reasoning"]')).to.equal(!!expected.reasoning);
      });
    }
  }
});

// The SSE parser behind the byte stages (sse-reader.ts, read by framing.ts's readFramedBody): events as the spec dispatches them from
// LF-terminated lines without comments, however the text is cut into pieces.
import { expect } from '@open-wc/testing';
import type { SseMessage } from '../../src/protocols/types.js';
import { readFramedBody } from '../../src/transport/framing.js';
import { EventParser } from '../../src/transport/sse-reader.js';
import { seededRandom } from '../support.js';

function parse(pieces: string[]): [string, string, string][] {
  const out: [string, string, string][] = [];
  const parser = new EventParser((m: SseMessage) => out.push([m.event, m.data, m.id]));
  for (const piece of pieces) parser.push(piece);
  return out;
}

const stream = [
  'data: {"content":"Hel"}\n\n',
  'event: delta\ndata: {"content":"lo"}\nid: 7\n\n',
  'data: one\ndata: two\n\n',
  'data\n\n',
  'data:\ndata: second\n\n',
  'data:  two spaces\n\n',
  'id: 9\nretry: 100\nfoo: bar\ndata: x\n\n',
  'id: a\u0000b\ndata: nul in the id\n\n',
  'data: caf\u00e9 \u{1F600} \u4e2d\u6587\n\n',
  'data: ' + 'long '.repeat(400) + '\n\n',
  'dataX: not data\ndat: nor this\ndata:no space\n\n',
  'event: e\nevent\nid: 5\nid\ndata: named, then not\n\n',
  'data: unterminated at the end',
].join('');

const expected: [string, string, string][] = [
  ['', '{"content":"Hel"}', ''],
  ['delta', '{"content":"lo"}', '7'],
  ['', 'one\ntwo', ''],
  // A field name alone is that field with an empty value.
  ['', '', ''],
  // An empty first data line still puts a line break before the second.
  ['', '\nsecond', ''],
  ['', ' two spaces', ''],
  // Unknown fields and retry are ignored; the id is the block's own.
  ['', 'x', '9'],
  // An id with a NUL is ignored.
  ['', 'nul in the id', ''],
  ['', 'caf\u00e9 \u{1F600} \u4e2d\u6587', ''],
  ['', 'long '.repeat(400), ''],
  // Only a field named exactly `data` is data; the space after the colon is optional.
  ['', 'no space', ''],
  // A later `event` or `id` line without a value empties what an earlier one set.
  ['', 'named, then not', ''],
];

describe('EventParser', () => {
  it('dispatches each block as the spec says, the unterminated last one not at all', () => {
    expect(parse([stream])).to.deep.equal(expected);
  });

  it('gives the same events however the text is cut', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = seededRandom(seed);
      const max = [1, 2, 3, 7, 20, 300][seed % 6];
      const pieces: string[] = [];
      for (let i = 0; i < stream.length; ) {
        const size = 1 + Math.floor(next() * max);
        pieces.push(stream.slice(i, i + size));
        i += size;
      }
      expect(parse(pieces), `seed ${seed}, pieces up to ${max} characters`).to.deep.equal(expected);
    }
  });

  it('reads an event that spans thousands of pieces whole', () => {
    const data = 'x'.repeat(1 << 20);
    const pieces = ['data: '];
    for (let i = 0; i < data.length; i += 256) pieces.push(data.slice(i, i + 256));
    pieces.push('\n\n');
    const events = parse(pieces);
    expect(events.length).to.equal(1);
    expect(events[0][1] === data).to.be.true;
  });
});

describe('readFramedBody, for an event stream', () => {
  const readEventStream = (body: ReadableStream<Uint8Array>, onMessage: (m: SseMessage) => void, signal: AbortSignal) =>
    readFramedBody(body, 'sse', onMessage, signal);

  const body = (chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });

  it('decodes characters split across chunks, and keeps a BOM that is data', async () => {
    const bytes = new TextEncoder().encode('data: \uFEFFcaf\u00e9 \u{1F600}\n\n');
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const out: string[] = [];
    await readEventStream(chunks, (m) => out.push(m.data), new AbortController().signal);
    expect(out).to.deep.equal(['\uFEFFcaf\u00e9 \u{1F600}']);
  });

  it('delivers nothing after a message aborts, even from the same chunk', async () => {
    const abort = new AbortController();
    const out: string[] = [];
    await readEventStream(body(['data: a\n\ndata: stop\n\ndata: b\n\n', 'data: c\n\n']), (m) => {
      out.push(m.data);
      if (m.data === 'stop') abort.abort();
    }, abort.signal);
    expect(out).to.deep.equal(['a', 'stop']);
  });

  it('rejects when the body fails', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: a\n\n'));
        controller.error(new Error('connection reset'));
      },
    });
    const out: string[] = [];
    let error: unknown;
    await readEventStream(failing, (m) => out.push(m.data), new AbortController().signal).catch((e) => (error = e));
    expect((error as Error)?.message).to.equal('connection reset');
  });
});

// streamRequest over real HTTP from the scripted server (test/server/scripted-sse.mjs): which
// framing a response gets, how its body becomes messages however the bytes are cut, and how a
// stream ends (closed, JSON, aborted, dropped, failed).
import { expect } from '@open-wc/testing';
import type { Framing } from '../../src/protocols/types.js';
import { ChatError, retryAfterSeconds, serverMessageFrom, unreadableAnswer } from '../../src/transport/errors.js';
import { eventStreamStage } from '../../src/transport/framing.js';
import { IdleTimer } from '../../src/transport/idle-timer.js';
import type { ChatRequest } from '../../src/transport/request.js';
import { streamRequest, type StreamEnd } from '../../src/transport/response-stream.js';
import { newTestId, seededRandom, serverLogWhen, type Chunk, type Script } from '../support.js';
import { FakeClock, watchBodies } from '../fake-clock.js';

/** A message as [event, data, id]. */
type Message = [event: string, data: string, id: string];

interface Run {
  testId: string;
  /** What onOpen received; undefined when it was not called. */
  framing?: Framing;
  response?: Response;
  opens: number;
  messagesBeforeOpen: number;
  messages: Message[];
  end?: StreamEnd;
  error?: unknown;
  /** Milliseconds from the abort to streamRequest settling (undefined without an abort). */
  settledAfterAbort?: number;
}

const NDJSON = { 'content-type': 'application/x-ndjson' };
const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const BOM = [0xef, 0xbb, 0xbf];
// Where a script must reach the page in separate reads, it is cut with gates: the server holds
// the rest back until the client has taken everything before it and asks for more (stream() opens
// one gate before every read of the body but the first). No timing: a busy browser cannot merge
// two pieces, nor miss bytes sent before a dropped connection (Chromium discards body bytes it has
// not yet handed to the page when the connection fails).
const GAP = { gate: true } as const;

const encode = (text: string) => Array.from(new TextEncoder().encode(text));

/** Byte pieces sent a little apart, so that each arrives on its own. */
function apart(pieces: number[][], gap = GAP): Chunk[] {
  return pieces.flatMap((bytes) => [{ bytes }, gap]);
}

/** The text as chunks of `size` bytes. */
function inBytes(text: string, size: number, gap = GAP): Chunk[] {
  const bytes = encode(text);
  const pieces: number[][] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.slice(i, i + size));
  return apart(pieces, gap);
}

/** The text cut after the first byte of every multi-byte character. */
function cutInsideCharacters(text: string, gap = GAP): Chunk[] {
  const pieces: number[][] = [[]];
  for (const character of text) {
    const bytes = encode(character);
    pieces[pieces.length - 1].push(bytes[0]);
    if (bytes.length > 1) pieces.push([]);
    pieces[pieces.length - 1].push(...bytes.slice(1));
  }
  return apart(pieces.filter((piece) => piece.length), gap);
}

/** Each string sent as a chunk of its own. */
function separately(texts: string[], gap = GAP): Chunk[] {
  return texts.flatMap((text) => [text, gap]);
}

/** Plays the script through streamRequest; never rejects (the error is in the run). */
async function stream(
  script: Script,
  options: { controller?: AbortController; onMessage?: (message: Message, controller: AbortController) => void } = {},
): Promise<Run> {
  const testId = newTestId();
  const controller = options.controller ?? new AbortController();
  const run: Run = { testId, opens: 0, messagesBeforeOpen: 0, messages: [] };
  let abortedAt: number | undefined;
  controller.signal.addEventListener('abort', () => (abortedAt = performance.now()));
  let reads = 0;
  const bodies = watchBodies('/test-sse', async () => {
    if (reads++ > 0) await fetch(`/test-gate/${encodeURIComponent(testId)}`);
  });
  const request: ChatRequest = {
    url: '/test-sse',
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: { testId, script },
  };
  try {
    run.end = await streamRequest(
      request,
      {
        onOpen(response, framing) {
          run.opens += 1;
          run.response = response;
          run.framing = framing;
        },
        onMessage({ event, data, id }) {
          if (!run.opens) run.messagesBeforeOpen += 1;
          const message: Message = [event, data, id];
          run.messages.push(message);
          options.onMessage?.(message, controller);
        },
      },
      controller.signal,
    );
  } catch (error) {
    run.error = error;
  } finally {
    bodies.restore();
  }
  if (abortedAt !== undefined) run.settledAfterAbort = performance.now() - abortedAt;
  return run;
}

/** Plays a script that should stream to its end: the framing and the messages. */
async function read(script: Script): Promise<Run> {
  const run = await stream(script);
  if (run.error) throw run.error;
  expect(run.end).to.deep.equal({ kind: 'closed' });
  expect(run.opens, 'onOpen calls').to.equal(1);
  expect(run.messagesBeforeOpen, 'messages before onOpen').to.equal(0);
  return run;
}

/** The data of each message, for framings whose event and id are always empty. */
function dataOf(run: Run): string[] {
  for (const [event, , id] of run.messages) expect([event, id]).to.deep.equal(['', '']);
  return run.messages.map(([, data]) => data);
}

describe('streamRequest', () => {
  describe('framing', () => {
    const cases: [headers: Record<string, string | null>, framing: Framing][] = [
      [{ 'content-type': 'text/event-stream; charset=utf-8' }, 'sse'],
      [{ 'content-type': 'application/x-ndjson' }, 'lines'],
      [{ 'content-type': 'Application/X-NDJSON; charset=utf-8' }, 'lines'],
      [{ 'content-type': 'application/jsonl' }, 'lines'],
      [{ 'content-type': 'application/x-jsonlines' }, 'lines'],
      [{ 'content-type': 'application/stream+json' }, 'lines'],
      [{ 'content-type': 'text/plain; charset=utf-8', 'x-vercel-ai-data-stream': 'v1' }, 'lines'],
      // Mislabelled event streams are told by their first bytes (the body here is `data: x`).
      [{ 'content-type': 'text/plain; charset=utf-8' }, 'sse'],
      [{ 'content-type': 'text/markdown' }, 'text'],
      [{ 'content-type': 'application/octet-stream' }, 'sse'],
      [{ 'content-type': null }, 'sse'],
    ];
    for (const [headers, framing] of cases) {
      it(`reads ${JSON.stringify(headers)} as ${framing}`, async () => {
        const run = await read({ headers, chunks: ['data: x\n\n'] });
        expect(run.framing).to.equal(framing);
        expect(run.messages).to.have.length(1);
      });
    }

    const sniffed: [body: string, framing: Framing][] = [
      ['Hello', 'text'],
      ['data is what we have', 'text'],
      ['{"content":"x"}\n', 'lines'],
      ['{not json\n', 'text'],
      [': comment\n\n', 'sse'],
    ];
    for (const type of ['text/plain', 'application/octet-stream', null]) {
      for (const [body, framing] of sniffed) {
        // What is not text/plain and neither SSE nor JSON lines stays SSE: it may not be text at all.
        const expected = framing === 'text' && type !== 'text/plain' ? 'sse' : framing;
        it(`reads ${JSON.stringify(body)} under ${type ?? 'no content type'} as ${expected}`, async () => {
          const run = await read({ headers: { 'content-type': type }, chunks: [body] });
          expect(run.framing).to.equal(expected);
        });
      }
    }

    it('passes onOpen the response as the server sent it, and sends the request as built', async () => {
      const run = await read({ headers: NDJSON, chunks: ['{}\n'] });
      expect(run.response!.url).to.match(/\/test-sse$/);
      expect(run.response!.headers.get('content-type')).to.equal('application/x-ndjson');
      const { requests } = await serverLogWhen(run.testId, (log) => log.requests.length > 0);
      expect(requests).to.have.length(1);
      expect(requests[0].method).to.equal('POST');
      expect(requests[0].headers).to.include({ 'content-type': 'application/json', accept: 'text/event-stream' });
      expect(requests[0].body.testId).to.equal(run.testId);
    });
  });

  describe('server-sent events', () => {
    it('reads a stream sent one byte at a time', async () => {
      const run = await read({
        chunks: inBytes('event: greet\r\nid: 1\r\ndata: h\u00e9llo \u{1F600}\r\n\r\ndata: {"a":1}\n\n', 1),
      });
      expect(run.framing).to.equal('sse');
      expect(run.messages).to.deep.equal([
        ['greet', 'h\u00e9llo \u{1F600}', '1'],
        ['', '{"a":1}', ''],
      ]);
    });

    it('decodes characters split across chunks', async () => {
      const run = await read({ chunks: cutInsideCharacters('data: {"t":"caf\u00e9 \u{1F600} \u4e2d\u6587 \u00f1"}\n\n') });
      expect(run.messages).to.deep.equal([['', '{"t":"caf\u00e9 \u{1F600} \u4e2d\u6587 \u00f1"}', '']]);
    });

    it('counts a CR and LF in separate chunks as one line break', async () => {
      // Read as two breaks, the first pair would end the event after "a".
      const run = await read({ chunks: separately(['data: a\r', '\ndata: b\r', '\n\r', '\n', 'data: c\r', '\r']) });
      expect(dataOf(run)).to.deep.equal(['a\nb', 'c']);
    });

    it('reads field names split across chunks', async () => {
      const run = await read({ chunks: separately(['da', 'ta: x\n\n', 'data', ': y\n\n', 'event: p', 'ing\nda', 'ta:z\n\n']) });
      expect(run.messages).to.deep.equal([['', 'x', ''], ['', 'y', ''], ['ping', 'z', '']]);
    });

    it('reads CRLF and CR-only line endings', async () => {
      const run = await read({ chunks: ['data: a\r\ndata: b\r\n\r\n', 'event: e\rdata: c\rdata: d\r\r'] });
      expect(run.messages).to.deep.equal([['', 'a\nb', ''], ['e', 'c\nd', '']]);
    });

    it('ignores a leading BOM, also split across chunks', async () => {
      const whole = await read({ chunks: [{ bytes: [...BOM, ...encode('data: a\n\n')] }] });
      expect(dataOf(whole)).to.deep.equal(['a']);
      const split = await read({ chunks: apart([[0xef], [0xbb], [0xbf, ...encode('d')], encode('ata: b\n\n')]) });
      expect(dataOf(split)).to.deep.equal(['b']);
    });

    it('dispatches nothing for blocks without data: comments, blank lines, a lone event', async () => {
      const run = await read({
        chunks: separately([': keep-alive\n\n', 'data: a\n: note\ndata: b\n\n', ':\n\n', '\n\n\n', 'event: ping\n\n', 'data: c\n\n']),
      });
      expect(run.messages).to.deep.equal([['', 'a\nb', ''], ['', 'c', '']]);
    });

    it('joins multi-line data with newlines', async () => {
      const run = await read({ chunks: ['data: {\ndata:   "a": 1\ndata: }\n\n'] });
      expect(dataOf(run)).to.deep.equal(['{\n  "a": 1\n}']);
    });

    it('reads event and id fields, values without a space, and fields without a value', async () => {
      const run = await read({
        chunks: ['event: delta\nid: 42\nretry: 10\nfoo: bar\ndata: x\n\n', 'data:y\n\n', 'data:  z\n\n', 'event: done\ndata\n\n'],
      });
      expect(run.messages).to.deep.equal([
        ['delta', 'x', '42'],
        ['', 'y', ''],
        ['', ' z', ''],
        ['done', '', ''],
      ]);
    });

    it('drops an unterminated last event, as the spec says', async () => {
      const run = await read({ chunks: ['data: a\n\ndata: b\n'] });
      expect(dataOf(run)).to.deep.equal(['a']);
    });
  });

  describe('lines', () => {
    it('reads NDJSON with CRLF, lines split across chunks, blank lines and a BOM', async () => {
      const run = await read({
        headers: NDJSON,
        chunks: [
          ...apart([[0xef], [0xbb, 0xbf, ...encode('{"a":1}\r\n\r\n{"b":')]]),
          ...separately(['2}\r', '\n', '\r\n  \n']),
          // The last line has no line break.
          ...cutInsideCharacters('{"c":"\u00e9"}\n{"d":"\u4e2d \u{1F600}"}'),
        ],
      });
      expect(run.framing).to.equal('lines');
      expect(dataOf(run)).to.deep.equal(['{"a":1}', '{"b":2}', '{"c":"\u00e9"}', '{"d":"\u4e2d \u{1F600}"}']);
    });

    it('reads CR-only line endings, with a CR and LF in separate chunks as one break', async () => {
      const run = await read({ headers: NDJSON, chunks: separately(['1\r2\r', '\n3\r', '\r', '\n4\n']) });
      expect(dataOf(run)).to.deep.equal(['1', '2', '3', '4']);
    });

    it("reads the AI SDK's data stream, one prefixed line per message", async () => {
      const run = await read({
        headers: { ...TEXT, 'x-vercel-ai-data-stream': 'v1' },
        chunks: separately(['0:"Hel"\n0:', '"lo"\n', 'e:{"finishReason":"stop"}\nd:{"finishReason":"stop"}\n']),
      });
      expect(run.framing).to.equal('lines');
      expect(dataOf(run)).to.deep.equal(['0:"Hel"', '0:"lo"', 'e:{"finishReason":"stop"}', 'd:{"finishReason":"stop"}']);
    });
  });

  describe('text', () => {
    it('passes each chunk on as it arrives', async () => {
      const run = await read({ headers: TEXT, chunks: inBytes('abc', 1, GAP) });
      expect(run.framing).to.equal('text');
      expect(dataOf(run)).to.deep.equal(['a', 'b', 'c']);
    });

    it('keeps whitespace and line breaks exactly, and characters split across chunks whole', async () => {
      const run = await read({
        headers: TEXT,
        chunks: [
          ...separately(['  Hello,\r', '\n\n\t'], GAP),
          ...cutInsideCharacters('caf\u00e9 \u{1F600} \u4e2d\u6587', GAP),
          // Bytes that complete no character send nothing.
          ...inBytes('\u{1F600}', 1, GAP),
          '  \n',
        ],
      });
      expect(dataOf(run)).to.deep.equal(['  Hello,\r', '\n\n\t', 'caf', '\u00e9 ', '\u{1F600} ', '\u4e2d', '\u6587', '\u{1F600}', '  \n']);
    });

    it('drops a leading BOM but keeps bytes that only start like one', async () => {
      const bom = await read({ headers: TEXT, chunks: apart([[0xef, 0xbb], [0xbf, ...encode('hi')]]) });
      expect(dataOf(bom)).to.deep.equal(['hi']);
      // U+FF01 is EF BC 81.
      const lookalike = await read({ headers: TEXT, chunks: inBytes('\uff01!', 1, GAP) });
      expect(dataOf(lookalike)).to.deep.equal(['\uff01', '!']);
      // A body shorter than a BOM: invalid UTF-8, replaced rather than lost.
      const short = await read({ headers: TEXT, chunks: [{ bytes: [0xef, 0xbb] }] });
      expect(dataOf(short)).to.deep.equal(['\ufffd']);
    });
  });

  describe('JSON answers and HTTP errors', () => {
    it('resolves a 2xx JSON answer without opening a stream', async () => {
      const run = await stream({ headers: { 'content-type': 'application/json; charset=utf-8' }, chunks: separately(['{"answer":', '"hi"}']) });
      expect(run.end).to.deep.equal({ kind: 'json', value: { answer: 'hi' } });
      expect(run.opens).to.equal(0);
      expect(run.messages).to.deep.equal([]);
    });

    it('rejects unreadable JSON as a protocol error', async () => {
      const run = await stream({ headers: { 'content-type': 'application/json' }, chunks: ['{"answer":'] });
      expect(run.error).to.be.instanceOf(ChatError);
      expect((run.error as ChatError).kind).to.equal('protocol');
    });

    it('rejects an error status with the server message', async () => {
      const run = await stream({ status: 500, headers: { 'content-type': 'application/json' }, chunks: ['{"error":"boom"}'] });
      expect(run.error).to.be.instanceOf(ChatError);
      expect((run.error as ChatError).kind).to.equal('http');
      expect((run.error as ChatError).status).to.equal(500);
      expect((run.error as ChatError).serverMessage).to.equal('boom');
      expect(run.opens).to.equal(0);
    });
  });

  describe('abort', () => {
    /** streamRequest settled after the abort, and it was the client that closed the connection the server held open. */
    async function expectSettledByTheAbort(run: Run) {
      expect(run.settledAfterAbort, 'settled after the abort').to.be.a('number');
      expect((await serverLogWhen(run.testId, (l) => l.closedByClient > 0)).closedByClient).to.equal(1);
    }

    // The first chunk, then the connection stays open: its data up to the first message, and all of it.
    const cases: [Framing, Script, string[], string[]][] = [
      ['sse', { chunks: ['data: one\n\ndata: two\n\n', { hang: true }] }, ['one'], ['one', 'two']],
      ['lines', { headers: NDJSON, chunks: ['{"n":1}\n{"n":2}\n', { hang: true }] }, ['{"n":1}'], ['{"n":1}', '{"n":2}']],
      ['text', { headers: TEXT, chunks: ['one', { hang: true }] }, ['one'], ['one']],
    ];
    for (const [framing, script, first, all] of cases) {
      it(`stops a ${framing} stream at once, with nothing delivered after the abort`, async () => {
        const run = await stream(script, { onMessage: (_, controller) => controller.abort() });
        expect(run.framing).to.equal(framing);
        expect(run.end).to.deep.equal({ kind: 'aborted' });
        expect(dataOf(run)).to.deep.equal(first);
        await expectSettledByTheAbort(run);
      });

      it(`stops a ${framing} stream waiting for the next chunk`, async () => {
        const run = await stream(script, { onMessage: (_, controller) => setTimeout(() => controller.abort(), 50) });
        expect(run.end).to.deep.equal({ kind: 'aborted' });
        expect(dataOf(run)).to.deep.equal(all);
        await expectSettledByTheAbort(run);
      });
    }

    it('does not send a request when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const run = await stream({ chunks: ['data: x\n\n'] }, { controller });
      expect(run.end).to.deep.equal({ kind: 'aborted' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await serverLogWhen(run.testId, () => true)).requests).to.have.length(0);
    });
  });

  describe('failures after the response opened', () => {
    const cases: [Framing, Script, string][] = [
      ['sse', { chunks: ['data: 1\n\ndata: 2', GAP, { drop: true }] }, '1'],
      ['lines', { headers: NDJSON, chunks: ['{"n":1}\n{"n":', GAP, { drop: true }] }, '{"n":1}'],
      ['text', { headers: TEXT, chunks: ['one', GAP, { drop: true }] }, 'one'],
    ];
    for (const [framing, script, first] of cases) {
      it(`rejects a dropped ${framing} connection as interrupted`, async () => {
        const run = await stream(script);
        expect(run.framing).to.equal(framing);
        expect(run.error).to.be.instanceOf(ChatError);
        expect((run.error as ChatError).kind).to.equal('interrupted');
        // A partial line or event is not delivered.
        expect(dataOf(run)).to.deep.equal([first]);
      });
    }

    it('rejects with the error onMessage throws, and closes the connection', async () => {
      const failure = new ChatError('protocol', 'not a chat stream');
      const run = await stream(
        { headers: NDJSON, chunks: ['{"n":1}\n', { hang: true }] },
        { onMessage: () => { throw failure; } },
      );
      expect(run.error).to.equal(failure);
      expect((await serverLogWhen(run.testId, (log) => log.closedByClient > 0)).closedByClient).to.equal(1);
    });
  });
});

describe('IdleTimer (on a clock the test moves)', () => {
  it('fires once, exactly that long after the last touch, and not after stop()', () => {
    const clock = new FakeClock();
    let fired = 0;
    const timer = new IdleTimer(60, () => (fired += 1), clock);
    const stopped = new IdleTimer(60, () => (fired += 100), clock);
    stopped.stop();
    clock.advance(59);
    expect(fired, 'before the timeout').to.equal(0);
    clock.advance(1);
    expect(fired).to.equal(1);
    clock.advance(1000);
    expect(fired, 'once').to.equal(1);
    expect(clock.pending()).to.deep.equal([]);
    timer.stop();
  });

  it('touches postpone it, through its counting stream too', async () => {
    const clock = new FakeClock();
    let fired = false;
    const timer = new IdleTimer(100, () => (fired = true), clock);
    const writer = new TransformStream<Uint8Array, Uint8Array>();
    const counted = writer.readable.pipeThrough(timer.counter()).getReader();
    const write = writer.writable.getWriter();
    for (let i = 0; i < 6; i++) {
      clock.advance(99);
      void write.write(new Uint8Array([i]));
      expect((await counted.read()).value).to.deep.equal(new Uint8Array([i]));
    }
    expect(fired, 'fired while bytes kept coming').to.equal(false);
    clock.advance(99);
    expect(fired, 'before the timeout after the last byte').to.equal(false);
    clock.advance(1);
    expect(fired).to.equal(true);
  });

  it('when the main thread was busy past the timeout, waits for what arrived meanwhile first', () => {
    const clock = new FakeClock();
    let fired = false;
    const timer = new IdleTimer(100, () => (fired = true), clock);
    // Bytes that arrived during a long task reach the page in a task queued after the overdue check.
    clock.block(250);
    clock.advance(0);
    expect(fired, 'the overdue check gives queued bytes a turn').to.equal(false);
    timer.touch();
    clock.advance(99);
    expect(fired).to.equal(false);
    clock.advance(1);
    expect(fired, 'fires once silence follows').to.equal(true);
  });

  it('when the main thread was busy and nothing arrived meanwhile, fires after that short wait', () => {
    const clock = new FakeClock();
    let fired = false;
    new IdleTimer(100, () => (fired = true), clock);
    clock.block(250);
    clock.advance(0);
    expect(fired).to.equal(false);
    expect(clock.pending()).to.have.length(1);
    clock.advance(clock.pending()[0]);
    expect(fired).to.equal(true);
  });
});

describe('error messages', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterSeconds('120', now)).to.equal(120);
    expect(retryAfterSeconds(' 0 ', now)).to.equal(0);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:30 GMT', now)).to.equal(30);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:27:00 GMT', now)).to.equal(0);
    for (const unreadable of [null, '', 'soon', '1.5', '-3', '12 34']) expect(retryAfterSeconds(unreadable, now), String(unreadable)).to.be.undefined;
  });

  it('finds the server message in JSON, text and HTML bodies, and shows no raw JSON', () => {
    const cases: [body: string, type: string, message: string | undefined][] = [
      ['{"error":{"message":"bad key","type":"invalid_request_error"}}', 'application/json', 'bad key'],
      ['{"detail":[{"loc":["body"],"msg":"field required"},{"msg":"too long"}]}', 'application/json', 'field required; too long'],
      ['{"errors":[{"message":"first"}]}', 'application/problem+json', 'first'],
      ['{"title":"Not Found","status":404}', 'application/problem+json', 'Not Found'],
      ['"just a string"', 'application/json', 'just a string'],
      ['{"code":17}', 'application/json', undefined],
      ['{"error": "cut sh', 'application/json', undefined],
      ['Service Unavailable', 'application/json', 'Service Unavailable'],
      ['  line one\n\n  line two  ', 'text/plain', 'line one line two'],
      ['<html><head><title> 502 Bad Gateway </title></head><body>x</body></html>', 'text/html', '502 Bad Gateway'],
      ['<p>Only <b>body</b> text</p><script>ignored()</script>', '', 'Only body text'],
      ['<TITLE>Caf&#233; &amp; &#x1F600; &lt;b&gt;</TITLE>', 'text/html', 'Caf\u00e9 & \u{1F600} <b>'],
      ['<!doctype html><!-- internal --><div>Gateway<br>Timeout</div><style>p{}</style><script>x("</div>")', 'text/html', 'Gateway Timeout'],
      ['<html><head><title> </title><meta charset="utf-8"></head><body><h1>Oops</h1></body>', 'text/html', 'Oops'],
      ['   ', 'text/plain', undefined],
    ];
    for (const [body, type, message] of cases) expect(serverMessageFrom(body, type), body).to.equal(message);
  });

  it('names what arrived when no format understood a successful response', () => {
    expect(unreadableAnswer('text/html', 0).message).to.equal('The server sent a web page (text/html) instead of a chat stream');
    expect(unreadableAnswer('image/png', 0).message).to.equal('The server sent image/png instead of a chat stream');
    expect(unreadableAnswer('text/event-stream', 3).message).to.equal('The server sent a stream in a format this chat does not understand');
    expect(unreadableAnswer('', 0).message).to.equal('The server closed the stream without sending an answer');
    expect(unreadableAnswer('application/octet-stream', 0, 200).toInfo()).to.deep.equal({
      kind: 'protocol',
      status: 200,
      message: 'The server closed the stream without sending an answer',
    });
  });
});

describe('eventStreamStage', () => {
  /** The SSE spec's line handling, spelled out on strings: the reference the byte-level filter must match. */
  function reference(text: string): string {
    let out = '';
    let block: string[] = [];
    let hasData = false;
    const lines = text.split(/\r\n|\r|\n/);
    lines.pop(); // an unterminated last line is never processed
    for (const line of lines) {
      if (line === '') {
        if (hasData) out += block.map((l) => `${l}\n`).join('') + '\n';
        block = [];
        hasData = false;
      } else if (!line.startsWith(':')) {
        block.push(line);
        if (/^data(:|$)/.test(line)) hasData = true;
      }
    }
    return out;
  }

  /** `pieces` through the filter, as the stream it becomes. */
  function filtered(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
    return source.pipeThrough(new TransformStream(eventStreamStage()));
  }

  const filter = (pieces: Uint8Array[]): Promise<string> => new Response(filtered(pieces)).text();

  const stream = [
    'data: {"content":"Hel"}\n\n',
    ': keep-alive\n\n',
    'event: delta\ndata: {"content":"lo"}\nid: 7\n\n',
    'data: one\n: a comment inside\ndata: two\n\n',
    'event: ping\n\n',
    'id: 9\nretry: 100\n\n',
    '\n\n\n',
    'data\n\n',
    'datax: not data\n\n',
    'data: caf\u00e9 \u{1F600} \u4e2d\u6587\n\n',
    'data: crlf\r\nevent: x\r\n\r\n',
    'data: cr only\rdata: again\r\r',
    ':comment first\ndata: after\n\n',
    'data: ' + 'long '.repeat(400) + '\n\n',
    'data: unterminated at the end',
  ].join('');
  const bytes = new TextEncoder().encode(stream);

  it('matches the spec\'s line handling, however the bytes are split', async () => {
    const expected = reference(stream);
    expect(await filter([bytes])).to.equal(expected);
    for (let seed = 1; seed <= 40; seed++) {
      const next = seededRandom(seed);
      const max = [1, 2, 3, 7, 20, 200][seed % 6];
      const pieces: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; ) {
        const size = 1 + Math.floor(next() * max);
        pieces.push(bytes.slice(i, i + size));
        i += size;
      }
      expect(await filter(pieces), `seed ${seed}, pieces up to ${max} bytes`).to.equal(expected);
    }
  });

  it('passes a well-formed chunk through without copying it', async () => {
    const chunk = new TextEncoder().encode('data: a\n\nevent: b\ndata: c\n\n');
    const reader = filtered([chunk]).getReader();
    const { value } = await reader.read();
    expect(value!.buffer === chunk.buffer, 'a view of the same buffer').to.be.true;
    expect(value!.length).to.equal(chunk.length);
  });
});

// Faults end to end (issue 5, "clear message, nothing lost, one POST"): for every way a server or
// network can fail, what the user sees in the shadow DOM, the message statuses, the
// stream-chat-error detail, and how many requests the scripted server received
// (test/server/scripted-sse.mjs). stream-chat.test.ts shows one case of each kind; these extend
// them to every status, body, framing and wire format, and to timeouts and malformed input.
import { expect, fixture, html } from '@open-wc/testing';
import type { StreamChatErrorDetail, StreamChatEventMap } from '../../src/events.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, lastAnswer, newTestId, nextEvent, openGate, PATIENCE, serverLog, serverLogWhen, shadow, sse, until, type Chunk, type ServerLog } from '../helpers.js';
import { captureWarnings, seededRandom } from '../support.js';
import { fakeClock, watchBodies, type BodyWatch } from '../fake-clock.js';
import { transcripts, type Transcript } from '../transcripts/index.js';
import { replay } from '../transcripts/replay.js';
import { wireFormats } from '../../src/protocols/index.js';

/** What the scripted server logs per request, beyond helpers.ts's ServerLog. */
type LoggedRequest = ServerLog['requests'][number] & { outcome?: 'finished' | 'closed' | 'dropped' };

interface FaultScript {
  status?: number;
  headers?: Record<string, string | null>;
  headersAfter?: number;
  chunks: (Chunk | { repeat: string; times: number } | { echo: true })[];
}

type Ended = StreamChatEventMap['stream-chat-error' | 'stream-chat-complete' | 'stream-chat-cancel'];

const QUESTION = 'question';
const NETWORK_MESSAGE = 'Could not reach the server; check your connection and try again';

async function chat(script: FaultScript | FaultScript[], idleTimeout = 0) {
  const { el, testId } = await chatWith(script as Parameters<typeof chatWith>[0]);
  el.idleTimeout = idleTimeout;
  return { el, testId };
}

/** Sends one message and returns how its answer ended. */
async function ask(el: StreamChat, text = QUESTION): Promise<Ended> {
  const ended = Promise.race([
    nextEvent(el, 'stream-chat-error'),
    nextEvent(el, 'stream-chat-complete'),
    nextEvent(el, 'stream-chat-cancel'),
  ]) as Promise<Ended>;
  await el.send(text);
  const event = await ended;
  await el.updateComplete;
  return event;
}

/** Sends one message that must fail; the error detail. */
async function failure(el: StreamChat, text = QUESTION): Promise<StreamChatErrorDetail> {
  const event = await ask(el, text);
  expect(event.type, `ended with ${event.type}: ${JSON.stringify(event.detail)}`).to.equal('stream-chat-error');
  return (event as CustomEvent<StreamChatErrorDetail>).detail;
}

/** Like `until`, but checks every millisecond or so rather than every frame. */
async function soon(predicate: () => unknown, what: string, timeout = PATIENCE): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function posts(testId: string): Promise<LoggedRequest[]> {
  return ((await serverLog(testId)).requests as LoggedRequest[]).filter((r) => r.method === 'POST');
}

/**
 * The user's message is kept, the answer is an error with whatever arrived, the detail's message
 * is the one in the conversation, and the error is shown as text with a Retry button.
 */
function expectFailureShown(el: StreamChat, detail: StreamChatErrorDetail, partial = '') {
  expect(el.messages.map((m) => [m.role, m.content, m.status])).to.deep.equal([
    ['user', QUESTION, 'complete'],
    ['assistant', partial, 'error'],
  ]);
  expect(el.messages[1].error).to.deep.equal(detail.error);
  expect(detail.message.status).to.equal('error');
  expect(detail.message.content).to.equal(partial);
  const part = shadow(el).querySelector('[data-status="error"] [part="error"]');
  expect(part, 'error shown under the answer').to.exist;
  expect(part!.getAttribute('role')).to.equal('alert');
  const text = part!.querySelector('.text')!;
  expect(text.textContent).to.equal(detail.error.message);
  expect(text.children, 'error text is text, never markup').to.have.length(0);
  expect(part!.querySelector('[part="retry-button"]')!.textContent!.trim()).to.equal('Retry');
}

function retryButton(el: StreamChat): HTMLButtonElement {
  return shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
}

// Every test here whose request failed: none of them may be retried behind the user's back. Each
// test's count is taken when it ends and checked again at the end of the file, after
// fetch-event-source's one-second retry interval.
const failedTests: string[] = [];
const failedRequests: { testId: string; posts: number; at: number }[] = [];
async function expectOnePost(testId: string) {
  expect(await posts(testId), 'requests the server received').to.have.length(1);
  failedTests.push(testId);
}

describe('faults', () => {
  // Nothing in any of these may throw where nobody catches it.
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  afterEach(async () => {
    for (const testId of failedTests.splice(0)) failedRequests.push({ testId, posts: (await posts(testId)).length, at: performance.now() });
    const seen = uncaught.splice(0);
    expect(seen.map(String), 'uncaught errors').to.deep.equal([]);
  });

  describe('HTTP errors', () => {
    const leads: Record<number, string> = {
      400: 'The server rejected the request',
      401: 'The server refused the request',
      403: 'The server refused access',
      404: 'The chat endpoint was not found',
      413: 'The message is too large for the server',
      429: 'Too many requests',
      500: 'The server failed to answer',
      502: 'The server is unavailable right now',
      503: 'The server is unavailable right now',
    };
    const reasons: Record<number, string> = {
      400: 'message must not be empty',
      401: 'invalid API token',
      403: 'this model is not enabled for your key',
      404: 'Cannot POST /test-sse', // Express's stock answer: a missing route (an app's own 404 sentence: test/error-sentences.test.ts)
      413: 'request body larger than 1 MB',
      429: 'slow down',
      500: 'database is down',
      502: 'upstream model server crashed',
      503: 'overloaded',
    };
    // The error bodies real servers send, one per status in turn.
    const jsonShapes: ((reason: string) => unknown)[] = [
      (reason) => ({ error: { message: reason, type: 'invalid_request_error', code: null } }), // OpenAI
      (reason) => ({ error: reason }),
      (reason) => ({ statusCode: 0, message: reason }), // NestJS, Express
      (reason) => ({ detail: reason }), // FastAPI
      (reason) => ({ detail: [{ loc: ['body', 'message'], msg: reason, type: 'value_error' }] }), // FastAPI validation
      (reason) => ({ type: 'error', error: { type: 'overloaded_error', message: reason } }), // Anthropic
      (reason) => ({ errors: [{ message: reason }] }),
    ];
    const page = (reason: string) =>
      `<!doctype html><html><head><title>${reason}</title><style>body { color: red }</style></head><body>` +
      `<h1 onclick="window.__faultRan = 1">Error</h1><img src="/never-loaded.png" onerror="window.__faultRan = 2">` +
      `<script>window.__faultRan = 3</script><p>${reason}</p></body></html>`;
    const bodies: [name: string, contentType: string, body: (reason: string, index: number) => string][] = [
      ['JSON', 'application/json', (reason, index) => JSON.stringify(jsonShapes[index % jsonShapes.length](reason))],
      ['plain-text', 'text/plain; charset=utf-8', (reason) => `${reason}\n`],
      ['HTML', 'text/html; charset=utf-8', page],
    ];

    Object.keys(leads).map(Number).forEach((status, index) => {
      for (const [name, contentType, body] of bodies) {
        it(`${status} with a ${name} body: a human message with the server's words, one POST`, async () => {
          const reason = reasons[status];
          const { el, testId } = await chat({ status, headers: { 'content-type': contentType }, chunks: [body(reason, index)] });
          const detail = await failure(el);
          const message = `${leads[status]} (${status}): ${reason}${status === 429 ? '. Try again later.' : ''}`;
          expect(detail.error).to.deep.equal({ kind: 'http', status, message, serverMessage: reason });
          expectFailureShown(el, detail);
          expect((window as { __faultRan?: number }).__faultRan, 'nothing in an error page runs').to.be.undefined;
          await expectOnePost(testId);
        });
      }
    });

    it('an HTML page without a title gives its text, without scripts or styles', async () => {
      const { el } = await chat({
        status: 500,
        headers: { 'content-type': 'text/html' },
        chunks: ['<html><body><style>p{}</style><script>var x = 1</script><p>Internal <b>Server</b>   Error</p></body></html>'],
      });
      const { error } = await failure(el);
      expect(error.message).to.equal('The server failed to answer (500): Internal Server Error');
    });

    it('an error without a body, or with an empty JSON object, gives the status alone', async () => {
      const { el } = await chat([{ status: 404, chunks: [] }, { status: 500, headers: { 'content-type': 'application/json' }, chunks: ['{}'] }]);
      expect((await failure(el)).error).to.deep.equal({ kind: 'http', status: 404, message: 'The chat endpoint was not found (404)' });
      expect((await failure(el, 'again')).error).to.deep.equal({ kind: 'http', status: 500, message: 'The server failed to answer (500)' });
    });

    it('keeps a long error body to one readable line', async () => {
      const { el } = await chat({ status: 500, headers: { 'content-type': 'text/plain' }, chunks: [`Traceback:\n${'  at frame\n'.repeat(2000)}`] });
      const { error } = await failure(el);
      expect(error.serverMessage!.length).to.be.at.most(300);
      expect(error.serverMessage).to.match(/^Traceback: at frame at frame/);
      expect(error.serverMessage).to.match(/…$/);
    });

    describe('Retry-After', () => {
      const cases: [name: string, script: FaultScript, message: RegExp | string, retryAfter: number | [number, number] | undefined][] = [
        [
          '429 with seconds',
          { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '30' }, chunks: ['{"error":{"message":"slow down"}}'] },
          'Too many requests (429): slow down. Try again in 30 seconds.',
          30,
        ],
        [
          '429 with an HTTP date',
          // An hour ahead, so the seconds this file takes to reach the test do not change the minutes.
          { status: 429, headers: { 'content-type': 'text/plain', 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }, chunks: ['Rate limit reached.'] },
          'Too many requests (429): Rate limit reached. Try again in 60 minutes.',
          [3300, 3600],
        ],
        [
          '429 with a date in the past',
          { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, chunks: [] },
          'Too many requests (429). Try again now.',
          0,
        ],
        [
          '429 with an unreadable value',
          { status: 429, headers: { 'content-type': 'text/plain', 'retry-after': 'soon' }, chunks: ['slow down!'] },
          'Too many requests (429): slow down! Try again later.',
          undefined,
        ],
        [
          '503 with minutes',
          { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '120' }, chunks: ['down for maintenance'] },
          'The server is unavailable right now (503): down for maintenance. Try again in 2 minutes.',
          120,
        ],
        [
          '503 without a body',
          { status: 503, headers: { 'retry-after': '1' }, chunks: [] },
          'The server is unavailable right now (503). Try again in 1 second.',
          1,
        ],
      ];
      for (const [name, script, message, retryAfter] of cases) {
        it(`${name}: says when to try again, and the detail carries retryAfter`, async () => {
          const { el, testId } = await chat(script);
          const detail = await failure(el);
          expect(detail.error.kind).to.equal('http');
          if (typeof message === 'string') expect(detail.error.message).to.equal(message);
          else expect(detail.error.message).to.match(message);
          if (Array.isArray(retryAfter)) expect(detail.error.retryAfter).to.be.within(...retryAfter);
          else expect(detail.error.retryAfter).to.equal(retryAfter);
          expect('retryAfter' in detail.error).to.equal(retryAfter !== undefined);
          expectFailureShown(el, detail);
          await expectOnePost(testId);
        });
      }
    });
  });

  describe('network failures before any response', () => {
    const crossHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const cross = (testId: string, cors?: string) =>
      `${location.protocol}//${crossHost}:${location.port}/test-sse?testId=${testId}${cors ? `&cors=${cors}` : ''}`;

    async function networkFailure(endpoint: string | ((testId: string) => string)) {
      const testId = newTestId();
      const el = await fixture<StreamChat>(html`<stream-chat style="height: 300px"></stream-chat>`);
      el.endpoint = typeof endpoint === 'string' ? endpoint : endpoint(testId);
      el.body = { testId, script: { chunks: sse({ content: 'answer' }, { done: true }) } };
      const detail = await failure(el);
      expect(detail.error).to.deep.equal({ kind: 'network', message: NETWORK_MESSAGE });
      expectFailureShown(el, detail);
      return { el, testId, detail };
    }

    it('server down (a closed port)', async () => {
      await networkFailure('http://127.0.0.1:9/chat');
    });

    it('DNS failure', async () => {
      await networkFailure('http://does-not-exist.invalid/chat');
    });

    it('CORS refused at the preflight: the POST never leaves', async () => {
      const { testId } = await networkFailure((id) => cross(id));
      const log = await serverLog(testId);
      expect(log.requests.map((r) => r.method)).to.deep.equal(['OPTIONS']);
    });

    it('CORS refused on the response: the server got one POST, the page no answer, and nothing is retried', async () => {
      const { el, testId } = await networkFailure((id) => cross(id, 'preflight'));
      await expectOnePost(testId);
      // Retry makes exactly one more attempt.
      const failed = nextEvent(el, 'stream-chat-error');
      retryButton(el).click();
      retryButton(el).click();
      expect((await failed).detail.error.kind).to.equal('network');
      expect(await posts(testId)).to.have.length(2);
      expect(el.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
    });

    it('(control) the same cross-origin endpoint works once it allows CORS', async () => {
      const testId = newTestId();
      const el = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
      el.endpoint = cross(testId, 'full');
      el.body = { testId, script: { chunks: sse({ content: 'answer' }, { done: true }) } };
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(await posts(testId)).to.have.length(1);
    });

    it('retry after a network failure re-sends the same message once, and can succeed', async () => {
      const { el, testId } = await chat({ chunks: sse({ content: 'Back' }, { done: true }) });
      el.endpoint = 'http://127.0.0.1:9/chat';
      const detail = await failure(el);
      expect(detail.error.kind).to.equal('network');
      el.endpoint = '/test-sse';
      const completed = nextEvent(el, 'stream-chat-complete');
      retryButton(el).click();
      await completed;
      const sent = await posts(testId);
      expect(sent.map((r) => r.body.message)).to.deep.equal([QUESTION]);
      expect(el.messages.map((m) => [m.role, m.content, m.status])).to.deep.equal([
        ['user', QUESTION, 'complete'],
        ['assistant', 'Back', 'complete'],
      ]);
    });
  });

  describe('idle-timeout', () => {
    // The transport's timers run on a clock this file moves (fake-clock.ts): no test here waits for
    // real time to pass, so a busy machine can neither make a timeout fire nor hold one back.
    // Bodies are read one network read at a time, so a test knows when every byte that arrived
    // was counted (watch.waitingForServer()).
    const IDLE = 200;
    const NDJSON = { 'content-type': 'application/x-ndjson' };
    const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
    const ollama = (content: string, done = false) => `${JSON.stringify({ model: 'm', message: { role: 'assistant', content }, done })}\n`;
    let clock: ReturnType<typeof fakeClock>;
    let watch: BodyWatch;
    // What runs before each read of a body (after everything before it was counted).
    let beforeRead: (() => void | Promise<void>) | undefined;
    beforeEach(() => {
      clock = fakeClock();
      beforeRead = undefined;
      watch = watchBodies('/test-sse', () => beforeRead?.());
    });
    afterEach(() => {
      watch.restore();
      clock.restore();
    });

    /** Collects the element's error events from now on. */
    const errorsOf = (el: StreamChat) => {
      const errors: StreamChatErrorDetail[] = [];
      el.addEventListener('stream-chat-error', (e) => errors.push(e.detail));
      return errors;
    };
    /** A task later: what the last step set off synchronously (an abort, say) has had its effects' first turn. */
    const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

    it('no response headers in time: a timeout error at the timeout and not before, the request aborted', async () => {
      const { el, testId } = await chat({ headersAfter: 30000, chunks: sse({ content: 'late' }, { done: true }) }, IDLE);
      const errors = errorsOf(el);
      const ended = ask(el);
      await serverLogWhen(testId, (l) => l.requests.length > 0);
      expect(clock.pending(), 'one timer, for the timeout').to.deep.equal([IDLE]);
      clock.advance(IDLE - 1);
      await turn();
      expect(errors, 'no error before the timeout').to.deep.equal([]);
      expect(el.messages[1].status).to.equal('streaming');
      clock.advance(1);
      const event = await ended;
      expect(event.type).to.equal('stream-chat-error');
      const detail = event.detail as StreamChatErrorDetail;
      expect(detail.error).to.deep.equal({ kind: 'timeout', message: 'The server did not respond (no answer for 200 ms)' });
      expectFailureShown(el, detail);
      const log = await serverLogWhen(testId, (l) => l.closedByClient > 0);
      expect((log.requests as LoggedRequest[]).map((r) => r.outcome)).to.deep.equal(['closed']);
      await expectOnePost(testId);
    });

    it('headers, then silence: a timeout error', async () => {
      const { el, testId } = await chat({ chunks: [{ hang: true }] }, IDLE);
      const errors = errorsOf(el);
      const ended = failure(el);
      await watch.waitingForServer();
      clock.advance(IDLE - 1);
      await turn();
      expect(errors, 'no error before the timeout').to.deep.equal([]);
      clock.advance(1);
      const detail = await ended;
      expect(detail.error).to.deep.equal({ kind: 'timeout', message: 'The server stopped responding (no data for 200 ms)' });
      expect((await serverLogWhen(testId, (l) => l.closedByClient > 0)).closedByClient).to.equal(1);
    });

    const silent: [framing: string, script: FaultScript, partial: string][] = [
      ['an event stream', { chunks: [...sse({ type: 'token', content: 'Partial ' }), { hang: true }] }, 'Partial '],
      ['NDJSON', { headers: NDJSON, chunks: [ollama('Partial '), { hang: true }] }, 'Partial '],
      ['a text stream', { headers: TEXT, chunks: ['Partial ', { hang: true }] }, 'Partial '],
      ['a JSON answer', { headers: { 'content-type': 'application/json' }, chunks: ['{"content":"Part', { hang: true }] }, ''],
    ];
    for (const [framing, script, partial] of silent) {
      it(`silence mid-answer in ${framing}: the partial answer kept, a timeout error, the request aborted`, async () => {
        const { el, testId } = await chat(script, IDLE);
        const ended = failure(el);
        // Everything the server sent was read (and counted); then the timeout passes.
        await watch.waitingForServer();
        if (partial) await until(() => el.messages[1]?.content === partial, 'the partial answer');
        clock.advance(IDLE);
        const detail = await ended;
        expect(detail.error).to.deep.equal({ kind: 'timeout', message: 'The server stopped responding (no data for 200 ms)' });
        expectFailureShown(el, detail, partial);
        // The view renders in a frame of its own, which may come after the event.
        await until(() => lastAnswer(el).textContent!.includes(partial.trim()), 'the partial answer shown');
        expect((await serverLogWhen(testId, (l) => l.closedByClient > 0)).closedByClient).to.equal(1);
        await expectOnePost(testId);
      });
    }

    // Keep-alives that each come just before the timeout would fire: the clock moves IDLE - 1 before
    // every read, and the server sends the next piece only then (a gate), so no two arrive together.
    const KEEP_ALIVES = 12;
    const keepAlives = (chunk: string): FaultScript['chunks'] => Array.from({ length: KEEP_ALIVES }, () => [{ gate: true }, chunk]).flat() as FaultScript['chunks'];
    const steady: [framing: string, script: FaultScript, text: string][] = [
      ['SSE keep-alive comments', { chunks: [...sse({ content: 'a' }), ...keepAlives(': keep-alive\n\n'), ...sse({ content: 'b' }, { done: true })] }, 'ab'],
      ['blank SSE lines', { chunks: [...sse({ content: 'a' }), ...keepAlives('\n'), ...sse({ content: 'b' }, { done: true })] }, 'ab'],
      ['blank NDJSON lines', { headers: NDJSON, chunks: [ollama('a'), ...keepAlives('\n'), ollama('b'), ollama('', true)] }, 'ab'],
      ['text trickling in', { headers: TEXT, chunks: ['a', ...keepAlives('.')] }, `a${'.'.repeat(KEEP_ALIVES)}`],
      ['one SSE event cut into pieces', { chunks: ['data: {"content":', ...keepAlives(' '), '"ab"}\n\n', ...sse({ done: true })] }, 'ab'],
    ];
    for (const [name, script, text] of steady) {
      it(`${name} keep the answer alive past the timeout`, async () => {
        const { el, testId } = await chat(script, IDLE);
        beforeRead = async () => {
          clock.advance(IDLE - 1);
          await openGate(testId);
        };
        const event = await ask(el);
        expect(event.type, JSON.stringify(event.detail)).to.equal('stream-chat-complete');
        expect(event.detail.message.content).to.equal(text);
        // Far more time passed than the timeout, in steps each just short of it.
        expect(clock.now()).to.be.at.least(KEEP_ALIVES * (IDLE - 1));
      });
    }

    it('is off by default: no timer runs, however long the server takes', async () => {
      const { el, testId } = await chat({ chunks: [{ gate: true }, ...sse({ content: 'slow' }, { done: true })] });
      expect(el.idleTimeout).to.equal(0);
      const ended = ask(el);
      await watch.waitingForServer();
      expect(clock.pending(), 'timers').to.deep.equal([]);
      clock.advance(24 * 3600 * 1000);
      await openGate(testId);
      const event = await ended;
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal('slow');
    });

    it('stops counting once the answer ends: no timer left, no late error', async () => {
      const { el } = await chat({ chunks: sse({ content: 'done' }, { done: true }) }, IDLE);
      const errors = errorsOf(el);
      expect((await ask(el)).type).to.equal('stream-chat-complete');
      // The answer is complete at once; the idle timer bounds the read of what the server sends
      // after its terminal event, and stops when the server closes (right after 'done' here).
      await until(() => clock.pending().length === 0, 'no timer left once the server closed');
      clock.advance(IDLE * 10);
      await turn();
      expect(errors).to.deep.equal([]);
      expect(el.messages[1].status).to.equal('complete');
    });

    it('an error status whose body never ends reports the status after the timeout', async () => {
      const { el } = await chat({ status: 500, headers: { 'content-type': 'application/json' }, chunks: ['{"error": "par', { hang: true }] }, IDLE);
      const errors = errorsOf(el);
      const ended = failure(el);
      // The idle timer stopped at the status; the wait for the body is the one timer left.
      await watch.waitingForServer();
      await until(() => clock.pending().length === 1 && clock.pending()[0] === IDLE, 'the wait for the error body');
      clock.advance(IDLE - 1);
      await turn();
      expect(errors, 'no error before the timeout').to.deep.equal([]);
      clock.advance(1);
      const { error } = await ended;
      expect(error).to.deep.equal({ kind: 'http', status: 500, message: 'The server failed to answer (500)' });
    });

    it('a page that keeps the main thread busy is not mistaken for a silent server', async () => {
      // The server never pauses for long; the page blocks its main thread for longer than the
      // timeout (here in its own parseEvent), and the bytes that came meanwhile wait behind it: the
      // overdue check runs first, late, and must give them their turn.
      const { el, testId } = await chat({ chunks: [...sse('a'), { gate: true }, ...sse('b'), ...sse('c')] }, 150);
      const errors = errorsOf(el);
      el.parseEvent = ({ data }) => {
        if (data === 'a') clock.block(400);
        return data;
      };
      const ended = ask(el);
      await until(() => el.messages[1]?.content === 'a', 'the first event');
      clock.advance(0);
      await turn();
      expect(errors, 'no error from the late check').to.deep.equal([]);
      // The bytes that were queued behind the busy thread arrive.
      await openGate(testId);
      const event = await ended;
      expect(event.type, JSON.stringify(event.detail.message.error)).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal('abc');
      clock.advance(1000);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('malformed input', () => {
    const warnings = captureWarnings();

    /** After a malformed answer the widget still works: the next message gets its answer. */
    async function stillWorks(el: StreamChat) {
      const event = await ask(el, 'next');
      expect(event.type, JSON.stringify(event.detail)).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal('fine');
      expect(shadow(el).querySelector<HTMLButtonElement>('[part="send-button"]')).to.exist;
    }
    const fine = { chunks: sse({ content: 'fine' }, { done: true }) };

    it('invalid JSON lines are skipped, with a console warning, and the rest is shown', async () => {
      const { el, testId } = await chat([
        { chunks: ['data: {not json\n\n', ...sse({ content: 'A' }), 'data: {"content": \n\n', 'data: undefined\n\n', ...sse({ content: 'B' }, { done: true })] },
        fine,
      ]);
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal('AB');
      expect(warnings.length).to.be.greaterThan(0);
      await stillWorks(el);
      expect(await posts(testId)).to.have.length(2);
    });

    it('invalid JSON lines in NDJSON are skipped too', async () => {
      const line = (content: string, done = false) => `${JSON.stringify({ model: 'm', message: { role: 'assistant', content }, done })}\n`;
      const { el } = await chat({ headers: { 'content-type': 'application/x-ndjson' }, chunks: [line('A'), '{oops\n', '\u0000\u0001\n', line('B'), line('', true)] });
      const event = await ask(el);
      expect(event.detail.message.content).to.equal('AB');
    });

    it('nothing but invalid JSON: a protocol error that says so', async () => {
      const { el, testId } = await chat([{ chunks: ['data: {not json\n\n', 'data: <html>\n\n'] }, fine]);
      const detail = await failure(el);
      expect(detail.error).to.deep.equal({ kind: 'protocol', status: 200, message: 'The server sent a stream in a format this chat does not understand' });
      expectFailureShown(el, detail);
      await expectOnePost(testId);
      await stillWorks(el);
    });

    it('a 1 MB event is shown whole', async () => {
      const sentence = 'A long answer keeps going. ';
      const times = Math.ceil((1024 * 1024) / sentence.length);
      const { el } = await chat([{ chunks: ['data: {"content":"', { repeat: sentence, times }, 'THE END"}\n\n', ...sse({ done: true })] }, fine]);
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.have.length(sentence.length * times + 7);
      await until(() => lastAnswer(el).textContent!.includes('THE END'), 'the end of the 1 MB answer rendered');
      await stillWorks(el);
    });

    it('10,000 events in one network chunk are all shown', async () => {
      const { el } = await chat([{ chunks: [{ repeat: 'data: {"content":"x "}\n\n', times: 10000 }, ...sse({ content: 'THE END' }, { done: true })] }, fine]);
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal(`${'x '.repeat(10000)}THE END`);
      await until(() => lastAnswer(el).textContent!.includes('THE END'));
      await stillWorks(el);
    });

    it('unknown event types and unknown messages are skipped; the answer is shown', async () => {
      const { el } = await chat({
        chunks: [
          'event: mystery\ndata: {"foo": 1}\n\n',
          ...sse({ type: 'token', content: 'Known ' }),
          'event: ping\ndata: {}\n\n',
          ...sse({ type: 'unheard_of', content: 'skip me' }, { type: 'token', content: 'text' }),
          'event: custom\ndata: not json at all\n\n',
          'retry: 10\nid: 7\n\n',
          ...sse({ type: 'done' }),
        ],
      });
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal('Known text');
    });

    const garbage = (seed: number, length = 4096) => {
      const random = seededRandom(seed);
      // Random bytes with plenty of invalid UTF-8 (lone continuation bytes, 0xFE, 0xFF).
      return Array.from({ length }, (_, i) => (i % 7 === 0 ? [0x80, 0xfe, 0xff, 0xc3][i % 4] : Math.floor(random() * 256)));
    };

    it('binary garbage before the events: the events are shown', async () => {
      const { el } = await chat({ chunks: [{ bytes: garbage(1) }, '\n\n', ...sse({ content: 'after ' }), { bytes: [0xff, 0xfe, 0x0a, 0x0a] }, ...sse({ content: 'garbage' }, { done: true })] });
      const event = await ask(el);
      expect(event.type, JSON.stringify(event.detail)).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal('after garbage');
    });

    const onlyGarbage: [name: string, headers: Record<string, string>, message: string][] = [
      ['an event stream', { 'content-type': 'text/event-stream' }, 'The server closed the stream without sending an answer'],
      ['NDJSON', { 'content-type': 'application/x-ndjson' }, 'The server sent a stream in a format this chat does not understand'],
      ['application/octet-stream', { 'content-type': 'application/octet-stream' }, 'The server closed the stream without sending an answer'],
    ];
    for (const [name, headers, message] of onlyGarbage) {
      it(`nothing but binary garbage as ${name}: a protocol error, and the widget still works`, async () => {
        const { el } = await chat([{ headers, chunks: [{ bytes: garbage(2) }, { bytes: garbage(3) }] }, fine]);
        const detail = await failure(el);
        expect(detail.error).to.deep.equal({ kind: 'protocol', status: 200, message });
        expectFailureShown(el, detail);
        await stillWorks(el);
      });
    }

    it('binary garbage as plain text is shown as text, invalid bytes replaced', async () => {
      const { el } = await chat({ headers: { 'content-type': 'text/plain' }, chunks: ['Readable ', { bytes: [0xff, 0xfe, 0xc3] }, ' text'] });
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.match(/^Readable \ufffd+ text$/);
    });

    const wrongTypes: [name: string, script: FaultScript, message: string][] = [
      [
        'image/png',
        { headers: { 'content-type': 'image/png' }, chunks: [{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...garbage(4, 2048)] }] },
        'The server sent image/png instead of a chat stream',
      ],
      [
        'a web page (a single-page app answering an unknown route)',
        {
          headers: { 'content-type': 'text/html; charset=utf-8' },
          chunks: ['<!doctype html>\n<html><head><title>My App</title></head>\n<body><div id="root"></div>\n<script>window.__faultRan = 4</script></body></html>\n'],
        },
        'The server sent a web page (text/html) instead of a chat stream',
      ],
      ['application/xml', { headers: { 'content-type': 'application/xml' }, chunks: ['<?xml version="1.0"?>\n<error>nope</error>\n'] }, 'The server sent application/xml instead of a chat stream'],
      ['an unusable JSON answer', { headers: { 'content-type': 'application/json' }, chunks: ['{"status":"queued","id":42}'] }, 'The server answered with JSON that holds no message'],
      ['broken JSON', { headers: { 'content-type': 'application/json' }, chunks: ['{"content": "unterminated'] }, 'The server sent a JSON answer that could not be read'],
    ];
    for (const [name, script, message] of wrongTypes) {
      it(`a 200 with ${name}: a protocol error saying what arrived`, async () => {
        const { el, testId } = await chat([script, fine]);
        const detail = await failure(el);
        expect(detail.error.kind).to.equal('protocol');
        expect(detail.error.message).to.equal(message);
        expectFailureShown(el, detail);
        expect((window as { __faultRan?: number }).__faultRan).to.be.undefined;
        await expectOnePost(testId);
        await stillWorks(el);
      });
    }

    it('an event stream mislabelled as text/html (a PHP default) is still read', async () => {
      const { el } = await chat({ headers: { 'content-type': 'text/html; charset=UTF-8' }, chunks: sse({ content: 'PHP ' }, { content: 'works' }, { done: true }) });
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal('PHP works');
    });

    it('an empty 200 body: a protocol error', async () => {
      const { el } = await chat({ chunks: [] });
      const detail = await failure(el);
      expect(detail.error).to.deep.equal({ kind: 'protocol', status: 200, message: 'The server closed the stream without sending an answer' });
    });
  });

  describe('interrupted answers', () => {
    it('a dropped connection in each framing keeps the partial answer, marked interrupted', async () => {
      // The drop waits until the partial answer is shown: bytes still queued in the page's body
      // stream when the connection resets are discarded with it (the stream errors).
      const settle = { gate: true } as const;
      const cases: [FaultScript, string][] = [
        [{ chunks: [...sse({ type: 'token', content: 'SSE part' }), settle, 'data: {"type":"tok', { drop: true }] }, 'SSE part'],
        [{ headers: { 'content-type': 'application/x-ndjson' }, chunks: ['{"model":"m","message":{"content":"Lines part"},"done":false}\n', settle, '{"mod', { drop: true }] }, 'Lines part'],
        [{ headers: { 'content-type': 'text/plain' }, chunks: ['Text part', settle, { drop: true }] }, 'Text part'],
      ];
      for (const [script, partial] of cases) {
        const { el, testId } = await chat(script);
        const failed = failure(el);
        await until(() => el.messages[1]?.content === partial, 'the partial answer');
        await openGate(testId);
        const detail = await failed;
        expect(detail.error).to.deep.equal({ kind: 'interrupted', message: 'The connection was lost before the answer finished' });
        expectFailureShown(el, detail, partial);
        await until(() => lastAnswer(el).textContent!.includes(partial), 'the answer rendered');
        expect(lastAnswer(el).textContent).to.contain(partial);
        await expectOnePost(testId);
      }
    });

    // Every recorded backend, cut off halfway: a format with a terminal event is interrupted, one
    // that ends with the connection is complete (it cannot know better). Either way the text stays.
    for (const [name, transcript] of Object.entries(transcripts)) {
      const format = wireFormats.find((f) => f.name === transcript.format)!;
      const half = transcript.lines.slice(0, Math.ceil(transcript.lines.length / 2));
      it(`${name} cut off halfway ${format.requiresTerminal ? 'is interrupted' : 'ends with the connection'}, its text kept`, async () => {
        const { el, testId } = await chat({ headers: transcript.headers ?? {}, chunks: half });
        const expected = replay(transcript, { lines: half }).answer.text;
        const event = await ask(el);
        expect(event.detail.message.content).to.equal(expected);
        if (format.requiresTerminal) {
          const { error } = (event as CustomEvent<StreamChatErrorDetail>).detail;
          expect(error).to.deep.equal({ kind: 'interrupted', message: 'The answer was cut off: the stream ended before the server finished it' });
          expectFailureShown(el, (event as CustomEvent<StreamChatErrorDetail>).detail, expected);
          await expectOnePost(testId);
        } else {
          expect(event.type).to.equal('stream-chat-complete');
        }
      });
    }

    const withoutTerminal = (transcript: Transcript, drop: RegExp) => transcript.lines.filter((line) => !drop.test(line));
    const terminals: [name: string, transcript: Transcript, drop: RegExp][] = [
      ['OpenAI without [DONE] or finish_reason', transcripts.openai, /\[DONE\]|"finish_reason":"|"usage":\{"prompt/],
      ['Anthropic without message_stop', transcripts.anthropic, /message_stop/],
      ['the AI SDK without finish', transcripts['ai-sdk'], /"type":"finish"|\[DONE\]/],
      ['Ollama without done: true', transcripts.ollama, /"done":true/],
    ];
    for (const [name, transcript, drop] of terminals) {
      it(`${name}: the whole text kept, interrupted`, async () => {
        const lines = withoutTerminal(transcript, drop);
        expect(lines.length).to.be.lessThan(transcript.lines.length);
        const { el } = await chat({ headers: transcript.headers ?? {}, chunks: lines });
        const detail = await failure(el);
        expect(detail.error.kind).to.equal('interrupted');
        expectFailureShown(el, detail, replay(transcript, { lines }).answer.text);
      });
    }

    it('OpenAI with finish_reason but without [DONE] is complete', async () => {
      const lines = transcripts.openai.lines.filter((line) => !line.includes('[DONE]'));
      const { el } = await chat({ headers: transcripts.openai.headers ?? {}, chunks: lines });
      const event = await ask(el);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal(transcripts.openai.expected.text);
    });

    it('retry re-sends the same user message exactly once, however often it is clicked, and replaces the answer', async () => {
      const { el, testId } = await chat([
        { chunks: sse({ type: 'token', content: 'Half' }) },
        { chunks: [{ delay: 100 }, ...sse({ type: 'token', content: 'Whole answer' }, { type: 'done' })] },
      ]);
      const detail = await failure(el);
      expect(detail.error.kind).to.equal('interrupted');
      expectFailureShown(el, detail, 'Half');
      const completed = nextEvent(el, 'stream-chat-complete');
      const button = retryButton(el);
      button.click();
      button.click();
      await el.updateComplete;
      retryButton(el)?.click();
      await completed;
      await new Promise((resolve) => setTimeout(resolve, 150));
      const sent = await posts(testId);
      expect(sent.map((r) => r.body.message)).to.deep.equal([QUESTION, QUESTION]);
      // The retried request carries the same history as the first: the failed answer is not in it.
      expect(sent[1].body.messages).to.deep.equal(sent[0].body.messages);
      expect(el.messages.map((m) => [m.role, m.content, m.status])).to.deep.equal([
        ['user', QUESTION, 'complete'],
        ['assistant', 'Whole answer', 'complete'],
      ]);
    });
  });

  describe('error events inside a stream', () => {
    const ev = (event: string, data: string) => `event: ${event}\ndata: ${data}\n\n`;
    // Each format's own error shape, after half of a real answer in that format.
    const cases: [transcript: string, errorLine: string, message: string][] = [
      ['seeds', 'data: {"type":"error","message":"model crashed"}\n\n', 'model crashed'],
      ['content', 'data: {"error":{"message":"quota exceeded"}}\n\n', 'quota exceeded'],
      ['text', 'data: {"error":"backend failed"}\n\n', 'backend failed'],
      ['openai', 'data: {"error":{"message":"overloaded","type":"server_error"}}\n\n', 'overloaded'],
      [
        'openai',
        'data: {"id":"gen-1","object":"chat.completion.chunk","error":{"code":502,"message":"Provider disconnected"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}\n\n',
        'Provider disconnected',
      ],
      ['openai-responses', ev('error', '{"type":"error","code":"ERR_SOMETHING","message":"Something went wrong","param":null,"sequence_number":99}'), 'Something went wrong'],
      [
        'openai-responses',
        ev('response.failed', '{"type":"response.failed","sequence_number":99,"response":{"id":"r","status":"failed","error":{"code":"server_error","message":"The model crashed"}}}'),
        'The model crashed',
      ],
      ['anthropic', ev('error', '{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}'), 'Overloaded'],
      ['ai-sdk', 'data: {"type":"error","errorText":"Rate limit exceeded"}\n\n', 'Rate limit exceeded'],
      ['langserve', 'event: error\r\ndata: {"status_code": 500, "message": "Internal Server Error"}\r\n\r\n', 'Internal Server Error'],
      ['tgi', 'data:{"error":"Request failed during generation: Server error: CUDA out of memory","error_type":"generation"}\n\n', 'Request failed during generation: Server error: CUDA out of memory'],
      ['flowise', 'message:\ndata:{"event":"error","data":"401 Unauthorized – check your API key"}\n\n', '401 Unauthorized – check your API key'],
      ['ollama', '{"error":"an error was encountered while running the model: unexpected EOF"}\n', 'an error was encountered while running the model: unexpected EOF'],
      ['n8n', '{"type":"error","content":"Workflow failed","metadata":{"nodeId":"x","nodeName":"AI Agent","itemIndex":0,"runIndex":0,"timestamp":1}}\n', 'Workflow failed'],
      ['ai-data-stream', '3:"An error occurred."\n', 'An error occurred.'],
    ];
    for (const [name, errorLine, message] of cases) {
      it(`${name}: ${message}`, async () => {
        const transcript = transcripts[name];
        const half = transcript.lines.slice(0, Math.ceil(transcript.lines.length / 2));
        const { el, testId } = await chat({ headers: transcript.headers ?? {}, chunks: [...half, errorLine, { hang: true }] });
        const detail = await failure(el);
        expect(detail.error).to.deep.equal({ kind: 'server', message, serverMessage: message });
        const partial = replay(transcript, { lines: half }).answer.text;
        expectFailureShown(el, detail, partial);
        // The stream is over: the connection the server kept open is closed.
        expect((await serverLogWhen(testId, (l) => l.closedByClient > 0)).closedByClient).to.equal(1);
        await expectOnePost(testId);
      });
    }
  });

  describe('one POST per message', () => {
    const echoThenHang: FaultScript = { chunks: [{ echo: true }, { hang: true }] };

    it('send, stop, send: 100 in a row make one request each, answers never overlap, all end final', async function () {
      // 100 round trips: minutes on a machine under heavy load; still only a hang detector.
      this.timeout(600_000);
      const { el, testId } = await chat(echoThenHang);
      const overlaps: string[] = [];
      el.addEventListener('stream-chat-send', () => {
        const streaming = el.messages.filter((m) => m.status === 'streaming');
        if (streaming.length) overlaps.push(streaming.map((m) => m.content).join());
      });
      for (let i = 0; i < 100; i++) {
        const sent = el.send(`m${i}`);
        await soon(() => el.messages.at(-1)?.content === `m${i}`, `answer ${i}`);
        await el.updateComplete;
        shadow(el).querySelector<HTMLButtonElement>('[part="stop-button"]')!.click();
        await sent;
      }
      expect(overlaps).to.deep.equal([]);
      const answers = el.messages.filter((m) => m.role === 'assistant');
      expect(answers).to.have.length(100);
      expect(answers.every((m, i) => m.status === 'cancelled' && m.content === `m${i}`)).to.equal(true);
      const log = await serverLogWhen(testId, (l) => (l.requests as LoggedRequest[]).every((r) => r.outcome));
      expect(log.requests.map((r) => r.body.message)).to.deep.equal(answers.map((_, i) => `m${i}`));
      expect((log.requests as LoggedRequest[]).every((r) => r.outcome === 'closed')).to.equal(true);
    });

    it('100 sends without waiting: one request per answer at most, each answer its own, the last complete', async () => {
      const { el, testId } = await chat({ chunks: [{ delay: 5 }, { echo: true }, ...sse({ done: true })] });
      let sends = 0;
      const streamingAtSend: number[] = [];
      el.addEventListener('stream-chat-send', () => {
        sends += 1;
        streamingAtSend.push(el.messages.filter((m) => m.status === 'streaming').length);
      });
      const all: Promise<void>[] = [];
      for (let i = 0; i < 100; i++) {
        all.push(el.send(`r${i}`));
        // Some sends replace the one before at once, some after its request left, some mid-answer.
        if (i % 3 === 1) await new Promise((resolve) => setTimeout(resolve, i % 2 ? 0 : 8));
      }
      await Promise.all(all);
      await el.updateComplete;
      expect(streamingAtSend.every((n) => n === 0), `answers streaming when another was sent: ${streamingAtSend}`).to.equal(true);
      const messages = el.messages;
      expect(messages.every((m) => m.status === 'complete' || m.status === 'cancelled')).to.equal(true);
      expect(messages.at(-1)!.status).to.equal('complete');
      expect(messages.at(-1)!.content).to.equal('r99');
      // Each answer holds only its own question's echo (or nothing, if stopped first).
      for (let i = 0; i < messages.length; i += 2) {
        expect(messages[i].role).to.equal('user');
        expect(['', messages[i].content]).to.include(messages[i + 1].content);
      }
      const log = await serverLogWhen(testId, (l) => (l.requests as LoggedRequest[]).every((r) => r.outcome));
      const asked = log.requests.map((r) => String(r.body.message));
      expect(new Set(asked).size, 'no message requested twice').to.equal(asked.length);
      // Every send that went ahead made at most one request, and no request was made without one.
      expect(asked.length).to.be.at.most(sends);
      expect(asked.every((m) => messages.some((x) => x.role === 'user' && x.content === m))).to.equal(true);
      expect(sends).to.equal(messages.length / 2);
    });

    it('stopping before the response arrives: one request, aborted', async () => {
      // The server holds the response back far longer than the test takes (it gives up when the
      // client goes): the stop comes once the request has reached it, whatever the machine's speed.
      const { el, testId } = await chat({ headersAfter: 60_000, chunks: sse({ content: 'late' }, { done: true }) });
      const cancelled = nextEvent(el, 'stream-chat-cancel');
      const sent = el.send(QUESTION);
      await serverLogWhen(testId, (l) => l.requests.length > 0);
      el.cancel();
      await sent;
      expect((await cancelled).detail.message).to.include({ status: 'cancelled', content: '' });
      const log = await serverLogWhen(testId, (l) => l.closedByClient > 0);
      expect((log.requests as LoggedRequest[]).map((r) => r.outcome)).to.deep.equal(['closed']);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await posts(testId)).to.have.length(1);
    });

    it('removing the element mid-stream aborts the request and leaves no timer, frame or listener behind', async () => {
      // The idle timer runs on a clock the test moves (a real 300 ms could pass before the first
      // byte on a loaded machine and end the answer before the removal).
      const clock = fakeClock();
      const { el, testId } = await chat({ chunks: [...sse({ content: 'Streaming' }), { hang: true }] }, 300);
      const watch = watchResources();
      let removedAt = 0;
      try {
        // Removed the moment the stream controller asks for an animation frame, so one is pending.
        watch.onFrame = (stack) => {
          if (removedAt || !stack.includes('/src/session/')) return;
          queueMicrotask(() => {
            removedAt = performance.now();
            el.remove();
          });
        };
        const cancelled = nextEvent(el, 'stream-chat-cancel');
        const errors: unknown[] = [];
        el.addEventListener('stream-chat-error', (e) => errors.push(e.detail));
        const sent = el.send(QUESTION);
        await until(() => removedAt, 'removal');
        await sent;
        expect((await cancelled).detail.message.status).to.equal('cancelled');
        expect(el.messages[1].status).to.equal('cancelled');
        const log = await serverLogWhen(testId, (l) => l.closedByClient > 0);
        expect((log.requests as LoggedRequest[]).map((r) => r.outcome)).to.deep.equal(['closed']);
        // Past the idle timeout: it must not fire for a removed element, and none is left running.
        clock.advance(1000);
        // And past the frames the view had asked for before the removal (its last update).
        for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
        expect(errors).to.deep.equal([]);
        expect(clock.pending(), 'idle timers left behind').to.deep.equal([]);
        const frame = watch.entries.filter((e) => e.kind === 'frame' && e.stack.includes('/src/session/'));
        expect(frame.length, 'a frame was pending at removal').to.be.greaterThan(0);
        // A removed element is told from a moved one at the next frame (src/removal.ts): from then on
        // nothing of the transport may run.
        const confirmed = watch.entries.find((e) => e.state === 'fired' && e.firedAt! > removedAt && e.stack.includes('/src/removal'));
        expect(confirmed, 'the removal was confirmed').to.exist;
        const firedAfter = watch.entries.filter((e) => e.state === 'fired' && e.firedAt! > confirmed!.firedAt! && /\/src\/(?:transport|session)\/|fetch-event-source/.test(e.stack));
        expect(firedAfter.map((e) => `${e.kind} ${e.stack}`), 'transport callbacks after removal').to.deep.equal([]);
        expect(watch.live().map((e) => `${e.kind} ${e.stack}`), 'timers and frames left behind').to.deep.equal([]);
        expect(watch.listeners().map((l) => `${l.type} ${l.stack}`), 'window/document listeners left behind').to.deep.equal([]);
      } finally {
        watch.restore();
        clock.restore();
      }
    });
  });

  describe('no automatic retries', () => {
    it('no failed request above was sent again, even after fetch-event-source’s retry interval', async () => {
      expect(failedRequests.length).to.be.greaterThan(40);
      const last = Math.max(...failedRequests.map((f) => f.at));
      const wait = 1200 - (performance.now() - last);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const counts = await Promise.all(failedRequests.map(async (f) => [f.testId, (await posts(f.testId)).length, f.posts]));
      expect(counts.filter(([, now, then]) => now !== then)).to.deep.equal([]);
    });
  });
});

interface Resource {
  kind: 'timeout' | 'interval' | 'frame';
  id: number;
  stack: string;
  state: 'live' | 'fired' | 'cleared';
  firedAt?: number;
}

/**
 * Records the timers, animation frames and window/document listeners our code (anything under
 * /src/, and fetch-event-source) creates until `restore()`, and which are still live.
 */
function watchResources() {
  const ours = () => {
    const frames = (new Error().stack ?? '').split('\n').slice(3).filter((line) => /\/src\/|fetch-event-source/.test(line));
    return frames.length ? frames.map((line) => line.trim().replace(/^at /, '').replace(/https?:\/\/[^/]+/, '')).join(' < ') : undefined;
  };
  const entries: Resource[] = [];
  const listeners: { target: EventTarget; type: string; listener: unknown; capture: boolean; stack: string }[] = [];
  const original = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
  };
  const watch = {
    entries,
    onFrame: (_stack: string) => {},
    live: () => entries.filter((e) => e.state === 'live'),
    listeners: () => listeners,
    restore() {
      Object.assign(window, {
        setTimeout: original.setTimeout,
        clearTimeout: original.clearTimeout,
        setInterval: original.setInterval,
        clearInterval: original.clearInterval,
        requestAnimationFrame: original.requestAnimationFrame,
        cancelAnimationFrame: original.cancelAnimationFrame,
      });
      EventTarget.prototype.addEventListener = original.add;
      EventTarget.prototype.removeEventListener = original.remove;
    },
  };
  const track = (kind: Resource['kind'], stack: string | undefined, schedule: (fire: () => void) => number) => {
    let entry: Resource | undefined;
    const id = schedule(() => {
      if (entry && kind !== 'interval') {
        entry.state = 'fired';
        entry.firedAt = performance.now();
      }
    });
    if (stack) entries.push((entry = { kind, id, stack, state: 'live' }));
    return id;
  };
  const clear = (kind: Resource['kind'], id: number | undefined) => {
    const entry = entries.find((e) => e.kind === kind && e.id === id && e.state === 'live');
    if (entry) entry.state = 'cleared';
  };
  const w = window as unknown as Record<string, unknown>;
  // Typed loosely: the project's types merge Node's timers (which return objects) into the DOM's.
  const setTimer = original.setTimeout as unknown as (handler: unknown, ms?: number, ...args: unknown[]) => number;
  const setRepeating = original.setInterval as unknown as (handler: unknown, ms?: number, ...args: unknown[]) => number;
  w.setTimeout = (handler: unknown, ms?: number, ...args: unknown[]) =>
    track('timeout', ours(), (fire) =>
      setTimer.call(window, (...a: unknown[]) => {
        fire();
        if (typeof handler === 'function') handler(...a);
      }, ms, ...args),
    );
  w.clearTimeout = (id?: number) => {
    clear('timeout', id);
    original.clearTimeout.call(window, id);
  };
  w.setInterval = (handler: unknown, ms?: number, ...args: unknown[]) =>
    track('interval', ours(), () => setRepeating.call(window, handler, ms, ...args));
  w.clearInterval = (id?: number) => {
    clear('interval', id);
    original.clearInterval.call(window, id);
  };
  w.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const stack = ours();
    const id = track('frame', stack, (fire) =>
      original.requestAnimationFrame.call(window, (time) => {
        fire();
        callback(time);
      }),
    );
    if (stack) watch.onFrame(stack);
    return id;
  };
  w.cancelAnimationFrame = (id: number) => {
    clear('frame', id);
    original.cancelAnimationFrame.call(window, id);
  };
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const stack = this === window || this === document ? ours() : undefined;
    if (stack && listener) listeners.push({ target: this, type, listener, capture: typeof options === 'boolean' ? options : !!options?.capture, stack });
    return original.add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    const index = listeners.findIndex((l) => l.target === this && l.type === type && l.listener === listener && l.capture === capture);
    if (index >= 0) listeners.splice(index, 1);
    return original.remove.call(this, type, listener, options);
  };
  return watch;
}

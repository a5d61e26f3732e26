// The round-trip owner alone, as Lit tests Task: a stand-in host, a fake transport whose answers
// the test resolves by hand, and the events read off the host in the order they were dispatched.
import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import type { ChatMessage } from '../../src/conversation/message.js';
import { clearConversation, loadConversation } from '../../src/conversation/persistence.js';
import type { StreamChatEventMap } from '../../src/events.js';
import { EARLY_MS, FAST_TEXT_CHARS, FAST_TEXT_INTERVAL_MS, FRAME_MS, TEXT_INTERVAL_MS } from '../../src/frames.js';
import type { StreamUpdate } from '../../src/protocols/index.js';
import { ChatSession, type SessionSettings } from '../../src/session/chat-session.js';
import { INVALID_ENDPOINT } from '../../src/session/prepare-request.js';
import type { ChatRequest } from '../../src/transport/request.js';
import type { StreamAnswerOptions, StreamOutcome } from '../../src/transport/stream-answer.js';

/** performance.now() is coarsened (to 0.1 ms here): two readings a due interval apart may differ by a little less. */
const CLOCK_MS = 0.1;

class Host extends EventTarget {
  isConnected = true;
  updates = 0;
  readonly controllers: ReactiveController[] = [];
  readonly updateComplete = Promise.resolve(true);
  /** Every event of ours, as `name:detail` words, in dispatch order. */
  readonly log: string[] = [];
  /** What a listener answers to cancelable events, by name. */
  veto = new Set<string>();

  constructor() {
    super();
    const names: (keyof StreamChatEventMap)[] = ['stream-chat-send', 'stream-chat-complete', 'stream-chat-error', 'stream-chat-cancel', 'stream-chat-regenerate'];
    for (const name of names) {
      this.addEventListener(name, (event) => {
        const detail = (event as CustomEvent).detail as { message: ChatMessage };
        this.log.push(`${name.replace('stream-chat-', '')}:${detail.message.content}`);
        if (this.veto.has(name)) event.preventDefault();
      });
    }
  }
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  /** When each update was asked for. */
  readonly updateTimes: number[] = [];
  requestUpdate(): void {
    this.updates += 1;
    this.updateTimes.push(performance.now());
  }
  disconnect(): void {
    this.isConnected = false;
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

/** One request the session made: the test opens it, feeds it updates and ends it by hand. */
interface Call {
  request: ChatRequest;
  options: StreamAnswerOptions;
  open(): void;
  push(...updates: StreamUpdate[]): void;
  end(outcome: StreamOutcome): void;
}

function fakeTransport() {
  const calls: Call[] = [];
  const transport = (request: ChatRequest, options: StreamAnswerOptions) =>
    new Promise<StreamOutcome>((resolve) => {
      // Like the real transport: an abort ends the answer as cancelled.
      options.signal.addEventListener('abort', () => resolve({ status: 'cancelled' }), { once: true });
      calls.push({
        request,
        options,
        open: () => options.onOpen?.(),
        push: (...updates) => updates.forEach((u) => options.onUpdate(u)),
        end: resolve,
      });
    });
  return { calls, transport };
}

const defaults: SessionSettings = {
  endpoint: '/chat',
  method: 'POST',
  requestFormat: 'default',
  credentials: 'same-origin',
  format: 'auto',
  idleTimeout: 0,
  historyLimit: 10,
};

function setup(settings: Partial<SessionSettings> = {}) {
  const host = new Host();
  const { calls, transport } = fakeTransport();
  const current = { ...defaults, ...settings };
  const session = new ChatSession(host, { settings: () => current, transport });
  return { host, calls, session, settings: current };
}

/** Resolves once `predicate` holds, letting promise callbacks run (no timers involved). */
async function settled(predicate: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (predicate()) return;
    await Promise.resolve();
  }
  throw new Error(`never: ${what}`);
}

describe('ChatSession', () => {
  it('walks one status vocabulary through a round trip and ends idle with the answer complete', async () => {
    const { host, calls, session } = setup();
    const statuses: string[] = [];
    const done = session.send('hi');
    statuses.push(session.status);
    await settled(() => calls.length === 1, 'the request');
    statuses.push(session.status);
    calls[0].open();
    statuses.push(session.status);
    calls[0].push({ type: 'text', text: 'Hel' }, { type: 'text', text: 'lo' });
    calls[0].end({ status: 'complete', conversationId: 'c1' });
    await done;
    statuses.push(session.status);
    expect(statuses).to.deep.equal(['idle', 'connecting', 'streaming', 'idle']);
    expect(host.log).to.deep.equal(['send:hi', 'complete:Hello']);
    expect(session.messages.map((m) => [m.role, m.content, m.status])).to.deep.equal([
      ['user', 'hi', 'complete'],
      ['assistant', 'Hello', 'complete'],
    ]);
    expect(session.conversationId).to.equal('c1');
    expect(host.updates).to.be.greaterThan(0);
  });

  /** A session answering 'hi' over an opened stream, and when the host has re-rendered since. */
  async function streaming() {
    const { host, calls, session } = setup();
    const done = session.send('hi');
    await settled(() => calls.length === 1, 'the request');
    calls[0].open();
    const from = host.updateTimes.length;
    const finish = async () => {
      calls[0].end({ status: 'complete' });
      await done;
    };
    return { host, push: calls[0].push, updateTimes: () => host.updateTimes.slice(from), finish };
  }

  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

  it('re-renders the host for streaming text at the cadence, never in consecutive frames, the first text in the next frame', async () => {
    const { host, push, updateTimes, finish } = await streaming();
    push({ type: 'text', text: 'a' });
    const pushed = host.updateTimes.length;
    await frame();
    expect(host.updateTimes.length, 'the first text in the frame after it').to.equal(pushed + 1);
    for (let i = 0; i < 12; i++) {
      push({ type: 'text', text: 'b' });
      await frame();
    }
    // Each update is due an interval after the last was due, and at least an interval less a
    // frame after it went out, a frame's worth of lateness allowed (frames.ts): so, from the
    // timestamps alone, whatever the machine's speed, never closer than that.
    const times = updateTimes();
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1], `update ${i}`).to.be.at.least(TEXT_INTERVAL_MS - FRAME_MS - EARLY_MS - CLOCK_MS);
    await finish();
  });

  it('re-renders less often while text arrives faster than it is read (a line or more per update)', async () => {
    const { push, updateTimes, finish } = await streaming();
    // Each frame brings more than a line: every update after the first adds at least that much.
    for (let i = 0; i < 40; i++) {
      push({ type: 'text', text: 'x'.repeat(FAST_TEXT_CHARS) });
      await frame();
    }
    // The first update showed one event's worth; each from the second on added over a line, so the
    // next was due the fast interval after it was due (and no sooner than that less a frame after
    // it went out): on average at least that interval apart, less one frame's lateness and early
    // start over the whole run, however fast or slow the machine (at the reading cadence, 40 ms).
    const fast = updateTimes().slice(1);
    expect(fast.length, 'updates').to.be.greaterThan(4);
    for (let i = 1; i < fast.length; i++) expect(fast[i] - fast[i - 1], `update ${i}`).to.be.at.least(FAST_TEXT_INTERVAL_MS - FRAME_MS - EARLY_MS - CLOCK_MS);
    const mean = (fast.at(-1)! - fast[0]) / (fast.length - 1);
    expect(mean, 'mean interval').to.be.at.least(FAST_TEXT_INTERVAL_MS - (FRAME_MS + EARLY_MS + CLOCK_MS) / (fast.length - 1));
    await finish();
  });

  it('gathers text events into one new answer per read, and saves all of them on pagehide before anything read them', async () => {
    const storageKey = `session-gather-${Math.random()}`;
    const { host, calls, session } = setup({ storageKey });
    for (const controller of host.controllers) controller.hostConnected?.();
    const done = session.send('hi');
    await settled(() => calls.length === 1, 'the request');
    calls[0].open();
    const empty = session.messages[1];
    calls[0].push(...Array.from({ length: 100 }, (_, i): StreamUpdate => ({ type: 'text', text: `${i} ` })));
    const text = Array.from({ length: 100 }, (_, i) => `${i} `).join('');
    // Nothing read the conversation since the first event: the page goes away now.
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(loadConversation(storageKey)!.messages[1].content, 'saved with every event').to.equal(text);
    const gathered = session.messages[1];
    expect(gathered).to.not.equal(empty);
    expect(gathered.content).to.equal(text);
    expect(session.messages[1], 'no text since: the same answer').to.equal(gathered);
    // Text around another update: all of it, in order.
    calls[0].push({ type: 'text', text: 'end' }, { type: 'tool', name: 'search' }, { type: 'text', text: '!' });
    expect(session.messages[1]).to.deep.include({ content: `${text}end!`, tools: [{ name: 'search' }] });
    calls[0].push({ type: 'text', text: '?' });
    calls[0].end({ status: 'complete' });
    await done;
    expect(session.messages[1]).to.include({ content: `${text}end!?`, status: 'complete' });
    for (const controller of host.controllers) controller.hostDisconnected?.();
    clearConversation(storageKey);
  });

  it('hands the view a streaming answer as the pieces it arrived in, equal to its content; the content itself once it ended', async () => {
    const { calls, session } = setup();
    const done = session.send('hi');
    await settled(() => calls.length === 1, 'the request');
    calls[0].open();
    const answer = () => session.messages[1];
    calls[0].push({ type: 'text', text: 'Hel' }, { type: 'reasoning', text: 'hmm' }, { type: 'text', text: 'lo' });
    const live = session.textOf(answer());
    expect(typeof live, 'not the content string').to.equal('object');
    expect(live.length).to.equal(5);
    expect(live.slice(0)).to.equal(answer().content);
    calls[0].push({ type: 'text', text: ' there' });
    expect(session.textOf(answer()), 'the same pieces, grown').to.equal(live);
    expect(live.slice(3)).to.equal('lo there');
    expect(session.textOf(session.messages[0]), 'a question is its content').to.equal('hi');
    calls[0].end({ status: 'complete' });
    await done;
    expect(session.textOf(answer())).to.equal('Hello there');
    // A regenerated answer streams into new pieces: nothing of the last one shows in it.
    const again = session.regenerate(answer());
    await settled(() => calls.length === 2, 'the second request');
    calls[1].open();
    calls[1].push({ type: 'text', text: 'Hi' });
    expect(session.textOf(answer()).slice(0)).to.equal('Hi');
    calls[1].end({ status: 'complete' });
    await again;
  });

  it('builds the request from the settings, with the history and the conversation id', async () => {
    const { calls, session } = setup({ historyLimit: 1, body: { run: 5 } });
    session.conversationId = 'c7';
    const first = session.send('one');
    await settled(() => calls.length === 1);
    calls[0].push({ type: 'text', text: 'A' });
    calls[0].end({ status: 'complete' });
    await first;
    const second = session.send('two');
    await settled(() => calls.length === 2);
    expect(calls[1].request).to.deep.include({ url: '/chat', method: 'POST' });
    expect(calls[1].request.body).to.deep.equal({ message: 'two', messages: [{ role: 'assistant', content: 'A' }], conversation_id: 'c7', run: 5 });
    calls[1].end({ status: 'complete' });
    await second;
  });

  it('replaces a message on every update and never changes one in place', async () => {
    const { calls, session } = setup();
    const first = session.send('one');
    await settled(() => calls.length === 1);
    calls[0].push({ type: 'text', text: 'done' });
    calls[0].end({ status: 'complete' });
    await first;
    const finished = session.messages[1];
    const frozen = JSON.stringify(finished);
    const second = session.send('two');
    await settled(() => calls.length === 2);
    const before = session.messages[3];
    calls[1].push({ type: 'text', text: 'a' });
    const after = session.messages[3];
    calls[1].push({ type: 'tool', name: 'search' }, { type: 'source', url: 'https://example.com/' });
    expect(after).to.not.equal(before);
    expect(before.content).to.equal('');
    expect(after.content).to.equal('a');
    expect(after.tools).to.equal(undefined);
    expect(session.messages[3].tools).to.deep.equal([{ name: 'search' }]);
    // The finished answer is the same object, untouched, however the new one streams.
    expect(session.messages[1]).to.equal(finished);
    expect(JSON.stringify(finished)).to.equal(frozen);
    calls[1].end({ status: 'complete' });
    await second;
  });

  it('a veto of stream-chat-send makes no request and leaves the conversation as it was', async () => {
    const { host, calls, session } = setup();
    host.veto.add('stream-chat-send');
    let sent = false;
    await session.send('no', () => (sent = true));
    expect(calls).to.have.length(0);
    expect(session.messages).to.have.length(0);
    expect(sent).to.equal(false);
    expect(session.status).to.equal('idle');
  });

  describe('the same event order on every path', () => {
    it('send, then send: the replaced answer is cancelled before the next send', async () => {
      const { host, calls, session } = setup();
      const first = session.send('one');
      await settled(() => calls.length === 1);
      calls[0].push({ type: 'text', text: 'partial' });
      const second = session.send('two');
      await settled(() => calls.length === 2);
      calls[1].end({ status: 'complete' });
      await Promise.all([first, second]);
      expect(host.log).to.deep.equal(['send:one', 'cancel:partial', 'send:two', 'complete:']);
    });

    it('retry, then send: the retried answer is cancelled before the next send', async () => {
      const { host, calls, session } = setup();
      await Promise.all([session.send('one'), settled(() => calls.length === 1).then(() => calls[0].end({ status: 'error', error: { kind: 'network', message: 'down' } }))]);
      const retried = session.retry(session.messages[1]);
      await settled(() => calls.length === 2);
      calls[1].push({ type: 'text', text: 'again' });
      const next = session.send('two');
      await settled(() => calls.length === 3);
      calls[2].end({ status: 'complete' });
      await Promise.all([retried, next]);
      expect(host.log).to.deep.equal(['send:one', 'error:', 'send:one', 'cancel:again', 'send:two', 'complete:']);
      expect(session.messages.map((m) => m.status)).to.deep.equal(['complete', 'cancelled', 'complete', 'complete']);
    });

    it('regenerate, then send: the regenerated answer is cancelled before the next send', async () => {
      const { host, calls, session } = setup();
      await Promise.all([session.send('one'), settled(() => calls.length === 1).then(() => calls[0].end({ status: 'complete' }))]);
      const regenerated = session.regenerate(session.messages[1]);
      await settled(() => calls.length === 2);
      calls[1].push({ type: 'text', text: 'new' });
      const next = session.send('two');
      await settled(() => calls.length === 3);
      calls[2].end({ status: 'complete' });
      await Promise.all([regenerated, next]);
      expect(host.log).to.deep.equal(['send:one', 'complete:', 'regenerate:', 'send:one', 'cancel:new', 'send:two', 'complete:']);
    });

    it('cancel(): the answer ends cancelled, once, with what arrived', async () => {
      const { host, calls, session } = setup();
      const done = session.send('one');
      await settled(() => calls.length === 1);
      calls[0].open();
      calls[0].push({ type: 'text', text: 'so far' });
      session.cancel();
      session.cancel();
      await done;
      expect(host.log).to.deep.equal(['send:one', 'cancel:so far']);
      expect(calls[0].options.signal.aborted).to.equal(true);
      expect(session.status).to.equal('idle');
    });

    it('a vetoed regenerate keeps the answer and sends nothing', async () => {
      const { host, calls, session } = setup();
      await Promise.all([session.send('one'), settled(() => calls.length === 1).then(() => calls[0].end({ status: 'complete' }))]);
      host.veto.add('stream-chat-regenerate');
      await session.regenerate(session.messages[1]);
      expect(calls).to.have.length(1);
      expect(session.messages).to.have.length(2);
    });
  });

  describe('preparation fails closed', () => {
    const failures: [string, Partial<SessionSettings>, string | RegExp][] = [
      ['a throwing prepareRequest', { prepareRequest: () => { throw new Error('no signing key'); } }, /could not be prepared.*prepareRequest failed.*no signing key/],
      ['a rejecting prepareRequest', { prepareRequest: () => Promise.reject(new Error('vault down')) }, /prepareRequest failed.*vault down/],
      ['a prepareRequest returning 42', { prepareRequest: (() => 42) as unknown as SessionSettings['prepareRequest'] }, /prepareRequest must return a request/],
      ['a prepareRequest returning a request without a url', { prepareRequest: (r) => ({ ...r, url: undefined as unknown as string }) }, /prepareRequest must return a request/],
      ['a rejecting headers function', { headers: () => Promise.reject(new Error('token expired')) }, /headers function failed.*token expired/],
      ['a throwing headers function', { headers: () => { throw new Error('no token'); } }, /headers function failed.*no token/],
      ['no endpoint', { endpoint: '' }, INVALID_ENDPOINT],
      ['a javascript: endpoint', { endpoint: 'javascript:alert(1)' }, INVALID_ENDPOINT],
      ['an unparseable endpoint', { endpoint: 'http://[' }, INVALID_ENDPOINT],
      ['a prepareRequest pointing at a data: URL', { prepareRequest: (r) => ({ ...r, url: 'data:text/plain,hi' }) }, INVALID_ENDPOINT],
    ];
    for (const [name, settings, expected] of failures) {
      it(`${name}: a request error, no request made`, async () => {
        const { host, calls, session } = setup(settings);
        const errors: StreamChatEventMap['stream-chat-error'][] = [];
        host.addEventListener('stream-chat-error', (e) => errors.push(e as StreamChatEventMap['stream-chat-error']));
        await session.send('hi');
        expect(calls).to.have.length(0);
        expect(host.log).to.deep.equal(['error:']);
        const { error } = errors[0].detail;
        expect(error.kind).to.equal('request');
        if (typeof expected === 'string') expect(error.message).to.equal(expected);
        else expect(error.message).to.match(expected);
        expect(session.messages.map((m) => [m.role, m.status])).to.deep.equal([['user', 'complete'], ['assistant', 'error']]);
        expect(session.status).to.equal('idle');
      });
    }

    it('a prepareRequest that changes the request in place is used', async () => {
      const { calls, session } = setup({ prepareRequest: (r) => void (r.headers['x-signature'] = 'abc') });
      const done = session.send('hi');
      await settled(() => calls.length === 1);
      expect(calls[0].request.headers['x-signature']).to.equal('abc');
      calls[0].end({ status: 'complete' });
      await done;
    });

    it('cancel() while a headers promise never settles: idle at once, no request, nothing shown, the next send goes', async () => {
      const { host, calls, session, settings } = setup({ headers: () => new Promise<HeadersInit>(() => {}) });
      const stuck = session.send('stuck');
      await settled(() => session.status === 'preparing', 'preparing');
      session.cancel();
      await stuck;
      expect(session.status).to.equal('idle');
      expect(calls).to.have.length(0);
      expect(session.messages).to.have.length(0);
      expect(host.log).to.deep.equal([]);
      settings.headers = undefined;
      const next = session.send('next');
      await settled(() => calls.length === 1);
      calls[0].end({ status: 'complete' });
      await next;
      expect(host.log).to.deep.equal(['send:next', 'complete:']);
    });

    it('a send while a headers promise never settles replaces the stuck one', async () => {
      let hang = true;
      const { host, calls, session } = setup({ headers: () => (hang ? new Promise<HeadersInit>(() => {}) : {}) });
      const stuck = session.send('stuck');
      await settled(() => session.status === 'preparing', 'preparing');
      hang = false;
      const next = session.send('next');
      await settled(() => calls.length === 1);
      calls[0].end({ status: 'complete' });
      await Promise.all([stuck, next]);
      expect(host.log).to.deep.equal(['send:next', 'complete:']);
    });
  });

  it('the host leaving aborts the request; the answer ends cancelled', async () => {
    const { host, calls, session } = setup();
    const done = session.send('one');
    await settled(() => calls.length === 1);
    calls[0].push({ type: 'text', text: 'part' });
    host.disconnect();
    await done;
    expect(calls[0].options.signal.aborted).to.equal(true);
    expect(host.log).to.deep.equal(['send:one', 'cancel:part']);
  });

  it('clear() stops the answer and forgets the conversation and its id', async () => {
    const { calls, session } = setup();
    const done = session.send('one');
    await settled(() => calls.length === 1);
    calls[0].push({ type: 'conversation', id: 'c3' });
    expect(session.conversationId).to.equal('c3');
    session.clear();
    await done;
    expect(session.messages).to.have.length(0);
    expect(session.conversationId).to.equal(undefined);
  });
});

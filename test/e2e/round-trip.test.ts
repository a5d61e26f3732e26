// The element's round trips end to end over real HTTP: the same event order on every path, request
// preparation failing closed with no request made, and Stop, Escape and cancel() in every phase.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StreamChatEventMap } from '../../src/events.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, lastAnswer, nextEvent, serverLog, serverLogWhen, shadow, sse, until, type Script } from '../helpers.js';

type Name = keyof StreamChatEventMap;
const names: Name[] = ['stream-chat-send', 'stream-chat-complete', 'stream-chat-error', 'stream-chat-cancel', 'stream-chat-regenerate'];

/** Every event of ours the element fires, as `name:content` words in order. */
function eventLog(el: StreamChat): string[] {
  const log: string[] = [];
  for (const name of names) {
    el.addEventListener(name, (e) => log.push(`${name.replace('stream-chat-', '')}:${(e as CustomEvent).detail.message.content}`));
  }
  return log;
}

/** Counts the page's fetch calls while a test runs (the transport looks fetch up at call time). */
function countFetches(): { calls: string[]; restore(): void } {
  const original = globalThis.fetch;
  const calls: string[] = [];
  globalThis.fetch = (input, init) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  return { calls, restore: () => (globalThis.fetch = original) };
}

const hanging: Script = { chunks: [...sse({ content: 'Streaming' }), { hang: true }] };
const answer = (text: string): Script => ({ chunks: sse({ content: text }, { done: true }) });

describe('round trips: the same event order on every path', () => {
  it('send while an answer streams: its cancel comes before the next send', async () => {
    const { el } = await chatWith([hanging, answer('two')]);
    const log = eventLog(el);
    const first = el.send('one');
    await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
    await el.send('two');
    await first;
    expect(log).to.deep.equal(['send:one', 'cancel:Streaming', 'send:two', 'complete:two']);
  });

  it('retry, then send while the retried answer streams: its cancel comes before the next send', async () => {
    const { el } = await chatWith([{ status: 503, chunks: ['busy'] }, hanging, answer('two')]);
    const log = eventLog(el);
    await el.send('one');
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
    await el.send('two');
    expect(log).to.deep.equal(['send:one', 'error:', 'send:one', 'cancel:Streaming', 'send:two', 'complete:two']);
    expect(el.messages.map((m) => m.status)).to.deep.equal(['complete', 'cancelled', 'complete', 'complete']);
  });

  it('regenerate, then send while the new answer streams: its cancel comes before the next send', async () => {
    const { el } = await chatWith([answer('first'), hanging, answer('two')]);
    const log = eventLog(el);
    await el.send('one');
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part="regenerate-button"]')!.click();
    await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
    await el.send('two');
    expect(log).to.deep.equal(['send:one', 'complete:first', 'regenerate:first', 'send:one', 'cancel:Streaming', 'send:two', 'complete:two']);
  });
});

describe('round trips: preparation fails closed', () => {
  const failures: [string, (el: StreamChat) => void, RegExp | string][] = [
    ['a throwing prepareRequest', (el) => (el.prepareRequest = () => { throw new Error('no signing key'); }), /^The request could not be prepared: prepareRequest failed \(no signing key\)$/],
    ['a prepareRequest returning 42', (el) => (el.prepareRequest = (() => 42) as unknown as StreamChat['prepareRequest']), /^The request could not be prepared: prepareRequest must return a request/],
    ['a rejecting headers function', (el) => (el.headers = () => Promise.reject(new Error('token expired'))), /^The request could not be prepared: the headers function failed \(token expired\)$/],
    ['no endpoint', (el) => el.removeAttribute('endpoint'), 'The endpoint is not a valid http(s) URL'],
    ['a javascript: endpoint', (el) => (el.endpoint = 'javascript:alert(1)'), 'The endpoint is not a valid http(s) URL'],
    ['an unparseable endpoint', (el) => (el.endpoint = 'http://['), 'The endpoint is not a valid http(s) URL'],
  ];
  for (const [name, arrange, expected] of failures) {
    it(`${name}: the answer ends as a request error and no request is made`, async () => {
      const { el, testId } = await chatWith(answer('must not be sent'));
      arrange(el);
      const fetches = countFetches();
      try {
        const failed = nextEvent(el, 'stream-chat-error');
        const sends: unknown[] = [];
        el.addEventListener('stream-chat-send', (e) => sends.push(e));
        await el.send('hi');
        const { detail } = await failed;
        expect(detail.error.kind).to.equal('request');
        if (typeof expected === 'string') expect(detail.error.message).to.equal(expected);
        else expect(detail.error.message).to.match(expected);
        expect(fetches.calls, 'fetch calls').to.deep.equal([]);
        expect(sends).to.have.length(0);
        expect((await serverLog(testId)).requests).to.have.length(0);
        await el.updateComplete;
        expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain(detail.error.message);
        expect(el.busy).to.equal(false);
      } finally {
        fetches.restore();
      }
    });
  }
});

describe('round trips: Stop, Escape and cancel() in every phase', () => {
  const ways: [string, (el: StreamChat) => Promise<void>][] = [
    ['Stop', async (el) => {
      await el.updateComplete;
      shadow(el).querySelector<HTMLButtonElement>('[part="stop-button"]')!.click();
    }],
    ['Escape', async (el) => {
      shadow(el).querySelector('textarea')!.focus();
      await sendKeys({ press: 'Escape' });
    }],
    ['cancel()', async (el) => el.cancel()],
  ];

  for (const [way, stop] of ways) {
    it(`${way} while preparing (a headers promise that never settles): idle again, nothing sent, the next send goes`, async () => {
      const { el, testId } = await chatWith(answer('next'));
      el.headers = () => new Promise<HeadersInit>(() => {});
      const log = eventLog(el);
      const stuck = el.send('stuck');
      await until(() => el.busy, 'busy');
      await stop(el);
      await stuck;
      expect(el.busy).to.equal(false);
      expect(el.messages).to.have.length(0);
      expect(log).to.deep.equal([]);
      expect((await serverLog(testId)).requests).to.have.length(0);
      el.headers = undefined;
      await el.send('next');
      expect(log).to.deep.equal(['send:next', 'complete:next']);
    });

    it(`${way} while connecting (no response yet): the answer ends cancelled and the request is closed`, async () => {
      const { el, testId } = await chatWith({ headersAfter: 5000, chunks: sse({ content: 'late' }, { done: true }) });
      const cancelled = nextEvent(el, 'stream-chat-cancel');
      const sent = el.send('go');
      await nextEvent(el, 'stream-chat-send');
      await serverLogWhen(testId, (l) => l.requests.length > 0);
      await stop(el);
      await sent;
      expect((await cancelled).detail.message).to.include({ status: 'cancelled', content: '' });
      expect((await serverLogWhen(testId, (l) => l.closedByClient > 0)).closedByClient).to.equal(1);
      expect(el.busy).to.equal(false);
    });

    it(`${way} while streaming: the partial answer is kept, cancelled`, async () => {
      const { el, testId } = await chatWith(hanging);
      const cancelled = nextEvent(el, 'stream-chat-cancel');
      const sent = el.send('go');
      await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
      await stop(el);
      await sent;
      expect((await cancelled).detail.message).to.include({ status: 'cancelled', content: 'Streaming' });
      expect((await serverLogWhen(testId, (l) => l.closedByClient > 0)).closedByClient).to.equal(1);
      expect(el.busy).to.equal(false);
    });
  }

  it('shows the stop button while preparing', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse"></stream-chat>`);
    el.headers = () => new Promise<HeadersInit>(() => {});
    void el.send('stuck');
    await until(() => el.busy, 'busy');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="stop-button"]'), 'the stop button while preparing').to.exist;
    el.cancel();
  });
});

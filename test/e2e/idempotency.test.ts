// A stable key per message (issue 12): the server can recognise the copies of one POST the
// browser or a proxy re-sent. Retry re-sends the same message with the same key; a new message
// and Regenerate get new ones.
import { expect, fixture, html } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, newTestId, nextEvent, serverLog, shadow, sse } from '../helpers.js';

const ok = { chunks: sse({ content: 'answer' }, { done: true }) };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function answered(el: StreamChat, act: () => unknown, event: 'stream-chat-complete' | 'stream-chat-error' = 'stream-chat-complete') {
  const ended = nextEvent(el, event);
  await act();
  await ended;
  await el.updateComplete;
}

async function posts(testId: string) {
  return (await serverLog(testId)).requests.filter((r) => r.method === 'POST');
}

const button = (el: StreamChat, part: string) => shadow(el).querySelector<HTMLButtonElement>(`[part="${part}"]`)!;

describe('idempotency key', () => {
  it('goes as an Idempotency-Key header to a same-origin endpoint, a new one per message', async () => {
    const { el, testId } = await chatWith(ok);
    await answered(el, () => el.send('one'));
    await answered(el, () => el.send('two'));
    const sent = await posts(testId);
    const keys = sent.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).to.match(UUID);
    expect(keys[1]).to.match(UUID);
    expect(keys[0]).to.not.equal(keys[1]);
    expect(sent.map((r) => 'idempotency_key' in r.body)).to.deep.equal([false, false]);
  });

  it('Retry re-sends the same message with the same key; Regenerate gets a new one', async () => {
    const { el, testId } = await chatWith([{ status: 503, chunks: [] }, ok, ok]);
    await answered(el, () => el.send('question'), 'stream-chat-error');
    await answered(el, () => button(el, 'retry-button').click());
    await answered(el, () => button(el, 'regenerate-button').click());
    const keys = (await posts(testId)).map((r) => r.headers['idempotency-key']);
    expect(keys).to.have.length(3);
    expect(keys[1], 'retry').to.equal(keys[0]);
    expect(keys[2], 'regenerate').to.not.equal(keys[0]);
  });

  it('idempotency="body" sends it as the idempotency_key field instead, "both" as both, "off" not at all', async () => {
    const { el, testId } = await chatWith(ok);
    for (const mode of ['body', 'both', 'off']) {
      el.setAttribute('idempotency', mode);
      await answered(el, () => el.send(mode));
    }
    const sent = await posts(testId);
    expect(sent.map((r) => [typeof r.body.idempotency_key, typeof r.headers['idempotency-key']])).to.deep.equal([
      ['string', 'undefined'],
      ['string', 'string'],
      ['undefined', 'undefined'],
    ]);
    expect(sent[1].body.idempotency_key).to.equal(sent[1].headers['idempotency-key']);
  });

  it('to another origin, by default, goes in the body (no header the server would have to allow for CORS)', async () => {
    const crossHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    el.endpoint = `${location.protocol}//${crossHost}:${location.port}/test-sse?testId=${testId}&cors=full`;
    el.body = { testId, script: ok };
    await answered(el, () => el.send('question'));
    const log = await serverLog(testId);
    const preflight = log.requests.find((r) => r.method === 'OPTIONS');
    expect(preflight?.headers['access-control-request-headers'] ?? '').to.not.contain('idempotency-key');
    const [post] = log.requests.filter((r) => r.method === 'POST');
    expect(post.body.idempotency_key).to.match(UUID);
    expect(post.headers['idempotency-key']).to.equal(undefined);
  });
});

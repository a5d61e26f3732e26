// Responses that carry no answer at all say so, instead of blaming the connection (issue 12):
// a 204/205 success without a body, and an endpoint that redirects in a loop.
import { expect, fixture, html } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, newTestId, nextEvent, serverLog, shadow, sse } from '../helpers.js';

async function failure(el: StreamChat) {
  const failed = nextEvent(el, 'stream-chat-error');
  await el.send('question');
  const { error } = (await failed).detail;
  await el.updateComplete;
  expect(shadow(el).querySelector('[part="error"] .text')?.textContent).to.equal(error.message);
  return error;
}

describe('a response without an answer', () => {
  for (const status of [204, 205]) {
    it(`${status}: "The server sent no answer", kind protocol, with the status`, async () => {
      const { el, testId } = await chatWith({ status, chunks: [] });
      const error = await failure(el);
      expect(error).to.deep.equal({ kind: 'protocol', message: `The server sent no answer (${status})`, status });
      expect((await serverLog(testId)).requests).to.have.length(1);
    });
  }
});

describe('a redirect loop', () => {
  it('says the server kept redirecting, not that it could not be reached', async () => {
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat style="height: 300px"></stream-chat>`);
    el.endpoint = `/test-redirect-loop?testId=${testId}`;
    const error = await failure(el);
    expect(error.kind).to.equal('http');
    expect(error.message).to.equal('The server kept redirecting the request (a redirect loop); check the endpoint URL');
    // The POST, the GETs the browser followed it with, and the one GET that found the redirect.
    const methods = (await serverLog(testId)).requests.map((r) => r.method);
    expect(methods[0]).to.equal('POST');
    expect(methods.filter((m) => m === 'POST')).to.have.length(1);
  });

  it('(control) a single redirect to a working endpoint is followed', async () => {
    const { el, testId } = await chatWith({ chunks: sse({ content: 'fine' }, { done: true }) });
    el.endpoint = `/test-redirect-once?to=${encodeURIComponent('/test-sse')}`;
    const completed = nextEvent(el, 'stream-chat-complete');
    await el.send('question');
    await completed;
    expect(el.messages[1].content).to.equal('fine');
    expect((await serverLog(testId)).requests.map((r) => r.method)).to.deep.equal(['POST']);
  });
});

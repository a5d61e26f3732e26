// Request fields without JavaScript: `body` and `headers` as JSON attributes, as `labels` is. A
// value that is not a JSON object is a console error and no request, never a silent default.
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { newTestId, nextEvent, serverLog, sse } from '../helpers.js';

const script = { chunks: sse({ content: 'ok' }, { done: true }) };

/** An element written as a page would write it: attributes only. */
async function fromMarkup(attributes: string): Promise<StreamChat> {
  return fixture<StreamChat>(staticHtml`<stream-chat endpoint="/test-sse" ${unsafeStatic(attributes)}></stream-chat>`);
}

const attr = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, '&#39;')}'`;

describe('JSON attributes', () => {
  it('body: its fields go into every request', async () => {
    const testId = newTestId();
    const el = await fromMarkup(`body=${attr({ testId, script, provider: 'openai', model: 'gpt-4o', context_limit: 10 })}`);
    expect(el.body).to.deep.include({ provider: 'openai', model: 'gpt-4o' });
    const complete = nextEvent(el, 'stream-chat-complete');
    await el.send('hi');
    await complete;
    const [request] = (await serverLog(testId)).requests;
    expect(request.body).to.include({ message: 'hi', provider: 'openai', model: 'gpt-4o', context_limit: 10 });
  });

  it('headers: sent with every request', async () => {
    const testId = newTestId();
    const el = await fromMarkup(`body=${attr({ testId, script })} headers=${attr({ 'X-Api-Key': 'public-key', 'X-Run': '5' })}`);
    const complete = nextEvent(el, 'stream-chat-complete');
    await el.send('hi');
    await complete;
    const [request] = (await serverLog(testId)).requests;
    expect(request.headers).to.include({ 'x-api-key': 'public-key', 'x-run': '5' });
  });

  for (const [name, value] of [
    ['body', `{"testId": "${'t'}", "provider": openai}`],
    ['body', '["provider", "openai"]'],
    ['headers', '{"X-Api-Key": '],
  ]) {
    it(`${name}="${value}": a console error naming the attribute, and no request`, async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      let el: StreamChat;
      const testId = newTestId();
      try {
        el = await fromMarkup(`${name}='${value}' ${name === 'headers' ? `body=${attr({ testId, script })}` : ''}`);
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`"${name}" attribute`);
      const failed = nextEvent(el, 'stream-chat-error');
      await el.send('hi');
      const { detail } = await failed;
      expect(detail.error.kind).to.equal('request');
      expect(detail.error.message).to.contain(`"${name}" attribute is not a JSON object`);
      expect((await serverLog(testId)).requests).to.have.length(0);
      // Fixed, it works.
      el.setAttribute('body', JSON.stringify({ testId, script }));
      el.removeAttribute('headers');
      const complete = nextEvent(el, 'stream-chat-complete');
      await el.send('again');
      await complete;
      expect((await serverLog(testId)).requests).to.have.length(1);
    });
  }
});

// The conversation id goes back under the name the server used for it: Tradistry announces
// `session_id` and reads `session_id`; LLMSelect says `conversation_id`; others `conversationId`,
// `thread_id`, Flowise `chatId`. The `conversation-id-field` attribute forces a name.
import { expect, fixture, html } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, newTestId, nextEvent, serverLog, sse, type Script } from '../helpers.js';

async function twoMessages(first: Script, configure?: (el: StreamChat) => void) {
  const { el, testId } = await chatWith([first, { chunks: sse({ content: 'again' }, { done: true }) }]);
  configure?.(el);
  for (const text of ['one', 'two']) {
    const complete = nextEvent(el, 'stream-chat-complete');
    await el.send(text);
    await complete;
  }
  const { requests } = await serverLog(testId);
  return { el, first: requests[0].body, second: requests[1].body };
}

describe('the conversation id, sent back under its own name', () => {
  const cases: [name: string, script: Script][] = [
    ['session_id', { chunks: sse({ type: 'session_info', session_id: 'abc-123', status: 'processing' }, { type: 'token', content: 'Hi' }, { type: 'done' }) }],
    ['conversation_id', { chunks: sse({ content: 'Hi' }, { done: true, conversation_id: 'abc-123' }) }],
    ['conversationId', { chunks: sse({ content: 'Hi' }, { done: true, conversationId: 'abc-123' }) }],
    ['thread_id', { chunks: sse({ type: 'session_info', thread_id: 'abc-123' }, { type: 'token', content: 'Hi' }, { type: 'done' }) }],
    ['chatId', { chunks: ['message:\ndata:{"event":"token","data":"Hi"}\n\n', 'message:\ndata:{"event":"metadata","data":{"chatId":"abc-123"}}\n\n', 'message:\ndata:{"event":"end","data":"[DONE]"}\n\n'] }],
    ['session_id', { headers: { 'content-type': 'application/json' }, chunks: ['{"response": "Hi", "session_id": "abc-123"}'] }],
  ];
  for (const [name, script] of cases) {
    it(`${name}${script.headers ? ' (JSON answer)' : ''}`, async () => {
      const { el, first, second } = await twoMessages(script);
      expect(el.conversationId).to.equal('abc-123');
      expect(first).to.not.have.any.keys('session_id', 'conversation_id', 'conversationId', 'thread_id', 'chatId');
      expect(second[name]).to.equal('abc-123');
      const others = ['session_id', 'conversation_id', 'conversationId', 'thread_id', 'chatId'].filter((n) => n !== name);
      expect(second).to.not.have.any.keys(...others);
    });
  }

  it('conversation-id-field forces the name', async () => {
    const { second } = await twoMessages(cases[0][1], (el) => el.setAttribute('conversation-id-field', 'chat_session'));
    expect(second.chat_session).to.equal('abc-123');
    expect(second).to.not.have.any.keys('session_id', 'conversation_id');
  });

  it('a page-set conversationId goes out as conversation_id, or under the forced name', async () => {
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse" conversation-id-field="thread"></stream-chat>`);
    el.body = { testId, script: { chunks: sse({ content: 'x' }, { done: true }) } };
    el.conversationId = 'given';
    const complete = nextEvent(el, 'stream-chat-complete');
    await el.send('q');
    await complete;
    expect((await serverLog(testId)).requests[0].body.thread).to.equal('given');
  });

  it('the name survives a reload with storage-key', async () => {
    const key = `conv-${newTestId()}`;
    const { el } = await twoMessages(cases[0][1], (e) => (e.storageKey = key));
    expect(el.conversationId).to.equal('abc-123');
    const testId = newTestId();
    const again = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse" storage-key=${key}></stream-chat>`);
    again.body = { testId, script: { chunks: sse({ content: 'x' }, { done: true }) } };
    const complete = nextEvent(again, 'stream-chat-complete');
    await again.send('after reload');
    await complete;
    expect((await serverLog(testId)).requests[0].body.session_id).to.equal('abc-123');
    localStorage.removeItem(key);
  });
});

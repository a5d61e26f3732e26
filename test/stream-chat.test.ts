import { expect } from '@open-wc/testing';
import { chatWith, lastAnswer, nextEvent, serverLog, shadow, sse } from './helpers.js';

describe('<stream-chat> end to end', () => {
  it('streams a seeds-format answer and fires stream-chat-complete', async () => {
    const { el, testId } = await chatWith({
      chunks: [
        ...sse({ type: 'session_info', session_id: 's-42' }),
        ...sse({ type: 'token', content: 'Hello ' }),
        { delay: 30 },
        ...sse({ type: 'token', content: '**world**' }),
        ...sse({ type: 'done' }),
      ],
    });
    const complete = nextEvent(el, 'stream-chat-complete');
    void el.send('Hi there');
    const event = await complete;
    expect(event.detail.message.content).to.equal('Hello **world**');
    expect(event.detail.message.status).to.equal('complete');
    expect(event.detail.conversationId).to.equal('s-42');
    await el.updateComplete;
    expect(lastAnswer(el).innerHTML).to.contain('<strong>world</strong>');
    const log = await serverLog(testId);
    expect(log.requests).to.have.length(1);
    expect(log.requests[0].body.message).to.equal('Hi there');
    expect(shadow(el).querySelector('.user .bubble')!.textContent).to.equal('Hi there');
  });
});

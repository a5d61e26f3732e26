// Moving the element is not removing it (issue 12): drag-and-drop dashboards, framework portals
// and keyed re-orders disconnect and reconnect it, and its answer must keep streaming; only an
// element that stays out of the document aborts its request.
import { expect, fixture, html } from '@open-wc/testing';
import { chatWith, nextEvent, serverLogWhen, sse, until, lastAnswer } from '../helpers.js';

const script = { chunks: [...sse({ content: 'first ' }), { delay: 3000 }, ...sse({ content: 'second' }, { done: true })] };

/** A chat showing the first words of an answer whose rest the server holds back 3 s (the first words may take long to show on a loaded machine). */
async function streaming() {
  const { el, testId } = await chatWith(script);
  const other = await fixture<HTMLDivElement>(html`<div></div>`);
  const completed = nextEvent(el, 'stream-chat-complete');
  const cancelled = nextEvent(el, 'stream-chat-cancel');
  void el.send('question');
  await until(() => lastAnswer(el)?.textContent?.includes('first'), 20000, 'the first words');
  expect(el.busy, 'still streaming when moved').to.equal(true);
  return { el, testId, other, completed, cancelled };
}

describe('moving the element mid-answer', () => {
  it('within the same task keeps the answer streaming to its end', async () => {
    const { el, testId, other, completed } = await streaming();
    other.append(el);
    expect((await completed).detail.message.content).to.equal('first second');
    const log = await serverLogWhen(testId, (l) => l.finished === 1);
    expect(log.closedByClient).to.equal(0);
    await until(() => lastAnswer(el)?.textContent?.includes('second'), 4000, 'the rest shown after the move');
  });

  it('out for a few microtasks (a framework portal) keeps it streaming too', async () => {
    const { el, testId, other, completed } = await streaming();
    el.remove();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    other.append(el);
    expect((await completed).detail.message.content).to.equal('first second');
    expect((await serverLogWhen(testId, (l) => l.finished === 1)).closedByClient).to.equal(0);
  });

  it('removed for good: the answer is stopped and the request aborted', async () => {
    const { el, testId, cancelled } = await streaming();
    el.remove();
    expect((await cancelled).detail.message.content).to.equal('first ');
    const log = await serverLogWhen(testId, (l) => l.closedByClient === 1);
    expect(log.closedByClient).to.equal(1);
    expect(log.finished).to.equal(0);
  });
});

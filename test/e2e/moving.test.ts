// Moving the element is not removing it (issue 12): drag-and-drop dashboards, framework portals
// and keyed re-orders disconnect and reconnect it, and its answer must keep streaming; only an
// element that stays out of the document aborts its request.
import { expect, fixture, html } from '@open-wc/testing';
import { chatWith, nextEvent, openGate, serverLogWhen, sse, until, lastAnswer, type Script } from '../helpers.js';

// The server holds the rest of the answer back until the test opens the gate, so the element is
// moved mid-answer however slow the machine is.
const script: Script = { chunks: [...sse({ content: 'first ' }), { gate: true }, ...sse({ content: 'second' }, { done: true })] };

/** A chat showing the first words of an answer whose rest the server holds back until `openGate`. */
async function streaming() {
  const { el, testId } = await chatWith(script);
  const other = await fixture<HTMLDivElement>(html`<div></div>`);
  const completed = nextEvent(el, 'stream-chat-complete');
  const cancelled = nextEvent(el, 'stream-chat-cancel');
  void el.send('question');
  await until(() => lastAnswer(el)?.textContent?.includes('first'), 'the first words');
  expect(el.busy, 'still streaming when moved').to.equal(true);
  return { el, testId, other, completed, cancelled };
}

describe('moving the element mid-answer', () => {
  it('within the same task keeps the answer streaming to its end', async () => {
    const { el, testId, other, completed } = await streaming();
    other.append(el);
    // Past the frame at which a removed element is told from a moved one (src/removal.ts).
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    await openGate(testId);
    expect((await completed).detail.message.content).to.equal('first second');
    const log = await serverLogWhen(testId, (l) => l.finished === 1);
    expect(log.closedByClient).to.equal(0);
    await until(() => lastAnswer(el)?.textContent?.includes('second'), 'the rest shown after the move');
  });

  it('out for a few microtasks (a framework portal) keeps it streaming too', async () => {
    const { el, testId, other, completed } = await streaming();
    el.remove();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    other.append(el);
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    await openGate(testId);
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

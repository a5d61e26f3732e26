// What happens after a stream's terminal event: the answer completes in the UI at once, and the
// connection is read on until the server closes it (within a bound), so a backend's work after its
// last token (saving the answer, usage, ids) is not cut off. Against the Tradistry seed backend
// (test/server/seeds/tradistry.mjs), which saves the answer after `done` and then reports it.
import { expect, fixture, html } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import type { TrailingEvent } from '../../src/conversation/message.js';
import { buildRequest } from '../../src/transport/request.js';
import { MAX_TRAILING, streamAnswer } from '../../src/transport/stream-answer.js';
import { chatWith, newTestId, nextEvent, serverLogWhen, shadow, sse, until, type Script } from '../helpers.js';
import { openGate, seedRequestsWhen, uniqueMessage } from '../seed-support.js';

async function tradistryChat(): Promise<StreamChat> {
  return fixture<StreamChat>(
    html`<stream-chat endpoint="/seed/tradistry/api/ai/chat/stream" api-key="tradistry-token" history-limit="0" style="height: 400px"></stream-chat>`,
  );
}

describe('after the terminal event', () => {
  it('completes the answer at once, reads on until the server closes, and keeps what came after on the message', async () => {
    const el = await tradistryChat();
    const message = uniqueMessage('How did my trades do? #slow-save');
    const complete = nextEvent(el, 'stream-chat-complete');
    void el.send(message);
    const event = await complete;

    // The server is still saving (its save waits on the gate): the answer is already complete.
    await el.updateComplete;
    expect(event.detail.message.status).to.equal('complete');
    expect(el.busy).to.equal(false);
    expect(shadow(el).querySelector('.cursor')).to.equal(null);
    expect(shadow(el).querySelector('[part~="assistant-message"]')!.getAttribute('data-status')).to.equal('complete');
    const [running] = await seedRequestsWhen('tradistry', message, ([entry]) => !!entry?.writes.some((w) => w.label === 'done'));
    expect(running.outcome).to.equal(undefined);

    await openGate(message);
    const [entry] = await seedRequestsWhen('tradistry', message, ([e]) => e?.outcome !== undefined);
    expect(entry.outcome).to.equal('finished');
    expect(entry.saved).to.equal(true);
    expect(entry.writes.filter((w) => !w.ok)).to.deep.equal([]);
    expect(entry.writes.map((w) => w.label).slice(-3)).to.deep.equal(['done', 'response_saved', 'stream_end']);

    // What came after is recorded on the message, and never shown as text.
    const answer = el.messages[1];
    expect(answer.trailing?.map((t) => (t.data as { type: string }).type)).to.deep.equal(['response_saved', 'stream_end']);
    expect((answer.trailing![0].data as { message_id: string }).message_id).to.match(/^msg-/);
    expect(answer.content).to.not.contain('response_saved');
    expect(shadow(el).textContent).to.not.contain('msg-');
  });

  it('still closes the connection at once when the answer is stopped', async () => {
    const { el, testId } = await chatWith({ chunks: [...sse({ content: 'partial' }), { hang: true }] });
    const cancelled = nextEvent(el, 'stream-chat-cancel');
    void el.send('question');
    await until(() => el.messages[1]?.content === 'partial', 'the partial answer');
    el.cancel();
    await cancelled;
    const log = await serverLogWhen(testId, (l) => l.closedByClient === 1);
    expect(log.closedByClient).to.equal(1);
  });
});

/** The transport on its own (no element), against the scripted server. */
function controllerRun(script: Script, drainTimeout?: number) {
  const testId = newTestId();
  const request = buildRequest({ endpoint: '/test-sse', method: 'POST', headers: {}, message: 'q', history: [], extraBody: { testId, script } });
  const trailing: TrailingEvent[] = [];
  const abort = new AbortController();
  const outcome = streamAnswer(request, { format: 'auto', signal: abort.signal, onUpdate() {}, onTrailing: (event) => trailing.push(event), drainTimeout });
  return { abort, testId, outcome, trailing };
}

describe('reading on after the terminal event is bounded', () => {
  it('in time: a server that never closes is closed after the drain timeout', async () => {
    const { testId, outcome, trailing } = controllerRun({ chunks: [...sse({ content: 'a' }, { done: true }, { usage: { tokens: 3 } }), { hang: true }] }, 150);
    expect((await outcome).status).to.equal('complete');
    const log = await serverLogWhen(testId, (l) => l.closedByClient > 0);
    expect(log.closedByClient).to.equal(1);
    expect(trailing).to.deep.equal([{ event: '', data: { usage: { tokens: 3 } } }]);
  });

  it('in size: a server streaming on after its end is closed after a megabyte, keeping the first events', async () => {
    const filler = `data: ${JSON.stringify({ note: 'x'.repeat(200) })}\n\n`;
    const { testId, outcome, trailing } = controllerRun({ chunks: [...sse({ content: 'a' }, { done: true }), { repeat: filler, times: 6000 }, { hang: true }] } as Script);
    expect((await outcome).status).to.equal('complete');
    const log = await serverLogWhen(testId, (l) => l.closedByClient > 0);
    expect(log.closedByClient).to.equal(1);
    expect(trailing).to.have.length(MAX_TRAILING);
  });

  it('aborting after the answer (Stop, a new send, the element leaving) does not close the connection still being read', async () => {
    const first = controllerRun({ chunks: [...sse({ content: 'a' }, { done: true }), { delay: 300 }, ...sse({ type: 'response_saved' })] });
    await first.outcome;
    first.abort.abort();
    const log = await serverLogWhen(first.testId, (l) => l.finished > 0 || l.closedByClient > 0);
    expect(log.finished).to.equal(1);
    expect(first.trailing.map((t) => t.data)).to.deep.equal([{ type: 'response_saved' }]);
  });
});

// The five seed backends (../shared/seeds/, mirrored in test/server/seeds/), each through a page
// that holds nothing but the script-tag bundle and one <stream-chat> with attributes
// (test/pages/seeds/): no JavaScript of the page's own. The user types into the composer; the
// backend's log says what it received and whether everything it wrote reached the browser.
// Needs the build: npm run build && npx wtr --files test/seeds.test.ts
import { expect } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import { until } from '../helpers.js';
import { seedRequests, seedRequestsWhen, uniqueMessage, type SeedEntry } from '../seed-support.js';

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens a seed page in a same-origin iframe; resolves with its (only) element, upgraded. */
async function openSeedPage(name: string): Promise<StreamChat> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/static/test/pages/seeds/${name}.html`;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  // The page is only markup: nothing but the bundle and the element.
  expect(Array.from(doc.scripts, (s) => s.getAttribute('src'))).to.deep.equal(['/static/dist/stream-chat.js']);
  expect(doc.body.children.length).to.equal(1);
  await until(() => doc.querySelector('stream-chat')?.shadowRoot?.querySelector('textarea'), `<stream-chat> in ${name}.html (is dist/ built?)`);
  return doc.querySelector('stream-chat') as StreamChat;
}

/** Types `text` into the composer and presses Send, as a user would; resolves with how the answer ended. */
async function ask(chat: StreamChat, text: string): Promise<CustomEvent> {
  const ended = new Promise<CustomEvent>((resolve) => {
    for (const name of ['stream-chat-complete', 'stream-chat-error']) chat.addEventListener(name, resolve as EventListener, { once: true });
  });
  const input = chat.shadowRoot!.querySelector('textarea')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await chat.updateComplete;
  chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
  const event = await ended;
  await chat.updateComplete;
  return event;
}

const answerText = (chat: StreamChat) => Array.from(chat.shadowRoot!.querySelectorAll('[part~="assistant-message"] .markdown')).at(-1)!.textContent!;
const shown = (chat: StreamChat, part: string) => Array.from(chat.shadowRoot!.querySelectorAll(`[part~="${part}"]`), (n) => n.textContent!.trim());
const queryOf = (entry: SeedEntry) => Object.fromEntries(new URL(entry.url, location.origin).searchParams);
const allWritesArrived = (entry: SeedEntry) => expect(entry.writes.filter((w) => !w.ok), JSON.stringify(entry.writes)).to.deep.equal([]);

describe('seed backends, one tag and no JavaScript', () => {
  describe('000 trading-run chat (FastAPI, GET EventSource, typed events)', () => {
    it('sends message and token in the query, shows tool badges and the answer, keeps the history server-side', async () => {
      const chat = await openSeedPage('trading-run');
      const first = uniqueMessage('Why did I lose money?');
      const event = await ask(chat, first);
      expect(event.type).to.equal('stream-chat-complete');
      const [request] = await seedRequestsWhen('trading-run', first, ([e]) => e?.outcome === 'finished');
      expect(request.method).to.equal('GET');
      expect(queryOf(request)).to.include({ message: first, token: 'user-42-token' });
      allWritesArrived(request);
      expect(chat.messages[1].tools).to.deep.equal([
        { name: 'analyze_trades', status: 'done' },
        { name: 'calculate_metrics', status: 'done' },
      ]);
      expect(Array.from(chat.shadowRoot!.querySelectorAll('[part~="tool-badge"] .name'), (n) => n.textContent)).to.deep.equal(['analyze_trades', 'calculate_metrics']);
      await until(() => answerText(chat).includes('You made 23 trades'), 'the rendered answer');
      expect(answerText(chat)).to.contain('You made 23 trades');
      expect(chat.shadowRoot!.querySelector('[part~="assistant-message"] pre code')!.textContent).to.contain('def max_position_size');

      const second = uniqueMessage('How do I fix that?');
      await ask(chat, second);
      const [followUp] = await seedRequests('trading-run', second);
      expect(followUp.historyLength).to.be.greaterThan(0);
      await until(() => answerText(chat).includes('Following up on our earlier analysis'), 'the rendered answer');
      expect(answerText(chat)).to.contain('Following up on our earlier analysis');
    });

    it("a run the user does not own: the server's own 404 sentence", async () => {
      const chat = await openSeedPage('trading-run-other');
      const event = await ask(chat, uniqueMessage('Why?'));
      expect(event.type).to.equal('stream-chat-error');
      expect(event.detail.error.message).to.equal('Run not found (404)');
      expect(shown(chat, 'error')[0]).to.contain('Run not found (404)');
    });

    it('the non-streaming fallback endpoint answers with JSON', async () => {
      const chat = await openSeedPage('trading-run-fallback');
      const event = await ask(chat, uniqueMessage('Summarize the run'));
      expect(event.type).to.equal('stream-chat-complete');
      await until(() => answerText(chat).includes('You made 23 trades'), 'the rendered answer');
      expect(answerText(chat)).to.contain('You made 23 trades');
    });
  });

  describe('001 Tradistry (FastAPI, session_info ... done, then saves)', () => {
    it('sends context_limit and the bearer token, round-trips session_id, and nothing after done is cut off', async () => {
      const chat = await openSeedPage('tradistry');
      const first = uniqueMessage('How did my trades do?');
      const event = await ask(chat, first);
      expect(event.type).to.equal('stream-chat-complete');
      const [request] = await seedRequestsWhen('tradistry', first, ([e]) => e?.outcome !== undefined);
      expect(request.authorization).to.equal('Bearer tradistry-demo-token');
      expect(request.body).to.include({ message: first, context_limit: 10 });
      expect(request.body).to.not.have.any.keys('session_id', 'conversation_id');
      expect(request.outcome).to.equal('finished');
      expect(request.saved).to.equal(true);
      allWritesArrived(request);
      await until(() => chat.messages[1].trailing?.length === 2, 'response_saved and stream_end on the message');
      expect(chat.messages[1].trailing!.map((t) => (t.data as { type: string }).type)).to.deep.equal(['response_saved', 'stream_end']);
      expect(answerText(chat)).to.not.contain('response_saved');

      const second = uniqueMessage('And this week?');
      await ask(chat, second);
      const [next] = await seedRequests('tradistry', second);
      expect(next.body!.session_id).to.equal(request.sessionId);
      expect(next.body).to.not.have.any.keys('conversation_id');
      expect(next.historyLength).to.equal(2);
      await until(() => answerText(chat).includes('2 earlier messages in this session'), 'the rendered answer');
      expect(answerText(chat)).to.contain('2 earlier messages in this session');
    });

    it('the fallback: a warning, and the answer in one piece', async () => {
      const chat = await openSeedPage('tradistry');
      const event = await ask(chat, uniqueMessage('Summarize #fallback'));
      expect(event.type).to.equal('stream-chat-complete');
      expect(chat.messages[1].warnings).to.deep.equal(['Streaming failed; answered with the regular model call.']);
      expect(chat.shadowRoot!.querySelector('.warning')!.textContent).to.contain('Streaming failed');
      await until(() => answerText(chat).includes('I can help you analyze your trades'), 'the rendered answer');
      expect(answerText(chat)).to.contain('I can help you analyze your trades');
    });

    it("an error event: the server's sentence", async () => {
      const chat = await openSeedPage('tradistry');
      const event = await ask(chat, uniqueMessage('Anything #error'));
      expect(event.type).to.equal('stream-chat-error');
      expect(event.detail.error.message).to.equal('The AI provider is unavailable right now (OpenRouter 503). Please try again.');
    });
  });

  describe('002 coding agent (actix, JSON string chunks, word by word)', () => {
    it('sends user_id and shows the words as they come', async () => {
      const chat = await openSeedPage('coding-agent');
      const message = uniqueMessage('What is consciousness?');
      const event = await ask(chat, message);
      expect(event.type).to.equal('stream-chat-complete');
      const [request] = await seedRequestsWhen('coding-agent', message, ([e]) => e?.outcome === 'finished');
      expect(request.body).to.include({ message, user_id: 'dev-7' });
      expect(request.sent).to.equal(request.words);
      await until(() => answerText(chat).includes('Consciousness is the state of being aware'), 'the rendered answer');
      expect(answerText(chat)).to.contain('Consciousness is the state of being aware');
      expect(chat.shadowRoot!.querySelector('[part~="assistant-message"] code')!.textContent).to.equal('struct');
    });

    it('Stop closes the connection and the server stops sending', async () => {
      const chat = await openSeedPage('coding-agent');
      // Held after four words until the client goes (the seed's `#hold`): the stop does not race
      // the server's 30 ms words, however busy the machine.
      const message = uniqueMessage('Explain the 3-6-9 pattern #hold');
      const cancelled = new Promise((resolve) => chat.addEventListener('stream-chat-cancel', resolve, { once: true }));
      const input = chat.shadowRoot!.querySelector('textarea')!;
      input.value = message;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await chat.updateComplete;
      chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
      await until(() => (chat.messages[1]?.content.split(' ').length ?? 0) > 3, 'a few words');
      await chat.updateComplete;
      chat.shadowRoot!.querySelector<HTMLButtonElement>('[part="stop-button"]')!.click();
      await cancelled;
      const [request] = await seedRequestsWhen('coding-agent', message, ([e]) => e?.outcome === 'closed');
      expect(request.sent as number).to.be.below(request.words as number);
      expect(shown(chat, 'notice')).to.deep.equal(['Stopped']);
    });
  });

  describe('003 vLLM assistant (FastAPI, OpenAI chunks under text/plain)', () => {
    it('reads the SSE under text/plain, sends model and memory_context, and uses the memory', async () => {
      const chat = await openSeedPage('vllm-assistant');
      const first = uniqueMessage('Analyze gold market trends');
      const event = await ask(chat, first);
      expect(event.type).to.equal('stream-chat-complete');
      const [request] = await seedRequestsWhen('vllm-assistant', first, ([e]) => e?.outcome === 'finished');
      expect(request.body).to.include({ message: first, model: 'phi3', memory_context: 3 });
      await until(() => answerText(chat).includes('Gold prices are up 2.1% this week'), 'the rendered answer');
      expect(answerText(chat)).to.contain('Gold prices are up 2.1% this week');
      expect(answerText(chat)).to.not.contain('data:');
      expect(chat.shadowRoot!.querySelector('[part~="assistant-message"] table')).to.exist;
      const second = uniqueMessage('And silver?');
      await ask(chat, second);
      await until(() => answerText(chat).includes('As we discussed'), 'the rendered answer');
      expect(answerText(chat)).to.contain('As we discussed');
    });

    it('an answer cut at max_tokens says so', async () => {
      const chat = await openSeedPage('vllm-assistant');
      const event = await ask(chat, uniqueMessage('Explain everything #long'));
      expect(event.type).to.equal('stream-chat-complete');
      expect(chat.messages[1].finishReason).to.equal('length');
      expect(shown(chat, 'notice')).to.deep.equal(['Answer cut off: the model reached its length limit.']);
    });

    it('the non-streaming /chat answers with JSON', async () => {
      const chat = await openSeedPage('vllm-assistant-fallback');
      const event = await ask(chat, uniqueMessage('Gold?'));
      expect(event.type).to.equal('stream-chat-complete');
      await until(() => answerText(chat).includes('Gold prices are up'), 'the rendered answer');
      expect(answerText(chat)).to.contain('Gold prices are up');
    });
  });

  describe('004 LLMSelect (Flask, {content} chunks, {done, conversation_id})', () => {
    it('sends provider, model and the JWT; round-trips conversation_id', async () => {
      const chat = await openSeedPage('llmselect');
      const first = uniqueMessage('Hello');
      const event = await ask(chat, first);
      expect(event.type).to.equal('stream-chat-complete');
      const [request] = await seedRequestsWhen('llmselect', first, ([e]) => e?.outcome === 'finished');
      expect(request.authorization).to.equal('Bearer llmselect-jwt');
      expect(request.body).to.include({ message: first, provider: 'openai', model: 'gpt-4o' });
      expect(event.detail.conversationId).to.equal(request.conversationId);
      await until(() => answerText(chat).includes('openai/gpt-4o says'), 'the rendered answer');
      expect(answerText(chat)).to.contain('openai/gpt-4o says');
      const second = uniqueMessage('Again');
      await ask(chat, second);
      const [next] = await seedRequests('llmselect', second);
      expect(next.body!.conversation_id).to.equal(request.conversationId);
      expect(next.historyLength).to.equal(2);
    });

    it('an error event mid-answer: the partial answer kept, the sentence shown', async () => {
      const chat = await openSeedPage('llmselect');
      const event = await ask(chat, uniqueMessage('Fail please #error'));
      expect(event.type).to.equal('stream-chat-error');
      expect(event.detail.error.message).to.equal('OpenAI API error: Incorrect API key provided');
      expect(chat.messages[1].content).to.contain('openai/gpt-4o');
    });

    it("a request the app rejects: its own sentence, not its code", async () => {
      const chat = await openSeedPage('llmselect-no-model');
      const event = await ask(chat, uniqueMessage('Hi'));
      expect(event.detail.error.message).to.equal('The request failed (422): Invalid request payload');
    });

    it('rate limited: when to try again', async () => {
      const chat = await openSeedPage('llmselect');
      const event = await ask(chat, uniqueMessage('Hi #ratelimit'));
      expect(event.detail.error.message).to.equal('Too many requests (429): Rate limit exceeded: 10 per 1 minute. Try again in 30 seconds.');
    });
  });
});

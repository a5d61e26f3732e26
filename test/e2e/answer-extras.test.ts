import { expect, fixture, html } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, newTestId, nextEvent, openGate, serverLog, shadow, sse, until } from '../helpers.js';

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

describe('<stream-chat> reasoning, tools, sources and stats', () => {
  it('shows reasoning in a Thinking section, open while thinking and collapsed once the answer starts', async () => {
    const { el, testId } = await chatWith({
      chunks: [
        ...sse(chunk({ reasoning_content: 'Let me check ' }), chunk({ reasoning_content: 'the runs.' })),
        { gate: true },
        ...sse(chunk({ content: 'Run **5** lost money.' }), chunk({}, 'stop'), '[DONE]'),
      ],
    });
    const done = nextEvent(el, 'stream-chat-complete');
    void el.send('why?');
    await until(() => shadow(el).querySelector('.reasoning')?.textContent?.includes('the runs.'));
    const details = shadow(el).querySelector<HTMLDetailsElement>('details.reasoning')!;
    expect(details.open).to.be.true;
    // The answer itself comes only now.
    await openGate(testId);
    const { detail } = await done;
    await el.updateComplete;
    expect(details.open).to.be.false;
    expect(detail.message.reasoning).to.equal('Let me check the runs.');
    expect(detail.message.content).to.equal('Run **5** lost money.');
    expect(shadow(el).querySelector('.assistant > .bubble > .markdown')!.textContent).to.not.contain('Let me check');
  });

  it('marks an answer cut off at the length limit', async () => {
    const { el } = await chatWith({ chunks: sse(chunk({ content: 'A long answ' }), chunk({}, 'length'), '[DONE]') });
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('go');
    const { detail } = await done;
    await el.updateComplete;
    expect(detail.message.finishReason).to.equal('length');
    expect(shadow(el).querySelector('[part="notice"]')!.textContent).to.contain('cut off');
  });

  it('lists sources as safe links and drops unsafe ones', async () => {
    const { el } = await chatWith({ chunks: sse({ type: 'token', content: 'Answer' }, { type: 'done' }) });
    el.parseEvent = (event) => {
      const json = JSON.parse(event.data);
      if (json.type !== 'done') return json.content;
      return [
        { type: 'source', url: 'https://example.com/docs/page', title: 'The docs' },
        { type: 'source', url: 'javascript:alert(1)', title: 'evil' },
        { type: 'source', url: 'https://example.org/x' },
        { type: 'done' },
      ];
    };
    await el.send('go');
    await el.updateComplete;
    const links = Array.from(shadow(el).querySelectorAll<HTMLAnchorElement>('[part="sources"] a'));
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
      ['https://example.com/docs/page', 'The docs'],
      ['https://example.org/x', 'example.org'],
    ]);
    expect(links.every((a) => a.rel === 'noopener noreferrer' && a.target === '_blank')).to.be.true;
  });

  it('reports stream metrics in stream-chat-complete and shows them with show-stats', async () => {
    const { el, testId } = await chatWith({
      chunks: [{ delay: 50 }, ...sse({ content: 'x'.repeat(200) }), { gate: true }, { delay: 300 }, ...sse({ content: 'y'.repeat(200) }, { done: true })],
    });
    el.showStats = true;
    const done = nextEvent(el, 'stream-chat-complete');
    const sent = el.send('go');
    // The second half only once the first arrived (two pieces, however busy the machine), and at
    // least 300 ms after it: a rate needs 0.25 s between the first token and the end, however fast.
    await until(() => el.messages[1]?.content === 'x'.repeat(200), 'the first half');
    await openGate(testId);
    await sent;
    const { stats } = (await done).detail;
    expect(stats.timeToFirstToken).to.be.greaterThan(30);
    expect(stats.duration).to.be.at.least(stats.timeToFirstToken!);
    expect(stats.tokens).to.equal(100);
    expect(stats.tokensPerSecond).to.be.greaterThan(0);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="stats"]')!.textContent).to.match(/\d+\.\d s · \d+ tok\/s · first token \d+ ms/);
  });

  it('gives no rate for an answer that arrived in one piece', async () => {
    const { el } = await chatWith({ headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify({ content: 'x'.repeat(400) })] });
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('go');
    const { stats } = (await done).detail;
    expect(stats.tokens).to.equal(100);
    expect(stats.tokensPerSecond).to.be.undefined;
  });
});

describe('<stream-chat> talking to an OpenAI-compatible server with attributes alone', () => {
  it('sends {model, stream, messages} with the system prompt and the key, and reads the chunks', async () => {
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat
      endpoint="/test-sse"
      request-format="openai"
      model="llama3.1"
      system-prompt="You are terse."
      api-key="sk-local"
    ></stream-chat>`);
    el.body = { testId, script: { chunks: sse(chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hi!' }), chunk({}, 'stop'), '[DONE]') } };
    await el.send('Hello');
    await el.send('Again');
    const log = await serverLog(testId);
    expect(log.requests[0].headers.authorization).to.equal('Bearer sk-local');
    const { body } = log.requests[1];
    expect(body.model).to.equal('llama3.1');
    expect(body.stream).to.equal(true);
    expect(body.messages).to.deep.equal([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi!' },
      { role: 'user', content: 'Again' },
    ]);
    expect(body).to.not.have.property('message');
    expect(el.messages[3].content).to.equal('Hi!');
  });
});

describe('<stream-chat> labels, announcements and message actions', () => {
  it('takes every label from the labels property and lays out right to left', async () => {
    const { el } = await chatWith({ chunks: sse({ content: 'مرحبا **بالعالم**\n\n```js\nx\n```' }, { done: true }) });
    el.setAttribute('dir', 'rtl');
    el.labels = { send: 'إرسال', stop: 'إيقاف', message: 'رسالة', copy: 'نسخ', copyAnswer: 'نسخ الإجابة', regenerate: 'إعادة', placeholder: 'اكتب سؤالك' };
    await el.updateComplete;
    const root = shadow(el);
    expect(root.querySelector('textarea')!.placeholder).to.equal('اكتب سؤالك');
    expect(root.querySelector('[part="send-button"]')!.getAttribute('aria-label')).to.equal('إرسال');
    expect(root.querySelector('label')!.textContent).to.equal('رسالة');
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('سؤال');
    await done;
    // An answer that arrived in one piece renders in a task of its own (restored-message path).
    await until(() => root.querySelector('[part="copy-button"]'), 'the code block');
    expect(root.querySelector('[part="copy-button"]')!.textContent).to.equal('نسخ');
    expect(root.querySelector('[part="copy-answer-button"]')!.textContent!.trim()).to.equal('نسخ الإجابة');
    expect(root.querySelector('[part="regenerate-button"]')!.textContent!.trim()).to.equal('إعادة');
    // The user's bubble sits at the inline end: on the left in a right-to-left page.
    const bubble = root.querySelector('.user .bubble')!.getBoundingClientRect();
    const log = root.querySelector('[part="log"]')!.getBoundingClientRect();
    expect(bubble.left - log.left).to.be.lessThan(log.right - bubble.right);
  });

  it('announces a finished answer once through a polite live region, not token by token', async () => {
    const { el } = await chatWith({ chunks: [...sse({ content: 'First ' }), { delay: 100 }, ...sse({ content: '**answer**' }, { done: true })] });
    const region = shadow(el).querySelector('[aria-live="polite"]')!;
    expect(shadow(el).querySelector('[part="log"]')!.getAttribute('aria-live')).to.equal('off');
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region.textContent!.trim()));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    await el.send('hi');
    await until(() => region.textContent!.includes('First answer'));
    observer.disconnect();
    expect(seen.filter((text) => text.includes('First'))).to.deep.equal(['Answer: First answer']);
  });

  it('copies a whole answer as markdown and fires stream-chat-copy', async () => {
    const { el } = await chatWith({ chunks: sse({ content: 'Use `npm test`.' }, { done: true }) });
    await el.send('how?');
    await el.updateComplete;
    const copied = nextEvent(el, 'stream-chat-copy');
    shadow(el).querySelector<HTMLButtonElement>('[part="copy-answer-button"]')!.click();
    const { detail } = await copied;
    expect(detail).to.include({ text: 'Use `npm test`.', source: 'answer' });
    expect(await navigator.clipboard.readText()).to.equal('Use `npm test`.');
  });

  it('regenerates the last answer: one more request for the same question, the answer replaced', async () => {
    const { el, testId } = await chatWith([
      { chunks: sse({ content: 'First try' }, { done: true }) },
      { chunks: sse({ content: 'Second try' }, { done: true }) },
    ]);
    await el.send('question');
    await el.updateComplete;
    const regenerate = nextEvent(el, 'stream-chat-regenerate');
    const completed = nextEvent(el, 'stream-chat-complete');
    shadow(el).querySelector<HTMLButtonElement>('[part="regenerate-button"]')!.click();
    expect((await regenerate).detail.message.content).to.equal('First try');
    await completed;
    expect(el.messages.map((m) => m.content)).to.deep.equal(['question', 'Second try']);
    const { requests } = await serverLog(testId);
    expect(requests.map((r) => r.body.message)).to.deep.equal(['question', 'question']);
  });

  it('sends a suggested prompt from the empty slot on click', async () => {
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse">
      <div slot="empty"><button data-prompt="Why did run #5 lose money?">Run #5</button></div>
    </stream-chat>`);
    el.body = { testId, script: { chunks: sse({ content: 'ok' }, { done: true }) } };
    const done = nextEvent(el, 'stream-chat-complete');
    el.querySelector('button')!.click();
    await done;
    expect((await serverLog(testId)).requests[0].body.message).to.equal('Why did run #5 lose money?');
  });
});

describe('<stream-chat> labels from HTML alone', () => {
  it('reads the labels attribute as JSON', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat labels='{"send":"Enviar","placeholder":"Pregunta algo"}'></stream-chat>`);
    expect(shadow(el).querySelector('[part="send-button"]')!.getAttribute('aria-label')).to.equal('Enviar');
    expect(shadow(el).querySelector('textarea')!.placeholder).to.equal('Pregunta algo');
  });
});

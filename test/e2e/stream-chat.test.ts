import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StreamChat } from '../../src/stream-chat.js';
import type { FormatName } from '../../src/protocols/index.js';
import { chatShowing, chatWith, lastAnswer, newTestId, nextEvent, openGate, serverLog, serverLogWhen, shadow, sse, until, type Script } from '../helpers.js';

const openaiChunk = (content: string, finish: string | null = null) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});

async function answerOf(script: Script, format?: FormatName) {
  const { el, testId } = await chatWith(script);
  if (format) el.format = format;
  const done = Promise.race([nextEvent(el, 'stream-chat-complete'), nextEvent(el, 'stream-chat-error')]);
  await el.send('question');
  const event = await done;
  await el.updateComplete;
  return { el, testId, event };
}

describe('<stream-chat> wire formats (auto-detected)', () => {
  const cases: [string, Script, string][] = [
    [
      'seeds typed events',
      { chunks: [...sse({ type: 'session_info', session_id: 's1' }, { type: 'tool', tool: 'search_runs' }, { type: 'token', content: 'Run ' }, { type: 'token', content: '*five*' }, { type: 'done' })] },
      'Run *five*',
    ],
    ['content chunks', { chunks: [...sse({ content: 'Hel' }, { content: 'lo' }, { done: true, conversation_id: 'c9' })] }, 'Hello'],
    ['text chunks ending with the connection', { chunks: [...sse({ text: 'Plain ' }, { text: 'text' })] }, 'Plain text'],
    ['JSON string data lines', { chunks: [...sse(JSON.stringify('A "quoted" '), JSON.stringify('string'))] }, 'A "quoted" string'],
    ['OpenAI chat completion chunks', { chunks: [...sse(openaiChunk('Open'), openaiChunk('AI'), openaiChunk('', 'stop'), '[DONE]')] }, 'OpenAI'],
  ];
  for (const [name, script, expected] of cases) {
    it(`renders ${name}`, async () => {
      const { event } = await answerOf(script);
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.equal(expected);
      expect(event.detail.message.status).to.equal('complete');
    });
  }

  it('shows tool badges and remembers the session id for the next message', async () => {
    const { el, testId } = await answerOf({
      chunks: [...sse({ type: 'session_info', session_id: 's1' }, { type: 'tool', tool: 'search_runs' }, { type: 'token', content: 'ok' }, { type: 'done' })],
    });
    expect(shadow(el).querySelector('[part="tool-badge"]')!.textContent).to.contain('search_runs');
    // Badges still running when the answer ends are closed with it.
    expect(el.messages[1].tools).to.deep.equal([{ name: 'search_runs', status: 'done' }]);
    await el.send('follow-up');
    const log = await serverLog(testId);
    // Back under the name the server gave it (test/conversation-id.test.ts).
    expect(log.requests[1].body.session_id).to.equal('s1');
  });

  it('takes the conversation id from a content-format done event', async () => {
    const { el, event } = await answerOf({ chunks: [...sse({ content: 'x' }, { done: true, conversation_id: 'c9' })] });
    expect((event as CustomEvent<{ conversationId?: string }>).detail.conversationId).to.equal('c9');
    expect(el.conversationId).to.equal('c9');
  });

  it('uses a forced format and ignores messages of other formats', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const { event } = await answerOf({ chunks: [...sse({ text: 'ignored' }, { content: 'kept' }, { done: true })] }, 'content');
      expect(event.detail.message.content).to.equal('kept');
    } finally {
      console.warn = warn;
    }
  });

  it('skips data that is not JSON, with a console warning, and keeps going', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const { event } = await answerOf({ chunks: ['data: {not json\n\n', ': keep-alive comment\n\n', 'data:\n\n', ...sse({ content: 'fine' }, { done: true })] });
      expect(event.detail.message.content).to.equal('fine');
      expect(warnings.length).to.be.greaterThan(0);
    } finally {
      console.warn = warn;
    }
  });

  it('reads a 2xx JSON response as a non-streaming answer', async () => {
    const { event } = await answerOf({
      headers: { 'content-type': 'application/json' },
      chunks: [JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'Not **streamed**' } }] })],
    });
    expect(event.detail.message.content).to.equal('Not **streamed**');
  });

  const jsonAnswers: [string, unknown][] = [
    ['Anthropic', { type: 'message', role: 'assistant', content: [{ type: 'text', text: 'From ' }, { type: 'text', text: 'Claude' }] }],
    ['OpenAI Responses', { object: 'response', output: [{ type: 'message', content: [{ type: 'output_text', text: 'From responses' }] }] }],
    ['TGI', { generated_text: 'From TGI' }],
    ['Ollama', { model: 'llama3.1', message: { role: 'assistant', content: 'From Ollama' }, done: true }],
  ];
  for (const [name, body] of jsonAnswers) {
    it(`reads a non-streaming ${name} JSON answer`, async () => {
      const { event } = await answerOf({ headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify(body)] });
      expect(event.type).to.equal('stream-chat-complete');
      expect(event.detail.message.content).to.match(/^From /);
    });
  }

  it('copes with awkward network chunking: split UTF-8, CRLF, and split data fields', async () => {
    const bytes = Array.from(new TextEncoder().encode('data: {"content":"h\u00e9llo \u{1F600}"}\r\n\r\n'));
    const { event } = await answerOf({
      chunks: [
        { bytes: bytes.slice(0, 19) }, { delay: 5 }, { bytes: bytes.slice(19, 23) }, { delay: 5 },
        { bytes: bytes.slice(23, bytes.length - 3) }, { delay: 5 }, { bytes: bytes.slice(bytes.length - 3, bytes.length - 2) }, { delay: 5 },
        { bytes: bytes.slice(bytes.length - 2) },
        'da', 'ta: {"done": tr', 'ue}\n', '\n',
      ],
    });
    expect(event.detail.message.content).to.equal('h\u00e9llo \u{1F600}');
  });
});

describe('<stream-chat> requests', () => {
  it('POSTs JSON with the message, earlier messages up to history-limit, and extra body fields', async () => {
    const done = sse({ content: 'a' }, { done: true });
    const { el, testId } = await chatWith({ chunks: done }, { run_id: 5 });
    el.historyLimit = 2;
    await el.send('one');
    await el.send('two');
    await el.send('three');
    const log = await serverLog(testId);
    expect(log.requests).to.have.length(3);
    const last = log.requests[2];
    expect(last.method).to.equal('POST');
    expect(last.headers['content-type']).to.equal('application/json');
    expect(last.headers.accept).to.equal('text/event-stream');
    expect(last.body.message).to.equal('three');
    expect(last.body.run_id).to.equal(5);
    expect(last.body.messages).to.deep.equal([
      { role: 'user', content: 'two' },
      { role: 'assistant', content: 'a' },
    ]);
    expect(log.requests[0].body.messages).to.deep.equal([]);
  });

  it('calls a headers function before every request and accepts a Headers instance', async () => {
    const { el, testId } = await chatWith({ chunks: sse({ content: 'a' }, { done: true }) });
    let calls = 0;
    el.headers = async () => new Headers({ Authorization: `Bearer token-${++calls}` });
    await el.send('one');
    await el.send('two');
    const log = await serverLog(testId);
    expect(log.requests.map((r) => r.headers.authorization)).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
  });

  it('sends cookies by the credentials attribute, and never puts credentials in the URL', async () => {
    document.cookie = 'chat_session=abc123; path=/';
    try {
      const { el, testId } = await chatWith({ chunks: sse({ content: 'a' }, { done: true }) });
      el.headers = { Authorization: 'Bearer secret-token' };
      await el.send('with cookies');
      el.credentials = 'omit';
      await el.send('without cookies');
      const { requests } = await serverLog(testId);
      expect(requests[0].headers.cookie).to.contain('chat_session=abc123');
      expect(requests[1].headers.cookie).to.be.undefined;
      for (const request of requests) expect(request.url).to.not.match(/secret|token|abc123/);
    } finally {
      document.cookie = 'chat_session=; path=/; max-age=0';
    }
  });

  it('lets prepareRequest rewrite the request', async () => {
    const { el, testId } = await chatWith({ chunks: sse({ content: 'a' }, { done: true }) });
    el.prepareRequest = (request) => ({ ...request, headers: { ...request.headers, 'x-run': '5' }, body: { ...request.body, model: 'gpt-x' } });
    await el.send('hi');
    const [request] = (await serverLog(testId)).requests;
    expect(request.headers['x-run']).to.equal('5');
    expect(request.body.model).to.equal('gpt-x');
  });

  it('fires a cancelable stream-chat-send with the message and request; cancelling sends nothing and keeps the draft', async () => {
    const { el, testId } = await chatWith({ chunks: sse({ content: 'a' }, { done: true }) });
    let detail: unknown;
    el.addEventListener('stream-chat-send', (e) => {
      detail = e.detail;
      e.preventDefault();
    });
    const input = shadow(el).querySelector('textarea')!;
    input.focus();
    await sendKeys({ type: 'keep me' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const { message, request } = detail as { message: { content: string; role: string }; request: { url: string; body: { message: string } } };
    expect(message).to.include({ role: 'user', content: 'keep me' });
    expect(request.url).to.equal('/test-sse');
    expect(request.body.message).to.equal('keep me');
    expect((await serverLog(testId)).requests).to.have.length(0);
    expect(input.value).to.equal('keep me');
    expect(el.messages).to.have.length(0);
  });

  it('makes exactly one POST even when the tab is hidden and shown mid-stream', async () => {
    const { el, testId } = await chatWith({ chunks: [...sse({ content: 'part' }), { gate: true }, ...sse({ content: ' two' }, { done: true })] });
    const done = nextEvent(el, 'stream-chat-complete');
    void el.send('hi');
    await until(() => lastAnswer(el)?.textContent?.includes('part'));
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')!;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
    delete (document as { hidden?: boolean }).hidden;
    expect(Object.getOwnPropertyDescriptor(Document.prototype, 'hidden')).to.deep.equal(hidden);
    await openGate(testId);
    const event = await done;
    expect(event.detail.message.content).to.equal('part two');
    expect((await serverLog(testId)).requests).to.have.length(1);
  });
});

describe('<stream-chat> failures', () => {
  it('shows an HTTP error with the status and the server message, keeps the user message, and fires stream-chat-error', async () => {
    const { el, testId, event } = await answerOf({
      status: 401,
      headers: { 'content-type': 'application/json' },
      chunks: [JSON.stringify({ error: { message: 'invalid API token' } })],
    });
    expect(event.type).to.equal('stream-chat-error');
    const { error, message } = (event as CustomEvent).detail;
    expect(error).to.deep.equal({
      kind: 'http',
      status: 401,
      message: 'The server refused the request (401): invalid API token',
      serverMessage: 'invalid API token',
    });
    expect(message.status).to.equal('error');
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('(401): invalid API token');
    expect(el.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
    expect(el.messages[0].content).to.equal('question');
    expect((await serverLog(testId)).requests).to.have.length(1);
  });

  it('never renders an HTML error page as markup', async () => {
    const { el, event } = await answerOf({
      status: 502,
      headers: { 'content-type': 'text/html' },
      chunks: ['<html><head><title>502 Bad Gateway</title></head><body><script>window.__ran=1</script><h1>Bad Gateway</h1></body></html>'],
    });
    const { error } = (event as CustomEvent).detail;
    expect(error.message).to.equal('The server is unavailable right now (502): 502 Bad Gateway');
    expect(shadow(el).querySelector('[part="error"] h1, [part="error"] script')).to.be.null;
    expect((window as unknown as { __ran?: number }).__ran).to.be.undefined;
  });

  it('uses a plain-text error body as the server message', async () => {
    const { event } = await answerOf({ status: 500, headers: { 'content-type': 'text/plain' }, chunks: ['database is down'] });
    expect((event as CustomEvent).detail.error.message).to.equal('The server failed to answer (500): database is down');
  });

  it('reports a network failure before any response, without retrying', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="http://127.0.0.1:9/unreachable"></stream-chat>`);
    const failed = nextEvent(el, 'stream-chat-error');
    await el.send('hello?');
    const { detail } = await failed;
    expect(detail.error.kind).to.equal('network');
    expect(el.messages[0].content).to.equal('hello?');
  });

  it('keeps the partial answer of a dropped connection as interrupted, and retry re-sends the message once', async () => {
    const testId = newTestId();
    const { el } = await chatWith([
      // The drop waits until the partial answer is shown (bytes the page has not taken yet would go with it).
      { chunks: [...sse({ content: 'Partial ' }), { gate: true }, { drop: true }] },
      { chunks: sse({ content: 'Full answer' }, { done: true }) },
    ]);
    el.body = { ...el.body, testId };
    const failed = nextEvent(el, 'stream-chat-error');
    const sent = el.send('question');
    await until(() => el.messages[1]?.content === 'Partial ', 'the partial answer');
    await openGate(testId);
    await sent;
    const { detail } = await failed;
    expect(detail.error.kind).to.equal('interrupted');
    expect(detail.message.content).to.equal('Partial ');
    await until(() => lastAnswer(el).textContent!.includes('Partial'), 'the partial answer rendered');
    expect(lastAnswer(el).textContent).to.contain('Partial');
    const completed = nextEvent(el, 'stream-chat-complete');
    shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await completed;
    const log = await serverLog(testId);
    expect(log.requests).to.have.length(2);
    expect(log.requests[1].body.message).to.equal('question');
    expect(el.messages.map((m) => [m.role, m.content, m.status])).to.deep.equal([
      ['user', 'question', 'complete'],
      ['assistant', 'Full answer', 'complete'],
    ]);
  });

  it('treats an OpenAI stream that ends without [DONE] or finish_reason as interrupted', async () => {
    const { event } = await answerOf({ chunks: sse(openaiChunk('cut')) });
    expect(event.type).to.equal('stream-chat-error');
    const { error, message } = (event as CustomEvent).detail;
    expect(error.kind).to.equal('interrupted');
    expect(message.content).to.equal('cut');
  });

  it('ends the answer on an error event inside the stream', async () => {
    const { el, event } = await answerOf({ chunks: sse({ type: 'token', content: 'Half' }, { type: 'error', message: 'model crashed' }) });
    const { error, message } = (event as CustomEvent).detail;
    expect(error.kind).to.equal('server');
    expect(error.message).to.equal('model crashed');
    expect(message.content).to.equal('Half');
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('model crashed');
  });
});

describe('<stream-chat> final events', () => {
  /** What a listener of `name` sees of the answer when the event fires. */
  async function seenAt(name: 'stream-chat-complete' | 'stream-chat-error', script: Script) {
    const { el } = await chatWith(script);
    let seen: { text: string; cursor: boolean; strong: boolean } | undefined;
    el.addEventListener(name, () => {
      const answer = lastAnswer(el)!;
      seen = { text: answer.textContent!.trim(), cursor: !!answer.querySelector('.cursor'), strong: !!answer.querySelector('strong') };
    });
    await el.send('question');
    return seen;
  }

  it('has rendered the whole answer, its end healed and the cursor gone, when stream-chat-complete fires', async () => {
    // Sent in one read: the last text arrives with the end, after the last update of the stream.
    const seen = await seenAt('stream-chat-complete', { chunks: [sse({ content: 'Hello ' }, { content: '**world**' }, { done: true }).join('')] });
    expect(seen).to.deep.equal({ text: 'Hello world', cursor: false, strong: true });
  });

  it('has rendered what arrived, the cursor gone, when stream-chat-error fires', async () => {
    const seen = await seenAt('stream-chat-error', { chunks: [sse({ type: 'token', content: 'Half **an**' }, { type: 'error', message: 'model crashed' }).join('')] });
    expect(seen).to.include({ cursor: false, strong: true });
    expect(seen!.text).to.contain('Half an');
  });
});

describe('<stream-chat> stopping', () => {
  const hanging: Script = { chunks: [...sse({ content: 'Streaming...' }), { hang: true }] };

  it('stop aborts the request (the server sees it close), keeps the partial answer and fires stream-chat-cancel', async () => {
    const { el, testId } = await chatWith(hanging);
    const sent = el.send('go');
    await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
    expect(shadow(el).querySelector('.cursor'), 'cursor while streaming').to.exist;
    const stop = shadow(el).querySelector<HTMLButtonElement>('[part="stop-button"]')!;
    expect(stop.getAttribute('aria-label')).to.equal('Stop answer');
    const cancelled = nextEvent(el, 'stream-chat-cancel');
    stop.click();
    const { detail } = await cancelled;
    await sent;
    expect(detail.message.status).to.equal('cancelled');
    expect(detail.message.content).to.equal('Streaming...');
    await el.updateComplete;
    expect(shadow(el).querySelector('.cursor')).to.be.null;
    expect(shadow(el).querySelector('[part="send-button"]')).to.exist;
    expect((await serverLogWhen(testId, (log) => log.closedByClient > 0)).closedByClient).to.equal(1);
  });

  it('Escape stops the answer from the keyboard', async () => {
    const { el, testId } = await chatWith(hanging);
    const sent = el.send('go');
    await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
    shadow(el).querySelector('textarea')!.focus();
    const cancelled = nextEvent(el, 'stream-chat-cancel');
    await sendKeys({ press: 'Escape' });
    const { detail } = await cancelled;
    await sent;
    await el.updateComplete;
    // Stopped, not merely announced: the answer kept and marked, the composer back, the request closed.
    expect(detail.message).to.include({ status: 'cancelled', content: 'Streaming...' });
    expect(el.messages.map((m) => m.status)).to.deep.equal(['complete', 'cancelled']);
    expect(shadow(el).querySelector('.cursor')).to.be.null;
    expect(shadow(el).querySelector('[part="stop-button"]')).to.be.null;
    expect(shadow(el).querySelector('[part="send-button"]')).to.exist;
    expect((await serverLogWhen(testId, (log) => log.closedByClient > 0)).closedByClient).to.equal(1);
  });

  it('removing the element aborts its request', async () => {
    const { el, testId } = await chatWith(hanging);
    const sent = el.send('go');
    await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
    el.remove();
    await sent;
    expect((await serverLogWhen(testId, (log) => log.closedByClient > 0)).closedByClient).to.equal(1);
    expect(el.messages[1].status).to.equal('cancelled');
  });

  it('a programmatic send while streaming stops the running answer first', async () => {
    const { el, testId } = await chatWith([hanging, { chunks: sse({ content: 'second' }, { done: true }) }]);
    const first = el.send('one');
    await until(() => lastAnswer(el)?.textContent?.includes('Streaming'));
    await el.send('two');
    await first;
    expect(el.messages.map((m) => m.status)).to.deep.equal(['complete', 'cancelled', 'complete', 'complete']);
    expect((await serverLog(testId)).requests).to.have.length(2);
  });
});

describe('<stream-chat> composer and rendering', () => {
  it('Enter sends, Shift+Enter adds a newline', async () => {
    const { el, testId } = await chatWith({ chunks: sse({ content: 'ok' }, { done: true }) });
    const input = shadow(el).querySelector('textarea')!;
    input.focus();
    await sendKeys({ type: 'line one' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'line two' });
    expect(input.value).to.equal('line one\nline two');
    const done = nextEvent(el, 'stream-chat-complete');
    await sendKeys({ press: 'Enter' });
    await done;
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect((await serverLog(testId)).requests[0].body.message).to.equal('line one\nline two');
    expect(shadow(el).activeElement).to.equal(input);
  });

  it('shows a thinking indicator until the first token', async () => {
    const { el, testId } = await chatWith({ chunks: [{ gate: true }, ...sse({ content: 'now' }, { done: true })] });
    const sent = el.send('hi');
    await until(() => shadow(el).querySelector('.thinking'));
    await openGate(testId);
    await sent;
    await el.updateComplete;
    expect(shadow(el).querySelector('.thinking')).to.be.null;
  });

  it('renders sanitized markdown with highlighted, copyable code', async () => {
    const answer = 'Try this:\n\n```js\nconst answer = 42;\n```\n\n[evil](javascript:alert(1)) and <b onclick="x">raw</b>';
    const { el } = await answerOf({ chunks: sse({ content: answer }, { done: true }) });
    const view = lastAnswer(el);
    await until(() => view.querySelector('.hljs-keyword'));
    expect(view.querySelector('.hljs-keyword')!.textContent).to.equal('const');
    expect(view.querySelector('a[href^="javascript"]')).to.be.null;
    expect(view.querySelector('b')).to.be.null;
    const copy = view.querySelector<HTMLButtonElement>('[part="copy-button"]')!;
    copy.click();
    await until(() => copy.textContent === 'Copied');
    expect(await navigator.clipboard.readText()).to.equal('const answer = 42;\n');
  });

  it('follows a growing answer, and stays put once the user scrolls up to read', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i} of a long answer.\n\n`);
    const { el } = await chatWith({
      chunks: [...sse(...lines.slice(0, 20).map((content) => ({ content }))), { gate: true }, ...sse(...lines.slice(20).map((content) => ({ content })), { done: true })],
    });
    const testId = (el.body as { testId: string }).testId;
    const log = shadow(el).querySelector<HTMLElement>('[part="log"]')!;
    const done = nextEvent(el, 'stream-chat-complete');
    void el.send('long please');
    await until(() => lastAnswer(el)?.textContent?.includes('Line 19'));
    await el.updateComplete;
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.lessThan(2);
    // The user scrolls up with the wheel (the scroll event follows the wheel event).
    log.dispatchEvent(new WheelEvent('wheel', { deltaY: -500 }));
    log.scrollTop = 0;
    await new Promise((resolve) => log.addEventListener('scroll', resolve, { once: true }));
    // The rest of the answer comes only after the user scrolled up.
    await openGate(testId);
    await done;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(log.scrollTop).to.equal(0);
    // Scrolling back to the bottom follows again.
    log.scrollTop = log.scrollHeight;
    await new Promise((resolve) => log.addEventListener('scroll', resolve, { once: true }));
    el.messages = [...el.messages, { id: 'more', role: 'assistant', content: 'More\n\n'.repeat(30), status: 'complete' }];
    await until(() => shadow(el).querySelector('[data-status] .markdown p') && log.scrollHeight - log.scrollTop - log.clientHeight < 2, 'following again');
  });

  it('does not touch finished messages while a new answer streams', async () => {
    const { el } = await chatWith({ chunks: [...sse({ content: 'New ' }), { delay: 50 }, ...sse({ content: 'answer **here**' }, { done: true })] });
    el.messages = Array.from({ length: 40 }, (_, i) => ({
      id: `old-${i}`,
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: i % 2 ? `Answer ${i} with \`code\` and a list:\n\n- one\n- two` : `Question ${i}`,
      status: 'complete' as const,
    }));
    await el.updateComplete;
    // Restored messages render in slices; start watching once they all have.
    await until(() => {
      const answers = Array.from(shadow(el).querySelectorAll('.assistant .markdown'));
      return answers.length === el.messages.filter((m) => m.role === 'assistant').length && answers.every((a) => a.querySelector('li'));
    }, 'every restored answer rendered');
    // Their content, that is: the previous last answer does lose its Regenerate button.
    const earlier = Array.from(shadow(el).querySelectorAll('.message')).slice(0, 40).map((m) => m.querySelector('.bubble > .markdown') ?? m);
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    for (const node of earlier) observer.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('one more');
    await done;
    await el.updateComplete;
    observer.disconnect();
    expect(mutations).to.have.length(0);
    // The new answer renders in a frame of its own, which may come after the event.
    await until(() => lastAnswer(el).querySelector('strong'), 'the new answer rendered');
    expect(lastAnswer(el).querySelector('strong')!.textContent).to.equal('here');
  });

  it('renders a restored long conversation newest first, in slices, then all of it', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat style="height: 400px"></stream-chat>`);
    el.messages = Array.from({ length: 400 }, (_, i) => ({
      id: `r-${i}`,
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: i % 2 ? `## Answer ${i}\n\n${'Some **markdown** text with \`code\`. '.repeat(20)}\n\n\`\`\`\nx = ${i}\n\`\`\`` : `Question ${i}`,
      status: 'complete' as const,
    }));
    await el.updateComplete;
    const answers = () => Array.from(shadow(el).querySelectorAll('.assistant .markdown'));
    expect(answers()).to.have.length(200);
    expect(answers().at(-1)!.querySelector('h2')!.textContent).to.equal('Answer 399');
    await until(() => answers().length === 200 && answers().every((a) => a.querySelector('h2')), 'every answer rendered');
    const log = shadow(el).querySelector<HTMLElement>('[part="log"]')!;
    await until(() => log.scrollHeight - log.scrollTop - log.clientHeight < 2, 'log at the bottom');
  });

  it('accepts messages assigned from outside and renders them', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    el.messages = [
      { id: 'a', role: 'user', content: 'Saved question', status: 'complete' },
      { id: 'b', role: 'assistant', content: '# Saved answer', status: 'streaming' },
    ];
    await el.updateComplete;
    expect(shadow(el).querySelector('.assistant h1')!.textContent).to.equal('Saved answer');
    expect(el.messages[1].status).to.equal('error');
    expect(el.messages[1].error!.kind).to.equal('interrupted');
    el.clear();
    await el.updateComplete;
    expect(el.messages).to.deep.equal([]);
  });

  it('is accessible when idle and after an answer', async () => {
    const { el } = await chatWith({ chunks: sse({ content: 'Hello **there**\n\n```py\nx = 1\n```' }, { done: true }) });
    await expect(el).to.be.accessible();
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('hi');
    await done;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('<stream-chat> layout', () => {
  // The page owns the element's display and size; whichever it picks, the chat's box fills the
  // element, the log scrolls inside it and the composer stays in view.
  const styles = [
    'display: block; height: 360px',
    'display: flex; height: 360px',
    'display: grid; height: 360px',
    'display: inline-block; width: 500px; height: 360px',
    'display: block; height: auto; min-height: 0; max-height: 360px',
    'height: auto; min-height: 0; max-height: 360px',
  ];
  const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of a long answer.`).join('\n\n');
  for (const style of styles) {
    it(`fills a host styled "${style}" and scrolls the log inside it`, async () => {
      const el = await chatShowing(style, long);
      await until(() => lastAnswer(el)?.textContent?.includes('Paragraph 39'), 'the answer');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const host = el.getBoundingClientRect();
      const surface = shadow(el).querySelector('.surface')!.getBoundingClientRect();
      const log = shadow(el).querySelector<HTMLElement>('.log')!;
      const composer = shadow(el).querySelector('[part~="composer"]')!.getBoundingClientRect();
      expect(Math.round(host.height)).to.equal(360);
      expect([surface.top, surface.bottom, surface.left, surface.right].map(Math.round)).to.deep.equal([host.top, host.bottom, host.left, host.right].map(Math.round));
      expect(log.scrollHeight, 'the log scrolls').to.be.above(log.clientHeight + 100);
      expect(composer.bottom).to.be.at.most(host.bottom + 0.5);
      expect(composer.top).to.be.above(host.top);
    });
  }
});

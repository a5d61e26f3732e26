// A lazy chunk that fails to load (the page went offline, a proxy dropped the request) is loaded
// again at the next need, and what was shown without it is rendered again once it arrives (issue 12,
// finding 3). The built bundle runs in a same-origin frame whose chunk requests the test server
// fails on demand (test/server/static-files.mjs, /static/offline/<id>/dist/). Run on its own:
// npm run build && npx wtr --files test/e2e/lazy-chunks.test.ts
import { expect } from '@open-wc/testing';
import type { StreamChat } from '../../src/stream-chat.js';
import { newTestId, PATIENCE, sse, until, type Script } from '../helpers.js';

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Fails (or, with `on` false, serves again) the named lazy chunks of page `id`; says which requests failed. */
async function setOffline(id: string, on: boolean, chunks: string[] = []): Promise<string[]> {
  const response = await fetch(`/static-offline/${id}?on=${on ? 1 : 0}&chunks=${chunks.join(',')}`);
  return response.json();
}

/** The bundle in a frame of its own, its lazy chunks served under /static/offline/<id>/. */
async function openOfflinePage(id: string): Promise<{ win: Window & typeof globalThis; chat: StreamChat }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 600px; height: 600px; border: 0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><stream-chat style="height: 560px"></stream-chat>
    <script type="module" src="/static/offline/${id}/dist/stream-chat.js"></script>`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  await Promise.race([
    win.customElements.whenDefined('stream-chat'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the bundle did not define <stream-chat>: is it built?')), PATIENCE)),
  ]);
  const chat = win.document.querySelector('stream-chat') as StreamChat;
  await chat.updateComplete;
  return { win, chat };
}

function answerScript(text: string): Script {
  const pieces = text.match(/[\s\S]{1,3}/g) ?? [];
  return { chunks: [...sse(...pieces.map((content) => ({ content })), { done: true })] };
}

function answers(chat: StreamChat): HTMLElement[] {
  return [...chat.shadowRoot!.querySelectorAll<HTMLElement>('[part~="assistant-message"]')];
}

async function ask(chat: StreamChat, question: string): Promise<void> {
  const complete = new Promise((resolve) => chat.addEventListener('stream-chat-complete', resolve, { once: true }));
  await chat.send(question);
  await complete;
}

describe('a lazy chunk that failed to load', () => {
  it('shows the answer as plain text with a notice, loads the renderer at the next send and formats every answer then', async () => {
    const id = newTestId();
    await setOffline(id, true, ['markdown-view']);
    const { chat } = await openOfflinePage(id);
    const testId = newTestId();
    const first = `Some **bold** text\nand a second line${' with more words'.repeat(10)}`;
    chat.endpoint = '/test-sse';
    chat.body = { testId, script: [answerScript(first), answerScript('Now `code` and *emphasis*')] };

    await ask(chat, 'First question');
    await until(() => answers(chat)[0]?.querySelector('[part~="notice"][data-kind="plain-text"]'), 'the plain-text notice');
    const [answer] = answers(chat);
    const body = answer.querySelector<HTMLElement>('.markdown')!;
    // Every word the model sent, with its line break, and no markup it could not be rendered into.
    expect(body.textContent).to.equal(first);
    expect(body.querySelector('strong')).to.equal(null);
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
    const failed = await setOffline(id, false);
    expect(failed.length, 'chunk requests failed while offline').to.be.greaterThan(0);
    // Tried at each need (idle preload, the send, the announcement), not once per token of the
    // answer's 60 tokens.
    expect(failed.every((path) => path === failed[0]), failed.join(', ')).to.equal(true);
    expect(failed.length).to.be.at.most(4);

    // Back online: the next need (this send) loads the renderer.
    await ask(chat, 'Second question');
    await until(() => answers(chat)[1]?.querySelector('code'), 'the second answer formatted');
    expect(answers(chat)[1].querySelector('.markdown em')!.textContent).to.equal('emphasis');
    // The first answer was rendered again, and no notice is left.
    await until(() => answer.querySelector('.markdown strong'), 'the first answer formatted');
    expect(answer.querySelector('.markdown strong')!.textContent).to.equal('bold');
    expect(body.classList.contains('plain')).to.equal(false);
    expect(body.textContent).to.contain('Some bold text\nand a second line with more words');
    await until(() => !chat.shadowRoot!.querySelector('[data-kind="plain-text"]'), 'the notice gone');
  });

  it('a failed code grammar or KaTeX is loaded again for the next block that needs it', async () => {
    const id = newTestId();
    await setOffline(id, false);
    const { chat } = await openOfflinePage(id);
    const testId = newTestId();
    chat.endpoint = '/test-sse';
    const code = '```python\nprint(1)\n```\n\nAnd $x^2$.';
    chat.body = { testId, script: [answerScript('Hello'), answerScript(code), answerScript(code)] };
    // The markdown engine loads while online; then the grammar and KaTeX chunks fail.
    await ask(chat, 'Warm up');
    await until(() => answers(chat)[0]?.querySelector('.markdown p'), 'the first answer formatted');
    await setOffline(id, true, ['core', 'python', 'katex']);
    await ask(chat, 'Code while offline');
    await until(() => answers(chat)[1]?.querySelector('pre code'), 'the code block');
    const failed = await setOffline(id, false);
    expect(failed.length, 'grammar or KaTeX requests failed while offline').to.be.greaterThan(0);
    expect(answers(chat)[1].querySelector('pre code.hljs')).to.equal(null);

    await ask(chat, 'Code again');
    await until(() => answers(chat)[2]?.querySelector('pre code.hljs'), 'the code of the next answer highlighted');
    await until(() => answers(chat)[2]?.querySelector('math'), 'the formula of the next answer typeset');
  });
});

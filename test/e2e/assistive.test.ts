// What assistive technology gets, beyond what axe checks: the live region's writes, the
// accessibility tree (who said what), where focus lands after each action, and Escape.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, lastAnswer, nextEvent, shadow, sse, until } from '../helpers.js';

interface AxRow {
  role: string;
  name: string;
  depth: number;
}

/** Every text the polite live region holds, one entry per change, until `stop()`. */
function recordAnnouncements(el: StreamChat) {
  const region = shadow(el).querySelector('[role="status"][aria-live="polite"]')!;
  const writes: string[] = [];
  const observer = new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text) writes.push(text);
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { writes, stop: () => observer.disconnect(), region };
}

/** The innermost focused element, through the shadow root. */
function focused(el: StreamChat): Element | null {
  return shadow(el).activeElement ?? (document.activeElement === el ? null : document.activeElement);
}

describe('announcements', () => {
  it('reads a short answer once, its words only: no Copy button, no code language label', async () => {
    const answer = 'Here is a fix:\n\n```python\ndef position_size(x):\n    return x\n```\n\nThat is all.';
    const { el } = await chatWith({ chunks: [...sse({ content: answer.slice(0, 20) }), { delay: 80 }, ...sse({ content: answer.slice(20) }, { done: true })] });
    const log = recordAnnouncements(el);
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('fix it');
    await done;
    await until(() => log.writes.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    log.stop();
    expect(log.writes).to.deep.equal(['Answer: Here is a fix: def position_size(x): return x That is all.']);
  });

  it('summarises a 100 KB answer in one short announcement instead of reading it all', async () => {
    const paragraph = 'The position size follows the risk budget and the stop distance of each trade. ';
    const block = '```js\nconst x = 1;\n```\n\n';
    const chunks: string[] = [];
    for (let i = 0; i < 130; i++) chunks.push(`${paragraph.repeat(10)}\n\n${i % 50 === 0 ? block : ''}`);
    const content = chunks.join('');
    expect(content.length).to.be.greaterThan(100_000);
    const { el } = await chatWith({ chunks: sse(...chunks.map((c) => ({ content: c })), { done: true }) });
    const log = recordAnnouncements(el);
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('long');
    await done;
    await until(() => log.writes.length > 0, 8000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    log.stop();
    const words = content.split(/\s+/).filter((w) => w && !w.startsWith('```')).length;
    expect(log.writes).to.deep.equal([`Answer ready, ${words.toLocaleString('en')} words, 3 code blocks.`]);
  });

  it('says "Stopped" once when an answer is stopped, and nothing while it streams', async () => {
    const { el } = await chatWith({ chunks: [...sse({ content: 'Working' }), { hang: true }] });
    const log = recordAnnouncements(el);
    void el.send('go');
    await until(() => lastAnswer(el)?.textContent?.includes('Working'));
    expect(log.writes).to.deep.equal([]);
    const cancelled = nextEvent(el, 'stream-chat-cancel');
    el.cancel();
    await cancelled;
    await until(() => log.writes.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    log.stop();
    expect(log.writes).to.deep.equal(['Stopped']);
  });

  it('says a cut-off answer was cut off, in the same single announcement', async () => {
    const { el } = await chatWith({ chunks: sse({ choices: [{ delta: { content: 'Partial text' }, finish_reason: null }] }, { choices: [{ delta: {}, finish_reason: 'length' }] }, '[DONE]') });
    const log = recordAnnouncements(el);
    await el.send('go');
    await until(() => log.writes.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    log.stop();
    expect(log.writes).to.deep.equal(['Answer: Partial text Answer cut off: the model reached its length limit.']);
  });

  it('announces an error once, as an alert, and not again through the polite region', async () => {
    const { el } = await chatWith({ status: 500, headers: { 'content-type': 'text/plain' }, chunks: ['boom'] });
    const log = recordAnnouncements(el);
    await el.send('go');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    log.stop();
    expect(shadow(el).querySelectorAll('[role="alert"]')).to.have.length(1);
    expect(log.writes).to.deep.equal([]);
  });
});

describe('the accessibility tree', () => {
  it('makes every message an article named by its speaker', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat style="height: 500px"></stream-chat>`);
    el.messages = [
      { id: 'q1', role: 'user', content: 'What is 2+2?', status: 'complete' },
      { id: 'a1', role: 'assistant', content: '## Sum\n\nIt is **4**.', status: 'complete' },
      { id: 'q2', role: 'user', content: 'And 3+3?', status: 'complete' },
      { id: 'a2', role: 'assistant', content: '- six\n- 6', status: 'complete' },
    ];
    await until(() => lastAnswer(el)?.querySelector('li'));
    const tree = (await executeServerCommand('cdp-ax-tree')) as AxRow[];
    const articles = tree.filter((row) => row.role === 'article');
    expect(articles.map((row) => row.name)).to.deep.equal(['You said', 'Assistant said', 'You said', 'Assistant said']);
    // Each article holds its own message: the question's text sits inside the first one.
    const first = tree.indexOf(articles[0]);
    const inside = tree.slice(first + 1, tree.indexOf(articles[1])).filter((row) => row.depth > articles[0].depth);
    expect(inside.some((row) => row.name.includes('What is 2+2?'))).to.equal(true);
    const log = tree.find((row) => row.role === 'log')!;
    expect(articles.every((row) => row.depth > log.depth)).to.equal(true);
  });
});

describe('focus after each action', () => {
  it('lands in the composer after Retry, not on the page', async () => {
    const { el } = await chatWith([{ status: 500, chunks: ['nope'] }, { chunks: sse({ content: 'ok' }, { done: true }) }]);
    await el.send('one');
    await el.updateComplete;
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    retry.focus();
    const done = nextEvent(el, 'stream-chat-complete');
    await sendKeys({ press: 'Enter' });
    await done;
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('textarea'));
  });

  it('lands in the composer after Regenerate', async () => {
    const { el } = await chatWith([{ chunks: sse({ content: 'one' }, { done: true }) }, { chunks: sse({ content: 'two' }, { done: true }) }]);
    await el.send('q');
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part="regenerate-button"]')!.focus();
    const done = nextEvent(el, 'stream-chat-complete');
    await sendKeys({ press: 'Enter' });
    await done;
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('textarea'));
  });

  it('stays on Copy answer after copying', async () => {
    const { el } = await chatWith({ chunks: sse({ content: 'copy me' }, { done: true }) });
    await el.send('q');
    await el.updateComplete;
    const copy = shadow(el).querySelector<HTMLButtonElement>('[part="copy-answer-button"]')!;
    copy.focus();
    const copied = nextEvent(el, 'stream-chat-copy');
    await sendKeys({ press: 'Enter' });
    await copied;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    expect(focused(el)).to.equal(copy);
  });

  it('lands in the composer after Stop leaves the button disabled', async () => {
    const { el } = await chatWith({ chunks: [...sse({ content: 'Working' }), { hang: true }] });
    void el.send('go');
    await until(() => lastAnswer(el)?.textContent?.includes('Working'));
    const stop = shadow(el).querySelector<HTMLButtonElement>('[part="stop-button"]')!;
    stop.focus();
    const cancelled = nextEvent(el, 'stream-chat-cancel');
    await sendKeys({ press: 'Enter' });
    await cancelled;
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('textarea'));
  });

  it('lands in the composer when clear() removes the focused control', async () => {
    const { el } = await chatWith({ chunks: sse({ content: 'x' }, { done: true }) });
    await el.send('q');
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part="regenerate-button"]')!.focus();
    el.clear();
    await el.updateComplete;
    expect(focused(el)).to.equal(shadow(el).querySelector('textarea'));
  });
});

describe('Escape', () => {
  it('stops an answer from a focused code block and from a button inside the chat', async () => {
    const { el } = await chatWith([
      { chunks: sse({ content: '```js\nx\n```' }, { done: true }) },
      { chunks: [...sse({ content: 'Working' }), { hang: true }] },
      { chunks: [...sse({ content: 'Again' }), { hang: true }] },
    ]);
    await el.send('one');
    await el.updateComplete;
    void el.send('two');
    await until(() => lastAnswer(el)?.textContent?.includes('Working'));
    shadow(el).querySelector<HTMLElement>('.code-block pre')!.focus();
    let cancelled = nextEvent(el, 'stream-chat-cancel');
    await sendKeys({ press: 'Escape' });
    await cancelled;
    void el.send('three');
    await until(() => lastAnswer(el)?.textContent?.includes('Again'));
    shadow(el).querySelector<HTMLElement>('[part="copy-answer-button"]')!.focus();
    cancelled = nextEvent(el, 'stream-chat-cancel');
    await sendKeys({ press: 'Escape' });
    await cancelled;
    expect(el.busy).to.equal(false);
  });
});

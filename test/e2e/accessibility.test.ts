import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, lastAnswer, nextEvent, openGate, shadow, sse, until } from '../helpers.js';

const richAnswer = 'Here is **the data**:\n\n| run | pnl |\n|---|---:|\n| 5 | -1842 |\n\n```python\nprint("hi")\n```\n\nSee [the docs](https://example.com).';

describe('accessibility (axe) in every state', () => {
  it('empty', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse"></stream-chat>`);
    await expect(el).to.be.accessible();
  });

  it('streaming', async () => {
    const { el } = await chatWith({ chunks: [...sse({ content: 'Working on **it**' }), { hang: true }] });
    void el.send('go');
    await until(() => lastAnswer(el)?.textContent?.includes('Working'));
    expect(shadow(el).querySelector('[part="log"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    el.cancel();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`finished with code and a table (${theme} theme)`, async () => {
      const { el } = await chatWith({ chunks: sse({ content: richAnswer }, { done: true }) });
      el.theme = theme;
      await el.send('show me');
      await until(() => lastAnswer(el).querySelector('.hljs'));
      await expect(el).to.be.accessible();
    });
  }

  it('error', async () => {
    const { el } = await chatWith({ status: 500, headers: { 'content-type': 'text/plain' }, chunks: ['boom'] });
    await el.send('go');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('launcher open', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher" endpoint="/test-sse"></stream-chat>`);
    shadow(el).querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
    await until(() => el.open);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('launcher mode', () => {
  it('opens as a panel, focuses the composer, and Escape closes it with focus back on the launcher', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher" endpoint="/test-sse"></stream-chat>`);
    const launcher = shadow(el).querySelector<HTMLButtonElement>('[part="launcher"]')!;
    const surface = shadow(el).querySelector<HTMLElement>('[part="surface"]')!;
    expect(getComputedStyle(surface).display).to.equal('none');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.localName === 'textarea');
    expect(getComputedStyle(surface).display).to.equal('flex');
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open);
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(launcher);
    expect(getComputedStyle(surface).display).to.equal('none');
  });

  it('sits in a corner of the viewport', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher"></stream-chat>`);
    const box = shadow(el).querySelector('[part="launcher"]')!.getBoundingClientRect();
    expect(Math.round(window.innerWidth - box.right)).to.equal(20);
    expect(Math.round(window.innerHeight - box.bottom)).to.equal(20);
  });
});

describe('keyboard', () => {
  it('keeps focus on the action button when it turns from send into stop, and moves it to the composer when it ends disabled', async () => {
    const { el, testId } = await chatWith({ chunks: [...sse({ content: 'x' }), { gate: true }, ...sse({ done: true })] });
    const input = shadow(el).querySelector('textarea')!;
    input.focus();
    await sendKeys({ type: 'hello' });
    const button = shadow(el).querySelector<HTMLButtonElement>('[part="send-button"]')!;
    button.focus();
    const done = nextEvent(el, 'stream-chat-complete');
    await sendKeys({ press: 'Enter' });
    await until(() => button.getAttribute('part') === 'stop-button');
    expect(shadow(el).activeElement).to.equal(button);
    await openGate(testId);
    await done;
    await el.updateComplete;
    expect(button.getAttribute('part')).to.equal('send-button');
    // Nothing typed, so Send is disabled: focus is not left on a control that cannot be used.
    expect(button.disabled).to.equal(true);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('textarea'));
  });

  it('reaches copy, retry and answer actions with Tab', async () => {
    const { el } = await chatWith([
      { chunks: sse({ content: '```js\nx\n```' }, { done: true }) },
      { status: 500, chunks: ['nope'] },
    ]);
    await el.send('one');
    await el.send('two');
    await el.updateComplete;
    const reached = new Set<string>();
    shadow(el).querySelector<HTMLElement>('[part="copy-button"]')!.focus();
    for (let i = 0; i < 8; i++) {
      reached.add(shadow(el).activeElement?.getAttribute('part') ?? '');
      await sendKeys({ press: 'Tab' });
    }
    for (const part of ['copy-button', 'copy-answer-button', 'retry-button']) expect([...reached]).to.include(part);
  });
});

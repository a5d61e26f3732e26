// What must stay visible and reachable: forced colours (emulated over CDP), target sizes on a
// coarse pointer, the cut-off and stopped states, the empty state, the jump-to-latest button
// and theme="auto" following the host page's colour scheme.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { StreamChat } from '../../src/stream-chat.js';
import { chatWith, lastAnswer, nextEvent, openGate, shadow, sse, until } from '../helpers.js';

const emulate = (features: { name: string; value: string }[]) => executeServerCommand('cdp-emulated-media', { features });

/** Parses a computed `rgb()`/`rgba()` colour. */
function rgb(color: string): [number, number, number, number] {
  const [r, g, b, a = 1] = color.match(/[\d.]+/g)!.map(Number);
  return [r, g, b, a];
}

function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

/** The colour of a background stack over `base`, with alpha blending of a semi-transparent fill. */
function over(fill: string, base: string): string {
  const [r, g, b, a] = rgb(fill);
  const [R, G, B] = rgb(base);
  return `rgb(${r * a + R * (1 - a)}, ${g * a + G * (1 - a)}, ${b * a + B * (1 - a)})`;
}

function part(el: StreamChat, name: string): HTMLElement {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`)!;
}

describe('forced colours (CDP Emulation.setEmulatedMedia forced-colors: active)', () => {
  afterEach(() => emulate([]));

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps the controls, cursor, bubbles, focus and launcher visible (${scheme} page)`, async () => {
      await emulate([{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: scheme }]);
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const { el } = await chatWith({ chunks: [...sse({ content: 'Streaming' }), { hang: true }] });
      el.theme = scheme;
      void el.send('question');
      await until(() => lastAnswer(el)?.querySelector('.cursor'));
      const canvas = getComputedStyle(part(el, 'surface')).backgroundColor;
      const cursor = getComputedStyle(lastAnswer(el).querySelector('.cursor')!);
      expect(cursor.backgroundColor, 'cursor').to.not.equal(canvas);
      expect(contrast(cursor.backgroundColor, canvas), 'cursor contrast').to.be.greaterThan(3);
      const stop = getComputedStyle(part(el, 'stop-button'));
      expect(contrast(stop.backgroundColor, canvas), 'stop button fill').to.be.greaterThan(3);
      expect(contrast(stop.color, stop.backgroundColor), 'stop glyph').to.be.greaterThan(3);
      const bubble = getComputedStyle(shadow(el).querySelector('.user .bubble')!);
      expect(bubble.borderTopStyle, 'user bubble border').to.equal('solid');
      expect(contrast(bubble.borderTopColor, canvas), 'user bubble outline').to.be.greaterThan(3);
      shadow(el).querySelector('textarea')!.focus();
      await sendKeys({ press: 'Shift' });
      const composer = getComputedStyle(part(el, 'composer'));
      expect(composer.outlineStyle, 'composer focus indicator').to.equal('solid');
      expect(contrast(composer.outlineColor, canvas), 'focus indicator colour').to.be.greaterThan(3);
      const cancelled = nextEvent(el, 'stream-chat-cancel');
      el.cancel();
      await cancelled;
      await el.updateComplete;
      const copy = getComputedStyle(part(el, 'copy-answer-button'));
      expect(contrast(copy.borderTopColor, canvas), 'text button outline').to.be.greaterThan(3);

      const launcher = await fixture<StreamChat>(html`<stream-chat mode="launcher"></stream-chat>`);
      launcher.theme = scheme;
      await launcher.updateComplete;
      const button = getComputedStyle(part(launcher, 'launcher'));
      const page = getComputedStyle(document.body).backgroundColor;
      expect(contrast(button.backgroundColor, rgb(page)[3] ? page : canvas), 'launcher fill').to.be.greaterThan(3);
      expect(contrast(button.color, button.backgroundColor), 'launcher glyph').to.be.greaterThan(3);
    });
  }
});

describe('target sizes', () => {
  afterEach(() => executeServerCommand('cdp-touch', { enabled: false }));

  async function finishedWithControls() {
    const { el } = await chatWith([
      { chunks: sse({ content: '```js\nx\n```' }, { done: true }) },
      { status: 500, chunks: ['nope'] },
    ]);
    await el.send('one');
    await el.send('two');
    await el.updateComplete;
    el.messages = [...el.messages.slice(0, 2)];
    await el.updateComplete;
    await el.send('two');
    await el.updateComplete;
    return el;
  }

  function sizes(el: StreamChat) {
    return Array.from(shadow(el).querySelectorAll<HTMLElement>('button, summary, .sources a'))
      .filter((b) => b.checkVisibility())
      .map((b) => ({ part: b.getAttribute('part') ?? b.className, width: b.getBoundingClientRect().width, height: b.getBoundingClientRect().height }));
  }

  it('are at least 24×24 px everywhere, without making the desktop layout heavier', async () => {
    const el = await finishedWithControls();
    const all = sizes(el);
    expect(all.map((s) => s.part)).to.include.members(['copy-button', 'copy-answer-button', 'retry-button', 'send-button']);
    for (const s of all) {
      expect(s.width, `${s.part} width`).to.be.at.least(24);
      expect(s.height, `${s.part} height`).to.be.at.least(24);
      expect(s.height, `${s.part} height on desktop`).to.be.at.most(36);
    }
  });

  it('are at least 44×44 px on a coarse pointer', async () => {
    await executeServerCommand('cdp-touch', { enabled: true });
    expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
    const el = await finishedWithControls();
    for (const s of sizes(el)) {
      expect(s.width, `${s.part} width`).to.be.at.least(44);
      expect(s.height, `${s.part} height`).to.be.at.least(44);
    }
  });
});

describe('cut off and stopped', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`read as states, with weight and passing contrast (${theme} theme)`, async () => {
      const { el } = await chatWith([
        { chunks: sse({ choices: [{ delta: { content: 'Partial' }, finish_reason: null }] }, { choices: [{ delta: {}, finish_reason: 'length' }] }, '[DONE]') },
        { chunks: [...sse({ content: 'Working' }), { hang: true }] },
      ]);
      el.theme = theme;
      await el.send('one');
      void el.send('two');
      await until(() => lastAnswer(el)?.textContent?.includes('Working'));
      const cancelled = nextEvent(el, 'stream-chat-cancel');
      el.cancel();
      await cancelled;
      await el.updateComplete;
      const notices = Array.from(shadow(el).querySelectorAll<HTMLElement>('[part="notice"]'));
      expect(notices.map((n) => n.dataset.kind)).to.deep.equal(['cut-off', 'stopped']);
      const page = getComputedStyle(part(el, 'surface')).backgroundColor;
      const stats = getComputedStyle(part(el, 'copy-answer-button'));
      for (const notice of notices) {
        const style = getComputedStyle(notice);
        expect(Number(style.fontWeight), 'weight').to.be.at.least(600);
        expect(parseFloat(style.fontSize), 'not smaller than the answer buttons').to.be.greaterThan(parseFloat(stats.fontSize));
        expect(parseFloat(style.borderInlineStartWidth), 'a rule').to.be.at.least(3);
        const background = over(style.backgroundColor, page);
        expect(contrast(style.color, background), 'text contrast').to.be.at.least(4.5);
        expect(contrast(style.borderInlineStartColor, background), 'rule contrast').to.be.at.least(3);
      }
      await expect(el).to.be.accessible();
    });
  }
});

describe('empty state', () => {
  it('is centred in the log and themable, and the empty slot still replaces it', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat style="height: 500px; --stream-chat-empty-color: rgb(1, 2, 3)"></stream-chat>`);
    const log = part(el, 'log').getBoundingClientRect();
    const empty = part(el, 'empty');
    const box = empty.getBoundingClientRect();
    expect(Math.abs(box.top + box.height / 2 - (log.top + log.height / 2))).to.be.lessThan(4);
    expect(getComputedStyle(empty).color).to.equal('rgb(1, 2, 3)');
    expect(empty.textContent!.trim()).to.equal('Ask a question to get started.');
    const slotted = await fixture<StreamChat>(html`<stream-chat style="height: 500px"><p slot="empty">Hello there</p></stream-chat>`);
    const slot = part(slotted, 'empty').querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Hello there');
  });
});

describe('jump to latest', () => {
  it('appears when content is added below while the user reads higher up, silently, and follows again', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Line ${i} of a long answer.\n\n`);
    // The rest of the answer waits for the gate, so the user has scrolled up before it comes.
    const { el, testId } = await chatWith({
      chunks: [...sse(...lines.slice(0, 20).map((content) => ({ content }))), { gate: true }, ...sse(...lines.slice(20).map((content) => ({ content })), { done: true })],
    });
    const region = shadow(el).querySelector('[role="status"]')!;
    const log = part(el, 'log');
    const done = nextEvent(el, 'stream-chat-complete');
    void el.send('long please');
    await until(() => lastAnswer(el)?.textContent?.includes('Line 19'));
    await el.updateComplete;
    expect(part(el, 'jump-button')).to.equal(null);
    log.dispatchEvent(new WheelEvent('wheel', { deltaY: -500 }));
    log.scrollTop = 0;
    await new Promise((resolve) => log.addEventListener('scroll', resolve, { once: true }));
    expect(el.busy, 'still streaming when the user scrolled up').to.equal(true);
    await openGate(testId);
    await until(() => part(el, 'jump-button'), 'the jump button');
    const button = part(el, 'jump-button');
    // Nothing is said about it: it is not in a live region, and the polite region does not mention it.
    expect(region.textContent).to.not.include('latest');
    expect(button.closest('[aria-live]')!.getAttribute('aria-live')).to.equal('off');
    expect(button.textContent!.trim()).to.equal('Jump to latest');
    expect(button.checkVisibility()).to.equal(true);
    await done;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'jump-button')).to.equal(null);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.lessThan(2);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('textarea'));
    // Following again: more content keeps the log at the bottom.
    el.messages = [...el.messages, { id: 'more', role: 'assistant', content: 'More\n\n'.repeat(30), status: 'complete' }];
    await until(() => shadow(el).querySelector('[data-id="more"] p') && log.scrollHeight - log.scrollTop - log.clientHeight < 2, 'following again');
    expect(part(el, 'jump-button')).to.equal(null);
  });
});

describe('theme="auto" follows the host page', () => {
  afterEach(async () => {
    document.documentElement.style.colorScheme = '';
    await emulate([]);
  });

  const background = (el: StreamChat) => getComputedStyle(part(el, 'surface')).backgroundColor;
  const dark = 'rgb(13, 17, 23)';
  const light = 'rgb(255, 255, 255)';

  it('a light page on a dark OS gets a light widget; a dark page on a light OS a dark one', async () => {
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const el = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    expect(background(el)).to.equal(light);
    document.documentElement.style.colorScheme = 'light';
    await until(() => background(el) === light);
    await emulate([{ name: 'prefers-color-scheme', value: 'light' }]);
    document.documentElement.style.colorScheme = 'dark';
    await until(() => background(el) === dark, 'dark from the page');
  });

  it('falls back to the OS only when the page declares both schemes', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const el = await fixture<StreamChat>(html`<stream-chat></stream-chat>`);
    await until(() => background(el) === dark, 'dark from the OS');
    await emulate([{ name: 'prefers-color-scheme', value: 'light' }]);
    await until(() => background(el) === light, 'light from the OS');
  });

  it('follows the scheme of the part of the page it sits in, and an explicit theme wins', async () => {
    const page = await fixture<HTMLElement>(html`<div style="color-scheme: dark"><stream-chat></stream-chat></div>`);
    const el = page.querySelector<StreamChat>('stream-chat')!;
    await el.updateComplete;
    expect(background(el)).to.equal(dark);
    el.theme = 'light';
    await el.updateComplete;
    expect(background(el)).to.equal(light);
  });
});

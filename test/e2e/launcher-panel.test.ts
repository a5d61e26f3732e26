// The launcher's panel: focus stays in it, Escape closes it from anywhere, one close control, a
// title in its header, and on a small screen a modal dialog that contains focus.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { StreamChat } from '../../src/stream-chat.js';
import { newTestId, nextEvent, serverLog, shadow, sse, until } from '../helpers.js';

interface AxRow {
  role: string;
  name: string;
  depth: number;
}

/** Buttons a user can see (and so reach) in the element, with their accessible names. */
function visibleButtons(el: StreamChat): { name: string; part: string }[] {
  return Array.from(shadow(el).querySelectorAll('button'))
    .filter((b) => b.checkVisibility())
    .map((b) => ({ name: b.getAttribute('aria-label') ?? b.textContent!.trim(), part: b.getAttribute('part') ?? '' }));
}

async function openLauncher(el: StreamChat): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
  await until(() => shadow(el).activeElement?.localName === 'textarea', 'the composer focused');
}

describe('launcher panel', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps focus in the panel after a suggested prompt is clicked, and Escape then closes it', async () => {
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher" endpoint="/test-sse">
      <div slot="empty"><button data-prompt="Why did run #5 lose money?">Run #5</button></div>
    </stream-chat>`);
    el.body = { testId, script: { chunks: sse({ content: 'Because.' }, { done: true }) } };
    await openLauncher(el);
    const prompt = el.querySelector('button')!;
    prompt.focus();
    const done = nextEvent(el, 'stream-chat-complete');
    await sendKeys({ press: 'Enter' });
    await done;
    await el.updateComplete;
    expect((await serverLog(testId)).requests).to.have.length(1);
    expect(document.activeElement).to.equal(el);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('textarea'));
    // Escape from a button in the log closes the idle panel too.
    shadow(el).querySelector<HTMLElement>('[part="copy-answer-button"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open);
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('[part="launcher"]'));
  });

  it('shows one close control beside the page, with a title in the header', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher"></stream-chat>`);
    await openLauncher(el);
    const closers = visibleButtons(el).filter((b) => /close/i.test(b.name));
    expect(closers).to.deep.equal([{ name: 'Close chat', part: 'launcher' }]);
    const header = shadow(el).querySelector<HTMLElement>('[part="header"]')!;
    expect(header.textContent!.trim()).to.equal('Chat');
    const tree = (await executeServerCommand('cdp-ax-tree')) as AxRow[];
    expect(tree.filter((row) => row.role === 'dialog').map((row) => row.name)).to.deep.equal(['Chat']);
  });

  it('takes its title from the header slot', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat mode="launcher"><span slot="header">Support</span></stream-chat>`);
    await openLauncher(el);
    const tree = (await executeServerCommand('cdp-ax-tree')) as AxRow[];
    expect(tree.filter((row) => row.role === 'dialog').map((row) => row.name)).to.deep.equal(['Support']);
  });

  it('on a 320 px screen is a modal dialog: one close control with its own name, focus contained, the page inert', async () => {
    await setViewport({ width: 320, height: 640 });
    const page = await fixture<HTMLElement>(html`<div>
      <a href="#top">Page link before</a>
      <stream-chat mode="launcher"></stream-chat>
      <a href="#bottom">Page link after</a>
    </div>`);
    const el = page.querySelector<StreamChat>('stream-chat')!;
    await openLauncher(el);
    const surface = shadow(el).querySelector<HTMLElement>('[part="surface"]')!;
    const box = surface.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 320, 640]);
    expect(surface.getAttribute('aria-modal')).to.equal('true');
    expect(surface.matches(':modal')).to.equal(true);
    const closers = visibleButtons(el).filter((b) => /close/i.test(b.name));
    expect(closers).to.deep.equal([{ name: 'Close chat panel', part: 'close-button' }]);
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, `Tab ${i + 1}`).to.equal(el);
    }
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      expect(document.activeElement, `Shift+Tab ${i + 1}`).to.equal(el);
    }
    const tree = (await executeServerCommand('cdp-ax-tree')) as AxRow[];
    expect(tree.some((row) => row.name.startsWith('Page link'))).to.equal(false);
    // Closing gives the page back.
    shadow(el).querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    await until(() => !el.open);
    await el.updateComplete;
    expect(surface.matches(':modal')).to.equal(false);
    const after = (await executeServerCommand('cdp-ax-tree')) as AxRow[];
    expect(after.some((row) => row.name === 'Page link before')).to.equal(true);
  });
});

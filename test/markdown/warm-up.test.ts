import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { MarkdownView } from '../../src/markdown/markdown-view.js';
import { WARM_UP_SAMPLE, warmUpLayout } from '../../src/markdown/warm-up.js';
import type { StreamChat } from '../../src/stream-chat.js';

/** What a call did to `root`'s children: the nodes it added and removed, and what is left. */
function watch(root: ShadowRoot, call: () => void): { added: Element[]; removed: Element[] } {
  const observer = new MutationObserver(() => {});
  observer.observe(root, { childList: true });
  call();
  const records = observer.takeRecords();
  observer.disconnect();
  return {
    added: records.flatMap((r) => Array.from(r.addedNodes)).filter((n): n is Element => n instanceof Element),
    removed: records.flatMap((r) => Array.from(r.removedNodes)).filter((n): n is Element => n instanceof Element),
  };
}

function shadowHost(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

// One file, one page: warmUpLayout runs once per page, so these tests run in this order. The
// element's own call is tested in test/e2e/warm-up.test.ts, in a page of its own.
describe('warm-up', () => {
  it('renders every kind of block in its sample', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update(WARM_UP_SAMPLE, true);
    const tags = new Set(Array.from(view.root.querySelectorAll('*'), (e) => e.localName));
    for (const tag of ['h1', 'h2', 'h3', 'p', 'strong', 'em', 'code', 'a', 'ul', 'ol', 'blockquote', 'table', 'pre']) {
      expect(tags.has(tag), tag).to.be.true;
    }
    expect(view.root.querySelector('.code-block')).to.exist;
  });

  it('does nothing where an answer is already shown', () => {
    const root = shadowHost();
    root.innerHTML = '<article class="message assistant"><div class="markdown"><p>shown</p></div></article>';
    const { added } = watch(root, () => warmUpLayout(root, MarkdownView));
    expect(added).to.have.length(0);
  });

  it('lays out the sample in a hidden, inert box and removes it in the same task, once per page', () => {
    const root = shadowHost();
    const { added, removed } = watch(root, () => warmUpLayout(root, MarkdownView));
    expect(added).to.have.length(1);
    expect(removed).to.deep.equal(added);
    const [box] = added;
    expect(box.className).to.equal('warm-up');
    expect(box.getAttribute('aria-hidden')).to.equal('true');
    expect((box as HTMLElement).inert).to.be.true;
    // The first exchange as the element shows it: a question, an answer with every kind of block, its actions.
    expect(box.querySelector(':scope > .message.user > .bubble')).to.exist;
    expect(box.querySelector(':scope > .message.assistant > .bubble > .markdown table')).to.exist;
    expect(box.querySelector(':scope > .message.assistant .action-button')).to.exist;
    // Coloured code's italic comments, which the sample's plain code block does not have.
    expect(box.querySelector('.markdown code.hljs > .hljs-comment')).to.exist;
    expect(root.children).to.have.length(0);
    expect(watch(root, () => warmUpLayout(root, MarkdownView)).added, 'a second call').to.have.length(0);
  });

  it('is out of flow, invisible and takes no room in the element', async () => {
    const el = await fixture<StreamChat>(html`<stream-chat style="height: 300px; display: block"></stream-chat>`);
    const root = el.shadowRoot!;
    const log = root.querySelector<HTMLElement>('.log')!;
    const before = [el.getBoundingClientRect().height, log.scrollHeight, document.documentElement.scrollHeight];
    const box = document.createElement('div');
    box.className = 'warm-up';
    box.innerHTML = `<div class="markdown">${'<p>text that would take room</p>'.repeat(200)}</div>`;
    root.append(box);
    const style = getComputedStyle(box);
    expect([style.position, style.visibility, style.height, style.pointerEvents]).to.deep.equal(['absolute', 'hidden', '0px', 'none']);
    expect([el.getBoundingClientRect().height, log.scrollHeight, document.documentElement.scrollHeight]).to.deep.equal(before);
    // Laid out all the same (so the fonts and shaping it needs are loaded).
    expect(box.querySelector('p')!.getBoundingClientRect().width).to.be.above(0);
    box.remove();
  });
});

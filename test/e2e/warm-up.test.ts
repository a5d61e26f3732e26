import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { until } from '../helpers.js';

// In a page of its own: the warm-up runs once per page (test/markdown/warm-up.test.ts tests it alone).
describe('warming up the first answer', () => {
  it('lays out a hidden sample answer once, when visible and idle after loading the markdown engine', async () => {
    const el = document.createElement('stream-chat') as StreamChat;
    el.style.cssText = 'height: 300px; display: block';
    document.body.append(el);
    const root = el.shadowRoot!;
    const added: Element[] = [];
    const removed: Element[] = [];
    const parents: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element) || n.className !== 'warm-up') continue;
          added.push(n);
          parents.push(r.target);
        }
        for (const n of r.removedNodes) if (n instanceof Element && n.className === 'warm-up') removed.push(n);
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    await until(() => added.length > 0, 'the warm-up');
    await el.updateComplete;
    expect(removed).to.deep.equal(added);
    expect(root.querySelector('.warm-up')).to.equal(null);
    expect(added[0].getAttribute('aria-hidden')).to.equal('true');
    // Among the messages, where its text has an answer's font (the widget's, set inside the
    // element), not the host page's: the faces it loads are those the first answer needs.
    const messages = root.querySelector('.messages')!;
    expect(parents[0]).to.equal(messages);
    document.body.style.font = '13px serif';
    messages.append(added[0]);
    const sample = getComputedStyle(added[0].querySelector('.markdown p')!);
    const surface = getComputedStyle(root.querySelector('.surface')!);
    expect([sample.fontFamily, sample.fontSize]).to.deep.equal([surface.fontFamily, surface.fontSize]);
    expect(sample.fontFamily).to.not.equal('serif');
    added[0].remove();
    observer.takeRecords();
    document.body.style.font = '';
    // Never again in this page, not for a second element either.
    const other = document.createElement('stream-chat') as StreamChat;
    document.body.append(other);
    observer.observe(other.shadowRoot!, { childList: true, subtree: true });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    expect(added).to.have.length(1);
    observer.disconnect();
    el.remove();
    other.remove();
  });
});

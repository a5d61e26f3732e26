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
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n instanceof Element && n.className === 'warm-up') added.push(n);
        for (const n of r.removedNodes) if (n instanceof Element && n.className === 'warm-up') removed.push(n);
      }
    });
    observer.observe(root, { childList: true });
    await until(() => added.length > 0, 'the warm-up');
    await el.updateComplete;
    expect(removed).to.deep.equal(added);
    expect(root.querySelector('.warm-up')).to.equal(null);
    expect(added[0].getAttribute('aria-hidden')).to.equal('true');
    // Never again in this page, not for a second element either.
    const other = document.createElement('stream-chat') as StreamChat;
    document.body.append(other);
    observer.observe(other.shadowRoot!, { childList: true });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    expect(added).to.have.length(1);
    observer.disconnect();
    el.remove();
    other.remove();
  });
});

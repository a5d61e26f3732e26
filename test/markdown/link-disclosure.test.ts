// Honest links (issue 12): link text can lie about its destination. Every link's title carries
// where it goes, and a link whose text looks like a URL or host other than its destination shows
// the real host next to it.
import { expect } from '@open-wc/testing';
import { MarkdownView } from '../../src/markdown/markdown-view.js';

function rendered(markdown: string, chunk = 0): HTMLElement {
  const view = new MarkdownView(document.createElement('div'));
  if (chunk) for (let i = chunk; i < markdown.length; i += chunk) view.update(markdown.slice(0, i), false);
  view.update(markdown, true);
  return view.root;
}

const hostLabels = (root: HTMLElement) => Array.from(root.querySelectorAll('.link-host'), (el) => el.textContent);

describe('honest links', () => {
  it('a link whose text is another address shows the real host, streamed or not', () => {
    const markdown = 'Log in at [https://bank.example.com/login](https://evil.example/phish) now.';
    for (const chunk of [0, 3]) {
      const root = rendered(markdown, chunk);
      const link = root.querySelector('a')!;
      expect(link.title).to.equal('https://evil.example/phish');
      expect(hostLabels(root)).to.deep.equal(['evil.example']);
      expect(root.textContent).to.contain('evil.example');
      const label = root.querySelector('.link-host')!;
      expect(label.previousElementSibling).to.equal(link);
      expect(label.getAttribute('part')).to.equal('link-host');
    }
    // Mid-stream, the cursor follows the label rather than going into it.
    const view = new MarkdownView(document.createElement('div'));
    view.update('[https://bank.example.com/](https://evil.example/)', false);
    expect(view.root.querySelector('.link-host')!.children).to.have.length(0);
    expect(view.root.querySelector('.link-host')!.nextElementSibling?.classList.contains('cursor')).to.be.true;
  });

  it('a bare host as text, and a homograph, are disclosed as the destination host (punycode)', () => {
    expect(hostLabels(rendered('[paypal.com](https://payments.example.net/)'))).to.deep.equal(['payments.example.net']);
    expect(hostLabels(rendered('[paypal.com](https://xn--pypal-4ve.com/)'))).to.deep.equal(['xn--pypal-4ve.com']);
  });

  it('every link carries its destination in its title; a markdown title comes first', () => {
    const root = rendered('[docs](https://example.com/docs "The guide") and [click here](https://other.example/x)');
    expect(Array.from(root.querySelectorAll('a'), (a) => a.title)).to.deep.equal([
      'The guide — https://example.com/docs',
      'https://other.example/x',
    ]);
    expect(hostLabels(root), 'text that is no address needs no label').to.deep.equal([]);
  });

  it('no label when the text names the destination host (www. aside), or for autolinks', () => {
    const root = rendered('[example.com](https://example.com/a) [www.example.com/b](https://example.com/b) <https://example.org/c> https://example.net/d');
    expect(hostLabels(root)).to.deep.equal([]);
    expect(root.querySelectorAll('a')).to.have.length(4);
  });

  it('a model cannot forge the label: a span with the class from raw HTML loses it', () => {
    const view = new MarkdownView(document.createElement('div'), { html: 'sanitize' });
    view.update('<span class="link-host">bank.example.com</span>', true);
    expect(view.root.querySelector('.link-host')).to.equal(null);
  });
});

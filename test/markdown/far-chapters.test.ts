import { expect } from '@open-wc/testing';
import { KEEP_CHAPTERS } from '../../src/markdown/far-chapters.js';
import { loadLanguage } from '../../src/markdown/highlight.js';
import { MarkdownView } from '../../src/markdown/markdown-view.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { markdown } from '../../src/styles/markdown.js';
import { chatShowing, lastAnswer, shadow, until } from '../helpers.js';

/** An answer of `count` blocks of every kind a chapter may hold: paragraphs with inline markup and links, code, lists, tables, raw HTML shown as text. */
function answer(count: number): string {
  return Array.from({ length: count }, (_, i) => {
    if (i % 10 === 1) return `\`\`\`ts\nconst total${i}: number = [${i}, 2].reduce((a, b) => a + b, 0);\n\`\`\``;
    if (i % 10 === 4) return `- item **${i}**\n- item \`${i}\`\n  - nested [link](https://example.com/${i})`;
    if (i % 10 === 7) return `| a | b |\n|---|---:|\n| ${i} | _${i}_ |`;
    if (i % 10 === 9) return `Raw <img src=x onerror="window.__pwned=1"> ${i} stays text.`;
    return `Paragraph ${i} with **bold**, \`code\` and a [link](https://example.com/p${i}).`;
  }).join('\n\n');
}

/** The chapters of `text` as a view renders them when nothing dries (detached: no styles, so nothing is ever skipped). */
async function reference(text: string): Promise<HTMLElement[]> {
  const view = new MarkdownView(document.createElement('div'));
  view.update(text, true);
  await view.settled();
  return Array.from(view.root.children) as HTMLElement[];
}

const chaptersOf = (el: StreamChat) => Array.from(lastAnswer(el).children) as HTMLElement[];
const isDry = (chapter: Element) => chapter.classList.contains('dry');
const log = (el: StreamChat) => shadow(el).querySelector<HTMLElement>('.log')!;
/** Scrolls the log as a user does (a wheel turn first), so that it stops or resumes following the end. */
const scrollTo = (el: StreamChat, top: number) => {
  log(el).dispatchEvent(new WheelEvent('wheel', { deltaY: top > log(el).scrollTop ? 500 : -500 }));
  log(el).scrollTop = top;
};
const textOf = (chapters: Element[]) => chapters.map((c) => c.textContent).join('');
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

describe('far chapters', () => {
  before(() => loadLanguage('typescript'));

  it('keep only their text while off-screen, and are rendered again as they were when they come near', async () => {
    // 900 blocks: chapters of 4, 4, 4, 4 and 8 segments of 32, then a sixth, so the first two are
    // at least KEEP_CHAPTERS behind the newest.
    const text = answer(900);
    const expected = await reference(text);
    expect(expected.length).to.equal(KEEP_CHAPTERS + 2);
    const el = await chatShowing('height: 400px; display: block', text);
    // All of it (a long answer is shown over a few frames, catch-up.ts), and dried meanwhile.
    await until(() => lastAnswer(el).textContent === textOf(expected) && chaptersOf(el).slice(0, 2).every(isDry), 'the whole answer, its first two chapters dried');
    const chapters = chaptersOf(el);
    // The nearer chapters keep their markup.
    expect(chapters.slice(2).some(isDry)).to.be.false;
    for (const [i, chapter] of chapters.slice(0, 2).entries()) {
      // One text node per segment, each the segment's text: the answer's text is unchanged.
      expect(Array.from(chapter.childNodes).every((node) => node instanceof Text)).to.be.true;
      const texts = Array.from(chapter.childNodes, (node) => node.textContent);
      expect(texts.length).to.equal(expected[i].children.length);
      expect(texts.every((t, j) => t === expected[i].children[j].textContent)).to.be.true;
      expect(chapter.querySelector('*')).to.be.null;
      expect(getComputedStyle(chapter).whiteSpace).to.equal('pre-line');
    }

    // Scrolled to the top, the first chapter is rendered again: the same markup as before it
    // dried (code coloured, links checked, raw HTML still text, through the sanitizer again).
    scrollTo(el, 0);
    // Its code is coloured a task or two after the rest (highlight.ts).
    await until(() => !isDry(chapters[0]) && chapters[0].innerHTML === expected[0].innerHTML, 'the first chapter restored as it was');
    expect(chapters[0].querySelectorAll('code.hljs').length).to.be.above(0);
    expect(chapters[0].querySelector('img')).to.be.null;
    expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
    expect(lastAnswer(el).textContent === textOf(expected), 'the same text').to.be.true;
  });

  /** A view streaming into a scrolling log of 400 px, with the element's markdown styles. */
  function streamingView() {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [markdown.styleSheet!];
    const scroller = document.createElement('div');
    scroller.style.cssText = 'height: 400px; overflow: auto';
    const answerRoot = document.createElement('div');
    answerRoot.className = 'markdown';
    scroller.append(answerRoot);
    root.append(scroller);
    const view = new MarkdownView(answerRoot);
    const chapters = () => Array.from(answerRoot.children) as HTMLElement[];
    /** Shows the first `count` blocks of a 1,300-block answer, still streaming, scrolled to the end. */
    const streamTo = async (count: number) => {
      view.update(answer(1300).split('\n\n').slice(0, count).join('\n\n') + '\n\n', false);
      scroller.scrollTop = scroller.scrollHeight;
      await frames(3);
    };
    return { host, root, scroller, view, chapters, streamTo };
  }

  it('dry again, once left, when the next chapter is sealed; not while the focus is in them', async () => {
    const { host, root, scroller, chapters, streamTo } = streamingView();
    try {
      // Chapters hold 128 blocks each at first, 256 from the fifth: the sixth begins at block 768.
      for (let count = 100; count <= 900; count += 100) await streamTo(count);
      await until(() => chapters().length === 6 && isDry(chapters()[1]), 'the first two chapters dried');
      expect(isDry(chapters()[0])).to.be.true;
      expect(chapters().slice(2).some(isDry)).to.be.false;

      // The user scrolls back to the first chapter, and moves on: it stays rendered for now.
      scroller.scrollTop = 0;
      await until(() => !isDry(chapters()[0]), 'the first chapter restored');
      scroller.scrollTop = scroller.scrollHeight;
      await frames(5);
      expect(isDry(chapters()[0])).to.be.false;
      // The next chapter sealed (the seventh begins at block 1,024) dries it again, and the third.
      await streamTo(1100);
      await until(() => isDry(chapters()[0]) && isDry(chapters()[2]), 'the first and third chapters dried');

      // The focus in a chapter keeps it rendered: the browser does not skip it.
      scroller.scrollTop = 0;
      await until(() => !isDry(chapters()[0]), 'the first chapter restored again');
      const button = chapters()[0].querySelector<HTMLButtonElement>('.copy-button')!;
      button.focus({ preventScroll: true });
      scroller.scrollTop = scroller.scrollHeight;
      await frames(5);
      await streamTo(1300);
      await until(() => chapters().length === 8 && isDry(chapters()[3]), 'the fourth chapter dried');
      expect(isDry(chapters()[0])).to.be.false;
      expect(root.activeElement).to.equal(button);
    } finally {
      host.remove();
    }
  });

  it('leave an answer of fewer than five chapters as it is', async () => {
    const text = answer(500);
    const expected = await reference(text);
    expect(expected.length).to.equal(KEEP_CHAPTERS);
    const el = await chatShowing('height: 400px; display: block', text);
    await until(() => lastAnswer(el).textContent === textOf(expected), 'the whole answer');
    // Its first chapters are off-screen (skipped) by now, and stay rendered.
    await until(() => !chaptersOf(el)[0].checkVisibility({ contentVisibilityAuto: true }) || !chaptersOf(el)[0].firstElementChild?.checkVisibility({ contentVisibilityAuto: true }), 'the first chapter skipped');
    await frames(5);
    expect(chaptersOf(el).some(isDry)).to.be.false;
    expect(chaptersOf(el).every((c, i) => c.innerHTML === expected[i].innerHTML), 'the same markup').to.be.true;
  });
});

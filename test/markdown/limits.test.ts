import { expect } from '@open-wc/testing';
import type { Token } from 'marked';
import { lexSafely, MAX_LINE, MAX_NESTING, NestingLimiter, renderSafely } from '../../src/markdown/limits.js';
import { MarkdownView } from '../../src/markdown/markdown-view.js';

/** The text a person sees, whitespace runs made single spaces. */
function visible(root: Element): string {
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function render(text: string, chunk?: number): HTMLElement {
  const view = new MarkdownView(document.createElement('div'));
  if (chunk) {
    for (let i = chunk; i < text.length; i += chunk) view.update(text.slice(0, i), false);
  }
  view.update(text, true);
  return view.root;
}

/** How deep `selector` elements nest in `root`. */
function depthOf(root: Element, selector: string): number {
  let deepest = 0;
  for (const el of Array.from(root.querySelectorAll(selector))) {
    let depth = 0;
    for (let node: Element | null = el; node && node !== root; node = node.parentElement) if (node.matches(selector)) depth += 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

const deep = {
  blockquotes: (n: number) => '> '.repeat(n),
  bullets: (n: number) => '- '.repeat(n),
  numbers: (n: number) => '1. '.repeat(n),
  'quoted bullets': (n: number) => '> - '.repeat(n),
  'indented bullets': (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i}\n`).join(''),
};

describe('nesting beyond what marked can take', () => {
  for (const [kind, make] of Object.entries(deep)) {
    it(`shows every word around and inside ${kind} nested thousands deep, one-shot and streamed`, () => {
      const depth = kind === 'indented bullets' ? 200 : 3000;
      const text = `Before the nesting.\n\n${make(depth)}deepest words\n\nAfter the nesting, **still markdown**.\n`;
      for (const chunk of [undefined, 997]) {
        const root = render(text, chunk);
        const shown = visible(root);
        expect(shown, `chunk ${chunk}`).to.contain('Before the nesting.');
        expect(shown, `chunk ${chunk}`).to.contain('deepest words');
        expect(shown, `chunk ${chunk}`).to.contain('After the nesting, still markdown.');
        expect(root.querySelector('strong')?.textContent).to.equal('still markdown');
        if (kind === 'indented bullets') expect(shown).to.contain('level 199');
      }
    });
  }

  it(`renders ${MAX_NESTING} levels as written and shows deeper markers as text`, () => {
    const faithful = render(`${'> '.repeat(MAX_NESTING)}x`);
    expect(depthOf(faithful, 'blockquote')).to.equal(MAX_NESTING);
    const capped = render(`${'> '.repeat(MAX_NESTING + 2)}x`);
    expect(depthOf(capped, 'blockquote')).to.equal(MAX_NESTING);
    expect(visible(capped)).to.equal('> > x');
    const list = render(Array.from({ length: MAX_NESTING }, (_, i) => `${'  '.repeat(i)}- ${i}`).join('\n'));
    expect(depthOf(list, 'ul')).to.equal(MAX_NESTING);
  });

  it('caps lines as they stream, whatever the chunk boundaries, and leaves fenced code alone', () => {
    const limiter = new NestingLimiter();
    const code = `${'> '.repeat(40)}code\n`;
    const text = `\`\`\`\n${code}\`\`\`\n${'> '.repeat(40)}text\n`;
    const capped = limiter.lines(text);
    expect(capped).to.contain(code);
    expect(capped).to.contain(`${'> '.repeat(MAX_NESTING)}\\> `);
    expect(new NestingLimiter().peek('- '.repeat(40))).to.equal(`${'- '.repeat(MAX_NESTING)}\\${'- '.repeat(8)}`);
  });
});

describe('a line longer than marked can take', () => {
  it('shows a 12 MB line in full, one-shot', () => {
    const line = 'word '.repeat(2_400_000);
    const root = render(`Intro **bold**\n\n${line}\n\nOutro`);
    expect(root.textContent!.length).to.be.greaterThan(line.length);
    expect(root.textContent).to.contain(line.trim());
    expect(root.querySelector('strong')?.textContent).to.equal('bold');
    expect(visible(root).endsWith('Outro')).to.equal(true);
  });

  it(`shows a line over ${MAX_LINE} characters in full, streamed`, () => {
    const line = 'x'.repeat(MAX_LINE * 3);
    const root = render(`Intro\n\n${line}`, 20_011);
    expect(root.textContent).to.contain(line);
  });
});

describe('a block that fails to render', () => {
  it('shows that block as its source text and the rest as markdown', () => {
    const tokens = lexSafely('# Title\n\nsome **bold**\n');
    const broken = { type: 'no-such-block', raw: 'the <raw> source\nof the block\n' } as unknown as Token;
    const html = renderSafely([tokens[0], broken, ...tokens.slice(1)], 'escape');
    const root = document.createElement('div');
    root.innerHTML = html;
    expect(root.querySelector('h1')?.textContent).to.equal('Title');
    expect(root.querySelector('strong')?.textContent).to.equal('bold');
    expect(root.textContent).to.contain('the <raw> source');
    expect(root.querySelector('br')).to.exist;
  });

  it('shows a paragraph marked cannot lex (emphasis 6,000 deep) as text, its neighbours as markdown', () => {
    const stars = `${'*'.repeat(6000)}x${'*'.repeat(6000)}`;
    const root = render(`**before**\n\n${stars}\n\n**after**`);
    expect(root.textContent).to.contain(stars);
    expect(Array.from(root.querySelectorAll('strong'), (s) => s.textContent)).to.deep.equal(['before', 'after']);
  });
});

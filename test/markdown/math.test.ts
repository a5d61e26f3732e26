// Math in answers (src/markdown/math.ts, math-render.ts, math-sanitize.ts): which text is a
// formula, how it streams, what reaches the DOM, and that the element keeps the TeX for copying.
import { expect } from '@open-wc/testing';
import { MarkdownView } from '../../src/markdown/markdown-view.js';
import { inlineFormula, texOf } from '../../src/markdown/math.js';
import { sanitizeMath } from '../../src/markdown/math-sanitize.js';
import { chatWith, lastAnswer, nextEvent, shadow, sse, until } from '../helpers.js';

const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** Renders `text` whole, waits for KaTeX, and returns the root. */
async function rendered(text: string): Promise<HTMLElement> {
  const root = document.createElement('div');
  const view = new MarkdownView(root);
  view.update(text, true);
  await view.settled();
  return root;
}

const formulas = (root: ParentNode) =>
  Array.from(root.querySelectorAll('.math-inline, .math-display'), (el) => ({
    display: el.classList.contains('math-display'),
    typeset: !!el.querySelector('math'),
    text: el.textContent,
  }));

describe('math delimiters', () => {
  it('finds $...$, $$...$$, \\(...\\) and \\[...\\] and their TeX', () => {
    expect(inlineFormula('$x^2$ rest')).to.include({ raw: '$x^2$', tex: 'x^2', display: false });
    expect(inlineFormula('$$\\frac{a}{b}$$')).to.include({ tex: '\\frac{a}{b}', display: true });
    expect(inlineFormula('\\(a+b\\) and')).to.include({ raw: '\\(a+b\\)', tex: 'a+b', display: false });
    expect(inlineFormula('\\[ \\sum_i x_i \\]')).to.include({ tex: '\\sum_i x_i', display: true });
    expect(inlineFormula('$a \\$ b$')).to.include({ tex: 'a \\$ b' });
    expect(texOf('$$\nx\n$$')).to.deep.equal({ tex: 'x', display: true });
  });

  it('leaves money, unclosed and space-padded dollars alone', () => {
    for (const text of ['$5 and $10', '$5-$10', '$7.50, and `$x$` in code', '\\(a `b\\)`', '$ x $', '$x', '$$x', '\\(x', '$x $', '$1,000 or $2,000.', 'costs $3.']) {
      expect(inlineFormula(text), text).to.equal(undefined);
    }
  });

  it('renders prose with money as text, and code spans and blocks as code', async () => {
    const root = await rendered(
      'It costs $5 and $10, or $5-$10 for two.\n\nIn code at $7.50: `$x$` and `\\(y\\)`.\n\n```\n$$z$$\n```\n\nEscaped: \\$a$ stays.',
    );
    expect(formulas(root)).to.deep.equal([]);
    expect(root.querySelector('math')).to.equal(null);
    expect(root.textContent).to.contain('It costs $5 and $10, or $5-$10 for two.');
    expect(Array.from(root.querySelectorAll('code'), (code) => code.textContent)).to.deep.equal(['$x$', '\\(y\\)', '$$z$$\n']);
  });
});

describe('math rendering', () => {
  it('typesets every kind of formula as MathML, display ones as blocks', async () => {
    const root = await rendered(
      'Euler: $e^{i\\pi} + 1 = 0$ and \\(a^2 + b^2 = c^2\\).\n\n$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$\n\n\\[\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}\\]\n\nInline display: $$x_1$$ done.',
    );
    expect(formulas(root).map(({ display, typeset }) => ({ display, typeset }))).to.deep.equal([
      { display: false, typeset: true },
      { display: false, typeset: true },
      { display: true, typeset: true },
      { display: true, typeset: true },
      { display: true, typeset: true },
    ]);
    const maths = Array.from(root.querySelectorAll('math'));
    expect(maths.every((math) => math.namespaceURI === MATHML)).to.equal(true);
    expect(maths.map((math) => math.getAttribute('display'))).to.deep.equal([null, null, 'block', 'block', 'block']);
    expect(root.querySelector('div.math-display math mfrac')).not.to.equal(null);
    // Nothing of KaTeX's HTML output, and no TeX annotation: the MathML is all there is.
    expect(root.querySelector('.katex, semantics, annotation, [style], [class^="katex"]')).to.equal(null);
  });

  it('lays out natively in the shadow root: no KaTeX stylesheet or font is needed', async () => {
    const root = document.createElement('div');
    root.className = 'markdown';
    document.body.append(root);
    try {
      const view = new MarkdownView(root);
      view.update('$$\\frac{a}{b}$$', true);
      await view.settled();
      const fraction = root.querySelector('mfrac')!;
      const [a, b] = Array.from(fraction.children).map((child) => child.getBoundingClientRect());
      // Numerator above denominator: MathML layout, not text in a line.
      expect(a.bottom).to.be.at.most(b.top + 1);
      expect(document.fonts.size).to.equal(0);
    } finally {
      root.remove();
    }
  });

  it('shows an unclosed formula as its source while streaming, and math once it closes', async () => {
    const root = document.createElement('div');
    const view = new MarkdownView(root);
    // KaTeX is loaded by the earlier tests or here; either way the closed formula is typeset.
    view.update('Area: $\\pi r', false);
    expect(root.querySelector('math')).to.equal(null);
    expect(root.textContent).to.contain('$\\pi r');
    view.update('Area: $\\pi r^2$', false);
    await view.settled();
    await until(() => root.querySelector('math'), 'the typeset formula');
    expect(root.textContent).not.to.contain('$');
    // Once KaTeX is in, the re-rendered open block shows the formula as math in every frame.
    view.update('Area: $\\pi r^2$ for a circle, $x', false);
    expect(root.querySelectorAll('math')).to.have.length(1);
    expect(root.textContent).to.contain('for a circle, $x');
    view.update('Area: $\\pi r^2$ for a circle, $x$.', true);
    await view.settled();
    expect(root.querySelectorAll('math')).to.have.length(2);
  });

  it('does not take a * or _ inside a streaming formula for unclosed emphasis', async () => {
    const root = document.createElement('div');
    const view = new MarkdownView(root);
    view.update('Product $a*b$ and $x_1 + y_2$ then', false);
    await view.settled();
    view.update('Product $a*b$ and $x_1 + y_2$ then more', false);
    expect(root.querySelector('em, strong')).to.equal(null);
    expect(root.textContent!.replace(/\s+/g, ' ')).not.to.contain('*');
  });

  it('writes \\mathbb, \\mathbf, \\mathcal and \\mathfrak as mathematical characters, which Chromium shows', async () => {
    const root = await rendered('$\\mathbb{R}^n \\mathbf{x} \\mathcal{L} \\mathfrak{g} \\mathbb{1}$');
    expect(root.querySelector('math')!.textContent).to.equal('ℝn𝐱ℒ𝔤𝟙');
    expect(Array.from(root.querySelectorAll('[mathvariant]'), (el) => el.getAttribute('mathvariant'))).to.satisfy((values: string[]) =>
      values.every((value) => value === 'normal'),
    );
  });

  it('keeps the source of a formula KaTeX cannot parse', async () => {
    const root = await rendered('Broken: $\\frac{a$ and fine: $b$.');
    const [broken, fine] = formulas(root);
    expect(broken).to.deep.equal({ display: false, typeset: false, text: '$\\frac{a$' });
    expect(fine.typeset).to.equal(true);
    expect(root.querySelector('.math-error')!.textContent).to.equal('$\\frac{a$');
  });
});

describe('the math sanitizer', () => {
  it('keeps presentation MathML and drops links, actions, HTML islands, styles and handlers', () => {
    const fragment = sanitizeMath(
      '<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow>' +
        '<mi href="javascript:alert(1)" xlink:href="javascript:alert(1)" style="color:red" class="x" id="y" onclick="alert(1)">x</mi>' +
        '<maction actiontype="statusline"><mtext>a</mtext><mtext>b</mtext></maction>' +
        '<mtext><img src=x onerror=alert(1)><a href="javascript:alert(1)">link</a><style>*{}</style></mtext>' +
        '<mstyle mathcolor="url(javascript:alert(1))" mathbackground="red"><mn>1</mn></mstyle>' +
        '<annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml>' +
        '</mrow><annotation encoding="application/x-tex">x</annotation></semantics></math></span><p>after</p>',
    );
    expect(fragment.children).to.have.length(1);
    const math = fragment.firstElementChild!;
    expect(math.localName).to.equal('math');
    expect(math.namespaceURI).to.equal(MATHML);
    const all = [math, ...Array.from(math.querySelectorAll('*'))];
    expect(all.every((el) => el.namespaceURI === MATHML)).to.equal(true);
    expect(all.map((el) => el.localName)).to.not.include.members(['maction', 'semantics', 'annotation', 'annotation-xml', 'img', 'a', 'style']);
    const attributes = all.flatMap((el) => el.getAttributeNames());
    expect(attributes.filter((name) => !['display', 'mathbackground'].includes(name))).to.deep.equal([]);
    expect(math.querySelector('mstyle')!.getAttribute('mathbackground')).to.equal('red');
    // The maction's children survive as plain MathML, the link's text as text.
    expect(math.textContent).to.equal('xablink1');
  });

  it('returns nothing when no <math> survives', () => {
    expect(sanitizeMath('<img src=x onerror=alert(1)><script>alert(1)</script>text').childNodes).to.have.length(0);
  });
});

describe('math in <stream-chat>', () => {
  it('renders math in an answer and copies the answer with its TeX', async () => {
    const answer = 'The roots are $x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}$.\n\n$$\nE = mc^2\n$$';
    const { el } = await chatWith({ chunks: [...sse({ content: answer.slice(0, 20) }, { content: answer.slice(20) }), ...sse({ done: true })] });
    await el.send('roots?');
    await el.updateComplete;
    await until(() => lastAnswer(el).querySelectorAll('math').length === 2, 'two typeset formulas');
    expect(lastAnswer(el).querySelector('math mfrac msqrt')).not.to.equal(null);
    const copied = nextEvent(el, 'stream-chat-copy');
    shadow(el).querySelector<HTMLButtonElement>('[part="copy-answer-button"]')!.click();
    expect((await copied).detail.text).to.equal(answer);
    expect(await navigator.clipboard.readText()).to.equal(answer);
  });
});

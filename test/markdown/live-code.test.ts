// The streaming code element: coloured as it grows, ending in the DOM a one-shot highlight makes.
import { expect } from '@open-wc/testing';
import { highlightCode, loadLanguage } from '../../src/markdown/highlight.js';
import { LiveCode } from '../../src/markdown/live-code.js';
import { seededRandom } from '../support.js';

const programs: Record<string, string> = {
  python: 'def f(x: int) -> str:\n    """Doc\n    string."""\n    return f"{x!r}"  # done\n\nclass A(B):\n    pass\n',
  javascript: 'const a = `multi\nline ${1 + 2}`;\n/* block\n comment */\nfunction g() { return /re+/g.test("s"); }\n',
  xml: '<div class="a">\n  <script>let x = 1 < 2;</script>\n  <!-- note\n  -->\n  <p>t &amp; u</p>\n</div>\n',
  css: '.a > b:hover {\n  color: #fff; /* c\n  */\n  margin: 0 auto !important;\n}\n',
};

/** The DOM a finished block gets: the same code highlighted once. */
async function oneShot(code: string, language: string): Promise<string> {
  const element = document.createElement('code');
  element.textContent = code;
  await highlightCode(element, language);
  return element.innerHTML;
}

describe('LiveCode', () => {
  before(async () => {
    for (const language of Object.keys(programs)) expect(await loadLanguage(language)).to.be.true;
  });

  for (const [language, program] of Object.entries(programs)) {
    it(`colours ${language} as it streams and ends in the DOM of a one-shot highlight`, async () => {
      const expected = await oneShot(program, language);
      const next = seededRandom(language.length);
      let frozenRuns = 0;
      for (let run = 0; run < 10; run++) {
        const code = document.createElement('code');
        const live = new LiveCode(code, language);
        let shown = '';
        let coloured = false;
        let previousFirst: Node | null = null;
        let frozen: Node | null = null;
        for (let i = 0; i < program.length; ) {
          i += 1 + Math.floor(next() * 12);
          shown = program.slice(0, i);
          live.show(shown);
          expect(code.textContent).to.equal(shown);
          coloured ||= !!code.querySelector('[class^="hljs-"]');
          // No flicker: the tail's nodes are replaced on every update, so a first node that survived
          // one update was frozen, and must stay for good.
          if (frozen) expect(code.firstChild, `the frozen first node was replaced at ${i}`).to.equal(frozen);
          else if (code.firstChild && code.firstChild === previousFirst) frozen = code.firstChild;
          previousFirst = code.firstChild;
        }
        expect(coloured, 'coloured while streaming').to.be.true;
        frozenRuns += frozen ? 1 : 0;
        expect(code.classList.contains('hljs')).to.be.true;
        expect(code.innerHTML, `run ${run}`).to.equal(expected);
      }
      expect(frozenRuns, 'runs where colours were frozen before the end').to.be.greaterThan(5);
    });
  }

  it('grows as plain text while the grammar is not loaded', () => {
    const code = document.createElement('code');
    const live = new LiveCode(code, 'no-such-grammar');
    live.show('let a');
    live.show('let a = 1;\n');
    expect(code.innerHTML).to.equal('let a = 1;\n');
    expect(code.classList.contains('hljs')).to.be.false;
  });

  it('escapes code that looks like markup', () => {
    const code = document.createElement('code');
    const live = new LiveCode(code, 'xml');
    const hostile = '<img src=x onerror=alert(1)>\n<script>alert(1)</script>\n';
    for (let i = 1; i <= hostile.length; i++) live.show(hostile.slice(0, i));
    expect(code.querySelector('img, script')).to.be.null;
    expect(code.textContent).to.equal(hostile);
  });
});

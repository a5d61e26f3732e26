// The block splitter on strings: which blocks are committed, where the open block starts, fences
// and line endings. No DOM involved (markdown-view.test.ts covers what the view makes of it).
import { expect } from '@open-wc/testing';
import type { Token } from 'marked';
import { BlockSplitter, definesReferences, OpenFence } from '../../src/markdown/blocks.js';
import { seededRandom } from '../support.js';

/** Feeds `text` (growing from what was fed) and splits; the raw source of each side. */
function step(blocks: BlockSplitter, text: string, final = false): { finished?: string[]; open: string } {
  blocks.feed(text, final);
  const { finished, open } = blocks.split(final);
  const raw = (tokens: Token[]) => tokens.filter((t) => t.type !== 'space').map((t) => t.raw);
  return { finished: finished && raw(finished), open: open.map((t) => t.raw).join('') };
}

describe('BlockSplitter', () => {
  it('keeps the last block open until another one starts', () => {
    const blocks = new BlockSplitter();
    expect(step(blocks, 'First para')).to.deep.equal({ finished: undefined, open: 'First para' });
    expect(step(blocks, 'First paragraph.\n\nSec')).to.deep.equal({ finished: ['First paragraph.'], open: 'Sec' });
    expect(blocks.open).to.equal('Sec');
    expect(step(blocks, 'First paragraph.\n\nSecond.')).to.deep.equal({ finished: undefined, open: 'Second.' });
    expect(blocks.source()).to.equal('First paragraph.\n\nSecond.');
  });

  it('commits everything when the text is final', () => {
    const blocks = new BlockSplitter();
    step(blocks, '# Title\n\nBody');
    const last = step(blocks, '# Title\n\nBody text', true);
    expect(last.finished).to.deep.equal(['Body text']);
    expect(last.open).to.equal('');
    expect(blocks.open).to.equal('');
    expect(blocks.source()).to.equal('# Title\n\nBody text');
  });

  it('commits a block no later text can change: a closed fence, an ATX heading line, a rule', () => {
    expect(step(new BlockSplitter(), '```js\nx\n```\n').finished).to.deep.equal(['```js\nx\n```\n']);
    expect(step(new BlockSplitter(), '## Heading\n').finished).to.deep.equal(['## Heading\n']);
    expect(step(new BlockSplitter(), '---\n').finished).to.deep.equal(['---\n']);
    // Until its line ends a heading may still grow, and a setext underline may still come.
    expect(step(new BlockSplitter(), '## Head').finished).to.equal(undefined);
    expect(step(new BlockSplitter(), 'Title\n').finished).to.equal(undefined);
    // A fence without its complete closing line is still open.
    expect(step(new BlockSplitter(), '```js\nx\n``').finished).to.equal(undefined);
  });

  it('normalizes CRLF and CR, also when a pair is split across updates', () => {
    const blocks = new BlockSplitter();
    blocks.feed('one\r', false);
    expect(blocks.open).to.equal('one', 'a trailing CR waits for what follows');
    blocks.feed('one\r\ntwo\rthree', false);
    expect(blocks.open).to.equal('one\ntwo\nthree');
    blocks.feed('one\r\ntwo\rthree\r', true);
    expect(blocks.open).to.equal('one\ntwo\nthree\n', 'a final CR is a line ending');
  });

  it('tells whether a text extends or repeats what was fed, and forgets on reset', () => {
    const blocks = new BlockSplitter();
    blocks.feed('Hello wor', false);
    expect(blocks.holds('Hello wor')).to.be.true;
    expect(blocks.extendedBy('Hello world')).to.be.true;
    expect(blocks.holds('Hello world')).to.be.false;
    expect(blocks.extendedBy('Help')).to.be.false;
    // Only the last characters are compared, so a check costs the same at any length.
    const long = 'x'.repeat(40);
    blocks.feed(`Hello wor${long}`, false);
    expect(blocks.extendedBy(`Jello wor${long} more`)).to.be.true;
    blocks.reset();
    expect(blocks.open).to.equal('');
    expect(blocks.source()).to.equal('');
    expect(blocks.holds('')).to.be.true;
  });

  it('caps nesting line by line as the text is consumed', () => {
    const blocks = new BlockSplitter();
    blocks.feed('>'.repeat(40) + ' deep\n', true);
    expect(blocks.open).to.not.equal('>'.repeat(40) + ' deep\n');
    expect(blocks.open).to.contain('deep');
  });

  it('leaves a reference definition being written out of the committed blocks', () => {
    const blocks = new BlockSplitter();
    const split = step(blocks, 'See [docs].\n\n[docs]: https://exa');
    expect(split.finished).to.deep.equal(['See [docs].']);
    expect(split.open).to.equal('[docs]: https://exa');
    // Definitions of committed blocks are there for later ones.
    const after = step(blocks, 'See [docs].\n\n[docs]: https://example.com/\n\nMore [docs].\n\nEnd');
    expect(after.finished!.map((raw) => raw.trim())).to.deep.equal(['[docs]: https://example.com/', 'More [docs].']);
    expect(blocks.definitions.docs?.href).to.equal('https://example.com/');
  });

  it('keeps a block open while the unfinished line after it may be a lazy continuation', () => {
    // `*` may start a list or be the first character of `**bold**`, which continues the item.
    const blocks = new BlockSplitter();
    expect(step(blocks, '1. one\n*')).to.deep.equal({ finished: undefined, open: '1. one\n*' });
    expect(step(blocks, '1. one\n**bold** more')).to.deep.equal({ finished: undefined, open: '1. one\n**bold** more' });
    for (const text of ['- item \n*', '> quote\n1', 'A paragraph\n-']) {
      expect(step(new BlockSplitter(), text).finished, JSON.stringify(text)).to.equal(undefined);
    }
    // Once the line is complete, or after a blank line (which only a list outlives), it is decided.
    expect(step(new BlockSplitter(), '- item\n* next\n').finished).to.deep.equal(['- item\n']);
    expect(step(new BlockSplitter(), 'Para.\n\n*').finished).to.deep.equal(['Para.']);
    expect(step(new BlockSplitter(), '- item\n\n*').finished).to.equal(undefined);
    expect(step(new BlockSplitter(), '## Title\n*').finished).to.deep.equal(['## Title\n']);
  });

  it('commits the same blocks streamed a character at a time as from the whole text', () => {
    const parts = [
      'word ', '**bold** ', '*em ', 'x* ', '`code` ', '1984 ', '- ', '+ ', '> ', '# ', '\n', '\n\n', '\n- item ',
      '\n1. one ', '\n* star ', '\n## Heading ', '\n> quote ', '\n   indented ', '~~gone~~ ', '<b>raw</b> ', '| cell | ', 'a  ',
    ];
    const blocks = (tokens: Token[]) => tokens.filter((t) => t.type !== 'space').map((t) => `${t.type}: ${t.raw.trimEnd()}`);
    for (let seed = 1; seed <= 40; seed++) {
      const next = seededRandom(seed);
      let text = '';
      while (text.length < 400) text += parts[Math.floor(next() * parts.length)];
      const streamed = new BlockSplitter();
      const committed: string[] = [];
      for (let end = 1; end <= text.length; end++) {
        streamed.feed(text.slice(0, end), false);
        committed.push(...blocks(streamed.split(false).finished ?? []));
      }
      streamed.feed(text, true);
      committed.push(...blocks(streamed.split(true).finished ?? []));
      const whole = new BlockSplitter();
      whole.feed(text, true);
      expect(committed, `seed ${seed}: ${JSON.stringify(text)}`).to.deep.equal(blocks(whole.split(true).finished ?? []));
    }
  });

  it('says when a finished text defines references', () => {
    expect(definesReferences('Text\n\n[a]: https://a.example\n')).to.be.true;
    expect(definesReferences('Text [a](https://a.example)\n')).to.be.false;
  });
});

describe('OpenFence', () => {
  it('finds an open fence at the start of the tail, with the first word of its info', () => {
    const fence = OpenFence.at('```python title="x"\nprint(1)\n')!;
    expect(fence.fence).to.equal('```');
    expect(fence.info).to.equal('python');
    expect(fence.contentFrom).to.equal('```python title="x"\n'.length);
    expect(OpenFence.at('~~~~\nx')!.fence).to.equal('~~~~');
    expect(OpenFence.at('```\nx')!.info).to.equal('');
    expect(OpenFence.at('```js{1,3}\nx')!.info).to.equal('', 'only what a language class may hold');
  });

  it('is none for a closed fence, a fence whose first line is unfinished, or other blocks', () => {
    expect(OpenFence.at('```js\nx\n```\n')).to.equal(undefined);
    expect(OpenFence.at('```js')).to.equal(undefined);
    expect(OpenFence.at('Some text\n```js\nx')).to.equal(undefined);
  });

  it('follows the content as it grows and ends when the closing line is complete', () => {
    let open = '```js\nlet a';
    const fence = OpenFence.at(open)!;
    expect(fence.content(open)).to.equal('let a');
    open += ' = 1;\nlet b';
    expect(fence.content(open)).to.equal('let a = 1;\nlet b');
    open += ' = 2;\n``';
    expect(fence.content(open)).to.equal('let a = 1;\nlet b = 2;\n', 'a line that may start the closing fence is held back');
    open += '`';
    expect(fence.content(open)).to.equal('let a = 1;\nlet b = 2;\n', 'until its line ends it may still be code');
    open += '\n';
    expect(fence.content(open)).to.equal(undefined);
  });

  it('shows a line of the other fence character, and a shorter run that ends its line, as code', () => {
    let open = '````\n~~~';
    const fence = OpenFence.at(open)!;
    expect(fence.content(open)).to.equal('~~~');
    open += '\n```\nx';
    expect(fence.content(open)).to.equal('~~~\n```\nx', 'three backticks do not close a four-backtick fence');
  });
});

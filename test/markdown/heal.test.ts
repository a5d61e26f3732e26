import { expect } from '@open-wc/testing';
import { healOpenBlock } from '../../src/markdown/heal.js';
import { MarkdownView } from '../../src/markdown/markdown-view.js';

/** The DOM of a view that has received `text` so far (not final). */
function midStream(text: string): HTMLElement {
  const view = new MarkdownView(document.createElement('div'));
  view.update(text, false);
  return view.root;
}

describe('half-written markdown mid-stream', () => {
  it('shows an unclosed ** as bold', () => {
    const root = midStream('Hello **wor');
    expect(root.querySelector('strong')!.textContent).to.equal('wor');
    expect(root.textContent).to.not.contain('*');
  });

  it('heals the open list item after finished blocks, however the text arrived', () => {
    const text = 'Three things drove the loss:\n\n1. **Two stop-outs around the 14:00 UTC CPI';
    const view = new MarkdownView(document.createElement('div'));
    for (let i = 1; i <= text.length; i++) view.update(text.slice(0, i), false);
    expect(view.root.querySelector('li strong')!.textContent).to.equal('Two stop-outs around the 14:00 UTC CPI');
    expect(view.root.textContent).to.not.contain('*');
  });

  it('heals a list item that ends in a space or a newline', () => {
    expect(midStream('Loss:\n\n1. **Two ').querySelector('li strong')!.textContent).to.equal('Two');
    expect(healOpenBlock('1. **Two\n')).to.equal('1. **Two**');
  });

  it('keeps the last block of an answer that ended early healed, without a cursor', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('Done.\n\nThe loss came from **slippage on', false);
    view.update('Done.\n\nThe loss came from **slippage on', 'partial');
    expect(view.root.querySelector('strong')!.textContent).to.equal('slippage on');
    expect(view.root.textContent).to.not.contain('**');
    expect(view.root.querySelector('.cursor')).to.be.null;
  });

  it('shows an unclosed _ and * as italic', () => {
    expect(midStream('an _ital').querySelector('em')!.textContent).to.equal('ital');
    expect(midStream('an *ital').querySelector('em')!.textContent).to.equal('ital');
  });

  it('shows an unclosed backtick as inline code, and nested markers close in order', () => {
    expect(midStream('run `npm te').querySelector('code')!.textContent).to.equal('npm te');
    const root = midStream('**bold _and ital');
    expect(root.querySelector('strong em')!.textContent).to.equal('and ital');
  });

  it('hides a marker that has nothing after it yet', () => {
    const root = midStream('Hello **');
    expect(root.textContent!.trim()).to.equal('Hello');
  });

  it('leaves snake_case, arithmetic and closed emphasis alone', () => {
    expect(healOpenBlock('use my_var and 2 * 3')).to.equal('use my_var and 2 * 3');
    expect(healOpenBlock('**done** and `code`')).to.equal('**done** and `code`');
  });

  it('shows a half-written link as its text, never as a link to a truncated URL', () => {
    const root = midStream('See [the docs](https://exa');
    expect(root.querySelector('a')).to.be.null;
    expect(root.textContent).to.contain('See the docs');
    expect(root.textContent).to.not.contain('](');
  });

  it('shows a half-written image as its alt text, without the bang and without a placeholder', () => {
    const root = midStream('A chart: ![sales by month](https://cdn.example.com/ch');
    expect(root.querySelector('a, img')).to.be.null;
    expect(root.textContent!.trim()).to.equal('A chart: sales by month');
    expect(healOpenBlock('Not an image\\![x](https://a')).to.equal('Not an image\\!x');
  });

  it('does not autolink a bare URL that is still being written', () => {
    const root = midStream('Visit https://exa');
    expect(root.querySelector('a')).to.be.null;
    expect(root.textContent).to.contain('https://exa');
  });

  it('links a bare URL once whitespace ends it', () => {
    const root = midStream('Visit https://example.com and');
    expect(root.querySelector('a')!.getAttribute('href')).to.equal('https://example.com');
  });

  it('does not flash a setext heading for "Para\\n-"', () => {
    const root = midStream('Para\n-');
    expect(root.querySelector('h1, h2')).to.be.null;
    expect(root.querySelector('p')!.textContent).to.equal('Para');
  });

  it('renders an unterminated fence as an open code block', () => {
    const root = midStream('```sql\nSELECT *\nFROM runs');
    expect(root.querySelector('.code-block pre code')!.textContent).to.equal('SELECT *\nFROM runs');
    expect(root.querySelector('.code-language')!.textContent).to.equal('sql');
  });

  it('does not flash a closing fence that is still being written', () => {
    const root = midStream('```js\nlet x = 1;\n``');
    expect(root.querySelector('code')!.textContent).to.equal('let x = 1;\n');
  });

  it('shows a table once its delimiter row is complete, and no raw pipes before', () => {
    const before = midStream('Results:\n\n| run | pnl |\n|---|--');
    expect(before.querySelector('table')).to.be.null;
    expect(before.textContent).to.not.contain('|');
    const after = midStream('Results:\n\n| run | pnl |\n|---|---|\n');
    expect(after.querySelector('table th')!.textContent).to.equal('run');
  });

  it('streams a code block by appending to its text, keeping the same element', () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('```py\nx = 1\n', false);
    const code = view.root.querySelector('code')!;
    view.update('```py\nx = 1\ny = 2\n', false);
    view.update('```py\nx = 1\ny = 2\nz = 3', false);
    expect(view.root.querySelector('code') === code, 'same code element').to.be.true;
    expect(code.textContent).to.equal('x = 1\ny = 2\nz = 3');
  });

  it('highlights a code block as soon as its closing fence line is complete', async () => {
    const view = new MarkdownView(document.createElement('div'));
    view.update('```python\ndef f():\n    pass\n', false);
    view.update('```python\ndef f():\n    pass\n```\n', false);
    await view.settled();
    expect(view.root.querySelector('code.hljs .hljs-keyword')).to.exist;
  });
});

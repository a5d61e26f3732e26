// The code block module end to end: its chrome, highlighting of finished blocks, the block that
// streams, and the Copy button's click and feedback.
import { expect } from '@open-wc/testing';
import { decorateCodeBlocks, StreamingCodeBlock } from '../../src/markdown/code-block/code-block.js';
import { CODE_BLOCK_CHROME, copyCodeOnClick, englishCodeBlockLabels } from '../../src/markdown/code-block/copy.js';
import { loadLanguage } from '../../src/markdown/highlight.js';

function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Runs `body` with window.setTimeout recorded instead of scheduled; returns the recorded calls. */
async function withRecordedTimers(body: () => Promise<void>): Promise<{ ms: number; run: () => void }[]> {
  const recorded: { ms: number; run: () => void }[] = [];
  const original = window.setTimeout;
  window.setTimeout = ((run: () => void, ms?: number) => recorded.push({ run, ms: ms ?? 0 })) as typeof window.setTimeout;
  try {
    await body();
  } finally {
    window.setTimeout = original;
  }
  return recorded;
}

describe('code block', () => {
  it('wraps each <pre> in a block with a header, the language and a Copy button', () => {
    const root = fragmentOf('<pre><code class="language-js">let a = 1;</code></pre><pre>plain</pre>');
    decorateCodeBlocks(root, false);
    const blocks = Array.from(root.children);
    expect(blocks.map((b) => b.className)).to.deep.equal(['code-block', 'code-block']);
    const [first, second] = blocks;
    expect(first.getAttribute('part')).to.equal('code-block');
    expect(first.querySelector('.code-language')!.textContent).to.equal('js');
    const button = first.querySelector<HTMLButtonElement>('.copy-button')!;
    expect(button.type).to.equal('button');
    expect(button.getAttribute('part')).to.equal('copy-button');
    expect(button.getAttribute('aria-label')).to.equal('Copy js code');
    expect(button.textContent).to.equal('Copy');
    expect(first.querySelector('pre')!.tabIndex).to.equal(0, 'long lines scroll sideways, by keyboard too');
    expect(second.querySelector('.copy-button')!.getAttribute('aria-label')).to.equal('Copy code');
    expect(first.querySelector(CODE_BLOCK_CHROME)!.contains(button)).to.be.true;
  });

  it('uses the labels it is given', () => {
    const root = fragmentOf('<pre><code class="language-py">x</code></pre>');
    decorateCodeBlocks(root, false, { ...englishCodeBlockLabels, copy: 'Copier', copyCode: (l) => `Copier le code ${l}` });
    expect(root.querySelector('.copy-button')!.textContent).to.equal('Copier');
    expect(root.querySelector('.copy-button')!.getAttribute('aria-label')).to.equal('Copier le code py');
  });

  it('highlights a finished block once its grammar has loaded, and never a streaming one', async () => {
    const finished = fragmentOf('<pre><code class="language-json">{"a": 1}</code></pre>');
    await Promise.all(decorateCodeBlocks(finished, true));
    expect(finished.querySelector('code')!.classList.contains('hljs')).to.be.true;
    expect(finished.querySelector('code .hljs-attr')).to.exist;
    const streaming = fragmentOf('<pre><code class="language-json">{"a": 1}</code></pre>');
    expect(decorateCodeBlocks(streaming, false)).to.deep.equal([]);
    expect(streaming.querySelector('code')!.classList.contains('hljs')).to.be.false;
  });

  it('colours the blocks that waited for their grammar in the tasks after it arrived, not in that task', async () => {
    const blocks = fragmentOf('<pre><code class="language-lua">local a = 1</code></pre>'.repeat(3));
    const pending = decorateCodeBlocks(blocks, true);
    expect(pending).to.have.length(3);
    const codes = Array.from(blocks.querySelectorAll('code'));
    // This continuation runs in the task the grammar arrived in, after the blocks' own callbacks.
    expect(await loadLanguage('lua')).to.be.true;
    expect(codes.filter((c) => c.classList.contains('hljs'))).to.have.length(0);
    await Promise.all(pending);
    expect(codes.every((c) => c.classList.contains('hljs') && c.querySelector('.hljs-keyword'))).to.be.true;
  });

  it('streams a block: the same chrome, its text growing in place', async () => {
    const block = new StreamingCodeBlock('bash');
    expect(block.nodes).to.have.length(1);
    const root = block.nodes[0] as HTMLElement;
    expect(root.className).to.equal('code-block');
    expect(root.querySelector('.code-language')!.textContent).to.equal('bash');
    const code = root.querySelector('pre > code.language-bash')!;
    block.show('echo one');
    block.show('echo one\necho two');
    expect(code.textContent).to.equal('echo one\necho two');
    // Once the grammar is in, the next update colours it.
    await loadLanguage('bash');
    block.show('echo one\necho two\n');
    expect(code.classList.contains('hljs')).to.be.true;
    expect(code.textContent).to.equal('echo one\necho two\n');
  });

  it('copies a block on a click on its button, says "Copied", then "Copy" again', async () => {
    const message = document.createElement('div');
    message.dataset.id = 'answer-7';
    message.append(fragmentOf('<pre><code>npm test</code></pre>'));
    decorateCodeBlocks(message, false);
    document.body.append(message);
    const button = message.querySelector<HTMLButtonElement>('.copy-button')!;
    let copied: Awaited<ReturnType<typeof copyCodeOnClick>>;
    try {
      const timers = await withRecordedTimers(async () => {
        copied = await copyCodeOnClick({ target: button } as unknown as Event);
      });
      expect(copied!).to.deep.equal({ text: 'npm test', messageId: 'answer-7' });
      expect(await navigator.clipboard.readText()).to.equal('npm test');
      expect(button.textContent).to.equal('Copied');
      expect(timers.map((t) => t.ms)).to.deep.equal([2000]);
      timers[0].run();
      expect(button.textContent).to.equal('Copy');
    } finally {
      message.remove();
    }
  });

  it('says "Copy failed" when the browser refuses, and resolves undefined', async () => {
    const root = document.createElement('div');
    root.append(fragmentOf('<pre><code>x</code></pre>'));
    decorateCodeBlocks(root, false);
    document.body.append(root);
    const button = root.querySelector<HTMLButtonElement>('.copy-button')!;
    const clipboard = navigator.clipboard;
    const execCommand = document.execCommand;
    clipboard.writeText = () => Promise.reject(new Error('denied'));
    document.execCommand = () => false;
    let result: unknown = 'not called';
    try {
      const timers = await withRecordedTimers(async () => {
        result = await copyCodeOnClick({ target: button } as unknown as Event, { copy: 'C', copied: 'OK', copyFailed: 'No' });
      });
      expect(result).to.equal(undefined);
      expect(button.textContent).to.equal('No');
      timers[0].run();
      expect(button.textContent).to.equal('C');
    } finally {
      delete (clipboard as Partial<Clipboard>).writeText;
      delete (document as Partial<Document>).execCommand;
      expect(document.execCommand).to.equal(execCommand);
      root.remove();
    }
  });

  it('ignores clicks anywhere but on a Copy button', async () => {
    const root = document.createElement('div');
    root.append(fragmentOf('<pre><code>x</code></pre>'));
    decorateCodeBlocks(root, false);
    expect(await copyCodeOnClick({ target: root.querySelector('code') } as unknown as Event)).to.equal(undefined);
    expect(await copyCodeOnClick({ target: null } as unknown as Event)).to.equal(undefined);
  });
});

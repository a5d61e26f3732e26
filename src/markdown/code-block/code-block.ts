// A fenced code block, built after sanitizing by our own code (so the sanitizer policy never has
// to allow buttons): a header with the language and a Copy button around the <pre>, highlighting
// once the block is finished, and the live block that grows and is coloured while it streams.
// Its click (copy and the "Copied" feedback) is in copy.ts, its look in styles.ts.
import { highlightCode, languageFor, loadLanguage } from '../highlight.js';
import { LiveCode } from '../live-code.js';
import { englishCodeBlockLabels, type CodeBlockLabels } from './copy.js';

function infoOf(code: Element): string {
  const match = /(?:^|\s)language-(\S+)/.exec(code.className);
  return match ? match[1] : '';
}

/**
 * Wraps each `<pre>` of a sanitized fragment in a code block with a header and Copy button.
 * Finished blocks are highlighted (once; the promises settle when their grammar has loaded), at
 * once when it has, or with `soon` in the next tasks (a few milliseconds' worth per task); the
 * block still being streamed is a `StreamingCodeBlock`.
 */
export function decorateCodeBlocks(
  root: DocumentFragment | Element,
  finished: boolean | 'soon',
  labels: CodeBlockLabels = englishCodeBlockLabels,
): Promise<void>[] {
  const pending: Promise<void>[] = [];
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    const code = pre.querySelector('code') ?? pre;
    const info = infoOf(code);
    const block = document.createElement('div');
    block.className = 'code-block';
    block.setAttribute('part', 'code-block');
    const header = document.createElement('div');
    header.className = 'code-header';
    const label = document.createElement('span');
    label.className = 'code-language';
    label.textContent = info;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.setAttribute('part', 'copy-button');
    button.setAttribute('aria-label', labels.copyCode(info));
    button.textContent = labels.copy;
    header.append(label, button);
    // Long lines scroll sideways; keyboard users must be able to scroll them too.
    pre.tabIndex = 0;
    pre.replaceWith(block);
    block.append(header, pre);
    if (finished && code instanceof HTMLElement) {
      const done = highlightCode(code, info, finished === 'soon');
      if (done) pending.push(done);
    }
  }
  return pending;
}

/** Starts loading the grammar a fence names while the block streams, so it is ready when it closes. */
export function prefetchGrammar(info: string): void {
  const language = languageFor(info);
  if (language) void loadLanguage(language);
}

/**
 * The code block being streamed, kept as live DOM that grows and is coloured in place (O(new
 * text), see live-code.ts) instead of re-lexing and re-rendering the whole block every frame.
 */
export class StreamingCodeBlock {
  /** The block's top-level nodes, for the caller to insert (and remove when the block closes). */
  readonly nodes: ChildNode[];
  private readonly live: LiveCode;

  /** `info` is the first word of the fence's info string, as the sanitizer would keep it. */
  constructor(info: string, labels?: CodeBlockLabels) {
    const code = document.createElement('code');
    if (info) code.className = `language-${info}`;
    const pre = document.createElement('pre');
    pre.append(code);
    const fragment = document.createDocumentFragment();
    fragment.append(pre);
    decorateCodeBlocks(fragment, false, labels);
    this.nodes = Array.from(fragment.childNodes);
    const language = languageFor(info);
    this.live = new LiveCode(code, language);
    if (language) void loadLanguage(language);
  }

  /** Shows `content`, the block's code so far. */
  show(content: string): void {
    this.live.show(content);
  }
}

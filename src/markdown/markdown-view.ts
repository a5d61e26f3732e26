import type { Token } from 'marked';
import { decorateCodeBlocks } from './code-blocks.js';
import { healOpenBlock } from './heal.js';
import { loadLanguage, languageFor } from './highlight.js';
import { lexBlocks, renderBlocks, type LinkMap } from './markdown.js';
import { sanitize } from './sanitize.js';

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'wbr']);

// A reference definition (`[label]: url`) may come after the text that uses it; only then does a
// finished answer need a second look at earlier blocks.
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^\n]*)\n/;

/**
 * The code block being streamed, kept as live DOM so new code is appended to its text node
 * (O(new text)) instead of re-lexing and re-rendering the whole block every frame.
 */
interface OpenFence {
  /** Where the fence starts in `source`. */
  from: number;
  fence: string;
  info: string;
  /** Where its content starts in `source`. */
  contentFrom: number;
  /** How far the content has been checked for a closing fence. */
  scanned: number;
  text: Text;
  nodes: ChildNode[];
}

/**
 * Renders a growing markdown text into an element, incrementally: top-level blocks that are
 * finished (another block has started after them) are rendered, sanitized and inserted once and
 * never touched again; only the open last block is re-lexed and re-rendered on each update. The
 * cost of an update is proportional to the open block, not to the answer, and a streaming code
 * block costs only its new text.
 *
 * Pure DOM: no Lit, no timers. The caller decides how often to call `update` (once a frame).
 */
export class MarkdownView {
  readonly root: HTMLElement;
  /** Everything received so far, with line endings normalized the way marked does. */
  private source = '';
  /** How much of the caller's text has been consumed into `source`. */
  private consumed = 0;
  /** A trailing `\r` held back until we know whether a `\n` follows it. */
  private pendingCr = false;
  private rawText = '';
  /** Length of `source` covered by committed (finished) blocks. */
  private committedLength = 0;
  /** The HTML of the committed blocks, to compare with a one-shot render at the end. */
  private committedHtml: string[] = [];
  private links: LinkMap = Object.create(null);
  private tail: ChildNode[] = [];
  private fence?: OpenFence;
  private cursor?: HTMLElement;
  private finalized = false;
  /** Highlighting of finished code blocks still waiting for a grammar to load. */
  readonly pending = new Set<Promise<void>>();

  constructor(root: HTMLElement) {
    this.root = root;
  }

  /**
   * Shows `text`, the whole answer so far. While `final` is false the text is expected to grow; a
   * text that does not extend the previous one is rendered from scratch.
   */
  update(text: string, final: boolean): void {
    if (text === this.rawText && final === this.finalized) return;
    if (this.finalized || !text.startsWith(this.rawText)) this.reset();
    this.rawText = text;
    this.consume(text, final);
    this.finalized = final;

    if (!final && this.appendToFence()) {
      this.placeCursor();
      return;
    }
    let tokens = lexBlocks(this.source.slice(this.committedLength), this.links);
    let openFrom = final ? tokens.length : this.openIndex(tokens);
    if (tokens[openFrom]?.type === 'def') {
      // A reference definition still being written would link earlier text to a truncated URL:
      // lex what is finished without it.
      const finished = tokens.slice(0, openFrom).reduce((length, token) => length + token.raw.length, 0);
      this.commit(lexBlocks(this.source.slice(this.committedLength, this.committedLength + finished), this.links));
      tokens = lexBlocks(this.source.slice(this.committedLength), this.links);
      openFrom = 0;
    } else if (openFrom > 0) {
      this.commit(tokens.slice(0, openFrom));
    }
    this.renderTail(tokens.slice(openFrom));

    if (final) {
      if (REFERENCE_DEFINITION.test(this.source)) this.resolveForwardReferences();
      this.cursor?.remove();
    } else {
      this.placeCursor();
    }
  }

  /** Resolves when every finished code block has been highlighted. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending);
  }

  private reset(): void {
    this.root.replaceChildren();
    this.source = '';
    this.consumed = 0;
    this.pendingCr = false;
    this.committedLength = 0;
    this.committedHtml = [];
    this.links = Object.create(null);
    this.tail = [];
    this.fence = undefined;
    this.finalized = false;
  }

  /** Appends the new part of `text` to `source`, normalizing CRLF/CR across update boundaries. */
  private consume(text: string, final: boolean): void {
    let added = text.slice(this.consumed);
    this.consumed = text.length;
    if (this.pendingCr) added = '\r' + added;
    this.pendingCr = !final && added.endsWith('\r');
    if (this.pendingCr) added = added.slice(0, -1);
    this.source += added.replace(/\r\n?/g, '\n');
  }

  /**
   * The index of the first token that may still change: the last one that is not whitespace,
   * unless that one can no longer change either (a closed fence, a finished ATX heading line).
   * Once a later block has started, CommonMark never reopens an earlier one (reference
   * definitions aside, handled at the end), so everything before it is final.
   */
  private openIndex(tokens: Token[]): number {
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i];
      if (token.type === 'space') continue;
      return isSealed(token) ? i + 1 : i;
    }
    return tokens.length;
  }

  private commit(tokens: Token[]): void {
    this.clearTail();
    let html = '';
    for (const token of tokens) {
      this.committedLength += token.raw.length;
      if (token.type === 'def') this.links[token.tag] ??= { href: token.href, title: token.title };
      if (token.type === 'space' || token.type === 'def') continue;
      const block = renderBlocks([token]);
      this.committedHtml.push(block);
      html += block;
    }
    // One sanitize and one insertion for everything that finished since the last frame.
    if (html) this.insert(html, true);
  }

  private renderTail(tokens: Token[]): void {
    this.clearTail();
    if (!tokens.length) return;
    if (!this.finalized && this.openFence()) return;
    const open = tokens.find((t) => t.type !== 'space');
    // The source itself, not the tokens' raw: marked rewrites the raw of a trailing list item.
    const raw = this.source.slice(this.committedLength);
    const healed = this.finalized || open?.type === 'code' || open?.type === 'html' ? undefined : healOpenBlock(raw);
    const shown = healed === undefined || healed === raw ? tokens : lexBlocks(healed, this.links);
    if (open?.type === 'code' && 'lang' in open && open.lang) {
      // Fetch the grammar while the block streams, so it is ready to highlight when it closes.
      const language = languageFor(String(open.lang));
      if (language) void loadLanguage(language);
    }
    this.tail = this.insert(renderBlocks(shown), this.finalized);
  }

  private clearTail(): void {
    for (const node of this.tail) node.remove();
    this.tail = [];
    this.fence = undefined;
  }

  /**
   * If the open block is a fenced code block, renders it as a live block whose text grows in
   * place, and returns true.
   */
  private openFence(): boolean {
    const from = this.committedLength;
    const match = FENCE_OPEN.exec(this.source.slice(from, from + 1000));
    if (!match || match.index !== 0) return false;
    const info = match[2].trim().split(/\s+/)[0] ?? '';
    const contentFrom = from + match[0].length;
    const fence = match[1];
    if (findClosingFence(this.source, contentFrom, fence) !== -1) return false;
    const code = document.createElement('code');
    if (info) code.className = `language-${info}`;
    const text = document.createTextNode('');
    code.append(text);
    const pre = document.createElement('pre');
    pre.append(code);
    const fragment = document.createDocumentFragment();
    fragment.append(pre);
    decorateCodeBlocks(fragment, false);
    this.tail = Array.from(fragment.childNodes);
    this.root.append(fragment);
    this.fence = { from, fence, info, contentFrom, scanned: contentFrom, text, nodes: this.tail };
    const language = languageFor(info);
    if (language) void loadLanguage(language);
    this.appendToFence();
    return true;
  }

  /** Feeds new source into the open code block; false when there is none or it has closed. */
  private appendToFence(): boolean {
    const fence = this.fence;
    if (!fence || fence.from !== this.committedLength) return false;
    // Re-check from the start of the last line, which may have been partial before.
    const lineStart = this.source.lastIndexOf('\n', fence.scanned - 1) + 1;
    if (findClosingFence(this.source, Math.max(lineStart, fence.contentFrom), fence.fence) !== -1) {
      return false;
    }
    fence.scanned = this.source.length;
    let content = this.source.slice(fence.contentFrom);
    // A last line that may be the start of the closing fence is held back, so it never flashes.
    const lastLine = content.slice(content.lastIndexOf('\n') + 1);
    if (lastLine && /^ {0,3}[`~]+$/.test(lastLine) && fence.fence.startsWith(lastLine.trim().slice(0, 1))) {
      content = content.slice(0, content.length - lastLine.length);
    }
    const shown = fence.text.data;
    if (content.startsWith(shown)) fence.text.appendData(content.slice(shown.length));
    else fence.text.data = content;
    return true;
  }

  /** Sanitizes, decorates and appends HTML at the end of the root; returns the nodes it became. */
  private insert(html: string, finished: boolean): ChildNode[] {
    const fragment = sanitize(html);
    for (const promise of decorateCodeBlocks(fragment, finished)) {
      this.pending.add(promise);
      void promise.finally(() => this.pending.delete(promise));
    }
    const nodes = Array.from(fragment.childNodes);
    this.root.append(fragment);
    return nodes;
  }

  /**
   * A one-shot render resolves `[label]` against definitions anywhere in the text. When that
   * changes what the blocks committed before their definition arrived look like, the answer is
   * rendered again in one go (synchronously, so nothing flickers).
   */
  private resolveForwardReferences(): void {
    const html = renderBlocks(lexBlocks(this.source));
    if (html === this.committedHtml.join('')) return;
    this.root.replaceChildren();
    this.committedHtml = [html];
    this.insert(html, true);
  }

  /** Puts the blinking cursor at the end of the deepest last element, where the next text will appear. */
  private placeCursor(): void {
    if (!this.source.trim()) {
      this.cursor?.remove();
      return;
    }
    if (!this.cursor) {
      this.cursor = document.createElement('span');
      this.cursor.className = 'cursor';
      this.cursor.setAttribute('aria-hidden', 'true');
    }
    let host: Element = this.root;
    for (;;) {
      let last = host.lastChild;
      while (last && (last === this.cursor || (last.nodeType === Node.TEXT_NODE && !last.textContent?.trim()))) {
        last = last.previousSibling;
      }
      if (!(last instanceof Element) || VOID_ELEMENTS.has(last.localName)) break;
      host = last;
    }
    if (host.lastChild !== this.cursor) host.append(this.cursor);
  }
}

/** A block that no later text can change: a fence whose closing line is complete, or an ATX heading line. */
function isSealed(token: Token): boolean {
  if (!token.raw.endsWith('\n')) return false;
  if (token.type === 'heading') return /^ {0,3}#/.test(token.raw);
  if (token.type === 'code') {
    const open = FENCE_OPEN.exec(token.raw);
    return !!open && findClosingFence(token.raw, open[0].length, open[1]) !== -1;
  }
  return token.type === 'hr';
}

/** The index of a complete closing fence line for `fence` at or after `from`, or -1. */
function findClosingFence(source: string, from: number, fence: string): number {
  const char = fence[0];
  let lineStart = from;
  while (lineStart < source.length) {
    const lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) return -1;
    const line = source.slice(lineStart, lineEnd);
    let i = 0;
    while (i < 3 && line[i] === ' ') i++;
    let run = 0;
    while (line[i + run] === char) run++;
    if (run >= fence.length && line.slice(i + run).trim() === '') return lineStart;
    lineStart = lineEnd + 1;
  }
  return -1;
}

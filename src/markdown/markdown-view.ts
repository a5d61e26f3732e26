import type { Token } from 'marked';
import { decorateCodeBlocks } from './code-blocks.js';
import { lexBlocks, renderBlocks, type LinkMap } from './markdown.js';
import { sanitize } from './sanitize.js';

/** A rendered top-level block: its HTML (to compare against later) and the nodes it became. */
interface Block {
  html: string;
  nodes: ChildNode[];
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'wbr']);

// A reference definition (`[label]: url`) may come after the text that uses it; only then does a
// finished answer need a second look at earlier blocks.
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

/**
 * Renders a growing markdown text into an element, incrementally: top-level blocks that are
 * finished (another block has started after them) are rendered, sanitized and inserted once and
 * never touched again; only the open last block is re-lexed and re-rendered on each update. The
 * cost of an update is proportional to the open block, not to the answer.
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
  private committed: Block[] = [];
  private links: LinkMap = Object.create(null);
  private tail: ChildNode[] = [];
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
    if (!text.startsWith(this.rawText) || this.finalized) this.reset();
    this.rawText = text;
    this.consume(text, final);
    this.finalized = final;

    const tokens = lexBlocks(this.source.slice(this.committedLength), this.links);
    Object.assign(this.links, tokens.links);
    const openFrom = final ? tokens.length : this.openIndex(tokens);
    if (openFrom > 0) this.commit(tokens.slice(0, openFrom));
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
    this.committed = [];
    this.links = Object.create(null);
    this.tail = [];
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
   * The index of the first token that may still change: the last one that is not whitespace.
   * Once a later block has started, CommonMark never reopens an earlier one (reference
   * definitions aside, handled at the end), so everything before it is final.
   */
  private openIndex(tokens: Token[]): number {
    for (let i = tokens.length - 1; i >= 0; i--) {
      if (tokens[i].type !== 'space') return i;
    }
    return tokens.length;
  }

  private commit(tokens: Token[]): void {
    this.clearTail();
    for (const token of tokens) {
      this.committedLength += token.raw.length;
      if (token.type === 'space' || token.type === 'def') continue;
      const html = renderBlocks([token]);
      const nodes = this.insert(html, true);
      this.committed.push({ html, nodes });
    }
  }

  private renderTail(tokens: Token[]): void {
    this.clearTail();
    if (tokens.length) this.tail = this.insert(renderBlocks(tokens), this.finalized);
  }

  private clearTail(): void {
    for (const node of this.tail) node.remove();
    this.tail = [];
  }

  /** Sanitizes, decorates and appends HTML at the end of the root; returns the nodes it became. */
  private insert(html: string, finished: boolean, before: ChildNode | null = null): ChildNode[] {
    const fragment = sanitize(html);
    for (const promise of decorateCodeBlocks(fragment, finished)) {
      this.pending.add(promise);
      void promise.finally(() => this.pending.delete(promise));
    }
    const nodes = Array.from(fragment.childNodes);
    this.root.insertBefore(fragment, before);
    return nodes;
  }

  /**
   * A one-shot render resolves `[label]` against definitions anywhere in the text; blocks committed
   * before their definition arrived are re-rendered now, and only those that differ.
   */
  private resolveForwardReferences(): void {
    const blocks = lexBlocks(this.source).filter((t) => t.type !== 'space' && t.type !== 'def');
    if (blocks.length !== this.committed.length) return;
    blocks.forEach((token, index) => {
      const block = this.committed[index];
      const html = renderBlocks([token]);
      if (html === block.html) return;
      const next = block.nodes.at(-1)?.nextSibling ?? null;
      for (const node of block.nodes) node.remove();
      this.committed[index] = { html, nodes: this.insert(html, true, next) };
    });
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

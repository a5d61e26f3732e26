import type { Token } from 'marked';
import { decorateCodeBlocks, type MarkdownLabels } from './code-blocks.js';
import { healOpenBlock } from './heal.js';
import { loadLanguage, languageFor } from './highlight.js';
import { LiveCode } from './live-code.js';

// Loaded with the view, so the element's first download stays small (see markdown-directive.ts).
export { CatchUp } from './catch-up.js';
import { showImages } from './images.js';
import { discloseLinks } from './link-disclosure.js';
import { lexSafely, NestingLimiter, renderSafely } from './limits.js';
import type { HtmlMode, LinkMap } from './markdown.js';
import { typesetMath } from './math-render.js';
import { sanitize } from './sanitize.js';

/** How a view renders what the model wrote. */
export interface MarkdownOptions {
  /**
   * Which remote images may load: `none` (default: each image is a placeholder link the user
   * clicks to load), `*` (all), or a space-separated list of origins.
   */
  images?: string;
  /**
   * Raw HTML in the markdown: `escape` (default: shown as the text the model wrote) or `sanitize`
   * (rendered as markup, through the chat sanitizer policy).
   */
  html?: HtmlMode;
  /** The strings of code blocks and image placeholders (the element's `labels`). */
  labels?: MarkdownLabels;
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'wbr']);
const MATH_PLACEHOLDER = /\bmath-(?:inline|display)\b/;

// A reference definition (`[label]: url`) may come after the text that uses it; only then does a
// finished answer need a second look at earlier blocks.
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^\n]*)\n/;

// Finished blocks are grouped into segments (`div.segment`; once full, `.sealed`, which the
// element's styles let skip rendering while off-screen) of about this many blocks. A frame's
// style, layout and paint work, and the browser's visibility checks for `content-visibility`, walk
// the root's children: with one child per block that grew with the answer (measured: 4× the
// visibility work and 1.7× the layout per frame at the end of a 100 KB answer as at its start);
// with segments it stays nearly flat.
const SEGMENT_BLOCKS = 32;
// A segment is a formatting context of its own, so margins do not collapse across its edges. A new
// one starts only before a block whose top margin is zero in our styles, so its first block sits
// exactly where it would without the segment. Which blocks those are depends only on the text,
// never on how it was chunked: a streamed answer ends in the same DOM as a one-shot render.
const SEGMENT_STARTS = new Set(['paragraph', 'list', 'code', 'blockquote', 'table']);

/**
 * The code block being streamed, kept as live DOM that grows and is coloured in place (O(new
 * text), see live-code.ts) instead of re-lexing and re-rendering the whole block every frame.
 */
interface OpenFence {
  fence: string;
  /** Where its content starts in the open source. */
  contentFrom: number;
  /** How far the content has been checked for a closing fence. */
  scanned: number;
  live: LiveCode;
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
  /** The source of the committed blocks, in pieces (joined only at the end, if ever). */
  private committed: string[] = [];
  /** The source after the committed blocks, line endings normalized the way marked does. */
  private open = '';
  /** How much of the caller's text has been consumed. */
  private consumed = 0;
  /** The last characters consumed, to check cheaply that the next text extends this one. */
  private seen = '';
  /** A trailing `\r` held back until we know whether a `\n` follows it. */
  private pendingCr = false;
  /** Caps the nesting of each line as it is consumed (see limits.ts). */
  private limiter = new NestingLimiter();
  /** The unfinished last line as received, and how long it is as shown at the end of `open`. */
  private line = '';
  private lineShown = 0;
  /** The HTML of the committed blocks, to compare with a one-shot render at the end. */
  private committedHtml: string[] = [];
  private links: LinkMap = Object.create(null);
  private tailNodes: ChildNode[] = [];
  /** The segment finished blocks and the open block go into, and how many finished blocks it holds. */
  private segment?: HTMLElement;
  private segmentBlocks = 0;
  private fence?: OpenFence;
  private cursor?: HTMLElement;
  private finalized = false;
  /** The text ended before the answer did (stopped, cut off, failed): its last block stays healed. */
  private partial = false;
  /** Highlighting of finished code blocks still waiting for a grammar to load. */
  readonly pending = new Set<Promise<void>>();

  readonly options: MarkdownOptions;

  constructor(root: HTMLElement, options: MarkdownOptions = {}) {
    this.root = root;
    this.options = options;
  }

  /**
   * Shows `text`, the whole answer so far. While `final` is false the text is expected to grow; a
   * text that does not extend the previous one is rendered from scratch.
   */
  update(text: string, final: boolean | 'partial'): void {
    const partial = final === 'partial';
    const done = final !== false;
    // Comparing the last few characters, not the whole text: a check that grows with the answer
    // would make every frame cost O(answer).
    const prefixSame = text.length >= this.consumed && this.tailOf(text, this.consumed) === this.seen;
    if (prefixSame && text.length === this.consumed && done === this.finalized && partial === this.partial) return;
    if (!prefixSame || this.finalized) this.reset();
    this.consume(text, done);
    this.finalized = done;
    this.partial = partial;

    if (!done && this.appendToFence()) {
      this.placeCursor();
      return;
    }
    let tokens = lexSafely(this.open, this.links);
    // A partial answer keeps its last block open, so it is shown healed rather than as raw syntax.
    let openFrom = done && !partial ? tokens.length : this.openIndex(tokens);
    if (tokens[openFrom]?.type === 'def') {
      // A reference definition still being written would link earlier text to a truncated URL:
      // lex what is finished without it.
      const finished = tokens.slice(0, openFrom).reduce((length, token) => length + token.raw.length, 0);
      this.commit(lexSafely(this.open.slice(0, finished), this.links));
      tokens = lexSafely(this.open, this.links);
      openFrom = 0;
    } else if (openFrom > 0) {
      this.commit(tokens.slice(0, openFrom));
    }
    this.renderTail(tokens.slice(openFrom));

    if (done) {
      const source = this.committed.join('') + this.open;
      if (REFERENCE_DEFINITION.test(source)) this.resolveForwardReferences(source);
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
    this.clearRendered();
    this.committed = [];
    this.open = '';
    this.consumed = 0;
    this.seen = '';
    this.pendingCr = false;
    this.limiter = new NestingLimiter();
    this.line = '';
    this.lineShown = 0;
    this.links = Object.create(null);
    this.fence = undefined;
    this.finalized = false;
    this.partial = false;
  }

  private tailOf(text: string, end: number): string {
    return text.slice(Math.max(0, end - 32), end);
  }

  /**
   * Appends the new part of `text`, normalizing CRLF/CR across update boundaries. Only the new
   * part and the open block are touched: nothing here grows with the length of the answer.
   */
  private consume(text: string, final: boolean): void {
    let added = text.slice(this.consumed);
    this.consumed = text.length;
    this.seen = this.tailOf(text, text.length);
    if (this.pendingCr) added = '\r' + added;
    this.pendingCr = !final && added.endsWith('\r');
    if (this.pendingCr) added = added.slice(0, -1);
    added = added.replace(/\r\n?/g, '\n');
    // Complete lines are capped once; the unfinished last one is capped again as it grows.
    this.open = this.open.slice(0, this.open.length - this.lineShown);
    const lastBreak = added.lastIndexOf('\n');
    if (lastBreak !== -1) {
      this.open += this.limiter.lines(this.line + added.slice(0, lastBreak + 1));
      this.line = added.slice(lastBreak + 1);
    } else {
      this.line += added;
    }
    const shown = final ? this.limiter.lines(this.line) : this.limiter.peek(this.line);
    this.open += shown;
    this.lineShown = final ? 0 : shown.length;
    if (final) this.line = '';
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
    let length = 0;
    for (const token of tokens) {
      length += token.raw.length;
      if (token.type === 'def') this.links[token.tag] ??= { href: token.href, title: token.title };
    }
    this.committed.push(this.open.slice(0, length));
    this.open = this.open.slice(length);
    this.appendBlocks(this.renderEach(tokens));
  }

  /** Each block that shows something, rendered on its own (one top-level block at a time). */
  private renderEach(tokens: Token[]): { type: string; html: string }[] {
    return tokens
      .filter((token) => token.type !== 'space' && token.type !== 'def')
      .map((token) => ({ type: token.type, html: this.render([token]) }));
  }

  /**
   * Appends finished blocks, filling the current segment and starting new ones. One sanitize and
   * one insertion per segment for everything that finished since the last frame.
   */
  private appendBlocks(blocks: { type: string; html: string }[]): void {
    let html = '';
    for (const block of blocks) {
      if (this.segmentBlocks >= SEGMENT_BLOCKS && SEGMENT_STARTS.has(block.type)) {
        if (html) this.insert(html, true);
        html = '';
        // Only full segments skip rendering off-screen: the last one holds the block being
        // streamed, which must paint in the frame it arrives (a new content-visibility: auto
        // element may wait a frame for the browser to find it on screen).
        this.segment?.classList.add('sealed');
        this.segment = undefined;
        this.segmentBlocks = 0;
      }
      this.committedHtml.push(block.html);
      this.segmentBlocks += 1;
      html += block.html;
    }
    if (html) this.insert(html, true);
  }

  private renderTail(tokens: Token[]): void {
    this.clearTail();
    if (!tokens.length) return;
    if (!this.finalized && this.openFence()) return;
    const open = tokens.find((t) => t.type !== 'space');
    // The source itself, not the tokens' raw: marked rewrites the raw of a trailing list item.
    const raw = this.open;
    const heal = !this.finalized || this.partial;
    const healed = !heal || open?.type === 'code' || open?.type === 'html' ? undefined : healOpenBlock(raw);
    const shown = healed === undefined || healed === raw ? tokens : lexSafely(healed, this.links);
    if (open?.type === 'code' && 'lang' in open && open.lang) {
      // Fetch the grammar while the block streams, so it is ready to highlight when it closes.
      const language = languageFor(String(open.lang));
      if (language) void loadLanguage(language);
    }
    this.tailNodes = this.insert(this.render(shown), this.finalized);
  }

  private clearTail(): void {
    for (const node of this.tailNodes) node.remove();
    this.tailNodes = [];
    this.fence = undefined;
  }

  /**
   * If the open block is a fenced code block, renders it as a live block whose text grows in
   * place, and returns true.
   */
  private openFence(): boolean {
    const match = FENCE_OPEN.exec(this.open.slice(0, 1000));
    if (!match) return false;
    // The class the sanitizer would let through for a finished block, nothing else.
    const info = /^[\w+#.-]+$/.exec(match[2].trim().split(/\s+/)[0] ?? '')?.[0] ?? '';
    const contentFrom = match[0].length;
    const fence = match[1];
    if (findClosingFence(this.open, contentFrom, fence) !== -1) return false;
    const code = document.createElement('code');
    if (info) code.className = `language-${info}`;
    const language = languageFor(info);
    const pre = document.createElement('pre');
    pre.append(code);
    const fragment = document.createDocumentFragment();
    fragment.append(pre);
    decorateCodeBlocks(fragment, false, this.options.labels);
    this.tailNodes = Array.from(fragment.childNodes);
    this.currentSegment().append(fragment);
    this.fence = { fence, contentFrom, scanned: contentFrom, live: new LiveCode(code, language) };
    if (language) void loadLanguage(language);
    this.appendToFence();
    return true;
  }

  /** Feeds new source into the open code block; false when there is none or it has closed. */
  private appendToFence(): boolean {
    const fence = this.fence;
    if (!fence) return false;
    // Re-check from the start of the last line, which may have been partial before.
    const lineStart = this.open.lastIndexOf('\n', fence.scanned - 1) + 1;
    if (findClosingFence(this.open, Math.max(lineStart, fence.contentFrom), fence.fence) !== -1) {
      return false;
    }
    fence.scanned = this.open.length;
    let content = this.open.slice(fence.contentFrom);
    // A last line that may be the start of the closing fence is held back, so it never flashes.
    const lastLine = content.slice(content.lastIndexOf('\n') + 1);
    if (lastLine && /^ {0,3}[`~]+$/.test(lastLine) && fence.fence.startsWith(lastLine.trim().slice(0, 1))) {
      content = content.slice(0, content.length - lastLine.length);
    }
    fence.live.show(content);
    return true;
  }

  private render(tokens: Token[]): string {
    return renderSafely(tokens, this.options.html === 'sanitize' ? 'sanitize' : 'escape');
  }

  /** Sanitizes, decorates and appends HTML at the end of the current segment; returns the nodes it became. */
  private insert(html: string, finished: boolean): ChildNode[] {
    const fragment = sanitize(html);
    // Nothing to show (a reference definition, raw HTML the sanitizer removed) starts no segment.
    if (!fragment.hasChildNodes()) return [];
    showImages(fragment, this.options.images, finished, this.options.labels);
    discloseLinks(fragment);
    for (const promise of [...decorateCodeBlocks(fragment, finished, this.options.labels), ...typesetMath(fragment)]) {
      this.pending.add(promise);
      void promise.finally(() => this.pending.delete(promise));
    }
    // Wide tables scroll sideways (display: block); keyboard users must be able to scroll them too.
    for (const table of Array.from(fragment.querySelectorAll('table'))) table.tabIndex = 0;
    const nodes = Array.from(fragment.childNodes);
    this.currentSegment().append(fragment);
    return nodes;
  }

  private currentSegment(): HTMLElement {
    if (!this.segment) {
      this.segment = document.createElement('div');
      this.segment.className = 'segment';
      this.root.append(this.segment);
    }
    return this.segment;
  }

  /**
   * A one-shot render resolves `[label]` against definitions anywhere in the text. When that
   * changes what the blocks committed before their definition arrived look like, the answer is
   * rendered again in one go (synchronously, so nothing flickers).
   */
  private resolveForwardReferences(source: string): void {
    const blocks = this.renderEach(lexSafely(source));
    if (blocks.map((block) => block.html).join('') === this.committedHtml.join('')) return;
    this.clearRendered();
    this.appendBlocks(blocks);
  }

  /** Empties the root and forgets what was rendered into it (not the source). */
  private clearRendered(): void {
    this.root.replaceChildren();
    this.committedHtml = [];
    this.tailNodes = [];
    this.segment = undefined;
    this.segmentBlocks = 0;
  }

  /** Puts the blinking cursor at the end of the deepest last element, where the next text will appear. */
  private placeCursor(): void {
    if (!this.committedHtml.length && !this.open.trim()) {
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
      // A formula is one thing: the cursor goes after it, never into its MathML; nor into a link's
      // host label (link-disclosure.ts): the text goes on after it.
      if (
        !(last instanceof HTMLElement) ||
        VOID_ELEMENTS.has(last.localName) ||
        MATH_PLACEHOLDER.test(last.className) ||
        last.classList.contains('link-host')
      ) {
        break;
      }
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

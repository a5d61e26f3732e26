import type { Token } from 'marked';
import { BlockSplitter, definesReferences, OpenFence } from './blocks.js';
import { decorateCodeBlocks, prefetchGrammar, StreamingCodeBlock } from './code-block/code-block.js';
import type { CodeBlockLabels } from './code-block/copy.js';
import { Cursor } from './cursor.js';
import { healOpenBlock } from './heal.js';
import { showImages, type ImageLabels } from './image-placeholder/image-placeholder.js';

// Loaded with the view, so the element's first download stays small (see markdown-directive.ts).
export { CatchUp } from './catch-up.js';
export { warmUpLayout, warmUpScript } from './warm-up.js';
import { FarChapters } from './far-chapters.js';
import { discloseLinks } from './link-disclosure.js';
import { lexSafely, renderSafely } from './limits.js';
import type { HtmlMode } from './markdown.js';
import { typesetMath } from './math-render.js';
import { morph } from './morph.js';
import { PlainAppend } from './plain-append.js';
import { sanitize } from './sanitize.js';
import type { TextSource } from './text-source.js';

/** The strings of code blocks and image placeholders (the element's `labels`). */
export type MarkdownLabels = CodeBlockLabels & ImageLabels;

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

// Finished blocks are grouped into segments (`div.segment`) of about this many blocks, and
// segments into chapters (`div.chapter`, `.sealed` once full, which the element's styles let skip
// rendering while off-screen) of chapterSegments(). A frame's style, layout and paint work walk the
// children of what changed: with one child per block that grew with the answer
// (measured: 4× the visibility work and 1.7× the layout per frame at the end of a 100 KB answer as
// at its start); with segments it stays nearly flat.
const SEGMENT_BLOCKS = 32;
// Only chapters skip rendering, not segments: Chromium's style update visits every
// `content-visibility` element in the document at every frame, even inside one that is skipped, so
// with one per segment that still grew with the answer (measured late in a 4 MB answer: 21 ms of a
// 60 ms frame; 6 ms with one per chapter). It also spends time of its own (not in recalculating
// any element) on each of them at every style update: late in a 20 MB answer, with 590 chapters of
// 4 segments, updates of a few hundred elements took 0.3-0.6 s. So chapters grow: the first four
// hold 4 segments (an answer of up to about 100 KB is cut as before), the next four 8, the rest 16,
// and a 20 MB answer has about 150 (traced, its tasks over 200 ms went from 255 to 54 and the
// longest from 1.9 s to 0.8 s). The chapter being written is rendered whole: at most that many
// segments.
const chapterSegments = (chapter: number): number => (chapter < 4 ? 4 : chapter < 8 ? 8 : 16);
// A sealed chapter is a formatting context of its own, so margins do not collapse across its
// edges, and the styles give the last block of a segment no bottom margin (so that appending a
// segment restyles no more than its neighbour's last block) and the first block of the next one
// the 0.75em that the last had. So a new segment (and so a new chapter) starts only between two
// blocks of these kinds, whose top margin is zero and bottom margin 0.75em in our styles: the
// blocks on either side of an edge sit exactly where they would without it. Which blocks those
// are depends only on the text, never on how it was chunked: a streamed answer ends in the same
// DOM as a one-shot render.
const SEGMENT_EDGES = new Set(['paragraph', 'list', 'code', 'blockquote', 'table']);
/** Which committed blocks a segment shows: `committedHtml` from `from` up to `to`. */
type BlockRange = { from: number; to: number };

/**
 * Renders a growing markdown text into an element, incrementally: top-level blocks that are
 * finished (another block has started after them) are rendered, sanitized and inserted once and
 * never touched again; only the open last block is re-lexed and re-rendered on each update, and
 * only what differs from what shows it changes in the document (morph.ts). The
 * cost of an update is proportional to the open block, not to the answer, and a streaming code
 * block costs only its new text.
 *
 * Which blocks are finished is decided on strings by blocks.ts; this view only patches the DOM
 * (segments, the open tail, the cursor), and code blocks and images are built by their own
 * modules. No Lit, no timers: the caller decides how often to call `update` (once a frame).
 */
export class MarkdownView {
  /** The element the view renders into (moveTo hands it another). */
  get root(): HTMLElement {
    return this.element;
  }
  private element: HTMLElement;
  /** The source: which blocks are committed and what is still open. */
  private readonly blocks = new BlockSplitter();
  /** The HTML of the committed blocks, to compare with a one-shot render at the end and to render a dry segment again. */
  private committedHtml: string[] = [];
  /** Which committed blocks each segment shows, to render it again once dried. */
  private blocksOf = new WeakMap<Element, BlockRange>();
  /** Chapters far behind give up their markup while off-screen (far-chapters.ts). */
  private readonly far: FarChapters<BlockRange>;
  private tailNodes: ChildNode[] = [];
  /** The segment finished blocks and the open block go into, and how many finished blocks it holds. */
  private segment?: HTMLElement;
  private segmentBlocks = 0;
  /** The kind of the last finished block (see SEGMENT_EDGES). */
  private lastType = '';
  /** The chapter that segment is in, and how many segments it holds. */
  private chapter?: HTMLElement;
  private chapterSegments = 0;
  /** The fenced code block being streamed, if the open tail is one. */
  private fence?: { scan: OpenFence; block: StreamingCodeBlock };
  /** Where plain words added to the open block go without re-rendering it (plain-append.ts). */
  private plain?: PlainAppend;
  private cursor: Cursor;
  private finalized = false;
  /** The text ended before the answer did (stopped, cut off, failed): its last block stays healed. */
  private partial = false;
  /** Highlighting of finished code blocks still waiting for a grammar to load. */
  readonly pending = new Set<Promise<void>>();

  readonly options: MarkdownOptions;

  constructor(root: HTMLElement, options: MarkdownOptions = {}) {
    this.element = root;
    this.options = options;
    this.cursor = new Cursor(root);
    this.far = new FarChapters(root, {
      blocksOf: (segment) => this.blocksOf.get(segment),
      segment: (blocks) => this.renderSegment(blocks),
    });
  }

  /**
   * Moves everything shown into `root`, a new element for the same text (a message Lit rendered
   * again in another parent, see markdown-directive.ts), and renders there from now on.
   */
  moveTo(root: HTMLElement): void {
    this.cursor.remove();
    root.replaceChildren(...Array.from(this.element.childNodes));
    this.element = root;
    this.cursor = new Cursor(root);
    this.far.moveTo(root);
  }

  /**
   * Shows `text`, the whole answer so far (a string, or a text read in slices: only its length and
   * what is new are read). While `final` is false the text is expected to grow; a text that does not
   * extend the previous one is rendered from scratch.
   */
  update(text: TextSource, final: boolean | 'partial'): void {
    if (this.shows(text, final)) return;
    const partial = final === 'partial';
    const done = final !== false;
    const prefixSame = this.blocks.extendedBy(text);
    if (!prefixSame || this.finalized) this.reset();
    this.blocks.feed(text, done);
    this.finalized = done;
    this.partial = partial;

    if (!done && this.appendToFence()) {
      this.placeCursor();
      return;
    }
    // No line break was added, so no block can have finished or started: the splitter need not look.
    if (!done && this.plain?.append(this.blocks.open)) {
      this.placeCursor();
      return;
    }
    // A partial answer keeps its last block open, so it is shown healed rather than as raw syntax.
    const { finished, open } = this.blocks.split(done && !partial);
    if (finished) {
      // The open block is the first of those that finished: what showed it is morphed into their
      // render, so a block that looks the same finished is not laid out and painted again.
      this.appendBlocks(this.renderEach(finished), this.takeTail());
    }
    this.renderTail(open);

    if (done) {
      const source = this.blocks.source();
      if (definesReferences(source)) this.resolveForwardReferences(source);
      this.cursor.remove();
    } else {
      this.placeCursor();
    }
  }

  /** Whether the view shows all of `text` already, as finished as `final` says. */
  shows(text: TextSource, final: boolean | 'partial'): boolean {
    const done = final !== false;
    return this.blocks.extendedBy(text) && this.blocks.holds(text) && done === this.finalized && (final === 'partial') === this.partial;
  }

  /** Resolves when every finished code block has been highlighted. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending);
  }

  private reset(): void {
    this.clearRendered();
    this.blocks.reset();
    this.fence = undefined;
    this.plain = undefined;
    this.finalized = false;
    this.partial = false;
  }

  /** Each block that shows something, rendered on its own (one top-level block at a time). */
  private renderEach(tokens: Token[]): { type: string; html: string }[] {
    return tokens
      .filter((token) => token.type !== 'space' && token.type !== 'def')
      .map((token) => ({ type: token.type, html: this.render([token]) }));
  }

  /**
   * Appends finished blocks, filling the current segment and starting new ones. One sanitize and
   * one insertion per segment for everything that finished since the last frame; `shown` (what
   * showed the open block, at the end of the current segment) is morphed into the first.
   */
  private appendBlocks(blocks: { type: string; html: string }[], shown: readonly ChildNode[] = []): void {
    let html = '';
    let reuse = shown;
    let from = this.committedHtml.length;
    const flush = () => {
      if (!html) return;
      this.show(this.prepare(html, true), reuse);
      if (this.segment) {
        const shows = this.blocksOf.get(this.segment);
        if (shows) shows.to = this.committedHtml.length;
        else this.blocksOf.set(this.segment, { from, to: this.committedHtml.length });
      }
      from = this.committedHtml.length;
      reuse = [];
      html = '';
    };
    for (const block of blocks) {
      if (this.segmentBlocks >= SEGMENT_BLOCKS && SEGMENT_EDGES.has(this.lastType) && SEGMENT_EDGES.has(block.type)) {
        flush();
        removeAll(reuse);
        reuse = [];
        // The segment is full: the next block starts a new one (in a new chapter once this one
        // is full, see currentSegment).
        this.segment = undefined;
        this.segmentBlocks = 0;
      }
      this.committedHtml.push(block.html);
      this.segmentBlocks += 1;
      this.lastType = block.type;
      html += block.html;
    }
    flush();
    removeAll(reuse);
  }

  private renderTail(tokens: Token[]): void {
    // The open block as shown: its new render is morphed into it (morph.ts) rather than replacing
    // it, except a streaming code block (see takeTail) and the last block of an answer that ended
    // early, which is rendered finished (images load, code is highlighted).
    const shown = this.takeTail();
    if (!tokens.length || (!this.finalized && this.openFence())) return removeAll(shown);
    const open = tokens.find((t) => t.type !== 'space');
    // The source itself, not the tokens' raw: marked rewrites the raw of a trailing list item.
    const raw = this.blocks.open;
    const heal = !this.finalized || this.partial;
    const healed = !heal || open?.type === 'code' || open?.type === 'html' ? undefined : healOpenBlock(raw);
    const rendered = healed === undefined || healed === raw ? tokens : lexSafely(healed, this.blocks.definitions);
    if (open?.type === 'code' && 'lang' in open && open.lang) prefetchGrammar(String(open.lang));
    this.tailNodes = this.show(this.prepare(this.render(rendered), this.finalized), shown, !this.finalized);
    if (!this.finalized) this.plain = PlainAppend.after(raw, this.tailNodes);
  }

  /** Removes the open block's nodes. */
  private clearTail(): void {
    removeAll(this.tailNodes);
    this.tailNodes = [];
    this.fence = undefined;
    this.plain = undefined;
  }

  /**
   * Hands over the nodes that show the open block, to be morphed into its next render (they stay
   * in the document until then). A streaming code block is removed instead: it grows in place
   * already (live-code.ts), and its highlighting may still be under way.
   */
  private takeTail(): ChildNode[] {
    if (this.fence) {
      this.clearTail();
      return [];
    }
    const nodes = this.tailNodes;
    this.tailNodes = [];
    this.plain = undefined;
    return nodes;
  }

  /**
   * If the open block is a fenced code block, renders it as a live block whose text grows in
   * place, and returns true.
   */
  private openFence(): boolean {
    const scan = OpenFence.at(this.blocks.open);
    if (!scan) return false;
    const block = new StreamingCodeBlock(scan.info, this.options.labels);
    this.tailNodes = block.nodes;
    this.currentSegment().append(...block.nodes);
    this.fence = { scan, block };
    this.appendToFence();
    return true;
  }

  /** Feeds new source into the open code block; false when there is none or it has closed. */
  private appendToFence(): boolean {
    const content = this.fence?.scan.content(this.blocks.open);
    if (content === undefined) return false;
    this.fence!.block.show(content);
    return true;
  }

  private render(tokens: Token[]): string {
    return renderSafely(tokens, this.options.html === 'sanitize' ? 'sanitize' : 'escape');
  }

  /**
   * Sanitizes and decorates HTML (code blocks, images, links, math), keeping track of what
   * finishes later; `later` says whether any of it does (code waiting for its grammar, math for
   * KaTeX), on the fragment's own nodes.
   */
  private prepare(html: string, finished: boolean | 'soon'): { fragment: DocumentFragment; later: boolean } {
    const fragment = sanitize(html);
    showImages(fragment, this.options.images, finished !== false, this.options.labels);
    discloseLinks(fragment);
    const later = [...decorateCodeBlocks(fragment, finished, this.options.labels), ...typesetMath(fragment)];
    for (const promise of later) {
      this.pending.add(promise);
      void promise.finally(() => this.pending.delete(promise));
    }
    // Wide tables scroll sideways (display: block); keyboard users must be able to scroll them too.
    for (const table of Array.from(fragment.querySelectorAll('table'))) table.tabIndex = 0;
    return { fragment, later: later.length > 0 };
  }

  /**
   * Shows a prepared render in place of `shown` (nodes at the end of the current segment, or
   * none): morphed into them when `morphable`, or appended after removing them, as always when
   * the render has work still to finish on its own nodes (a node of `shown` kept in its place
   * would never get it). Returns the nodes that show it.
   */
  private show(
    { fragment, later }: { fragment: DocumentFragment; later: boolean },
    shown: readonly ChildNode[],
    morphable = true,
  ): ChildNode[] {
    if (morphable && !later && shown[0]?.parentNode) return morph(shown, fragment, this.cursor.node);
    removeAll(shown);
    return this.append(fragment);
  }

  /** Appends a prepared fragment at the end of the current segment; returns the nodes it became. */
  private append(fragment: DocumentFragment): ChildNode[] {
    // Nothing to show (a reference definition, raw HTML the sanitizer removed) starts no segment.
    if (!fragment.hasChildNodes()) return [];
    const nodes = Array.from(fragment.childNodes);
    this.currentSegment().append(fragment);
    return nodes;
  }

  private currentSegment(): HTMLElement {
    if (!this.segment) {
      // Only full chapters skip rendering off-screen: the last one holds the block being
      // streamed, which must paint in the frame it arrives (a new content-visibility: auto element
      // may wait a frame for the browser to find it on screen).
      // The root holds only chapters: the last is this one.
      let sealed = false;
      if (this.chapter && this.chapterSegments >= chapterSegments(this.root.childElementCount - 1)) {
        this.chapter.classList.add('sealed');
        this.chapter = undefined;
        sealed = true;
      }
      if (!this.chapter) {
        this.chapter = document.createElement('div');
        this.chapter.className = 'chapter';
        this.chapterSegments = 0;
        this.root.append(this.chapter);
      }
      if (sealed) this.far.sealed();
      this.segment = newSegment();
      this.chapter.append(this.segment);
      this.chapterSegments += 1;
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

  /** A dried segment rendered again (far-chapters.ts), as it was: the same blocks, sanitized and decorated. */
  private renderSegment({ from, to }: BlockRange): HTMLElement | undefined {
    if (!(from >= 0 && to > from && to <= this.committedHtml.length)) return undefined;
    const segment = newSegment();
    this.blocksOf.set(segment, { from, to });
    // Its code is coloured in the next tasks: a segment is restored per frame while the user
    // scrolls towards it, and colouring its code at once made those frames twice as long.
    segment.append(this.prepare(this.committedHtml.slice(from, to).join(''), 'soon').fragment);
    return segment;
  }

  /** Empties the root and forgets what was rendered into it (not the source). */
  private clearRendered(): void {
    this.root.replaceChildren();
    this.committedHtml = [];
    this.blocksOf = new WeakMap();
    this.far.reset();
    this.tailNodes = [];
    this.segment = undefined;
    this.segmentBlocks = 0;
    this.lastType = '';
    this.chapter = undefined;
    this.chapterSegments = 0;
  }

  /** Puts the blinking cursor at the end of the deepest last element, where the next text will appear. */
  private placeCursor(): void {
    if (!this.committedHtml.length && !this.blocks.open.trim()) this.cursor.remove();
    else this.cursor.place();
  }
}

function newSegment(): HTMLElement {
  const segment = document.createElement('div');
  segment.className = 'segment';
  return segment;
}

function removeAll(nodes: readonly ChildNode[]): void {
  for (const node of nodes) node.remove();
}

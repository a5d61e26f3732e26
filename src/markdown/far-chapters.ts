// Chapters far behind the text being written give up their markup while off-screen, keeping their
// text, and get it back when they come near the viewport.
//
// A browser's garbage collector traces every DOM node and layout object of the page, the host's
// included, and a giant answer rendered in full is millions of them: a 2 MB answer is 149,000
// elements and 258,000 text nodes (two thirds of them code colouring), 3.7 million objects in
// Blink's heap. Streaming a 20 MB answer, the host page had collector pauses of 200-530 ms every
// few seconds (`node bench/run.mjs --stress`), which no change to what a frame renders removed:
// skipping far chapters' layout (`display: none`) made them longer, and dropping only the code
// colours left 415 ms. With far chapters dried as below, that run's longest task was 98-106 ms.
//
// A dry chapter holds one text node per segment, each segment's text: the answer's text stays in
// the document as it was (find-in-page and select-all see it, its `textContent` is unchanged, the
// line breaks between blocks show, by the styles). Everything else goes, the segments' elements
// too: emptying the segments but keeping them measured no better than not drying at all
// (presumably because a skipped element is not laid out again, and so keeps the layout results of
// the children it lost). The markup comes back from the blocks' HTML, rendered again by the view
// through the whole pipeline, the sanitizer included (markdown-view.ts): nothing is kept aside
// that could come back unsanitized.
//
// Which chapters: sealed ones (`content-visibility: auto`) at least KEEP_CHAPTERS behind the
// newest, while the browser skips them (the `contentvisibilityautostatechange` event, which it
// fires for every such chapter when it first decides and at every change: no observer of our own
// is needed), dried as a new chapter is sealed. The browser never skips a chapter with the focus
// or the selection in it, so neither is lost to drying. An answer of fewer than 512 blocks (about
// 140 KB of the benchmark's chat markdown) is never dried. A dry chapter that comes within the
// browser's margin around the viewport is restored a few milliseconds per frame (its code
// coloured in the tasks after), the segments nearest the side it came from first, and stays
// rendered until the next chapter is sealed after the user left it (select-all makes every
// chapter relevant: they are all restored, a frame at a time).

import { afterNextFrame } from '../transport/task-slices.js';

/**
 * Chapters behind the newest that stay rendered whatever happens: the last 2,048 blocks at most
 * (chapters grow to 16 segments of 32), the first 512 blocks until the fifth chapter begins.
 */
export const KEEP_CHAPTERS = 4;
/** Milliseconds of restoring per frame, after the first segment. */
const RESTORE_MS_PER_FRAME = 8;
/** The class of a dry chapter. */
const DRY = 'dry';

/** `contentvisibilityautostatechange`: whether the element's content is now skipped. */
type VisibilityEvent = Event & { readonly skipped: boolean };

/** What the view does for a dry chapter: a segment's blocks rendered again, and where they came from. */
export interface SegmentSource<Blocks> {
  /** Which blocks a rendered segment shows (the view's own reference to them), undefined if unknown. */
  blocksOf(segment: Element): Blocks | undefined;
  /** A segment showing `blocks` again, sanitized and decorated; undefined when the view no longer has them (it started over). */
  segment(blocks: Blocks): HTMLElement | undefined;
}

export class FarChapters<Blocks> {
  private root: HTMLElement;
  /** Chapters whose content the browser skips (off-screen), as its last event said. */
  private readonly skipped = new Set<Element>();
  /** The blocks each segment of a dry chapter showed, by its index among the chapter's children. */
  private readonly dried = new WeakMap<Element, Blocks[]>();
  /** Segments of dry chapters waiting to be rendered again, next first: the chapter and the index of its text node. */
  private queue: { chapter: HTMLElement; index: number }[] = [];
  private draining = false;
  private readonly onVisibility = (event: Event) => this.changed(event as VisibilityEvent);

  /** @param root the view's element, whose children are its chapters */
  constructor(
    root: HTMLElement,
    private readonly source: SegmentSource<Blocks>,
  ) {
    this.root = root;
    root.addEventListener('contentvisibilityautostatechange', this.onVisibility, true);
  }

  /** The view moved its chapters into `root` (markdown-directive.ts hands a finished view over). */
  moveTo(root: HTMLElement): void {
    this.root.removeEventListener('contentvisibilityautostatechange', this.onVisibility, true);
    this.root = root;
    root.addEventListener('contentvisibilityautostatechange', this.onVisibility, true);
  }

  /**
   * A chapter was sealed (a new one started): the one KEEP_CHAPTERS behind the newest is now far,
   * and so are any the user brought back and left since. Only here, while the answer grows: a
   * chapter the user scrolled back to stays rendered once they move on (drying each as it left
   * the screen, and restoring the next, made every frame of a scroll through a giant answer
   * longer), and the next chapter sealed dries it.
   */
  sealed(): void {
    const chapters = this.root.children;
    for (let i = chapters.length - 1 - KEEP_CHAPTERS; i >= 0; i--) {
      const chapter = chapters[i];
      if (chapter instanceof HTMLElement && this.skipped.has(chapter)) this.dry(chapter);
    }
  }

  /** The view started over: its chapters are gone. */
  reset(): void {
    this.queue = [];
    this.skipped.clear();
  }

  private changed(event: VisibilityEvent): void {
    const chapter = event.target;
    if (!(chapter instanceof HTMLElement) || chapter.parentNode !== this.root) return;
    if (event.skipped) {
      this.skipped.add(chapter);
    } else {
      this.skipped.delete(chapter);
      if (chapter.classList.contains(DRY)) this.restore(chapter);
    }
  }

  /** Replaces each segment of `chapter` (rendered or not yet restored) with its text. */
  private dry(chapter: HTMLElement): void {
    // Dry already, no segment restored.
    if (chapter.classList.contains(DRY) && !chapter.firstElementChild) return;
    const nodes = Array.from(chapter.childNodes);
    if (!chapter.classList.contains(DRY)) {
      const blocks = nodes.map((segment) => (segment instanceof Element ? this.source.blocksOf(segment) : undefined));
      // A segment the view cannot render again stays as it is, and so does its chapter.
      if (blocks.some((b) => b === undefined)) return;
      this.dried.set(chapter, blocks as Blocks[]);
      chapter.classList.add(DRY);
    }
    this.queue = this.queue.filter((entry) => entry.chapter !== chapter);
    chapter.replaceChildren(...nodes.map((node) => (node instanceof Element ? (node.textContent ?? '') : node)));
  }

  private restore(chapter: HTMLElement): void {
    if (this.queue.some((entry) => entry.chapter === chapter)) return;
    const indexes = Array.from(chapter.childNodes.keys()).filter((index) => chapter.childNodes[index] instanceof Text);
    // Coming into view from below (the chapter after it is rendered): its last segments are nearest.
    const next = chapter.nextElementSibling;
    if (next && !next.classList.contains(DRY)) indexes.reverse();
    this.queue.unshift(...indexes.map((index) => ({ chapter, index })));
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length) {
      await afterNextFrame();
      const end = performance.now() + RESTORE_MS_PER_FRAME;
      do this.restoreSegment(this.queue.shift()!);
      while (this.queue.length && performance.now() < end);
    }
    this.draining = false;
  }

  private restoreSegment({ chapter, index }: { chapter: HTMLElement; index: number }): void {
    const text = chapter.childNodes[index];
    const blocks = this.dried.get(chapter)?.[index];
    if (chapter.parentNode !== this.root || !(text instanceof Text) || blocks === undefined) return;
    const segment = this.source.segment(blocks);
    if (!segment) return;
    text.replaceWith(segment);
    if (!Array.from(chapter.childNodes).some((node) => node instanceof Text)) {
      chapter.classList.remove(DRY);
      this.dried.delete(chapter);
    }
  }
}

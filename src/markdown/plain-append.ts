// Most of what a model streams is words added to the paragraph (or list item, or heading) being
// written. Re-lexing, rendering, sanitizing and replacing that block for every update costs a
// frame several milliseconds for text that cannot change its structure; this appends such text to
// the block's last text node instead. Only new characters that no markdown rule reacts to in the
// middle of a line go this way; anything else (a line break, a marker, a link, a URL being typed)
// re-renders the open block as before, so every element that reaches the DOM is still one the
// sanitizer passed, and committed blocks and the final render are exactly as without this.

/**
 * Characters after which, or as which, new text may change the block's structure: line breaks,
 * inline markers, escapes, entities, raw HTML, tables, headings' closing `#`, math, autolinks'
 * `/` and `@`, and control characters (marked replaces NUL).
 */
const UNSAFE = /[\n\r\t\\`*_~[\]<>&|#$/@{}^\u0000-\u001f\u007f\u2028\u2029]/;
/** A word that is or may become an autolink (heal.ts keeps it plain until whitespace ends it). */
const URL_LIKE = /https?:|www\./i;
/**
 * What starts a line inside the open block: quote markers, list markers, a heading's `#`s. After
 * them the line must already have begun with a letter (or a quote or parenthesis): a line that is
 * still `1`, `- ` or `=` may yet become a list item, a nested list or a setext underline.
 */
const LINE_PREFIX = /^(?: {0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])[ \t]+|#{1,6}[ \t]+))*/;
const SETTLED_LINE = /^[\p{L}"'(]/u;
/** Elements whose whitespace-only text nodes are the render's formatting (marked's line breaks), not text. */
const BLOCK_CONTAINERS = new Set(['UL', 'OL', 'LI', 'BLOCKQUOTE']);
/** Longer open blocks take the normal path, which also applies the long-line limit (limits.ts). */
const MAX_OPEN = 50_000;
/** Elements the appended text may sit in: blocks and inline formatting, nothing that points anywhere. */
const CONTAINERS = new Set(['P', 'LI', 'UL', 'OL', 'STRONG', 'EM', 'DEL', 'S', 'CODE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The text node that ends a freshly rendered open block, and the source it was rendered from.
 * `append` shows a longer source by appending to that node, when it can prove the render would
 * only have added those characters there.
 */
export class PlainAppend {
  private constructor(
    private source: string,
    private readonly text: Text,
  ) {}

  /**
   * After the open block `source` was rendered as `nodes`: where plain text would go, if the
   * render ends in a text node that shows the source's last characters as they are.
   */
  static after(source: string, nodes: readonly ChildNode[]): PlainAppend | undefined {
    const end = source.slice(-2);
    if (end.length < 2 || UNSAFE.test(end) || source.length > MAX_OPEN) return undefined;
    // The block itself: the render ends it with a line break, a text node of its own.
    let at = nodes.length - 1;
    while (at >= 0 && nodes[at].nodeType === Node.TEXT_NODE && !nodes[at].textContent?.trim()) at -= 1;
    let node: ChildNode | null | undefined = nodes[at];
    while (node instanceof Element) {
      if (!CONTAINERS.has(node.tagName) || (node.tagName === 'CODE' && node.parentElement?.tagName === 'PRE')) return undefined;
      const formatting = BLOCK_CONTAINERS.has(node.tagName);
      let last: ChildNode | null = node.lastChild;
      // The streaming cursor (a span) is the view's, not the render's.
      while (
        (last instanceof HTMLElement && last.classList.contains('cursor')) ||
        (formatting && last?.nodeType === Node.TEXT_NODE && !last.textContent?.trim())
      ) {
        last = last.previousSibling;
      }
      node = last;
    }
    if (!(node instanceof Text) || !node.data.endsWith(end)) return undefined;
    return new PlainAppend(source, node);
  }

  /** Shows `source` (the open block, grown) by appending its new characters; false when it cannot. */
  append(source: string): boolean {
    const previous = this.source;
    if (source.length <= previous.length || source.length > MAX_OPEN || !source.startsWith(previous)) return false;
    const added = source.slice(previous.length);
    if (UNSAFE.test(added)) return false;
    // The line as it was: past its block markers, it must have started with a letter.
    const before = previous.slice(previous.lastIndexOf('\n') + 1);
    if (!SETTLED_LINE.test(before.slice(LINE_PREFIX.exec(before)![0].length))) return false;
    // The word being written, and the line: no autolink, email, entity or link destination in the making.
    const line = source.slice(source.lastIndexOf('\n') + 1);
    // From the start of the last word before the new text: whitespace ending a URL links it.
    const word = before.slice(before.search(/\S*$/)) + added;
    if (URL_LIKE.test(word) || /[@&]/.test(word) || line.lastIndexOf('](') > line.lastIndexOf(')')) return false;
    this.text.appendData(added);
    this.source = source;
    return true;
  }
}

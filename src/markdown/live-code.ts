// The code element of a fenced block that is still streaming. Its text is coloured as it grows:
// HTML the incremental highlighter has frozen is appended once and never touched again; only the
// nodes of the tail (the last line or two, or a construct still open) are replaced on each update,
// so an update costs the same at line 10 as at line 10,000 and what is already coloured never
// flickers. Until the grammar has loaded the text grows as plain text, then it is coloured at once.
import { loadedHighlighter } from './highlight.js';
import { IncrementalHighlighter } from './incremental-highlight.js';
import { highlightHTML } from './trusted-types.js';

export class LiveCode {
  private highlighter?: IncrementalHighlighter;
  /** Plain text (before the grammar is in, or when highlighting is refused). */
  private text?: Text;
  private tail: ChildNode[] = [];
  private shown = '';
  /** Highlighting failed once (a page whose Trusted Types settings refuse our policy): stay plain. */
  private plain = false;
  private readonly template = document.createElement('template');

  constructor(
    readonly code: HTMLElement,
    private readonly language: string | undefined,
  ) {}

  /** Shows `content`, the block's code so far (normally what was shown before plus more). */
  show(content: string): void {
    if (!this.highlighter && !this.plain && this.language) {
      const api = loadedHighlighter(this.language);
      if (api) {
        this.highlighter = new IncrementalHighlighter(api, this.language);
        this.code.replaceChildren();
        this.text = undefined;
        this.code.classList.add('hljs');
      }
    }
    if (this.highlighter) {
      try {
        this.colour(this.highlighter, content);
        this.shown = content;
        return;
      } catch (error) {
        console.warn('stream-chat: code left unhighlighted', error);
        this.plain = true;
        this.highlighter = undefined;
        this.code.classList.remove('hljs');
        this.code.replaceChildren();
        this.tail = [];
        this.shown = '';
      }
    }
    this.showPlain(content);
  }

  private colour(highlighter: IncrementalHighlighter, content: string): void {
    const step = highlighter.update(content);
    if (step.restart) this.code.replaceChildren();
    for (const node of this.tail) node.remove();
    if (step.frozen) this.code.append(this.parse(step.frozen));
    const tail = this.parse(step.tail);
    this.tail = Array.from(tail.childNodes);
    this.code.append(tail);
  }

  private parse(html: string): DocumentFragment {
    // Highlighter output only, checked by the `stream-chat` Trusted Types policy (spans and text).
    this.template.innerHTML = highlightHTML(html);
    return this.template.content;
  }

  private showPlain(content: string): void {
    if (!this.text) {
      this.text = document.createTextNode('');
      this.code.append(this.text);
    }
    const shown = this.shown;
    if (content.length >= shown.length && content.slice(Math.max(0, shown.length - 32), shown.length) === shown.slice(-32)) {
      this.text.appendData(content.slice(shown.length));
    } else {
      this.text.data = content;
    }
    this.shown = content;
  }
}

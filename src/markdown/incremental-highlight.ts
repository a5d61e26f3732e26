// Highlighting code while it streams, at a cost per update that does not grow with the block.
//
// highlight.js cannot resume, but after a complete line it can tell where it stands: a result
// whose `_top` is the language itself ended at the top level, outside any string, comment or
// tag. Text after such a line boundary highlights the same whether it is highlighted alone or
// after what came before, so the HTML up to the boundary can be frozen (appended once and never
// touched again) and only the text after it is highlighted on each update: the last line or two,
// or the whole of a multi-line construct (a block comment, a template string) while it is open.
//
// A boundary is frozen only once a longer highlight agrees with it: when the HTML of the text up
// to the boundary and at least one complete line after it starts with exactly the HTML of the
// text up to the boundary alone. That catches constructs that a later line reopens (a setext
// heading's underline, a multi-line regex match), which a top-level state alone would miss. The
// frozen HTML plus the tail's HTML equals highlight.js's one-shot output in every case we test
// (test/markdown/incremental-highlight.test.ts chunks real code at random in several languages).
import type { HighlightResult, Language } from 'highlight.js';

/** The part of highlight.js this module needs (injectable in tests, to count the work). */
export interface Highlighter {
  highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): HighlightResult;
  getLanguage(name: string): Language | undefined;
}

/** What to change in the DOM after an update. */
export interface HighlightStep {
  /** Everything was highlighted again from the start: drop what was frozen before. */
  restart: boolean;
  /** HTML that is final from now on, to append after the HTML frozen before. */
  frozen: string;
  /** HTML of the rest of the code, replacing the previous tail. */
  tail: string;
}

export class IncrementalHighlighter {
  private code = '';
  /** Length of the code whose HTML is frozen; it ends at a line boundary. */
  private stable = 0;
  /** A line boundary after `stable` where highlighting was at the top level, waiting to be confirmed. */
  private candidate?: { end: number; text: string; html: string };

  constructor(
    private readonly api: Highlighter,
    private readonly language: string,
  ) {}

  /** The frozen and tail HTML for `code`, the whole block so far (normally the previous code plus more). */
  update(code: string): HighlightStep {
    let restart = false;
    // The last characters of the frozen code, not all of it: a check that grows with the block
    // would make every update cost O(block). The caller passes text that extends the last one.
    const from = Math.max(0, this.stable - 32);
    if (code.length < this.stable || code.slice(from, this.stable) !== this.code.slice(from, this.stable)) {
      this.stable = 0;
      this.candidate = undefined;
      restart = true;
    }
    this.code = code;
    let tail = code.slice(this.stable);
    let tailHtml = this.highlight(tail).value;
    let frozen = '';
    const candidate = this.candidate;
    this.candidate = undefined;
    if (
      candidate &&
      tail.startsWith(candidate.text) &&
      tail.indexOf('\n', candidate.end) !== -1 &&
      tailHtml.startsWith(candidate.html)
    ) {
      frozen = candidate.html;
      tailHtml = tailHtml.slice(candidate.html.length);
      this.stable += candidate.end;
      tail = tail.slice(candidate.end);
    }
    // The next boundary to try: the end of the last complete line.
    const end = tail.lastIndexOf('\n') + 1;
    if (end > 0) {
      const text = tail.slice(0, end);
      const result = this.highlight(text);
      if (result._top === this.api.getLanguage(this.language)) this.candidate = { end, text, html: result.value };
    }
    return { restart, frozen, tail: tailHtml };
  }

  private highlight(text: string) {
    return this.api.highlight(text, { language: this.language, ignoreIllegals: true });
  }
}


import { css } from 'lit';

// Rendered markdown: prose, tables, inline code, link hosts, and the cursor at the end of a
// streaming answer. Code blocks and images style themselves (markdown/code-block/, image-placeholder/).
//
// Notes on the rules below:
// - Spacing between blocks. A block's bottom margin is its space before the next block; the last
//   block of every segment has none, and the first block of every later segment (of any chapter
//   but the first) has it as its top margin instead. A segment ends only after, and starts only
//   before, a block whose bottom margin is 0.75em and top margin zero (markdown-view.ts), so edges
//   change no spacing. Only the first and last child of a segment are selected by position: a rule
//   like ".markdown > :last-child > :last-child > :last-child" made every new segment and chapter
//   restyle the whole of the one before it (its :last-child changed, and a rule whose last part
//   names no tag or class invalidates all descendants), 3,000 elements at each chapter's end.
// - `.warm-up` is a sample answer laid out once per page before the first real one
//   (markdown/warm-up.ts): out of flow, no height, invisible, so nothing on the page moves.
export const markdown = css`
  :host {
    --_inline-code-bg: var(--stream-chat-inline-code-background, var(--_d-inline-code-bg));
  }
  /* The renderer groups blocks into segments of about 32, and those into chapters of 4 to 16
     (markdown-view.ts); full chapters skip style, layout and paint while off-screen, so each frame
     costs the same at the end of a long answer as at its start. Segments do not: the browser
     visits every such element at every frame, even inside one that is skipped. Containment clips
     painting; the clip margin leaves room for focus rings at the edges. */
  .markdown > .sealed {
    content-visibility: auto;
    contain-intrinsic-size: auto 320em;
    overflow-clip-margin: 6px;
  }
  /* Style containment from the start: content-visibility brings it, and a chapter gaining it when
     sealed made that frame's style update walk the whole answer (traced: Document::updateStyle's
     own time, not any element's recalculation, at every seal, 50 to 100 ms late in a 20 MB answer;
     gone with this rule). Style containment scopes counters and quotes, which never cross a
     chapter's edge anyway: a list is one block. */
  .markdown > .chapter {
    contain: style;
  }
  /* Each block paints on its own: a stacking context (which changes no layout, margin or look
     here: blocks carry no z-index or blending) is a unit whose painting the browser keeps and
     reuses whole while nothing in it changed. Without it every update's paint visited every line of
     the blocks around the one that grows. Paced 100 KB, bench/ab.mjs --mode=paced --n=8: busy
     3934 ± 53 against 4211 ± 54 ms (traced per update: paint 0.78 against 1.05 ms, compositing
     inputs 0.15 against 0.52); unthrottled unchanged (336 ± 5 against 344 ± 5 ms). */
  .markdown .segment > * {
    isolation: isolate;
  }
  /* A chapter far behind the newest, off-screen, holds only its segments' text
     (markdown/far-chapters.ts) until it comes near the viewport again: the line breaks between its
     blocks show (and copy), and a segment already rendered again lays out as before. */
  .markdown > .dry {
    white-space: pre-line;
  }
  .markdown > .dry > .segment {
    white-space: normal;
  }
  .warm-up {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 40em;
    block-size: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
  }
  .markdown > :first-child > :first-child > :first-child {
    margin-top: 0;
  }
  .markdown .segment > :last-child {
    margin-bottom: 0;
  }
  .markdown .segment + .segment > :first-child,
  .markdown .chapter + .chapter > :first-child > :first-child {
    margin-top: 0.75em;
  }
  .markdown p,
  .markdown ul,
  .markdown ol,
  .markdown blockquote,
  .markdown table {
    margin: 0 0 0.75em;
  }
  .markdown h1,
  .markdown h2,
  .markdown h3,
  .markdown h4 {
    margin: 1em 0 0.5em;
    line-height: 1.25;
  }
  .markdown h1 {
    font-size: 1.4em;
  }
  .markdown h2 {
    font-size: 1.25em;
  }
  .markdown h3 {
    font-size: 1.1em;
  }
  .markdown ul,
  .markdown ol {
    padding-inline-start: 1.5em;
  }
  .markdown li + li {
    margin-top: 0.25em;
  }
  .markdown a {
    color: var(--_accent);
  }
  .markdown blockquote {
    padding: 0 1em;
    color: var(--_muted);
    border-inline-start: 3px solid var(--_border);
  }
  .markdown hr {
    border: 0;
    border-top: 1px solid var(--_border);
  }
  .markdown table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .markdown th,
  .markdown td {
    /* Cells keep their words whole; a table too wide for the chat scrolls sideways instead. */
    overflow-wrap: normal;
    padding: 6px 12px;
    border: 1px solid var(--_border);
  }
  .markdown th {
    background: var(--_surface);
    font-weight: 600;
  }
  .markdown :not(pre) > code {
    padding: 0.15em 0.35em;
    border-radius: 6px;
    background: var(--_inline-code-bg);
    font-family: var(--_code-font);
    font-size: 0.88em;
  }

  /* The real host after a link whose text names another (link-disclosure.ts). */
  .link-host {
    margin-inline-start: 0.3em;
    color: var(--_muted);
    font-size: 0.8em;
    /* A host reads as one word: "(evil.example)" moves to the next line whole, never split. */
    white-space: nowrap;
  }
  .link-host::before {
    content: '(';
  }
  .link-host::after {
    content: ')';
  }

  .cursor {
    display: inline-block;
    width: 0.5em;
    height: 1.1em;
    margin-inline-start: 2px;
    vertical-align: text-bottom;
    background: var(--_accent);
    border-radius: 1px;
    animation: blink 1s steps(1) infinite;
  }
  /* Lit while text flows: moved at every update, it would start a new animation each time
     (markdown/cursor.ts). */
  .cursor.flowing {
    animation: none;
  }
  @keyframes blink {
    50% {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cursor {
      animation: none;
    }
  }
`;

import { css } from 'lit';

// Formulas in answers (src/markdown/math-render.ts): how typeset math sits in the text. The MathML
// itself needs no stylesheet or fonts: the browser lays it out with its own math font.

export const math = css`
  .markdown .math-display {
    display: block;
    margin: 0 0 0.75em;
    overflow-x: auto;
    overflow-y: hidden;
    text-align: center;
  }
  .markdown span.math-display {
    margin: 0.25em 0;
  }
  .markdown math {
    font-size: 1.1em;
  }
  .markdown math[display='block'] {
    margin: 0.25em 0;
  }
  /* A formula that is not typeset (yet, or at all) shows its source, set apart like code. */
  .markdown .math-inline:not(:has(math)),
  .markdown .math-display:not(:has(math)) {
    font-family: var(--_code-font);
    font-size: 0.9em;
    white-space: pre-wrap;
  }
  .markdown .math-error {
    color: var(--_muted);
  }
`;

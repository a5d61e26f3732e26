import { css } from 'lit';

/** States a reader must notice: an answer cut off or stopped, the empty chat, newer messages below. */
export const stateStyles = css`
  :host {
    --_d-notice: #9a6700;
    --_d-notice-bg: #fff8c5;
  }
  :host([theme='dark']) {
    --_d-notice: #d29922;
    --_d-notice-bg: rgba(187, 128, 9, 0.15);
  }
  :host(:state(dark)) {
    --_d-notice: #d29922;
    --_d-notice-bg: rgba(187, 128, 9, 0.15);
  }

  /* "Answer cut off" and "Stopped" read as states, not fine print: a box with a thick leading
     rule, an icon and strong text in the main text colour (full contrast in both themes). */
  .notice {
    --_notice: var(--stream-chat-notice-color, var(--_d-notice));
    display: flex;
    align-items: center;
    gap: 8px;
    width: fit-content;
    max-width: 100%;
    margin-top: 10px;
    padding: 6px 12px;
    border: 1px solid var(--_notice);
    border-inline-start-width: 4px;
    border-radius: 6px;
    background: var(--stream-chat-notice-background, var(--_d-notice-bg));
    color: var(--_text);
    font-size: 0.9em;
    font-weight: 600;
  }
  .notice[data-kind='stopped'] {
    --_notice: var(--stream-chat-muted-color, var(--_d-muted));
    background: var(--_surface);
  }
  .notice-icon {
    flex: none;
    width: 0.9em;
    height: 0.9em;
    background: var(--_notice);
    /* Cut off: a triangle (a warning); stopped: a square (the stop button's). */
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .notice[data-kind='stopped'] .notice-icon {
    clip-path: inset(8% round 2px);
  }
  /* Plain text: a circle, an information rather than a warning. */
  .notice[data-kind='plain-text'] {
    --_notice: var(--stream-chat-muted-color, var(--_d-muted));
    background: var(--_surface);
    font-weight: 400;
  }
  .notice[data-kind='plain-text'] .notice-icon {
    clip-path: circle(40%);
  }
  /* An answer shown without the markdown engine keeps its line breaks. */
  .markdown.plain {
    white-space: pre-wrap;
  }

  /* The empty chat: a welcome in the middle of the log (the \`empty\` slot replaces its content).
     The log's content is a column while it is empty only, so the welcome can fill its height. */
  .messages:has(> .empty) {
    display: flex;
    flex-direction: column;
  }
  .empty {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    min-height: 100%;
    padding: var(--_gap);
    color: var(--stream-chat-empty-color, var(--_muted));
    font-size: 1.05em;
    text-align: center;
  }
  .empty-icon {
    width: 40px;
    height: 40px;
    color: var(--_accent);
  }

  /* Newer content below while the user reads higher up: a button that floats at the bottom of the
     log (a sticky row of no height, so the log's content does not move) and goes back there. */
  .jump-row {
    position: sticky;
    inset-block-end: 0;
    display: flex;
    justify-content: center;
    height: 0;
    pointer-events: none;
  }
  .jump-button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 14px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    font-size: 0.875em;
    box-shadow: 0 2px 8px var(--_shadow);
    cursor: pointer;
    pointer-events: auto;
    transform: translateY(calc(-100% - 8px));
  }
  .jump-button svg {
    width: 16px;
    height: 16px;
  }
`;

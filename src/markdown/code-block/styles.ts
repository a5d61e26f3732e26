import { css } from 'lit';

// A fenced code block's look (code-block.ts builds it): the box, its header with the language and
// the Copy button (its target size and forced-colours border included), and the highlighting theme.
// In the element's first load, with the other regions' styles; the block itself loads later.
export const codeBlockStyles = css`
  :host {
    --_code-bg: var(--stream-chat-code-background, var(--_d-code-bg));
    --_code-text: var(--stream-chat-code-text-color, var(--_d-code-text));
    --_hl-keyword: var(--stream-chat-code-keyword-color, var(--_d-hl-keyword));
    --_hl-title: var(--stream-chat-code-title-color, var(--_d-hl-title));
    --_hl-string: var(--stream-chat-code-string-color, var(--_d-hl-string));
    --_hl-number: var(--stream-chat-code-number-color, var(--_d-hl-number));
    --_hl-comment: var(--stream-chat-code-comment-color, var(--_d-hl-comment));
    --_hl-builtin: var(--stream-chat-code-builtin-color, var(--_d-hl-builtin));
    --_hl-tag: var(--stream-chat-code-tag-color, var(--_d-hl-tag));
  }
  .markdown .code-block {
    margin: 0 0 0.75em;
  }
  .code-block {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.66);
    background: var(--_code-bg);
    color: var(--_code-text);
    overflow: hidden;
  }
  .code-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 4px 8px 4px 12px;
    border-bottom: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.8em;
  }
  .copy-button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid transparent;
    border-radius: 6px;
    padding: 2px 8px;
    cursor: pointer;
  }
  .copy-button:hover {
    border-color: var(--_border);
    color: var(--_text);
  }
  .code-block pre {
    margin: 0;
    padding: 12px;
    overflow-x: auto;
    font-family: var(--_code-font);
    font-size: 0.86em;
    line-height: 1.5;
  }
  .code-block code {
    font-family: inherit;
  }
  /* At least 24×24 px (WCAG 2.5.8), 44×44 px for a finger (as every control: styles/targets.ts). */
  .copy-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 24px;
    min-height: 24px;
  }
  @media (pointer: coarse) {
    .copy-button {
      min-width: 44px;
      min-height: 44px;
    }
  }
  /* Forced colours drop the fill that tells the button apart: a border instead. */
  @media (forced-colors: active) {
    .copy-button {
      border: 1px solid CanvasText;
    }
  }
  .hljs-keyword, .hljs-doctag, .hljs-template-tag, .hljs-template-variable, .hljs-type, .hljs-variable.language_ {
    color: var(--_hl-keyword);
  }
  .hljs-title, .hljs-title.class_, .hljs-title.function_ {
    color: var(--_hl-title);
  }
  .hljs-attr, .hljs-attribute, .hljs-literal, .hljs-meta, .hljs-number, .hljs-operator, .hljs-variable, .hljs-selector-attr, .hljs-selector-class, .hljs-selector-id {
    color: var(--_hl-number);
  }
  .hljs-regexp, .hljs-string, .hljs-meta .hljs-string {
    color: var(--_hl-string);
  }
  .hljs-built_in, .hljs-symbol, .hljs-params {
    color: var(--_hl-builtin);
  }
  .hljs-comment, .hljs-code, .hljs-formula {
    color: var(--_hl-comment);
    font-style: italic;
  }
  .hljs-name, .hljs-quote, .hljs-selector-tag, .hljs-selector-pseudo {
    color: var(--_hl-tag);
  }
  .hljs-section {
    color: var(--_hl-number);
    font-weight: bold;
  }
  .hljs-addition {
    color: var(--_d-hl-add);
    background: var(--_d-hl-add-bg);
  }
  .hljs-deletion {
    color: var(--_d-hl-del);
    background: var(--_d-hl-del-bg);
  }
`;

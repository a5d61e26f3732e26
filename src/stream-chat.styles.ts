import { css } from 'lit';

// Theme defaults live in private `--_d-*` properties; the public `--stream-chat-*` properties
// override them. One block of dark defaults serves both `theme="dark"` and `auto` in a dark OS.
const darkDefaults = css`
  --_d-accent: #4493f8;
  --_d-accent-text: #0d1117;
  --_d-bg: #0d1117;
  --_d-text: #e6edf3;
  --_d-muted: #9198a1;
  --_d-border: #30363d;
  --_d-user-bg: #1f6feb;
  --_d-user-text: #ffffff;
  --_d-assistant-bg: transparent;
  --_d-assistant-text: #e6edf3;
  --_d-code-bg: #161b22;
  --_d-code-text: #e6edf3;
  --_d-inline-code-bg: rgba(110, 118, 129, 0.4);
  --_d-error: #f85149;
  --_d-error-bg: rgba(248, 81, 73, 0.1);
  --_d-surface: #151b23;
  --_d-hl-keyword: #ff7b72;
  --_d-hl-title: #d2a8ff;
  --_d-hl-string: #a5d6ff;
  --_d-hl-number: #79c0ff;
  --_d-hl-comment: #9198a1;
  --_d-hl-builtin: #ffa657;
  --_d-hl-tag: #7ee787;
  --_d-hl-add-bg: #033a16;
  --_d-hl-add: #aff5b4;
  --_d-hl-del-bg: #67060c;
  --_d-hl-del: #ffdcd7;
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_d-accent: #0969da;
    --_d-accent-text: #ffffff;
    --_d-bg: #ffffff;
    --_d-text: #1f2328;
    --_d-muted: #59636e;
    --_d-border: #d1d9e0;
    --_d-user-bg: #0969da;
    --_d-user-text: #ffffff;
    --_d-assistant-bg: transparent;
    --_d-assistant-text: #1f2328;
    --_d-code-bg: #f6f8fa;
    --_d-code-text: #1f2328;
    --_d-inline-code-bg: rgba(129, 139, 152, 0.15);
    --_d-error: #d1242f;
    --_d-error-bg: #fff5f5;
    --_d-surface: #f6f8fa;
    --_d-hl-keyword: #cf222e;
    --_d-hl-title: #8250df;
    --_d-hl-string: #0a3069;
    --_d-hl-number: #0550ae;
    --_d-hl-comment: #59636e;
    --_d-hl-builtin: #953800;
    --_d-hl-tag: #116329;
    --_d-hl-add-bg: #dafbe1;
    --_d-hl-add: #116329;
    --_d-hl-del-bg: #ffebe9;
    --_d-hl-del: #82071e;
    color-scheme: light;

    --_accent: var(--stream-chat-accent, var(--_d-accent));
    --_accent-text: var(--stream-chat-accent-text-color, var(--_d-accent-text));
    --_bg: var(--stream-chat-background, var(--_d-bg));
    --_text: var(--stream-chat-text-color, var(--_d-text));
    --_muted: var(--stream-chat-muted-color, var(--_d-muted));
    --_border: var(--stream-chat-border-color, var(--_d-border));
    --_radius: var(--stream-chat-radius, 12px);
    --_user-bg: var(--stream-chat-user-background, var(--_d-user-bg));
    --_user-text: var(--stream-chat-user-text-color, var(--_d-user-text));
    --_assistant-bg: var(--stream-chat-assistant-background, var(--_d-assistant-bg));
    --_assistant-text: var(--stream-chat-assistant-text-color, var(--_d-assistant-text));
    --_code-bg: var(--stream-chat-code-background, var(--_d-code-bg));
    --_code-text: var(--stream-chat-code-text-color, var(--_d-code-text));
    --_code-font: var(--stream-chat-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_error: var(--stream-chat-error-color, var(--_d-error));
    --_gap: var(--stream-chat-spacing, 16px);
    --_surface: var(--stream-chat-surface-color, var(--_d-surface));
    --_inline-code-bg: var(--stream-chat-inline-code-background, var(--_d-inline-code-bg));
    --_error-bg: var(--stream-chat-error-background, var(--_d-error-bg));
    --_success: var(--stream-chat-success-color, #1a7f37);
    --_shadow: var(--stream-chat-shadow-color, rgba(0, 0, 0, 0.25));
    --_hl-keyword: var(--stream-chat-code-keyword-color, var(--_d-hl-keyword));
    --_hl-title: var(--stream-chat-code-title-color, var(--_d-hl-title));
    --_hl-string: var(--stream-chat-code-string-color, var(--_d-hl-string));
    --_hl-number: var(--stream-chat-code-number-color, var(--_d-hl-number));
    --_hl-comment: var(--stream-chat-code-comment-color, var(--_d-hl-comment));
    --_hl-builtin: var(--stream-chat-code-builtin-color, var(--_d-hl-builtin));
    --_hl-tag: var(--stream-chat-code-tag-color, var(--_d-hl-tag));

    display: block;
    box-sizing: border-box;
    height: 100%;
    min-height: 240px;
  }
  /* Inline, the surface fills the host, whatever display the page gives it (\`display: block\` on a
     custom element is common): its height follows a definite host height, and the host's min-
     and max-height when the height is auto, so the log scrolls inside the box either way. */
  :host(:not([mode='launcher'])) .surface {
    flex: 1 1 auto;
    min-height: inherit;
    max-height: inherit;
  }
  /* The chat itself: the whole element inline, the floating panel in launcher mode. */
  .surface,
  .launcher {
    /* Text properties are inherited through the shadow boundary, and a page rule like
       \`* { font: 13px/1 serif; text-transform: uppercase }\` reaches the host itself: set them all
       here, inside, so the host page's typography never leaks into the chat. */
    color: var(--_text);
    font-family: var(--stream-chat-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--stream-chat-font-size, 15px);
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.55;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    cursor: auto;
  }
  /* The floating panel in launcher mode (inline, see above). */
  .surface {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: 100%;
    overflow: hidden;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  /* Launcher mode: a round button in a corner that opens the chat as a panel. */
  :host([mode='launcher']) {
    position: fixed;
    inset-block-end: var(--stream-chat-launcher-offset, 20px);
    inset-inline-end: var(--stream-chat-launcher-offset, 20px);
    z-index: var(--stream-chat-z-index, 2147483000);
    height: auto;
    min-height: 0;
  }
  .launcher {
    display: grid;
    place-items: center;
    width: 56px;
    height: 56px;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    box-shadow: 0 6px 20px rgba(0, 0, 0, 0.25);
    cursor: pointer;
  }
  .launcher svg {
    width: 26px;
    height: 26px;
  }
  :host([mode='launcher']) .surface {
    position: fixed;
    inset-block-end: calc(var(--stream-chat-launcher-offset, 20px) + 68px);
    inset-inline-end: var(--stream-chat-launcher-offset, 20px);
    width: var(--stream-chat-panel-width, min(400px, calc(100vw - 40px)));
    height: var(--stream-chat-panel-height, min(640px, calc(100vh - 120px)));
    box-shadow: 0 12px 40px rgba(0, 0, 0, 0.25);
  }
  :host([mode='launcher']:not([open])) .surface {
    display: none;
  }
  @media (max-width: 480px) {
    :host([mode='launcher']) .surface {
      inset: 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
    :host([mode='launcher'][open]) .launcher {
      display: none;
    }
  }
  .panel-header {
    display: flex;
    justify-content: flex-end;
    padding: 6px 8px 0;
  }
  .close-button {
    font: inherit;
    width: 32px;
    height: 32px;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .close-button:hover {
    background: var(--_d-surface);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkDefaults}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkDefaults}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* Block layout, not flex: appending to a long log then lays out only what changed. */
  .log {
    flex: 1 1 auto;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_gap);
  }
  .messages {
    min-height: 100%;
  }
  .empty {
    display: grid;
    place-items: center;
    min-height: 100%;
    color: var(--_muted);
    text-align: center;
  }

  .message {
    display: flex;
    flex-direction: column;
    max-width: 100%;
    min-width: 0;
  }
  .message + .message {
    margin-top: var(--_gap);
  }
  /* Earlier messages skip style, layout and paint while off-screen, so a frame of a streaming
     answer costs the same at the end of a 500-message conversation as in an empty one. The last
     two (the question and the answer being streamed) stay fully laid out, which keeps following
     the bottom exact; the others were on screen before they moved up, so their real size is
     remembered (auto). */
  .message:not(:nth-last-child(-n + 2)) {
    content-visibility: auto;
    contain-intrinsic-size: auto 80px;
  }
  .message.user {
    align-items: flex-end;
  }
  .bubble {
    max-width: min(100%, 72ch);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .user .bubble {
    background: var(--_user-bg);
    color: var(--_user-text);
    padding: 8px 14px;
    border-radius: var(--_radius);
    border-end-end-radius: 4px;
    white-space: pre-wrap;
  }
  .assistant .bubble {
    width: 100%;
    max-width: 100%;
    background: var(--_assistant-bg);
    color: var(--_assistant-text);
  }

  /* Markdown */
  /* The renderer groups blocks into segments of about 32 (markdown-view.ts); full ones skip
     style, layout and paint while off-screen, so each frame costs the same at the end of a 100 KB
     answer as at its start. Containment clips painting to the segment; the clip margin leaves room for
     focus rings at its edges. */
  .markdown > .sealed {
    content-visibility: auto;
    contain-intrinsic-size: auto 40em;
    overflow-clip-margin: 6px;
  }
  .markdown > :first-child > :first-child {
    margin-top: 0;
  }
  .markdown > :last-child > :last-child {
    margin-bottom: 0;
  }
  .markdown p,
  .markdown ul,
  .markdown ol,
  .markdown blockquote,
  .markdown table,
  .markdown .code-block {
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

  .markdown img.markdown-image {
    max-width: 100%;
    height: auto;
    border-radius: calc(var(--_radius) * 0.5);
  }
  .image-placeholder {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    border: 1px dashed var(--_border);
    border-radius: 6px;
    font-size: 0.9em;
  }
  .image-blocked {
    color: var(--_muted);
    font-style: italic;
  }

  /* Code blocks */
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

  /* Streaming state */
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
  @keyframes blink {
    50% {
      opacity: 0;
    }
  }
  .thinking {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    height: 1.5em;
  }
  .thinking .dot {
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: var(--_muted);
    animation: pulse 1.2s ease-in-out infinite;
  }
  .thinking .dot:nth-child(2) {
    animation-delay: 0.15s;
  }
  .thinking .dot:nth-child(3) {
    animation-delay: 0.3s;
  }
  @keyframes pulse {
    0%, 80%, 100% {
      opacity: 0.25;
      transform: scale(0.8);
    }
    40% {
      opacity: 1;
      transform: scale(1);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cursor,
    .thinking .dot {
      animation: none;
    }
  }

  /* Answer extras: tools, notes, errors */
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0 0 8px;
    padding: 0;
    list-style: none;
  }
  .tool-badge {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.8em;
  }
  .tool-badge .state::before {
    content: '';
    display: inline-block;
    width: 6px;
    height: 6px;
    margin-inline-end: 4px;
    border-radius: 50%;
    background: var(--_accent);
    vertical-align: middle;
  }
  .tool-badge[data-status='done'] .state::before {
    background: var(--_success);
  }
  .reasoning {
    margin: 0 0 10px;
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: 12px;
    color: var(--_muted);
    font-size: 0.92em;
  }
  .reasoning summary {
    cursor: pointer;
    width: fit-content;
    font-weight: 500;
  }
  .reasoning summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .reasoning-text {
    margin-top: 6px;
  }
  .sources {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
    counter-reset: source;
    font-size: 0.8em;
  }
  .sources li {
    counter-increment: source;
    max-width: 24ch;
  }
  .sources a {
    display: block;
    overflow: hidden;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_accent);
    text-decoration: none;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sources a::before {
    content: counter(source) '. ';
    color: var(--_muted);
  }
  .sources a:hover {
    text-decoration: underline;
  }
  .stats {
    margin-top: 6px;
    color: var(--_muted);
    font-size: 0.78em;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    gap: 4px;
    margin-top: 6px;
  }
  .action-button {
    font: inherit;
    font-size: 0.8em;
    padding: 2px 8px;
    border: 1px solid transparent;
    border-radius: 6px;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .action-button:hover {
    border-color: var(--_border);
    color: var(--_text);
  }
  .note,
  .warning {
    margin-top: 6px;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin-top: 8px;
    padding: 8px 12px;
    border: 1px solid var(--_error);
    border-radius: calc(var(--_radius) * 0.66);
    background: var(--_error-bg);
    color: var(--_error);
    font-size: 0.9em;
  }
  .error .text {
    flex: 1 1 16em;
    overflow-wrap: anywhere;
  }

  /* Composer */
  .composer {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    margin: 0 var(--_gap) var(--_gap);
    padding: 8px 8px 8px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .composer:focus-within {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .input {
    flex: 1;
    min-height: 1.55em;
    max-height: 12em;
    padding: 4px 0;
    border: 0;
    outline: none;
    resize: none;
    background: transparent;
    color: inherit;
    font: inherit;
    field-sizing: content;
  }
  .input::placeholder {
    color: var(--_muted);
  }
  .action {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 34px;
    height: 34px;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
  }
  .action:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .action svg {
    width: 18px;
    height: 18px;
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .retry-button {
    font: inherit;
    padding: 2px 12px;
    border: 1px solid currentColor;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

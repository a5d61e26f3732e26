import { css } from 'lit';

// The theme: light defaults in private `--_d-*` properties on the host, one block of dark defaults
// serving both `theme="dark"` and `auto` in a dark OS, and the public `--stream-chat-*` knobs
// every region reads. A knob only one region reads is mapped in that region's file.
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

export const tokens = css`
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
    --_accent: var(--stream-chat-accent, var(--_d-accent));
    --_accent-text: var(--stream-chat-accent-text-color, var(--_d-accent-text));
    --_bg: var(--stream-chat-background, var(--_d-bg));
    --_text: var(--stream-chat-text-color, var(--_d-text));
    --_muted: var(--stream-chat-muted-color, var(--_d-muted));
    --_border: var(--stream-chat-border-color, var(--_d-border));
    --_radius: var(--stream-chat-radius, 12px);
    --_gap: var(--stream-chat-spacing, 16px);
    --_surface: var(--stream-chat-surface-color, var(--_d-surface));
    --_code-font: var(--stream-chat-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }
  :host([theme='dark']) {
    ${darkDefaults}
  }
  /* \`theme="auto"\` resolved to dark (theme.ts): the host page's colour scheme. A rule of its own,
     as a browser without custom states drops the whole rule. */
  :host(:state(dark)) {
    ${darkDefaults}
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
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

import { css } from 'lit';

// The messages: bubbles, the thinking indicator, and an answer's extras (tools, reasoning,
// sources, stats, actions, notes, the error and its Retry button).
export const messages = css`
  :host {
    --_user-bg: var(--stream-chat-user-background, var(--_d-user-bg));
    --_user-text: var(--stream-chat-user-text-color, var(--_d-user-text));
    --_assistant-bg: var(--stream-chat-assistant-background, var(--_d-assistant-bg));
    --_assistant-text: var(--stream-chat-assistant-text-color, var(--_d-assistant-text));
    --_error: var(--stream-chat-error-color, var(--_d-error));
    --_error-bg: var(--stream-chat-error-background, var(--_d-error-bg));
    --_success: var(--stream-chat-success-color, #1a7f37);
  }
  .message {
    display: flex;
    flex-direction: column;
    max-width: 100%;
    min-width: 0;
  }
  .message + .message,
  .group + .group,
  .group + .message {
    margin-top: var(--_gap);
  }
  /* Earlier messages skip style, layout and paint while off-screen, so a frame of a streaming
     answer costs the same at the end of a 500-message conversation as in an empty one: the
     groups of earlier messages (message-groups.ts), and each of the latest messages but the last
     two (the question and the answer being streamed, which stay fully laid out, so following the
     bottom is exact). Each was on screen before it moved up, so its real size is remembered
     (auto); a restored group never seen is estimated at 16 messages of 80px. */
  .group {
    content-visibility: auto;
    contain-intrinsic-size: auto 1280px;
  }
  .messages > .message:not(:nth-last-child(-n + 2)) {
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
  /* The pieces of a long question (long-text.ts): only those on screen are laid out. */
  .user .bubble > .part {
    content-visibility: auto;
    contain-intrinsic-size: auto 400px;
  }
  .assistant .bubble {
    width: 100%;
    max-width: 100%;
    background: var(--_assistant-bg);
    color: var(--_assistant-text);
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
    .thinking .dot {
      animation: none;
    }
  }
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

  .retry-button {
    font: inherit;
    padding: 2px 12px;
    border: 1px solid currentColor;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
`;

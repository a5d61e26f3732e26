import { css } from 'lit';

// The chat's box (inline, or the floating panel in launcher mode), the launcher button, the
// panel's close button, and the scrolling log with its empty state.
export const surface = css`
  :host {
    --_shadow: var(--stream-chat-shadow-color, rgba(0, 0, 0, 0.25));
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
    box-shadow: 0 6px 20px var(--_shadow);
    cursor: pointer;
  }
  .launcher svg {
    width: 26px;
    height: 26px;
  }
  :host([mode='launcher']) .surface {
    position: fixed;
    inset: auto;
    inset-block-end: calc(var(--stream-chat-launcher-offset, 20px) + 68px);
    inset-inline-end: var(--stream-chat-launcher-offset, 20px);
    width: var(--stream-chat-panel-width, min(400px, calc(100vw - 40px)));
    height: var(--stream-chat-panel-height, min(640px, calc(100vh - 120px)));
    box-shadow: 0 12px 40px var(--_shadow);
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

`;

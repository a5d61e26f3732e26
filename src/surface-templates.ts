// The template of the chat's surface: header, log, footer and live region around the composer's
// own template, and the empty state. Pure functions of a context, as message-templates.ts
// is for one message: the element decides what is shown and what the controls do.
import { html, nothing, svg } from 'lit';
import type { StreamChatLabels } from './labels.js';
import { chatIcon, closeIcon } from './launcher.js';

const downIcon = svg`<path d="M12 5v14M5 12l7 7 7-7" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`;

export interface SurfaceContext {
  labels: StreamChatLabels;
  launcher: boolean;
  /** The launcher's panel covers the screen: a modal dialog. */
  modal: boolean;
  /** An answer is being prepared or streamed: the send button is a stop button. */
  busy: boolean;
  /** What the polite live region says. */
  announcement: string;
  /** The rendered messages; the empty state when absent. */
  messages?: unknown;
  /** The rendered composer. */
  composer: unknown;
  /** Content was added below while the user reads higher up: offer "Jump to latest". */
  behind: boolean;
  jump(): void;
  /** Closes the launcher's panel. */
  close(): void;
  surfaceKeydown(event: KeyboardEvent): void;
  dialogCancel(event: Event): void;
  dialogClose(event: Event): void;
  logClick(event: MouseEvent): void;
  emptyClick(event: Event): void;
}

/** The prompt a click in the empty state chose: the `data-prompt` (else the text) of the element it hit that has one. */
export function promptOf(event: Event): string | undefined {
  const prompt = event
    .composedPath()
    .find((node): node is Element => node instanceof Element && node.hasAttribute('data-prompt'));
  return prompt ? prompt.getAttribute('data-prompt') || prompt.textContent?.trim() || '' : undefined;
}

export function renderSurface(ctx: SurfaceContext) {
  if (!ctx.launcher) {
    return html`<div id="surface" class="surface" part="surface" @keydown=${ctx.surfaceKeydown}>
      <div class="header" part="header"><slot name="header"></slot></div>
      ${renderChat(ctx)}
    </div>`;
  }
  // One close control at a time: the launcher button (it turns into ✕) beside the panel, this
  // header's button while the panel covers the screen and hides the launcher.
  return html`<dialog
    id="surface"
    class="surface"
    part="surface"
    aria-labelledby="title"
    aria-modal=${ctx.modal ? 'true' : nothing}
    @keydown=${ctx.surfaceKeydown}
    @cancel=${ctx.dialogCancel}
    @close=${ctx.dialogClose}
  >
    <div class="header panel-header" part="header">
      <div class="title" id="title"><slot name="header">${ctx.labels.title}</slot></div>
      <button type="button" class="close-button" part="close-button" aria-label=${ctx.labels.closePanel} @click=${ctx.close}>
        <svg viewBox="0 0 24 24" aria-hidden="true">${closeIcon}</svg>
      </button>
    </div>
    ${renderChat(ctx)}
  </dialog>`;
}

/** The log, the composer and the live region: the same inline and in the launcher's panel. */
function renderChat(ctx: SurfaceContext) {
  return html`<div
      class="log"
      part="log"
      role="log"
      tabindex="-1"
      aria-label=${ctx.labels.conversation}
      aria-live="off"
      aria-busy=${ctx.busy ? 'true' : 'false'}
      @click=${ctx.logClick}
    >
      <div class="messages">${ctx.messages ?? renderEmpty(ctx)}</div>
      ${ctx.behind ? renderJump(ctx) : nothing}
    </div>
    ${ctx.composer}
    <slot name="footer"></slot>
    <div class="visually-hidden" role="status" aria-live="polite">${ctx.announcement}</div>`;
}

function renderEmpty(ctx: SurfaceContext) {
  return html`<div class="empty" part="empty" @click=${ctx.emptyClick}>
    <slot name="empty"><svg class="empty-icon" viewBox="0 0 24 24" aria-hidden="true">${chatIcon}</svg>${ctx.labels.empty}</slot>
  </div>`;
}

/** Back to the newest message; it appears silently (no announcement) and goes once followed again. */
function renderJump(ctx: SurfaceContext) {
  return html`<div class="jump-row">
    <button type="button" class="jump-button" part="jump-button" @click=${ctx.jump}>
      <svg viewBox="0 0 24 24" aria-hidden="true">${downIcon}</svg>${ctx.labels.jumpToLatest}
    </button>
  </div>`;
}

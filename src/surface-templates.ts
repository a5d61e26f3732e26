// The template of the chat's surface: header, log, footer and live region around the composer's
// own template, and the empty state. Pure functions of a context, as message-templates.ts
// is for one message: the element decides what is shown and what the controls do.
import { html, nothing } from 'lit';
import type { StreamChatLabels } from './labels.js';

export interface SurfaceContext {
  labels: StreamChatLabels;
  launcher: boolean;
  /** An answer is being prepared or streamed: the send button is a stop button. */
  busy: boolean;
  /** What the polite live region says. */
  announcement: string;
  /** The rendered messages; the empty state when absent. */
  messages?: unknown;
  /** The rendered composer. */
  composer: unknown;
  /** Closes the launcher's panel. */
  close(): void;
  surfaceKeydown(event: KeyboardEvent): void;
  logClick(event: MouseEvent): void;
  emptyClick(event: Event): void;
}

export function renderSurface(ctx: SurfaceContext) {
  const { labels, launcher } = ctx;
  return html`<div
    id="surface"
    class="surface"
    part="surface"
    role=${launcher ? 'dialog' : nothing}
    aria-label=${launcher ? labels.conversation : nothing}
    @keydown=${ctx.surfaceKeydown}
  >
    ${launcher
      ? html`<div class="panel-header">
          <button type="button" class="close-button" part="close-button" aria-label=${labels.closeChat} @click=${ctx.close}>✕</button>
        </div>`
      : nothing}
    <div class="header" part="header"><slot name="header"></slot></div>
    <div
      class="log"
      part="log"
      role="log"
      aria-label=${labels.conversation}
      aria-live="off"
      aria-busy=${ctx.busy ? 'true' : 'false'}
      @click=${ctx.logClick}
    >
      <div class="messages">${ctx.messages ?? renderEmpty(ctx)}</div>
    </div>
    ${ctx.composer}
    <slot name="footer"></slot>
    <div class="visually-hidden" role="status" aria-live="polite">${ctx.announcement}</div>
  </div>`;
}

function renderEmpty(ctx: SurfaceContext) {
  return html`<div class="empty" @click=${ctx.emptyClick}><slot name="empty">${ctx.labels.empty}</slot></div>`;
}

import { html, svg } from 'lit';
import { containTab } from './focus-trap.js';
import type { StreamChatLabels } from './labels.js';
import { LauncherPanelController, type LauncherHost as PanelHost } from './launcher-panel.js';

export const chatIcon = svg`<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A1.5 1.5 0 0 1 4 14.5z" fill="currentColor"/>`;
export const closeIcon = svg`<path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`;

/** What the launcher asks of its host. */
export interface LauncherHost extends PanelHost {
  readonly mode: 'inline' | 'launcher';
  /** An answer is being prepared or streamed: Escape stops it instead of closing the panel. */
  readonly busy: boolean;
  cancel(): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Launcher mode: the round button in a corner that opens and closes the chat's panel (a
 * `<dialog>`, modal while it covers a small screen: launcher-panel.ts), moving focus into the
 * panel or back to the button; Escape, from anywhere inside the chat, stops an answer or closes
 * the panel.
 */
export class Launcher {
  private readonly host: LauncherHost;
  private readonly opened: () => void;
  readonly panel: LauncherPanelController;

  /** `opened` runs each time the panel opens (the host warms up what the first answer needs). */
  constructor(host: LauncherHost, opened: () => void) {
    this.host = host;
    this.opened = opened;
    // By id: the panel asks after every update of the host, and a search for a `dialog` that an
    // inline chat does not have walked the whole conversation each time (a millisecond per update
    // in a conversation of 500 messages, bench/profile.mjs 20 paced long; growing with it).
    this.panel = new LauncherPanelController(host, () => {
      const surface = (host.renderRoot as ShadowRoot).getElementById('surface');
      return surface instanceof HTMLDialogElement ? surface : null;
    });
  }

  /** Opens or closes the panel, moving focus into it or back to the launcher. */
  readonly toggle = async (): Promise<void> => {
    const host = this.host;
    host.open = !host.open;
    await host.updateComplete;
    const target = host.open ? host.renderRoot.querySelector('textarea') : host.renderRoot.querySelector<HTMLElement>('.launcher');
    target?.focus();
    if (host.open) this.opened();
  };

  /**
   * Escape, from anywhere inside the chat (the composer, a code block, a button, slotted content),
   * stops the answer while one streams, and otherwise closes the launcher's panel. Tab stays in
   * the modal panel.
   */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    const host = this.host;
    if (this.panel.modal) containTab(event, event.currentTarget as Element);
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    if (host.busy) {
      event.preventDefault();
      host.cancel();
    } else if (host.mode === 'launcher' && host.open) {
      event.preventDefault();
      void this.toggle();
    }
  };

  /** The modal panel was dismissed by the browser itself (a close request): it closes as by its button. */
  readonly handleDialogClose = (event: Event): void => {
    if (this.host.open && !(event.target as HTMLDialogElement).open) void this.toggle();
  };

  // A modal dialog closes on Escape by itself; handleKeydown decides instead (it stops an answer first).
  readonly handleDialogCancel = (event: Event): void => {
    event.preventDefault();
  };

  render(labels: StreamChatLabels) {
    const open = this.host.open;
    return html`<button
      type="button"
      class="launcher"
      part="launcher"
      aria-label=${open ? labels.closeChat : labels.openChat}
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="surface"
      @click=${this.toggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${open ? closeIcon : chatIcon}</svg>
    </button>`;
  }
}

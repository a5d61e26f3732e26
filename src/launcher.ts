import { html, svg } from 'lit';
import type { StreamChatLabels } from './labels.js';

const chatIcon = svg`<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A1.5 1.5 0 0 1 4 14.5z" fill="currentColor"/>`;
const closeIcon = svg`<path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`;

/** What the launcher asks of its host. */
export interface LauncherHost {
  open: boolean;
  readonly mode: 'inline' | 'launcher';
  /** An answer is being prepared or streamed: Escape stops it instead of closing the panel. */
  readonly busy: boolean;
  readonly updateComplete: Promise<boolean>;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Launcher mode: the round button in a corner that opens and closes the chat's panel, moving focus
 * into the panel or back to the button, and Escape to close it.
 */
export class Launcher {
  private readonly host: LauncherHost;
  private readonly opened: () => void;

  /** `opened` runs each time the panel opens (the host warms up what the first answer needs). */
  constructor(host: LauncherHost, opened: () => void) {
    this.host = host;
    this.opened = opened;
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

  /** Escape closes the panel when no answer is streaming (while one is, it stops it). */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    const host = this.host;
    if (event.key === 'Escape' && host.mode === 'launcher' && host.open && !host.busy && !event.defaultPrevented) {
      event.preventDefault();
      void this.toggle();
    }
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

import { html, svg } from 'lit';
import type { StreamChatLabels } from './labels.js';

const sendIcon = svg`<path d="M12 19V5M5 12l7-7 7 7" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`;
const stopIcon = svg`<rect x="7" y="7" width="10" height="10" rx="2" fill="currentColor"/>`;

/** What the composer asks of its host. */
export interface ComposerHost {
  requestUpdate(): void;
  /** Sends the draft (`send()` with no text). */
  send(): Promise<void>;
  cancel(): void;
  /** An answer is being prepared or streamed: the send button is a stop button, Escape stops. */
  readonly busy: boolean;
  readonly disabled: boolean;
  readonly placeholder: string;
}

/**
 * The message form: the draft, Enter to send (Shift+Enter for a newline, nothing mid-IME
 * composition), Escape or the stop button to stop an answer, and its template.
 */
export class Composer {
  /** What the user is typing. */
  draft = '';
  private readonly host: ComposerHost;

  constructor(host: ComposerHost) {
    this.host = host;
  }

  clear(): void {
    this.draft = '';
    this.host.requestUpdate();
  }

  private readonly handleInput = (event: Event): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.host.requestUpdate();
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.host.send();
    } else if (event.key === 'Escape' && this.host.busy) {
      event.preventDefault();
      this.host.cancel();
    }
  };

  private readonly handleSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.host.busy) this.host.cancel();
    else void this.host.send();
  };

  /** `focus` runs when the textarea is focused (the host warms up what the first answer needs). */
  render(labels: StreamChatLabels, focus: () => void) {
    const { busy, disabled } = this.host;
    return html`<form class="composer" part="composer" @submit=${this.handleSubmit}>
      <label class="visually-hidden" for="input">${labels.message}</label>
      <textarea
        id="input"
        class="input"
        part="input"
        rows="1"
        .value=${this.draft}
        placeholder=${this.host.placeholder || labels.placeholder}
        ?disabled=${disabled}
        @input=${this.handleInput}
        @focus=${focus}
        @keydown=${this.handleKeydown}
      ></textarea>
      <button
        type="submit"
        class="action"
        part=${busy ? 'stop-button' : 'send-button'}
        aria-label=${busy ? labels.stop : labels.send}
        title=${busy ? labels.stop : labels.send}
        ?disabled=${!busy && (disabled || !this.draft.trim())}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${busy ? stopIcon : sendIcon}</svg>
      </button>
    </form>`;
  }
}

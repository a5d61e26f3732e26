// Registers <stream-chat>. The only module with a side effect; import it once, or load the
// script-tag build. A second copy on the same page warns instead of throwing.
import { StreamChat } from './stream-chat.js';

export * from './index.js';

const existing = customElements.get('stream-chat');
if (!existing) {
  customElements.define('stream-chat', StreamChat);
} else if (existing !== StreamChat) {
  console.warn('stream-chat: <stream-chat> is already defined by another copy of the element; this copy is not used.');
}

declare global {
  interface HTMLElementTagNameMap {
    'stream-chat': StreamChat;
  }
}

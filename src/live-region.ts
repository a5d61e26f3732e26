import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { answerAnnouncement } from './announcement.js';
import type { ChatMessage } from './conversation/message.js';
import type { StreamChatLabels } from './labels.js';
import { loadMarkdown } from './markdown/markdown-directive.js';

/**
 * What the polite live region says: each finished answer once (its rendered text, not its
 * markdown, never token by token) and short confirmations. Cleared first, so a repeat is read again.
 */
export class LiveRegion implements ReactiveController {
  text = '';
  private readonly host: ReactiveControllerHost;
  private frame = 0;
  private connected = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    cancelAnimationFrame(this.frame);
  }

  say(text: string): void {
    // A removed element says nothing (its answer was cancelled by the removal) and leaves no frame.
    if (!this.connected) return;
    this.text = '';
    this.host.requestUpdate();
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.text = text;
      this.host.requestUpdate();
    });
  }

  /**
   * Reads out a finished answer once the host has rendered it: its words from `rendered()` without
   * the widget's chrome, or a summary when long (announcement.ts); its markdown when not rendered.
   */
  async sayAnswer(answer: ChatMessage, rendered: () => Element | null | undefined, labels: StreamChatLabels): Promise<void> {
    await this.host.updateComplete;
    // A fast first answer can end while the markdown engine is still loading: read it once rendered.
    await loadMarkdown().catch(() => undefined);
    await this.host.updateComplete;
    this.say(answerAnnouncement(rendered() ?? null, answer.content, labels, answer.finishReason === 'length'));
  }
}

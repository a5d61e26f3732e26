import { snapshot } from './conversation/conversation.js';
import type { ChatMessage } from './conversation/message.js';
import { emit } from './events.js';
import type { StreamChatLabels } from './labels.js';
import type { LiveRegion } from './live-region.js';
import { copyCodeOnClick, copyText } from './markdown/code-block/copy.js';
import { loadImageOnClick } from './markdown/image-placeholder/image-placeholder.js';

/**
 * What clicks in the log copy or load: an answer's Copy button, a code block's Copy button and an
 * image placeholder (the parts own their click; this says it in the live region and fires
 * `stream-chat-copy`).
 */
export class LogActions {
  /**
   * @param host the element, which fires the events
   * @param labels the labels in force
   * @param messages the conversation as it is now (to find the answer a code block is in)
   */
  constructor(
    private readonly host: HTMLElement,
    private readonly live: LiveRegion,
    private readonly labels: () => StreamChatLabels,
    private readonly messages: () => readonly ChatMessage[],
  ) {}

  /** Copies an answer's markdown (its Copy button under the answer). */
  readonly copyAnswer = async (answer: ChatMessage): Promise<void> => {
    try {
      await copyText(answer.content);
    } catch {
      this.live.say(this.labels().copyFailed);
      return;
    }
    this.copied(answer, answer.content, 'answer');
  };

  /** Image placeholders and code blocks' Copy buttons: their modules handle the click. */
  readonly handleClick = async (event: MouseEvent): Promise<void> => {
    if (loadImageOnClick(event)) return;
    const copied = await copyCodeOnClick(event, this.labels());
    if (!copied) return;
    const message = this.messages().find((m) => m.id === copied.messageId);
    if (message) this.copied(message, copied.text, 'code');
    else this.live.say(this.labels().copied);
  };

  private copied(message: ChatMessage, text: string, source: 'answer' | 'code'): void {
    this.live.say(this.labels().copied);
    emit(this.host, 'stream-chat-copy', { message: snapshot(message), text, source });
  }
}

import type { ChatErrorInfo, ChatMessage, StreamStats } from './conversation/message.js';
import type { ChatRequest } from './transport/request.js';

/** Fired before a message is sent; cancel it to stop the request. */
export interface StreamChatSendDetail {
  /** The user's message as it will be added to the conversation. */
  message: ChatMessage;
  /** The request about to be made (url, method, headers, body). */
  request: ChatRequest;
}

/** Fired when an answer has finished streaming. */
export interface StreamChatCompleteDetail {
  /** The finished assistant message. */
  message: ChatMessage;
  /** The conversation id the server assigned, if any. */
  conversationId?: string;
  /** Time to first token, duration and tokens per second. */
  stats: StreamStats;
}

/** Fired when a request or stream fails. */
export interface StreamChatErrorDetail {
  error: ChatErrorInfo;
  /** The assistant message the error belongs to, with whatever arrived before it. */
  message: ChatMessage;
}

/** Fired when the user (or `cancel()`) stops an answer. */
export interface StreamChatCancelDetail {
  /** The partial assistant message, now `cancelled`. */
  message: ChatMessage;
}

/** Fired when the user copies an answer or a code block. */
export interface StreamChatCopyDetail {
  /** The answer the copied text belongs to. */
  message: ChatMessage;
  /** What went to the clipboard: the answer's markdown, or a code block's code. */
  text: string;
  source: 'answer' | 'code';
}

/** Fired before the last answer is regenerated; cancel it to keep the answer. */
export interface StreamChatRegenerateDetail {
  /** The answer about to be replaced. */
  message: ChatMessage;
}

/** The `stream-chat-send` event (cancelable). */
export type StreamChatSendEvent = CustomEvent<StreamChatSendDetail>;
/** The `stream-chat-complete` event. */
export type StreamChatCompleteEvent = CustomEvent<StreamChatCompleteDetail>;
/** The `stream-chat-error` event. */
export type StreamChatErrorEvent = CustomEvent<StreamChatErrorDetail>;
/** The `stream-chat-cancel` event. */
export type StreamChatCancelEvent = CustomEvent<StreamChatCancelDetail>;
/** The `stream-chat-copy` event. */
export type StreamChatCopyEvent = CustomEvent<StreamChatCopyDetail>;
/** The `stream-chat-regenerate` event (cancelable). */
export type StreamChatRegenerateEvent = CustomEvent<StreamChatRegenerateDetail>;

export interface StreamChatEventMap {
  'stream-chat-send': StreamChatSendEvent;
  'stream-chat-complete': StreamChatCompleteEvent;
  'stream-chat-error': StreamChatErrorEvent;
  'stream-chat-cancel': StreamChatCancelEvent;
  'stream-chat-copy': StreamChatCopyEvent;
  'stream-chat-regenerate': StreamChatRegenerateEvent;
}

export type StreamChatEventName = keyof StreamChatEventMap;
type DetailOf<K extends StreamChatEventName> = StreamChatEventMap[K]['detail'];

/**
 * Dispatches one of our events: always bubbling and composed (so it leaves the shadow root), with
 * an object detail. Returns false when a listener cancelled a cancelable event.
 */
export function emit<K extends StreamChatEventName>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(name, {
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
    detail,
  });
  return target.dispatchEvent(event);
}

declare global {
  interface GlobalEventHandlersEventMap extends StreamChatEventMap {}
}

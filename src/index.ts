// Public API without side effects: importing this does not register the element (see define.ts).
export { StreamChat } from './stream-chat.js';
export type {
  StreamChatCancelDetail,
  StreamChatCancelEvent,
  StreamChatCopyDetail,
  StreamChatCopyEvent,
  StreamChatRegenerateDetail,
  StreamChatRegenerateEvent,
  StreamChatCompleteDetail,
  StreamChatCompleteEvent,
  StreamChatErrorDetail,
  StreamChatErrorEvent,
  StreamChatEventMap,
  StreamChatEventName,
  StreamChatSendDetail,
  StreamChatSendEvent,
} from './events.js';
export type { ChatErrorInfo, ChatErrorKind, ChatMessage, ChatRole, ChatSource, ChatTool, MessageStatus, StreamStats } from './conversation/message.js';
export type { ChatRequest, HeadersSource, PrepareRequest, RequestFormat } from './transport/request.js';
export type { SessionStatus, SessionStatus as StreamStatus } from './session/chat-session.js';
export { StreamParser, formatNames, wireFormats } from './protocols/index.js';
export type { FormatName, Framing, ParseEvent, SseMessage, StreamParserOptions, StreamUpdate, WireFormat } from './protocols/index.js';
export { defaultLabels } from './labels.js';
export type { StreamChatLabels } from './labels.js';

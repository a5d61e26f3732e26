/** Who wrote a message. */
export type ChatRole = 'user' | 'assistant';

/** Where an answer stands. User messages are always `complete`. */
export type MessageStatus = 'streaming' | 'complete' | 'cancelled' | 'error';

/** What went wrong, in a shape meant for both people and code. */
export type ChatErrorKind = 'request' | 'http' | 'network' | 'server' | 'protocol' | 'interrupted';

export interface ChatErrorInfo {
  /** `request`: the request could not be prepared (a `headers` or `prepareRequest` hook threw); `http`: non-2xx response; `network`: no response at all; `server`: an error event in the stream; `protocol`: a response we cannot read; `interrupted`: the stream ended before the answer did. */
  kind: ChatErrorKind;
  /** A sentence for the person reading the chat. */
  message: string;
  /** The HTTP status, when there was a response. */
  status?: number;
  /** The server's own words, when it sent any. */
  serverMessage?: string;
}

/** A tool call announced by the backend. */
export interface ChatTool {
  name: string;
  status?: 'running' | 'done';
}

/** One message of the conversation. */
export interface ChatMessage {
  id: string;
  role: ChatRole;
  /** The raw markdown text. */
  content: string;
  status: MessageStatus;
  tools?: ChatTool[];
  /** Non-fatal notices the server sent along with the answer. */
  warnings?: string[];
  error?: ChatErrorInfo;
}

/** Who wrote a message. */
export type ChatRole = 'user' | 'assistant';

/** Where an answer stands. User messages are always `complete`. */
export type MessageStatus = 'streaming' | 'complete' | 'cancelled' | 'error';

/** What went wrong, in a shape meant for both people and code. */
export type ChatErrorKind = 'request' | 'http' | 'network' | 'timeout' | 'server' | 'protocol' | 'interrupted';

export interface ChatErrorInfo {
  /** `request`: no request was made (a `headers` function or `prepareRequest` failed or returned no request, or the endpoint is not an http(s) URL); `http`: non-2xx response, or an endpoint that redirects in a loop; `network`: no response at all; `timeout`: nothing arrived for `idle-timeout` milliseconds; `server`: an error event in the stream; `protocol`: a response we cannot read, or one with no answer at all (204/205: "The server sent no answer"); `interrupted`: the stream ended before the answer did. */
  kind: ChatErrorKind;
  /** A sentence for the person reading the chat. */
  message: string;
  /** The HTTP status, when there was a response. */
  status?: number;
  /** The server's own words, when it sent any. */
  serverMessage?: string;
  /** Seconds to wait before trying again, from the response's `Retry-After` header. */
  retryAfter?: number;
}

/** A tool call announced by the backend. */
export interface ChatTool {
  name: string;
  /** The backend's id for the call, when it gives one. */
  id?: string;
  status?: 'running' | 'done' | 'error';
}

/** A source the answer cites. */
export interface ChatSource {
  url: string;
  title?: string;
}

/** How an answer streamed; in the `stream-chat-complete` detail and shown with `show-stats`. */
export interface StreamStats {
  /** Milliseconds from sending to the first answer (or reasoning) text. */
  timeToFirstToken?: number;
  /** Milliseconds from sending to the end of the answer. */
  duration: number;
  /** Approximate tokens of the answer (characters / 4 when the server does not say). */
  tokens: number;
  /** Tokens per second between the first token and the end. */
  tokensPerSecond?: number;
}

/**
 * Something the server sent after the answer's terminal event (a "saved" notice, usage, ids): kept
 * on the message, never shown. `data` is the parsed JSON, or the text when it is not JSON.
 */
export interface TrailingEvent {
  /** The SSE `event:` name; empty when unnamed (and for line- or text-framed bodies). */
  event: string;
  data: unknown;
  /** The SSE `id:`, when there was one. */
  id?: string;
}

/** One message of the conversation. */
export interface ChatMessage {
  id: string;
  role: ChatRole;
  /** The raw markdown text. */
  content: string;
  status: MessageStatus;
  tools?: ChatTool[];
  /** Reasoning ("thinking") text streamed before or with the answer; never part of `content`. */
  reasoning?: string;
  /** Sources the answer cites. */
  sources?: ChatSource[];
  /** Why the model stopped, when the format says (`stop`, `length`, ...). */
  finishReason?: string;
  /** Timing of the answer, once it has ended. */
  stats?: StreamStats;
  /** Non-fatal notices the server sent along with the answer. */
  warnings?: string[];
  /** What the server sent after the answer's terminal event, in order (at most 100 events); not shown. */
  trailing?: TrailingEvent[];
  error?: ChatErrorInfo;
}

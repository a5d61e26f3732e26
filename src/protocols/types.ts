/**
 * A Server-Sent Events message, as the transport delivers it. Line-framed bodies (NDJSON, the AI
 * SDK's data stream) arrive as one message per line and raw text bodies as one per chunk, with
 * an empty `event` and `id`.
 */
export interface SseMessage {
  /** The `event:` field; empty for the default `message` type. */
  event: string;
  /** The `data:` field(s), joined with newlines. */
  data: string;
  /** The `id:` field; empty when absent. */
  id: string;
}

/**
 * What every wire format is translated into: one small union the rest of the element understands,
 * whatever backend produced the stream.
 */
export type StreamUpdate =
  /** Text to append to the answer's markdown. */
  | { type: 'text'; text: string }
  /** Reasoning ("thinking") text, shown apart from the answer in a collapsible section. */
  | { type: 'reasoning'; text: string }
  /** A tool the backend is calling, shown as a badge; `id` ties later status updates to it. */
  | { type: 'tool'; name: string; id?: string; status?: 'running' | 'done' | 'error' }
  /** A source the answer cites, listed under it. */
  | { type: 'source'; url: string; title?: string }
  /**
   * A conversation/session id to send back with the next message; `field` is the name the server
   * gave it (`session_id`, `conversationId`, ...), under which it goes back.
   */
  | { type: 'conversation'; id: string; field?: string }
  /** A non-fatal notice from the server, shown under the answer. */
  | { type: 'warning'; message: string }
  /**
   * The answer is complete (the format's terminal event). `reason` is why the model stopped, when
   * the format says, in one vocabulary whatever the backend's words: `stop`, `length` (cut off at
   * the token limit; shown to the user), `tool_calls`, `content_filter`, `abort` (the producer
   * gave up), or the backend's own word for anything else.
   */
  | { type: 'done'; conversationId?: string; reason?: string }
  /** The server reported an error inside the stream; the answer ends. */
  | { type: 'error'; message: string };

/**
 * How a response body is split into messages before a format reads them: Server-Sent Events,
 * one JSON value (or prefixed line) per line, or raw text chunks as they arrive.
 */
export type Framing = 'sse' | 'lines' | 'text';

/**
 * One wire format: recognizes and translates the messages of one kind of backend. A format that
 * must remember earlier messages (which content block is a tool call, which tool an id belongs to)
 * has `create`, and every stream gets its own instance from it.
 */
export interface WireFormat<Name extends string = string> {
  /** The value of the element's `format` attribute that forces this format. */
  readonly name: Name;
  /** How its responses are framed; `sse` when absent. */
  readonly framing?: Framing;
  /**
   * Whether a complete stream of this format ends with an explicit terminal event. When it does,
   * a stream that closes without one was interrupted.
   */
  readonly requiresTerminal: boolean;
  /**
   * Whether this message belongs to the format. `json` is the parsed data, or undefined when it is
   * not JSON (or is a raw text chunk). Must not depend on earlier messages: auto-detection asks
   * every format, not only the one the stream uses.
   */
  detect(message: SseMessage, json: unknown): boolean;
  /** The updates this message means; an empty array for messages that carry nothing to show. */
  parse(message: SseMessage, json: unknown): StreamUpdate[];
  /** A fresh instance with its own per-stream state; absent for formats that keep none. */
  create?(): WireFormat<Name>;
}

/**
 * A page's own mapper for a backend no built-in format speaks. It sees every message (for raw text
 * bodies, every chunk) and returns updates, a string as shorthand for a text update, or
 * null/undefined to skip the message. Such a stream ends when the connection closes, or earlier
 * when the mapper returns a `done`; a mapper that throws ends it with an `error` update.
 */
export type ParseEvent = (event: {
  event: string;
  data: string;
  id: string;
}) => StreamUpdate | StreamUpdate[] | string | null | undefined;

/** A Server-Sent Events message, as the transport delivers it. */
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
  /** A tool the backend is calling, shown as a badge. */
  | { type: 'tool'; name: string; status?: 'running' | 'done' }
  /** A conversation/session id to send back with the next message. */
  | { type: 'conversation'; id: string }
  /** A non-fatal notice from the server, shown under the answer. */
  | { type: 'warning'; message: string }
  /** The answer is complete (the format's terminal event). */
  | { type: 'done'; conversationId?: string }
  /** The server reported an error inside the stream; the answer ends. */
  | { type: 'error'; message: string };

/** One wire format: recognizes and translates the SSE messages of one kind of backend. */
export interface WireFormat {
  /** The value of the element's `format` attribute that forces this format. */
  readonly name: string;
  /**
   * Whether a complete stream of this format ends with an explicit terminal event. When it does,
   * a stream that closes without one was interrupted.
   */
  readonly requiresTerminal: boolean;
  /** Whether this message belongs to the format. `json` is the parsed data, or undefined when it is not JSON. */
  detect(message: SseMessage, json: unknown): boolean;
  /** The updates this message means; an empty array for messages that carry nothing to show. */
  parse(message: SseMessage, json: unknown): StreamUpdate[];
}

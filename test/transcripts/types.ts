import type { Framing } from '../../src/protocols/index.js';

/**
 * One real backend's answer as it goes over the wire, and what the chat should make of it.
 * `lines` are the body's pieces exactly as the server writes them (whole SSE events with their
 * blank line, NDJSON lines with their `\n`, raw text chunks), so the same transcript can be
 * replayed through the parser here and over HTTP through the element.
 */
export interface Transcript {
  /** The wire format auto-detection must pick. */
  format: string;
  /** How the body is framed; the transport derives it from `headers`. */
  framing: Framing;
  /** The response headers that matter (always the content type). */
  headers?: Record<string, string>;
  lines: string[];
  expected: {
    /** The answer text, exactly. */
    text: string;
    reasoning?: string;
    /** Tool badges in order, with their final status. */
    tools?: { name: string; status: 'running' | 'done' | 'error' }[];
    /** Cited sources in order, one per URL. */
    sources?: { url: string; title?: string }[];
    /** The done update's reason; absent when the format gives none or ends by closing. */
    reason?: string;
    /** A conversation id the stream hands back. */
    conversationId?: string;
  };
}

import { fetchEventSource } from '@microsoft/fetch-event-source';
import type { SseMessage } from '../protocols/types.js';
import { ChatError, errorFromResponse } from './errors.js';
import { fetchTarget, type ChatRequest } from './request.js';

/** How a request ended when it did not throw. */
export type StreamEnd =
  /** The event stream was read to its end. */
  | { kind: 'closed' }
  /** The server answered with JSON instead of a stream (the non-streaming fallback). */
  | { kind: 'json'; value: unknown }
  /** The caller aborted. */
  | { kind: 'aborted' };

export interface StreamCallbacks {
  /** Called for each SSE message; throwing ends the stream with that error. */
  onMessage(message: SseMessage): void;
  /** Called once the response headers arrived and were accepted. */
  onOpen?(response: Response): void;
}

/** Thrown out of fetch-event-source's `onopen` to end it early with a JSON answer in hand. */
class JsonAnswer {
  constructor(readonly value: unknown) {}
}

/**
 * Makes one request and reads its event stream. fetch-event-source parses SSE well, but its
 * defaults are wrong for a chat POST, so every one is overridden:
 * - `openWhenHidden: true`: otherwise it aborts on `visibilitychange` and re-POSTs the message
 *   when the tab is shown again.
 * - `onerror` rethrows: otherwise it retries forever, duplicating the message each time.
 * - `onopen` checks the status and content type: the default never checks `response.ok`.
 * - headers are passed as a plain object (see resolveHeaders).
 * Rejects with a ChatError; resolves with how the stream ended.
 */
export async function streamRequest(
  request: ChatRequest,
  callbacks: StreamCallbacks,
  signal: AbortSignal,
): Promise<StreamEnd> {
  const { url, body } = fetchTarget(request);
  let opened = false;
  try {
    await fetchEventSource(url, {
      method: request.method,
      headers: request.headers,
      body,
      signal,
      openWhenHidden: true,
      // Looked up at call time so page-level fetch wrappers (auth, tracing) still apply.
      fetch: (input, init) => globalThis.fetch(input, init),
      async onopen(response) {
        if (!response.ok) throw await errorFromResponse(response);
        const type = response.headers.get('content-type') ?? '';
        if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
          let value: unknown;
          try {
            value = await response.json();
          } catch {
            throw new ChatError('protocol', 'The server sent a JSON answer that could not be read', {
              status: response.status,
            });
          }
          throw new JsonAnswer(value);
        }
        opened = true;
        callbacks.onOpen?.(response);
      },
      onmessage(message) {
        callbacks.onMessage({ event: message.event, data: message.data, id: message.id });
      },
      onerror(error) {
        throw error;
      },
    });
  } catch (error) {
    if (error instanceof JsonAnswer) return { kind: 'json', value: error.value };
    if (signal.aborted) return { kind: 'aborted' };
    if (error instanceof ChatError) throw error;
    if (opened) {
      throw new ChatError('interrupted', 'The connection was lost before the answer finished');
    }
    throw new ChatError('network', 'Could not reach the server; check your connection and try again', {
      serverMessage: error instanceof Error ? error.message : undefined,
    });
  }
  return signal.aborted ? { kind: 'aborted' } : { kind: 'closed' };
}

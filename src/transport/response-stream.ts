import { fetchEventSource } from '@microsoft/fetch-event-source';
import type { Framing, SseMessage } from '../protocols/types.js';
import { ChatError, errorFromResponse, timeoutError } from './errors.js';
import {
  eventStreamStage,
  framingOf,
  isBinaryType,
  isSniffedType,
  mediaType,
  readFramedBody,
  sniffFraming,
  withoutBomStage,
} from './framing.js';
import { fuse } from './fuse.js';
import { IdleTimer } from './idle-timer.js';
import { redirectsAway } from './redirects.js';
import { taskSlices, taskSliceStage } from './task-slices.js';
import { fetchTarget, type ChatRequest } from './request.js';

/** How a request ended when it did not throw. */
export type StreamEnd =
  /** The stream was read to its end. */
  | { kind: 'closed' }
  /** The server answered with JSON instead of a stream (the non-streaming fallback). */
  | { kind: 'json'; value: unknown }
  /** The caller aborted. */
  | { kind: 'aborted' };

export interface StreamCallbacks {
  /**
   * Called for each message: an SSE event, a line of a line-framed body, or a chunk of a text
   * body (see Framing). Throwing ends the stream with that error.
   */
  onMessage(message: SseMessage): void;
  /** Called once the response headers arrived and were accepted, before any message. */
  onOpen?(response: Response, framing: Framing): void;
}

export interface StreamOptions {
  /**
   * Milliseconds without a byte from the server after which the request is aborted and rejects
   * with a `timeout` ChatError; off when absent or 0. The response headers count as bytes, and so
   * does everything in the body (SSE comments, blank lines), whatever its framing.
   */
  idleTimeout?: number;
}

/** Thrown out of fetch-event-source's `onopen` to end it early once the body was read there. */
class Finished {
  constructor(readonly end: StreamEnd) {}
}

/**
 * Makes one request and reads its streamed answer. The framing comes from the response headers
 * (see framingOf), or from the body's first bytes when those may be wrong. Every body is read in
 * `onopen`: a stream by readFramedBody (an event stream's events parsed by sse-reader.ts), a whole
 * JSON answer at once; fetch-event-source makes the request and never reaches its own parser.
 * fetch-event-source's defaults are wrong for a chat POST, so every one is overridden:
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
  options: StreamOptions = {},
): Promise<StreamEnd> {
  // fetch-event-source only listens for a later abort; it would still send this request.
  if (signal.aborted) return { kind: 'aborted' };
  let target: ReturnType<typeof fetchTarget>;
  try {
    target = fetchTarget(request);
  } catch (error) {
    throw new ChatError('request', `The request could not be prepared: ${(error as Error)?.message ?? error}`);
  }
  // Aborted by the caller, or by the idle timer; the caller's signal tells the two apart.
  const inner = new AbortController();
  const forward = () => inner.abort();
  signal.addEventListener('abort', forward, { once: true });
  let timedOut: ChatError | undefined;
  // The response as the server sent it.
  let response: Response | undefined;
  // Its body, counted by the idle timer when there is one.
  let source: ReadableStream<Uint8Array> | null = null;
  const idle = options.idleTimeout && options.idleTimeout > 0
    ? new IdleTimer(options.idleTimeout, () => {
        timedOut = timeoutError(options.idleTimeout!, response !== undefined);
        inner.abort();
      })
    : undefined;
  let framing: Framing | 'json' = 'sse';
  let opened = false;
  try {
    await fetchEventSource(target.url, {
      method: request.method,
      headers: request.headers,
      credentials: request.credentials,
      body: target.body,
      signal: inner.signal,
      openWhenHidden: true,
      // Looked up at call time so page-level fetch wrappers (auth, tracing) still apply.
      async fetch(input, init) {
        response = await globalThis.fetch(input, init);
        idle?.touch();
        // An error's status is the news; its body is read with limits of its own (errorFromResponse).
        if (!response.ok) idle?.stop();
        source = idle && response.body ? response.body.pipeThrough(idle.counter()) : response.body;
        framing = framingOf(response);
        const type = mediaType(response);
        if (response.ok && source && isSniffedType(type) && framing !== 'lines') {
          // Its content type may be wrong (SSE as text/plain or unlabelled): its first bytes tell.
          const otherwise = type === 'text/plain' ? 'text' : 'sse';
          const sniffed = await peek(source, (text, ended) => sniffFraming(text, ended, otherwise));
          source = sniffed.body;
          framing = sniffed.result ?? otherwise;
        }
        return response;
      },
      async onopen() {
        const original = response!;
        // The idle timer stopped at the status; waiting for the explanation is bounded the same way.
        if (!original.ok) throw await errorFromResponse(original, source, options.idleTimeout || undefined);
        // No Content / Reset Content: a success that by definition carries no answer.
        if (hasNoContent(original)) {
          throw new ChatError('protocol', `The server sent no answer (${original.status})`, { status: original.status });
        }
        const type = mediaType(original);
        if (isBinaryType(type)) {
          // Not read at all: rejecting closes the connection.
          throw new ChatError('protocol', `The server sent ${type} instead of a chat stream`, { status: original.status });
        }
        let body = source;
        if (framing === 'json') {
          // Some servers (n8n's chat trigger) stream NDJSON under `application/json`.
          const sniffed = body ? await peek(body, jsonLines) : undefined;
          if (!sniffed?.result) throw new Finished({ kind: 'json', value: await jsonAnswer(sniffed?.body, original) });
          framing = 'lines';
          body = sniffed.body;
        }
        opened = true;
        callbacks.onOpen?.(original, framing);
        if (!body) throw new Finished({ kind: 'closed' });
        // Every body is read here, and fetch-event-source, told it is finished, never reads it
        // (its parser is the slower, see sse-reader.ts). A body is sliced into tasks; an event
        // stream also loses its BOM and keeps only blocks with data (see eventStreamStage).
        const stages = framing === 'sse' ? fuse(taskSliceStage(), withoutBomStage(), eventStreamStage()) : taskSlices();
        await readFramedBody(body.pipeThrough(stages), framing, callbacks.onMessage, inner.signal);
        throw new Finished({ kind: 'closed' });
      },
      onerror(error) {
        throw error;
      },
    });
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    if (timedOut) throw timedOut;
    if (error instanceof Finished) return error.end;
    if (error instanceof ChatError) throw error;
    if (opened) {
      throw new ChatError('interrupted', 'The connection was lost before the answer finished');
    }
    if (!response && (await redirectsAway(target.url, request.credentials, signal))) {
      throw new ChatError('http', 'The server kept redirecting the request (a redirect loop); check the endpoint URL');
    }
    // fetch says nothing more than "Failed to fetch" whatever happened (server down, DNS, CORS,
    // offline), by design; the browser's console has the details.
    throw new ChatError('network', 'Could not reach the server; check your connection and try again');
  } finally {
    idle?.stop();
    signal.removeEventListener('abort', forward);
  }
  if (signal.aborted) return { kind: 'aborted' };
  if (timedOut) throw timedOut;
  return { kind: 'closed' };
}

/** No Content and Reset Content: statuses that never carry a body. */
function hasNoContent(response: Response): boolean {
  return response.status === 204 || response.status === 205;
}

/**
 * Reads the start of a body until `decide` returns something (or the body ends), without
 * consuming it: `body` replays every byte.
 */
async function peek<T>(
  source: ReadableStream<Uint8Array>,
  decide: (text: string, ended: boolean) => T | undefined,
): Promise<{ result: T | undefined; body: ReadableStream<Uint8Array> }> {
  const [sniff, body] = source.tee();
  const reader = sniff.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let result: T | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) text += decoder.decode(value, { stream: true });
      result = decide(text, done);
      if (result !== undefined || done) break;
    }
  } catch {
    // The body failed: whoever reads `body` next sees that too.
  }
  void reader.cancel().catch(() => undefined);
  return { result, body };
}

/**
 * Whether a JSON body is really newline-delimited JSON: its first line is a complete JSON value
 * and another line follows.
 */
function jsonLines(text: string, ended: boolean): boolean | undefined {
  const match = /^\s*([^\n]*)\n\s*\S/.exec(text);
  if (!match) return ended ? false : undefined;
  try {
    JSON.parse(match[1]);
    return true;
  } catch {
    return false;
  }
}

async function jsonAnswer(body: ReadableStream<Uint8Array> | undefined | null, response: Response): Promise<unknown> {
  try {
    return JSON.parse(await new Response(body).text());
  } catch {
    throw new ChatError('protocol', 'The server sent a JSON answer that could not be read', {
      status: response.status,
    });
  }
}

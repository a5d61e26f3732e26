import type { HistoryEntry } from '../conversation/conversation.js';

/** The request the element is about to make; `prepareRequest` and `stream-chat-send` listeners see it. */
export interface ChatRequest {
  url: string;
  method: string;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  /** The JSON body (not sent for GET/HEAD, whose fields go into the query string). */
  body: Record<string, unknown>;
}

/** Headers as an object, a `Headers` instance or entries, or a function returning them (possibly async). */
export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** A hook that may rewrite the request; return a new request, or change it in place and return nothing. */
export type PrepareRequest = (request: ChatRequest) => ChatRequest | void | Promise<ChatRequest | void>;

/**
 * Resolves the `headers` property into a plain object. fetch-event-source spreads its `headers`
 * option into an object, which silently drops a `Headers` instance, so we always hand it a record.
 */
export async function resolveHeaders(source: HeadersSource | undefined): Promise<Record<string, string>> {
  const value = typeof source === 'function' ? await source() : source;
  const record: Record<string, string> = {};
  new Headers(value ?? {}).forEach((v, k) => (record[k] = v));
  return record;
}

export interface RequestInput {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  message: string;
  history: HistoryEntry[];
  conversationId?: string;
  extraBody?: Record<string, unknown>;
}

/** The default request: `{ message, messages, conversation_id?, ...extraBody }` as JSON, asking for an event stream. */
export function buildRequest(input: RequestInput): ChatRequest {
  const body: Record<string, unknown> = { message: input.message, messages: input.history };
  if (input.conversationId) body.conversation_id = input.conversationId;
  Object.assign(body, input.extraBody);
  return {
    url: input.endpoint,
    method: input.method.toUpperCase(),
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...input.headers },
    body,
  };
}

/** GET and HEAD cannot carry a body: their scalar fields travel in the query string instead. */
export function fetchTarget(request: ChatRequest): { url: string; body?: string } {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { url: request.url, body: JSON.stringify(request.body) };
  }
  const url = new URL(request.url, document.baseURI);
  for (const [key, value] of Object.entries(request.body)) {
    if (value === undefined || value === null) continue;
    url.searchParams.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return { url: url.href };
}

import type { HistoryEntry } from '../conversation/conversation.js';

/** The request the element is about to make; `prepareRequest` and `stream-chat-send` listeners see it. */
export interface ChatRequest {
  url: string;
  method: string;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  /** The JSON body (not sent for GET/HEAD, whose fields go into the query string). */
  body: Record<string, unknown>;
  /** Whether cookies go along: fetch's `credentials` (`same-origin` when absent). */
  credentials?: RequestCredentials;
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

/** How the request body is shaped: ours, or OpenAI's chat completions request. */
export type RequestFormat = 'default' | 'openai';

export interface RequestInput {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  message: string;
  history: HistoryEntry[];
  conversationId?: string;
  /** The name the conversation id goes under; `conversation_id` when absent. */
  conversationIdField?: string;
  extraBody?: Record<string, unknown>;
  requestFormat?: RequestFormat;
  credentials?: RequestCredentials;
  /** For `openai`: the model name, and an optional system prompt sent first. */
  model?: string;
  systemPrompt?: string;
}

function defaultBody(input: RequestInput): Record<string, unknown> {
  const body: Record<string, unknown> = { message: input.message, messages: input.history };
  if (input.conversationId) body[input.conversationIdField || 'conversation_id'] = input.conversationId;
  return body;
}

/** OpenAI's `/v1/chat/completions` request, which vLLM, Ollama, llama.cpp server and OpenRouter accept too. */
function openaiBody(input: RequestInput): Record<string, unknown> {
  const messages: { role: string; content: string }[] = [];
  if (input.systemPrompt) messages.push({ role: 'system', content: input.systemPrompt });
  messages.push(...input.history, { role: 'user', content: input.message });
  const body: Record<string, unknown> = { stream: true, messages };
  if (input.model) body.model = input.model;
  return body;
}

/**
 * The request for one message: by default `{ message, messages, conversation_id?, ...extraBody }`
 * (the id under `conversationIdField` when given),
 * or OpenAI's `{ model, stream: true, messages, ...extraBody }`; JSON, asking for an event stream.
 */
export function buildRequest(input: RequestInput): ChatRequest {
  const body = input.requestFormat === 'openai' ? openaiBody(input) : defaultBody(input);
  Object.assign(body, input.extraBody);
  const request: ChatRequest = {
    url: input.endpoint,
    method: input.method.toUpperCase(),
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...input.headers },
    body,
  };
  if (input.credentials) request.credentials = input.credentials;
  return request;
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

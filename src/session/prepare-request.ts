// Request preparation, failing closed: whatever goes wrong on the way to a request (a `headers`
// function that rejects, a `prepareRequest` hook that throws or returns something that is not a
// request, an endpoint that is missing or not http(s)), no request is made and the answer ends as
// a `request` error saying why. A hook that adds a signature or a token must never be skipped.
import type { HistoryEntry } from '../conversation/conversation.js';
import { invalidJsonAttribute } from '../json-attribute.js';
import { ChatError } from '../transport/errors.js';
import { applyIdempotencyKey, type IdempotencyMode } from '../transport/idempotency.js';
import {
  buildRequest,
  resolveHeaders,
  type ChatRequest,
  type HeadersSource,
  type PrepareRequest,
  type RequestFormat,
} from '../transport/request.js';

/** The element's settings a request is built from, read afresh for every round trip. */
export interface RequestSettings {
  endpoint: string;
  method: string;
  headers?: HeadersSource;
  apiKey?: string;
  requestFormat: RequestFormat;
  credentials: RequestCredentials;
  model?: string;
  systemPrompt?: string;
  body?: Record<string, unknown>;
  prepareRequest?: PrepareRequest;
  /** Forces the field the conversation id goes in (`conversation-id-field`). */
  conversationIdField?: string;
  /** Where the idempotency key goes (`auto` when absent). */
  idempotency?: IdempotencyMode;
}

/** What one round trip asks: the message, the history before it, the conversation id so far. */
export interface Question {
  message: string;
  history: HistoryEntry[];
  conversationId?: string;
  /** The name the server gave the conversation id, when it gave one. */
  conversationIdField?: string;
  /** The key a server can recognise copies of this request by (see idempotency.ts). */
  idempotencyKey?: string;
}

export const INVALID_ENDPOINT = 'The endpoint is not a valid http(s) URL';

/**
 * The request for `question`, or a rejection with a `request` ChatError. Aborting `signal` rejects
 * at once with an AbortError, even while a `headers` or `prepareRequest` promise never settles.
 */
export function prepareRequest(settings: RequestSettings, question: Question, signal: AbortSignal): Promise<ChatRequest> {
  return untilAborted(prepare(settings, question), signal);
}

async function prepare(settings: RequestSettings, question: Question): Promise<ChatRequest> {
  // A `body` or `headers` attribute that was not a JSON object: the fields the backend needs are
  // missing, so nothing is sent (the console said why when the attribute was set).
  const invalid = invalidJsonAttribute(settings.body) ?? invalidJsonAttribute(settings.headers);
  if (invalid) throw new ChatError('request', `The request could not be prepared: ${invalid}`);
  let headers: Record<string, string>;
  try {
    headers = await resolveHeaders(settings.headers);
  } catch (error) {
    throw couldNotPrepare('the headers function failed', error);
  }
  if (settings.apiKey && !headers.authorization) headers.authorization = `Bearer ${settings.apiKey}`;
  let request = buildRequest({
    endpoint: settings.endpoint,
    method: settings.method,
    headers,
    requestFormat: settings.requestFormat,
    credentials: settings.credentials,
    model: settings.model,
    systemPrompt: settings.systemPrompt,
    message: question.message,
    history: question.history,
    conversationId: question.conversationId,
    conversationIdField: settings.conversationIdField || question.conversationIdField,
    extraBody: settings.body,
  });
  // Before the hook, which sees the key (and may move or drop it).
  if (question.idempotencyKey) {
    applyIdempotencyKey(request, question.idempotencyKey, settings.idempotency ?? 'auto', settings.requestFormat);
  }
  if (settings.prepareRequest) {
    let prepared: unknown;
    try {
      prepared = await settings.prepareRequest(request);
    } catch (error) {
      throw couldNotPrepare('prepareRequest failed', error);
    }
    // Nothing returned: the hook changed the request in place, which is checked all the same.
    request = checkedRequest(prepared ?? request);
  }
  if (!isHttpUrl(request.url)) throw new ChatError('request', INVALID_ENDPOINT);
  return request;
}

/** Whether `url` (relative to the page) is an http: or https: URL; an empty string is not. */
export function isHttpUrl(url: unknown): boolean {
  if (typeof url !== 'string' || !url.trim()) return false;
  try {
    const { protocol } = new URL(url, document.baseURI);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** What prepareRequest gave back, as a request with its headers as a lower-case record. */
function checkedRequest(value: unknown): ChatRequest {
  const notARequest = () =>
    new ChatError('request', 'The request could not be prepared: prepareRequest must return a request ({ url, method, headers, body }) or nothing');
  if (!isObject(value)) throw notARequest();
  const { url, method, headers, body, credentials } = value;
  if (typeof url !== 'string' || typeof method !== 'string' || !isObject(headers) || !isObject(body)) throw notARequest();
  const record: Record<string, string> = {};
  try {
    new Headers(headers as HeadersInit).forEach((v, k) => (record[k] = v));
  } catch (error) {
    throw couldNotPrepare('prepareRequest returned invalid headers', error);
  }
  const request: ChatRequest = { url, method: method.toUpperCase(), headers: record, body };
  if (credentials !== undefined) request.credentials = credentials as RequestCredentials;
  return request;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function couldNotPrepare(what: string, error: unknown): ChatError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ChatError('request', `The request could not be prepared: ${what} (${reason})`);
}

/** `promise`, or a rejection as soon as `signal` aborts, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

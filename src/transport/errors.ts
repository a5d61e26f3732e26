import type { ChatErrorInfo, ChatErrorKind } from '../conversation/message.js';
import { clock } from './clock.js';

/** An error with a kind, thrown inside the transport and turned into `ChatErrorInfo` for the UI. */
export class ChatError extends Error {
  readonly kind: ChatErrorKind;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly retryAfter?: number;

  constructor(
    kind: ChatErrorKind,
    message: string,
    options: { status?: number; serverMessage?: string; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'ChatError';
    this.kind = kind;
    this.status = options.status;
    this.serverMessage = options.serverMessage;
    this.retryAfter = options.retryAfter;
  }

  toInfo(): ChatErrorInfo {
    const info: ChatErrorInfo = { kind: this.kind, message: this.message };
    if (this.status !== undefined) info.status = this.status;
    if (this.serverMessage) info.serverMessage = this.serverMessage;
    if (this.retryAfter !== undefined) info.retryAfter = this.retryAfter;
    return info;
  }
}

const MAX_SERVER_MESSAGE = 300;

function leadFor(status: number): string {
  switch (status) {
    case 400: return 'The server rejected the request';
    case 401: return 'The server refused the request';
    case 403: return 'The server refused access';
    case 404: return 'The chat endpoint was not found';
    case 408: return 'The server timed out waiting for the request';
    case 413: return 'The message is too large for the server';
    case 429: return 'Too many requests';
    case 502:
    case 503:
    case 504: return 'The server is unavailable right now';
    default: return status >= 500 ? 'The server failed to answer' : 'The request failed';
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SERVER_MESSAGE ? `${flat.slice(0, MAX_SERVER_MESSAGE - 1)}…` : flat;
}

// Where servers put the sentence, most telling first; `error` (often a code such as
// "validation_error") and `msg` come after the fields that hold sentences.
const MESSAGE_KEYS = ['message', 'detail', 'error', 'error_description', 'description', 'title', 'errors', 'msg'];

/** A code ("validation_error", "rate_limited") rather than a sentence: one word, no spaces. */
const isCode = (text: string) => !/\s/.test(text.trim());

/**
 * The human part of a JSON error body, in the shapes common servers use: a sentence (`message`,
 * `detail`, `error.message`, `error_description`, ...) over a bare code in `error`, `type` or
 * `code`, which is shown only when there is nothing else.
 */
export function messageFromJson(json: unknown): string | undefined {
  if (typeof json === 'string') return json;
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  let code: string | undefined;
  for (const key of MESSAGE_KEYS) {
    const value = record[key];
    let found: string | undefined;
    if (typeof value === 'string' && value.trim()) found = value;
    else if (Array.isArray(value) && value.length) {
      // FastAPI validation errors: detail: [{ msg, loc }, ...]
      const parts = value.map((v) => messageFromJson(v) ?? (typeof v === 'object' && v && 'msg' in v ? String(v.msg) : ''));
      found = parts.filter(Boolean).join('; ') || undefined;
    } else if (typeof value === 'object' && value !== null) {
      found = messageFromJson(value);
    }
    if (found && !isCode(found)) return found;
    code ??= found;
  }
  return code;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

// Tags inside a word or sentence; any other tag separates text.
const INLINE_TAG = /<\/?(?:a|abbr|b|code|em|i|kbd|mark|s|small|span|strong|sub|sup|u)\b[^>]*>/gi;

/**
 * The readable text of an HTML error page: its title, or its text without scripts, styles and
 * comments. String operations, not a DOM parser: under Trusted Types a page may forbid parsing a
 * string into a document (DOMParser is a sink), and the result is only ever shown as text.
 */
function textFromHtml(html: string): string {
  const title = decodeEntities(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1] ?? '');
  if (title.trim()) return title;
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(INLINE_TAG, '')
    .replace(/<[a-z/!?][^>]*>/gi, ' ');
  return decodeEntities(text);
}

/** The server's own explanation from an error response body, whatever its content type. */
export function serverMessageFrom(body: string, contentType: string): string | undefined {
  if (!body.trim()) return undefined;
  let text: string | undefined;
  if (/json/i.test(contentType) || /^\s*[{["]/.test(body)) {
    try {
      // JSON without a message of a known shape says nothing a person can read.
      text = messageFromJson(JSON.parse(body)) ?? '';
    } catch {
      // Cut short, or not JSON after all: raw JSON is no message either, but plain words are.
      text = /^\s*[{[]/.test(body) ? '' : undefined;
    }
  }
  if (text === undefined) text = /html/i.test(contentType) || /^\s*</.test(body) ? textFromHtml(body) : body;
  const clipped = clip(text);
  return clipped || undefined;
}

// An error body is read for its explanation only: a proxy's huge page, or a body that never ends,
// must not hold the error back. The status alone says enough.
const MAX_ERROR_BODY = 64 * 1024;
const ERROR_BODY_WAIT = 3000;

/** Up to MAX_ERROR_BODY bytes of a body, or what arrived within `wait` ms; never rejects. */
async function readErrorBody(body: ReadableStream<Uint8Array> | null, wait: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const time = clock();
  let timer: unknown;
  const late = new Promise<'late'>((resolve) => (timer = time.setTimeout(() => resolve('late'), wait)));
  let text = '';
  try {
    for (let size = 0; size < MAX_ERROR_BODY; ) {
      const result = await Promise.race([reader.read(), late]);
      if (result === 'late' || result.done) break;
      size += result.value.length;
      text += decoder.decode(result.value, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // The connection dropped: what arrived is all there is.
  } finally {
    time.clearTimeout(timer);
    void reader.cancel().catch(() => undefined);
  }
  return text;
}

/**
 * Seconds until a retry is welcome, from a `Retry-After` value: a number of seconds or an HTTP
 * date (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after). Undefined when absent or unreadable.
 */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // Date.parse reads bare numbers ("1.5", "12") as dates; an HTTP date always names its month.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** "Try again in 30 seconds." */
function retryAdvice(seconds: number): string {
  if (seconds <= 0) return 'Try again now.';
  if (seconds < 120) return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `Try again in ${minutes} minutes.`;
  return `Try again in ${Math.ceil(minutes / 60)} hours.`;
}

/** Adds a sentence, ending the text before it with a full stop if it has no end punctuation. */
function withSentence(text: string, sentence: string): string {
  return `${/[.!?…]$/.test(text) ? text : `${text}.`} ${sentence}`;
}

/**
 * Turns a non-2xx response into a ChatError with the status, the server's message and, from
 * `Retry-After` (cross-origin, readable only when the server lists it in
 * Access-Control-Expose-Headers), when to try again. `body` replaces the response's own body when
 * the caller wrapped it; `wait` is how long to wait for it (at most 3 s).
 */
export async function errorFromResponse(
  response: Response,
  body: ReadableStream<Uint8Array> | null = response.body,
  wait = ERROR_BODY_WAIT,
): Promise<ChatError> {
  const { status, headers } = response;
  const text = await readErrorBody(body, Math.min(wait, ERROR_BODY_WAIT));
  const serverMessage = serverMessageFrom(text, headers.get('content-type') ?? '');
  const retryAfter = retryAfterSeconds(headers.get('retry-after'));
  let message: string;
  if (status === 404 && serverMessage && !saysOnlyNotFound(serverMessage)) {
    // The endpoint is there: it is the server saying what it could not find (a run, a session).
    message = `${serverMessage} (${status})`;
  } else {
    message = `${leadFor(status)} (${status})`;
    if (serverMessage) message += `: ${serverMessage}`;
  }
  if (retryAfter !== undefined) message = withSentence(message, retryAdvice(retryAfter));
  else if (status === 429) message = withSentence(message, 'Try again later.');
  return new ChatError('http', message, { status, serverMessage, retryAfter });
}

/**
 * Whether a 404's message is a framework's or a web server's stock answer for a route that does
 * not exist (FastAPI's "Not Found", nginx's "404 Not Found", Express's "Cannot POST /x") rather
 * than an application's own sentence.
 */
function saysOnlyNotFound(message: string): boolean {
  return /^\W*(?:404\W*)?(?:error\W*)?(?:(?:page|file|resource|route|path)\s+)?not\s*found\W*$/i.test(message) || /^Cannot [A-Z]+ \//.test(message);
}

/** "30 s", "1.5 s", "200 ms". */
function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** The server said nothing for `ms` milliseconds: before its response, or in the middle of it. */
export function timeoutError(ms: number, responded: boolean): ChatError {
  return new ChatError(
    'timeout',
    responded
      ? `The server stopped responding (no data for ${duration(ms)})`
      : `The server did not respond (no answer for ${duration(ms)})`,
  );
}

/**
 * A successful response in which no wire format recognized anything: says what arrived. `type` is
 * the media type (no parameters), `messages` how many messages the framing produced.
 */
export function unreadableAnswer(type: string, messages: number, status?: number): ChatError {
  let message: string;
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    // Typically a single-page app's index.html answering an endpoint that does not exist.
    message = `The server sent a web page (${type}) instead of a chat stream`;
  } else if (type && !isStreamType(type)) {
    message = `The server sent ${type} instead of a chat stream`;
  } else if (messages) {
    message = 'The server sent a stream in a format this chat does not understand';
  } else {
    message = 'The server closed the stream without sending an answer';
  }
  return new ChatError('protocol', message, status === undefined ? {} : { status });
}

/** Whether a media type can carry a chat answer in a framing the transport reads. */
function isStreamType(type: string): boolean {
  return (
    type === 'text/event-stream' ||
    type === 'application/octet-stream' ||
    type.startsWith('text/') ||
    /^application\/(?:[\w.+-]+\+)?json(?:l|-seq)?$/.test(type) ||
    /^application\/(?:x-ndjson|x-jsonlines|stream\+json)$/.test(type)
  );
}

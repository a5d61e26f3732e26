import type { ChatErrorInfo, ChatErrorKind } from '../conversation/message.js';

/** An error with a kind, thrown inside the transport and turned into `ChatErrorInfo` for the UI. */
export class ChatError extends Error {
  readonly kind: ChatErrorKind;
  readonly status?: number;
  readonly serverMessage?: string;

  constructor(kind: ChatErrorKind, message: string, options: { status?: number; serverMessage?: string } = {}) {
    super(message);
    this.name = 'ChatError';
    this.kind = kind;
    this.status = options.status;
    this.serverMessage = options.serverMessage;
  }

  toInfo(): ChatErrorInfo {
    const info: ChatErrorInfo = { kind: this.kind, message: this.message };
    if (this.status !== undefined) info.status = this.status;
    if (this.serverMessage) info.serverMessage = this.serverMessage;
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
    case 429: return 'Too many requests; try again later';
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

/** The human part of a JSON error body, in the shapes common servers use. */
export function messageFromJson(json: unknown): string | undefined {
  if (typeof json === 'string') return json;
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  for (const key of ['error', 'message', 'detail', 'error_description', 'title']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (Array.isArray(value) && value.length) {
      // FastAPI validation errors: detail: [{ msg, loc }, ...]
      const parts = value.map((v) => messageFromJson(v) ?? (typeof v === 'object' && v && 'msg' in v ? String(v.msg) : ''));
      const joined = parts.filter(Boolean).join('; ');
      if (joined) return joined;
    }
    if (typeof value === 'object' && value !== null) {
      const nested = messageFromJson(value);
      if (nested) return nested;
    }
  }
  if (typeof record.msg === 'string') return record.msg;
  return undefined;
}

/**
 * The readable text of an HTML error page, parsed inertly (DOMParser runs no scripts and loads
 * nothing): its title, or its body text without scripts and styles. Never rendered as markup.
 */
function textFromHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = doc.title.trim();
  if (title) return title;
  doc.querySelectorAll('script, style, noscript, template').forEach((el) => el.remove());
  return doc.body?.textContent ?? '';
}

/** The server's own explanation from an error response body, whatever its content type. */
export function serverMessageFrom(body: string, contentType: string): string | undefined {
  if (!body.trim()) return undefined;
  let text: string | undefined;
  if (/json/i.test(contentType) || /^\s*[{["]/.test(body)) {
    try {
      text = messageFromJson(JSON.parse(body));
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) text = /html/i.test(contentType) || /^\s*</.test(body) ? textFromHtml(body) : body;
  const clipped = clip(text);
  return clipped || undefined;
}

/** Turns a non-2xx response into a ChatError with the status and the server's message. */
export async function errorFromResponse(response: Response): Promise<ChatError> {
  let body = '';
  try {
    body = await response.text();
  } catch {
    // The body could not be read (connection dropped); the status alone still says enough.
  }
  const serverMessage = serverMessageFrom(body, response.headers.get('content-type') ?? '');
  const lead = `${leadFor(response.status)} (${response.status})`;
  return new ChatError('http', serverMessage ? `${lead}: ${serverMessage}` : lead, {
    status: response.status,
    serverMessage,
  });
}

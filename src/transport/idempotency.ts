// The browser itself may send a POST twice: when a reused keep-alive connection is reset before
// any response byte, Chromium retries the request on its own, and proxies do the same. A key per
// message lets a server drop the copies (https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/).
import type { ChatRequest, RequestFormat } from './request.js';

/**
 * Where the key goes: `auto` (the `Idempotency-Key` header to a same-origin endpoint, which needs
 * no CORS permission; to another origin, the `idempotency_key` body field of the default request
 * format only), `header`, `body`, `both`, or `off`.
 */
export type IdempotencyMode = 'auto' | 'header' | 'body' | 'both' | 'off';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_FIELD = 'idempotency_key';

/** A fresh key: a random UUID (with a fallback where crypto.randomUUID needs a secure context). */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Puts `key` into the request where `mode` says. */
export function applyIdempotencyKey(request: ChatRequest, key: string, mode: IdempotencyMode, format: RequestFormat): void {
  let header = mode === 'header' || mode === 'both';
  let body = mode === 'body' || mode === 'both';
  if (mode === 'auto') {
    header = sameOrigin(request.url);
    // An OpenAI-compatible server rejects a body field it does not know.
    body = !header && format !== 'openai';
  }
  if (header) request.headers[IDEMPOTENCY_HEADER] = key;
  if (body) request.body[IDEMPOTENCY_FIELD] = key;
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url, document.baseURI).origin === location.origin;
  } catch {
    return false;
  }
}

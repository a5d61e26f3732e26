/**
 * Typed events with a `type` discriminator, as sent by the Seeds backend; `done` may say why the
 * model stopped (`finish_reason`: `length`, `content_filter`, ...).
 *
 *   data: {"type":"token","content":"Hel"}
 *   data: {"type":"done","finish_reason":"stop"}
 */
import type { SseMessage, StreamUpdate, WireFormat } from '../types.js';
import { isRecord, messageOf, nonEmptyString } from '../json.js';
import { conversation, done, error } from '../updates.js';

const TYPES = new Set([
  'token',
  'tool',
  'done',
  'stream_end',
  'error',
  'session_info',
  'warning',
  'response_saved',
]);

// Backends disagree on the word for a finished tool call; anything else is still running.
const FINISHED = new Set(['done', 'complete', 'completed', 'finished', 'success', 'succeeded', 'ended']);

function parse(_message: SseMessage, json: unknown): StreamUpdate[] {
  if (!isRecord(json)) return [];
  switch (json.type) {
    case 'token': {
      const text = nonEmptyString(json.content);
      return text ? [{ type: 'text', text }] : [];
    }
    case 'tool': {
      const name = nonEmptyString(json.tool) ?? nonEmptyString(json.name);
      if (!name) return [];
      const status = typeof json.status === 'string' && FINISHED.has(json.status.toLowerCase()) ? 'done' : 'running';
      return [{ type: 'tool', name, status }];
    }
    case 'done':
    case 'stream_end': {
      const id = conversation(json);
      const end = done(json.finish_reason ?? json.stop_reason);
      return id ? [id, end] : [end];
    }
    case 'error':
      return [error(messageOf(json.message) ?? messageOf(json.error))];
    case 'session_info': {
      const id = conversation(json);
      return id ? [id] : [];
    }
    case 'warning': {
      const message = messageOf(json.message);
      return message ? [{ type: 'warning', message }] : [];
    }
    default:
      // response_saved is bookkeeping for the server; nothing to show.
      return [];
  }
}

export const seeds = {
  name: 'seeds',
  requiresTerminal: true,
  detect: (_message, json) => isRecord(json) && typeof json.type === 'string' && TYPES.has(json.type),
  parse,
} as const satisfies WireFormat;

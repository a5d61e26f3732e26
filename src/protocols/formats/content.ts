/**
 * Untyped `{content}` chunks closed by `{done: true}`, as sent by simple Flask/FastAPI chat backends;
 * the done event may say why the model stopped (`finish_reason`: `length`, `content_filter`, ...).
 *
 *   data: {"content":"Hel"}
 *   data: {"done":true,"conversation_id":"c-42","finish_reason":"stop"}
 */
import type { SseMessage, StreamUpdate, WireFormat } from '../types.js';
import { isRecord, messageOf, nonEmptyString } from '../json.js';
import { conversation, done, error } from '../updates.js';

function parse(_message: SseMessage, json: unknown): StreamUpdate[] {
  if (!isRecord(json)) return [];
  const updates: StreamUpdate[] = [];
  const text = nonEmptyString(json.content);
  if (text) updates.push({ type: 'text', text });
  if (json.error !== undefined && json.error !== null && json.error !== false) {
    updates.push(error(messageOf(json.error)));
  } else if (json.done === true) {
    const id = conversation(json);
    if (id) updates.push(id);
    updates.push(done(json.finish_reason ?? json.stop_reason));
  }
  return updates;
}

export const contentChunks = {
  name: 'content',
  requiresTerminal: true,
  // `type` and `choices` belong to the seeds and OpenAI formats, which also carry `content` fields.
  detect: (_message, json) =>
    isRecord(json) &&
    !('type' in json) &&
    !('choices' in json) &&
    (typeof json.content === 'string' || json.done === true || 'error' in json),
  parse,
} as const satisfies WireFormat;

/**
 * Untyped `{content}` chunks closed by `{done: true}`, as sent by simple Flask/FastAPI chat backends.
 *
 *   data: {"content":"Hel"}
 *   data: {"done":true,"conversation_id":"c-42"}
 */
import type { SseMessage, StreamUpdate, WireFormat } from './types.js';
import { isRecord, messageOf, nonEmptyString } from './json.js';

function parse(_message: SseMessage, json: unknown): StreamUpdate[] {
  if (!isRecord(json)) return [];
  const updates: StreamUpdate[] = [];
  const text = nonEmptyString(json.content);
  if (text) updates.push({ type: 'text', text });
  if (json.error !== undefined && json.error !== null && json.error !== false) {
    updates.push({ type: 'error', message: messageOf(json.error) ?? 'The server reported an error.' });
  } else if (json.done === true) {
    const id = nonEmptyString(json.conversation_id) ?? nonEmptyString(json.session_id);
    updates.push(id ? { type: 'done', conversationId: id } : { type: 'done' });
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

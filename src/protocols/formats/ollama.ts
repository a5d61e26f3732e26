/**
 * Ollama's native API as newline-delimited JSON (`application/x-ndjson`): `/api/chat` puts the text
 * in `message.content` (and a thinking model's in `message.thinking`), `/api/generate` in
 * `response`; the last line says `done: true` and why.
 *
 *   {"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"Hel"},"done":false}
 *   {"model":"llama3.2","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"eval_count":9}
 */
import type { StreamUpdate, WireFormat } from '../types.js';
import { isRecord, nonEmptyString } from '../json.js';
import { done, error, reasoning, text, tool } from '../updates.js';

/** Ollama hands tool calls over whole, for the client to run; the stream's end settles their badges. */
function toolCalls(value: unknown): StreamUpdate[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((call) => {
    const fn = isRecord(call) && isRecord(call.function) ? call.function : {};
    const name = nonEmptyString(fn.name);
    return name && isRecord(call) ? [tool(name, nonEmptyString(call.id), 'running')] : [];
  });
}

export const ollama = {
  name: 'ollama',
  framing: 'lines',
  requiresTerminal: true,
  detect: (_message, json) =>
    isRecord(json) &&
    ((typeof json.done === 'boolean' && ('message' in json || 'response' in json || 'model' in json)) ||
      // A failure mid-stream is a line holding only the error.
      (typeof json.error === 'string' && Object.keys(json).length === 1)),
  parse: (_message, json) => {
    if (!isRecord(json)) return [];
    if (typeof json.error === 'string') return [error(json.error)];
    const message = isRecord(json.message) ? json.message : {};
    const updates = [
      ...reasoning(message.thinking ?? json.thinking),
      ...toolCalls(message.tool_calls),
      ...text(message.content ?? json.response),
    ];
    if (json.done === true) updates.push(done(json.done_reason));
    return updates;
  },
} as const satisfies WireFormat<'ollama'>;

/**
 * LangServe's `/stream` endpoint (a LangChain runnable behind `add_routes`), the events named by
 * `event:`; a chat model streams message chunks, a chain ending in a string parser streams strings.
 *
 *   event: metadata
 *   data: {"run_id": "3f9c..."}
 *
 *   event: data
 *   data: {"content":"Hel","additional_kwargs":{},"type":"AIMessageChunk",...}
 *
 *   event: end            (no data field)
 */
import type { StreamUpdate, WireFormat } from '../types.js';
import { isRecord, messageOf } from '../json.js';
import { done, error, reasoning, text } from '../updates.js';

/** What one streamed runnable output says: a string, or a message chunk's content. */
function chunkUpdates(json: unknown): StreamUpdate[] {
  if (typeof json === 'string') return text(json);
  if (!isRecord(json)) return [];
  const updates: StreamUpdate[] = [];
  // DeepSeek's reasoning, as langchain-deepseek passes it through.
  if (isRecord(json.additional_kwargs)) updates.push(...reasoning(json.additional_kwargs.reasoning_content));
  if (typeof json.content === 'string') return [...updates, ...text(json.content)];
  // Anthropic (and other) chat models stream content as a list of typed blocks.
  if (Array.isArray(json.content)) {
    for (const block of json.content) {
      if (typeof block === 'string') updates.push(...text(block));
      else if (isRecord(block) && block.type === 'text') updates.push(...text(block.text));
      else if (isRecord(block) && block.type === 'thinking') updates.push(...reasoning(block.thinking));
    }
  }
  return updates;
}

export const langserve = {
  name: 'langserve',
  // LangServe's `end` event has no data field, and an SSE parser that follows the spec (the
  // browser's EventSource, our transport) never dispatches such an event: the body's end is the
  // answer's end. A lenient parser that does pass `end` on still gets a done for it.
  requiresTerminal: false,
  // The event names are LangServe's signature; content-format streams send no `event:` at all.
  detect: (message, json) =>
    message.event === 'data' ||
    message.event === 'end' ||
    (message.event === 'metadata' && isRecord(json)) ||
    (message.event === 'error' && isRecord(json) && 'status_code' in json),
  parse: (message, json) => {
    switch (message.event) {
      case 'data':
        return chunkUpdates(json);
      case 'error':
        return [error(messageOf(json))];
      case 'end':
        return [done()];
      default:
        // metadata: the run id, for LangSmith feedback.
        return [];
    }
  },
} as const satisfies WireFormat<'langserve'>;

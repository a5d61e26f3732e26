import type { SseMessage } from './types.js';

/**
 * `data: [DONE]`, the sentinel OpenAI-style streams (OpenAI's Chat Completions and the servers
 * that copy it, the AI SDK's UI message stream) end with. Not JSON: the formats that use it say it
 * ends the answer; the parser neither warns about it nor keeps it when it comes after the end.
 */
export const DONE_MARKER = '[DONE]';

/** Whether a message is the `[DONE]` sentinel. */
export function isDoneMarker(message: Pick<SseMessage, 'data'>): boolean {
  return message.data.trim() === DONE_MARKER;
}

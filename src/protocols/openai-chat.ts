/**
 * OpenAI chat completion chunks, also spoken by vLLM, Ollama, LiteLLM, OpenRouter and other
 * OpenAI-compatible servers.
 *
 *   data: {"object":"chat.completion.chunk","choices":[{"delta":{"content":"Hel"},"finish_reason":null}]}
 *   data: [DONE]
 */
import type { SseMessage, StreamUpdate, WireFormat } from './types.js';
import { isRecord, messageOf, nonEmptyString } from './json.js';

const isDone = (message: SseMessage) => message.data.trim() === '[DONE]';

function parse(message: SseMessage, json: unknown): StreamUpdate[] {
  if (isDone(message)) return [{ type: 'done' }];
  if (!isRecord(json)) return [];
  if (isRecord(json.error)) {
    return [{ type: 'error', message: messageOf(json.error) ?? 'The server reported an error.' }];
  }
  const choice = Array.isArray(json.choices) ? json.choices[0] : undefined;
  if (!isRecord(choice)) return [];
  const updates: StreamUpdate[] = [];
  const delta = isRecord(choice.delta) ? choice.delta : {};
  // Tool calls stream their arguments over many chunks; only the first one carries the name.
  if (Array.isArray(delta.tool_calls)) {
    for (const call of delta.tool_calls) {
      const name = isRecord(call) && isRecord(call.function) ? nonEmptyString(call.function.name) : undefined;
      if (name) updates.push({ type: 'tool', name, status: 'running' });
    }
  }
  const text = nonEmptyString(delta.content);
  if (text) updates.push({ type: 'text', text });
  // Some compatible servers close the connection after finish_reason without sending [DONE].
  if (choice.finish_reason !== null && choice.finish_reason !== undefined) updates.push({ type: 'done' });
  return updates;
}

export const openaiChat = {
  name: 'openai',
  requiresTerminal: true,
  detect: (message, json) =>
    isDone(message) ||
    (isRecord(json) &&
      (Array.isArray(json.choices) ||
        (typeof json.object === 'string' && json.object.startsWith('chat.completion')) ||
        // A mid-stream `{"error":{...}}` carries neither marker; claiming it lets a forced `openai`
        // stream report it. A content-format stream that already locked in still gets it first.
        (isRecord(json.error) && !('type' in json) && !('content' in json)))),
  parse,
} as const satisfies WireFormat;

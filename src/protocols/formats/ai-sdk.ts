/**
 * The Vercel AI SDK's UI message stream (v5 and later): what `toUIMessageStreamResponse()` and
 * `createUIMessageStreamResponse()` send, marked by the `x-vercel-ai-ui-message-stream: v1`
 * header. Also written by Python backends that speak to `useChat` (FastAPI examples, pydantic-ai).
 *
 *   data: {"type":"start"}
 *   data: {"type":"text-delta","id":"t1","delta":"Hel"}
 *   data: {"type":"tool-input-start","toolCallId":"call-1","toolName":"get_weather"}
 *   data: {"type":"finish","finishReason":"stop"}
 *   data: [DONE]
 */
import type { SseMessage, StreamUpdate, WireFormat } from '../types.js';
import { isRecord, nonEmptyString } from '../json.js';
import { Paragraphs, done, error, source, tool } from '../updates.js';
import { isDoneMarker } from '../done-marker.js';

const TYPES = new Set([
  'start',
  'finish',
  'abort',
  'start-step',
  'finish-step',
  'message-metadata',
  'text-start',
  'text-delta',
  'text-end',
  'reasoning-start',
  'reasoning-delta',
  'reasoning-end',
  'tool-input-start',
  'tool-input-delta',
  'tool-input-available',
  'tool-input-error',
  'tool-approval-request',
  'tool-output-available',
  'tool-output-error',
  'tool-output-denied',
  'source-url',
  'source-document',
  'file',
]);


function create(): WireFormat<'ai-sdk'> {
  // Tool parts after the first name the call only by toolCallId.
  const tools = new Map<string, string>();
  // Text parts before and after a tool call (or in two steps), and any two text parts, are separate
  // blocks in useChat; so are two reasoning parts.
  const paragraphs = new Paragraphs();
  const thoughts = new Paragraphs('reasoning');

  function toolUpdate(json: Record<string, unknown>, status: 'running' | 'done' | 'error'): StreamUpdate[] {
    const id = nonEmptyString(json.toolCallId);
    const announced = id ? tools.get(id) : undefined;
    const name = announced ?? nonEmptyString(json.toolName);
    if (!name) return [];
    // Providers that do not stream tool input skip tool-input-start; the first part we see starts the badge.
    if (status === 'running' && announced) return [];
    if (id) tools.set(id, name);
    return [tool(name, id, status)];
  }

  function parse(message: SseMessage, json: unknown): StreamUpdate[] {
    if (isDoneMarker(message)) return [done()];
    if (!isRecord(json)) return [];
    if (typeof json.type === 'string' && (json.type.startsWith('tool-') || json.type === 'start-step' || json.type === 'text-start')) {
      paragraphs.interrupt();
    }
    if (json.type === 'reasoning-start' || json.type === 'start-step') thoughts.interrupt();
    switch (json.type) {
      case 'text-delta':
        return paragraphs.text(json.delta);
      case 'reasoning-delta':
        return thoughts.text(json.delta);
      case 'tool-input-start':
      case 'tool-input-available':
        return toolUpdate(json, 'running');
      case 'tool-output-available':
        // Preliminary outputs are a streaming tool's progress; the call is still running.
        return json.preliminary === true ? [] : toolUpdate(json, 'done');
      case 'tool-input-error':
      case 'tool-output-error':
      case 'tool-output-denied':
        return toolUpdate(json, 'error');
      case 'source-url': {
        const cited = source(json.url, json.title);
        return cited ? [cited] : [];
      }
      case 'error':
        return [error(json.errorText)];
      case 'abort':
        return [done('abort')];
      case 'finish':
        return [done(json.finishReason)];
      default:
        // start, steps, *-start/*-end, source-document, file, message-metadata, data-* parts.
        return [];
    }
  }

  return {
    name: 'ai-sdk',
    requiresTerminal: true,
    detect: (message, json) =>
      isDoneMarker(message) ||
      (isRecord(json) &&
        typeof json.type === 'string' &&
        (TYPES.has(json.type) ||
          json.type.startsWith('data-') ||
          // Seeds also has {"type":"error"}, with `message`; the AI SDK's has `errorText`.
          (json.type === 'error' && typeof json.errorText === 'string'))),
    parse,
    create,
  };
}

export const aiSdk = create();

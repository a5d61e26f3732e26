/**
 * The OpenAI Responses API (`POST /v1/responses` with `stream: true`), also served by Azure OpenAI,
 * OpenRouter's Responses endpoint and vLLM. Every event is named twice: in `event:` and in `type`.
 *
 *   event: response.output_text.delta
 *   data: {"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hel"}
 *
 *   event: response.completed
 *   data: {"type":"response.completed","response":{"id":"resp_1","status":"completed",...}}
 */
import type { SseMessage, StreamUpdate, WireFormat } from '../types.js';
import { isRecord, messageOf, nonEmptyString } from '../json.js';
import { Paragraphs, done, error, reasoning, source, tool } from '../updates.js';

interface Call {
  name: string;
  id: string | undefined;
  finished: boolean;
}

/** The badge name for an output item that is a tool call, or undefined for messages and reasoning. */
function toolName(item: Record<string, unknown>): string | undefined {
  const type = nonEmptyString(item.type);
  // function_call, custom_tool_call and mcp_call carry a name; built-in tools (web_search_call,
  // file_search_call, code_interpreter_call, image_generation_call, ...) are named by their type.
  if (!type?.endsWith('_call')) return undefined;
  return nonEmptyString(item.name) ?? type.slice(0, -'_call'.length);
}

function create(): WireFormat<'openai-responses'> {
  // Keyed by item id: function_call_arguments.done and output_item.done both end the same call.
  const calls = new Map<string, Call>();
  // A response may hold several message items, around tool calls; each is its own paragraph.
  const paragraphs = new Paragraphs();

  function started(item: unknown): StreamUpdate[] {
    if (!isRecord(item)) return [];
    const name = toolName(item);
    const key = nonEmptyString(item.id);
    if (!name || !key || calls.has(key)) return [];
    const call = { name, id: nonEmptyString(item.call_id) ?? key, finished: false };
    calls.set(key, call);
    return [tool(call.name, call.id, 'running')];
  }

  function finished(key: unknown, failed = false): StreamUpdate[] {
    const call = typeof key === 'string' ? calls.get(key) : undefined;
    if (!call || call.finished) return [];
    call.finished = true;
    return [tool(call.name, call.id, failed ? 'error' : 'done')];
  }

  function parse(_message: SseMessage, json: unknown): StreamUpdate[] {
    if (!isRecord(json)) return [];
    const response = isRecord(json.response) ? json.response : {};
    switch (json.type) {
      case 'response.output_text.delta':
        return paragraphs.text(json.delta);
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        return reasoning(json.delta);
      case 'response.reasoning_summary_part.added':
        // Summary parts are paragraphs that arrive without the blank line between them.
        return typeof json.summary_index === 'number' && json.summary_index > 0 ? reasoning('\n\n') : [];
      case 'response.output_item.added':
        if (!isRecord(json.item) || json.item.type !== 'message') paragraphs.interrupt();
        return started(json.item);
      case 'response.function_call_arguments.done':
        return finished(json.item_id);
      case 'response.output_item.done': {
        const item = isRecord(json.item) ? json.item : {};
        return finished(item.id, item.status === 'failed' || item.status === 'incomplete');
      }
      case 'response.output_text.annotation.added': {
        const annotation = isRecord(json.annotation) ? json.annotation : {};
        const cited = annotation.type === 'url_citation' ? source(annotation.url, annotation.title) : undefined;
        return cited ? [cited] : [];
      }
      case 'response.completed':
        return [done('stop')];
      case 'response.incomplete': {
        const details = isRecord(response.incomplete_details) ? response.incomplete_details : {};
        return [done(details.reason ?? 'length')];
      }
      case 'response.failed':
        return [error(messageOf(response.error))];
      case 'error':
        return [error(messageOf(json.message) ?? messageOf(json.error))];
      default:
        // response.created, response.in_progress, content_part.*, *.done text events: bookkeeping.
        return [];
    }
  }

  return {
    name: 'openai-responses',
    requiresTerminal: true,
    detect: (message, json) =>
      isRecord(json) &&
      typeof json.type === 'string' &&
      (json.type.startsWith('response.') ||
        // The stream's own error event; a bare {"type":"error"} without the event name is seeds'.
        (json.type === 'error' && (message.event === 'error' || 'sequence_number' in json))),
    parse,
    create,
  };
}

export const openaiResponses = create();

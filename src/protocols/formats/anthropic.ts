/**
 * The Anthropic Messages API (`POST /v1/messages` with `stream: true`), also served by Amazon
 * Bedrock and Google Vertex proxies and by LiteLLM's `/v1/messages`. Content arrives in indexed
 * blocks (text, thinking, tool_use) opened, filled by deltas and closed.
 *
 *   event: content_block_start
 *   data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}
 *
 *   event: content_block_delta
 *   data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}
 *
 *   event: message_delta
 *   data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}
 *
 *   event: message_stop
 *   data: {"type":"message_stop"}
 */
import type { SseMessage, StreamUpdate, WireFormat } from '../types.js';
import { isRecord, messageOf, nonEmptyString } from '../json.js';
import { Paragraphs, done, error, reasoning, source, tool } from '../updates.js';

const TYPES = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
]);

interface Call {
  name: string;
  id: string | undefined;
}

function create(): WireFormat<'anthropic'> {
  // Deltas and stops name only the block index; what the block is was said when it started.
  const toolBlocks = new Map<number, Call>();
  // Server tools (web_search, code_execution, MCP) run at Anthropic; their result arrives as a
  // later block that points back at the call by id.
  const serverCalls = new Map<string, Call>();
  let stopReason: unknown;
  const paragraphs = new Paragraphs();

  function blockStart(index: unknown, block: Record<string, unknown>): StreamUpdate[] {
    const type = nonEmptyString(block.type) ?? '';
    const name = nonEmptyString(block.name);
    const id = nonEmptyString(block.id);
    if (type !== 'text') paragraphs.interrupt();
    switch (type) {
      case 'text':
        return paragraphs.text(block.text);
      case 'thinking':
        return reasoning(block.thinking);
      case 'tool_use':
        if (!name) return [];
        if (typeof index === 'number') toolBlocks.set(index, { name, id });
        return [tool(name, id, 'running')];
      case 'server_tool_use':
      case 'mcp_tool_use':
        if (!name) return [];
        if (id) serverCalls.set(id, { name, id });
        return [tool(name, id, 'running')];
      default: {
        // web_search_tool_result, code_execution_tool_result, mcp_tool_result, ...
        const call = type.endsWith('_tool_result') ? serverCalls.get(String(block.tool_use_id)) : undefined;
        if (!call) return [];
        serverCalls.delete(String(block.tool_use_id));
        const content = isRecord(block.content) ? block.content : {};
        const failed = block.is_error === true || String(content.type ?? '').endsWith('_error');
        return [tool(call.name, call.id, failed ? 'error' : 'done')];
      }
    }
  }

  function blockDelta(delta: Record<string, unknown>): StreamUpdate[] {
    switch (delta.type) {
      case 'text_delta':
        return paragraphs.text(delta.text);
      case 'thinking_delta':
        return reasoning(delta.thinking);
      case 'citations_delta': {
        const citation = isRecord(delta.citation) ? delta.citation : {};
        const cited = source(citation.url, citation.title);
        return cited ? [cited] : [];
      }
      default:
        // input_json_delta (tool arguments) and signature_delta (thinking's signature): not shown.
        return [];
    }
  }

  function parse(_message: SseMessage, json: unknown): StreamUpdate[] {
    if (!isRecord(json)) return [];
    switch (json.type) {
      case 'content_block_start':
        return isRecord(json.content_block) ? blockStart(json.index, json.content_block) : [];
      case 'content_block_delta':
        return isRecord(json.delta) ? blockDelta(json.delta) : [];
      case 'content_block_stop': {
        const index = typeof json.index === 'number' ? json.index : -1;
        const call = toolBlocks.get(index);
        if (!call) return [];
        toolBlocks.delete(index);
        return [tool(call.name, call.id, 'done')];
      }
      case 'message_delta':
        // The reason comes here; the stream ends only at message_stop.
        if (isRecord(json.delta) && json.delta.stop_reason) stopReason = json.delta.stop_reason;
        return [];
      case 'message_stop':
        return [done(stopReason)];
      case 'error':
        return [error(messageOf(json.error))];
      default:
        // message_start and ping.
        return [];
    }
  }

  return {
    name: 'anthropic',
    requiresTerminal: true,
    detect: (_message, json) =>
      isRecord(json) &&
      typeof json.type === 'string' &&
      (TYPES.has(json.type) ||
        // {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
        (json.type === 'error' && isRecord(json.error) && typeof json.error.type === 'string')),
    parse,
    create,
  };
}

export const anthropic = create();

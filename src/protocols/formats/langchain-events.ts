/**
 * LangChain's `streamEvents` / `astream_events` (v2) over SSE: LangChain.js's
 * `streamEvents(input, { version: 'v2', encoding: 'text/event-stream' })` and LangServe's
 * `/stream_events`. Every callback event of the run arrives as `event: data`; the chat model's
 * chunks are serialized AIMessageChunks (LangChain.js: `{"lc":1,...,"kwargs":{"content":...}}`;
 * Python: `{"content":...,"type":"AIMessageChunk",...}`), content a string or a list of blocks.
 *
 *   event: data
 *   data: {"event":"on_chat_model_stream","run_id":"...","parent_ids":["..."],"data":{"chunk":{...}}}
 *
 *   event: data
 *   data: {"event":"on_chain_end","run_id":"...","parent_ids":[],"data":{"output":"..."}}
 *
 *   event: end            (no data field)
 *
 * Only the chat model's (or LLM's) own stream is answer text: the parser and the chain stream the
 * same text again. Tools are badges; a tool between two model turns starts a new paragraph. The
 * end of the root run (an `_end` event with no parent) ends the answer, with the finish reason the
 * last model output gave (`finish_reason`, or Anthropic's `stop_reason`).
 */
import type { StreamUpdate, WireFormat } from '../types.js';
import { isRecord, nonEmptyString } from '../json.js';
import { Paragraphs, done, tool } from '../updates.js';

/** A message chunk's fields, whether LangChain.js serialized it (`kwargs`) or Python did. */
function fieldsOf(chunk: unknown): Record<string, unknown> {
  if (!isRecord(chunk)) return {};
  return chunk.lc === 1 && isRecord(chunk.kwargs) ? chunk.kwargs : chunk;
}

function create(): WireFormat<'langchain-events'> {
  const paragraphs = new Paragraphs();
  const thoughts = new Paragraphs('reasoning');
  const tools = new Map<string, string>();
  let reason: unknown;

  function noteReason(fields: Record<string, unknown>): void {
    const metadata = isRecord(fields.response_metadata) ? fields.response_metadata : {};
    reason = metadata.finish_reason ?? metadata.stop_reason ?? reason;
  }

  function chunkUpdates(chunk: unknown): StreamUpdate[] {
    if (typeof chunk === 'string') return paragraphs.text(chunk);
    const fields = fieldsOf(chunk);
    noteReason(fields);
    const updates: StreamUpdate[] = [];
    // DeepSeek's reasoning, as langchain-deepseek passes it through.
    if (isRecord(fields.additional_kwargs)) updates.push(...thoughts.text(fields.additional_kwargs.reasoning_content));
    // A GenerationChunk (on_llm_stream) has `text`.
    const content = fields.content ?? fields.text;
    if (typeof content === 'string') updates.push(...paragraphs.text(content));
    else if (Array.isArray(content)) {
      for (const block of content) {
        if (typeof block === 'string') updates.push(...paragraphs.text(block));
        else if (isRecord(block) && block.type === 'text') updates.push(...paragraphs.text(block.text));
        else if (isRecord(block) && (block.type === 'thinking' || block.type === 'reasoning')) {
          updates.push(...thoughts.text(block.thinking ?? block.reasoning));
        }
      }
    }
    return updates;
  }

  function parse(_message: unknown, json: unknown): StreamUpdate[] {
    if (!isRecord(json)) return [];
    const data = isRecord(json.data) ? json.data : {};
    const name = nonEmptyString(json.name) ?? 'tool';
    const runId = nonEmptyString(json.run_id);
    const updates: StreamUpdate[] = [];
    switch (json.event) {
      case 'on_chat_model_stream':
      case 'on_llm_stream':
        updates.push(...chunkUpdates(data.chunk));
        break;
      case 'on_chat_model_end':
      case 'on_llm_end':
        noteReason(fieldsOf(data.output));
        paragraphs.interrupt();
        break;
      case 'on_tool_start':
        paragraphs.interrupt();
        if (runId) tools.set(runId, name);
        updates.push(tool(name, runId, 'running'));
        break;
      case 'on_tool_end':
      case 'on_tool_error': {
        const known = runId ? tools.get(runId) : undefined;
        updates.push(tool(known ?? name, runId, json.event === 'on_tool_end' ? 'done' : 'error'));
        break;
      }
      default:
        break;
    }
    // The root run (no parents) ending is the answer's end.
    if (typeof json.event === 'string' && json.event.endsWith('_end') && Array.isArray(json.parent_ids) && json.parent_ids.length === 0) {
      updates.push(done(reason));
    }
    return updates;
  }

  return {
    name: 'langchain-events',
    requiresTerminal: true,
    // LangServe's own `event: error` ({"status_code": 500, "message": ...}) is the langserve
    // format's, and any other error event the parser's: both end the answer with its message.
    detect: (_message, json) => isRecord(json) && typeof json.event === 'string' && /^on_[a-z_]+$/.test(json.event) && 'data' in json,
    parse,
    create,
  };
}

export const langchainEvents = create();

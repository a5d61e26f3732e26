/**
 * The Vercel AI SDK's data stream protocol (v3/v4, `toDataStreamResponse()`), marked by the
 * `x-vercel-ai-data-stream: v1` header: one `code:JSON` part per line.
 *
 *   f:{"messageId":"msg-1"}
 *   g:"Let me think."
 *   0:"Hel"
 *   9:{"toolCallId":"call-1","toolName":"get_weather","args":{"city":"Paris"}}
 *   a:{"toolCallId":"call-1","result":{"temperature":21}}
 *   e:{"finishReason":"stop","usage":{"promptTokens":9,"completionTokens":3},"isContinued":false}
 *   d:{"finishReason":"stop","usage":{"promptTokens":9,"completionTokens":3}}
 */
import type { SseMessage, StreamUpdate, WireFormat } from '../types.js';
import { isRecord, nonEmptyString } from '../json.js';
import { Paragraphs, done, error, reasoning, source, tool } from '../updates.js';

const PART = /^([0-9a-k]):/;

/** The part's code and its JSON value, or undefined for a line that is not a data stream part. */
function part(data: string): { code: string; value: unknown } | undefined {
  const match = PART.exec(data);
  if (!match) return undefined;
  try {
    return { code: match[1], value: JSON.parse(data.slice(2)) as unknown };
  } catch {
    return undefined;
  }
}

function create(): WireFormat<'ai-data-stream'> {
  // Tool results name the call only by toolCallId.
  const tools = new Map<string, string>();
  // Text before and after a tool call (or in two steps) are separate paragraphs in useChat.
  const paragraphs = new Paragraphs();

  function toolUpdate(value: unknown, status: 'running' | 'done'): StreamUpdate[] {
    if (!isRecord(value)) return [];
    const id = nonEmptyString(value.toolCallId);
    const announced = id ? tools.get(id) : undefined;
    const name = announced ?? nonEmptyString(value.toolName);
    // A streamed call is announced by its `b` part and then repeated whole as a `9` part.
    if (!name || (status === 'running' && announced)) return [];
    if (id) tools.set(id, name);
    return [tool(name, id, status)];
  }

  function parse(message: SseMessage): StreamUpdate[] {
    const { code, value } = part(message.data) ?? {};
    if (code === 'b' || code === '9' || code === 'a' || code === 'f') paragraphs.interrupt();
    switch (code) {
      case '0':
        return paragraphs.text(value);
      case 'g':
        return reasoning(value);
      case 'b':
      case '9':
        return toolUpdate(value, 'running');
      case 'a':
        return toolUpdate(value, 'done');
      case 'h': {
        const cited = isRecord(value) && value.sourceType === 'url' ? source(value.url, value.title) : undefined;
        return cited ? [cited] : [];
      }
      case '3':
        return [error(value)];
      case 'd':
        return [done(isRecord(value) ? value.finishReason : undefined)];
      default:
        // e (a step's finish; more steps may follow), f, c, 2, 8, i, j, k: nothing to show.
        return [];
    }
  }

  return {
    name: 'ai-data-stream',
    framing: 'lines',
    requiresTerminal: true,
    detect: (message) => part(message.data) !== undefined,
    parse,
    create,
  };
}

export const aiDataStream = create();

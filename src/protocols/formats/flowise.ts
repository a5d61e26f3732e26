/**
 * Flowise's prediction API with `streaming: true` (chatflows and agentflows): every event is a
 * `{event, data}` object in an unnamed SSE message, behind a `message:` line SSE parsers ignore.
 *
 *   message:
 *   data:{"event":"token","data":"Hel"}
 *
 *   message:
 *   data:{"event":"metadata","data":{"chatId":"2c8e...","chatMessageId":"9d1f...","question":"hi"}}
 *
 *   message:
 *   data:{"event":"end","data":"[DONE]"}
 */
import type { StreamUpdate, WireFormat } from '../types.js';
import { isRecord, messageOf, nonEmptyString } from '../json.js';
import { conversation, done, error, reasoning, source, text, tool } from '../updates.js';

const EVENTS = new Set([
  'start',
  'token',
  'thinking',
  'sourceDocuments',
  'artifacts',
  'usedTools',
  'calledTools',
  'fileAnnotations',
  'tool',
  'agentReasoning',
  'nextAgent',
  'agentFlowEvent',
  'agentFlowExecutedData',
  'nextAgentFlow',
  'action',
  'abort',
  'end',
  'error',
  'metadata',
  'usageMetadata',
]);

/** Tool badges from a list of `{tool, toolInput, toolOutput}` (or agentflow's `{name, ...}`). */
function tools(list: unknown, status: 'running' | 'done'): StreamUpdate[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const name = isRecord(entry) ? (nonEmptyString(entry.tool) ?? nonEmptyString(entry.name)) : undefined;
    return name ? [tool(name, undefined, status)] : [];
  });
}

/** Retrieved documents that point at a web page; a document from a file store has no link to show. */
function sources(list: unknown): StreamUpdate[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((doc) => {
    const metadata = isRecord(doc) && isRecord(doc.metadata) ? doc.metadata : {};
    const url = nonEmptyString(metadata.url) ?? nonEmptyString(metadata.source);
    const cited = url && /^https?:\/\//i.test(url) ? source(url, metadata.title) : undefined;
    return cited ? [cited] : [];
  });
}

export const flowise = {
  name: 'flowise',
  requiresTerminal: true,
  detect: (_message, json) =>
    isRecord(json) && typeof json.event === 'string' && EVENTS.has(json.event) && !('type' in json),
  parse: (_message, json) => {
    if (!isRecord(json)) return [];
    const data = json.data;
    switch (json.event) {
      case 'token':
        return text(data);
      case 'thinking':
        return reasoning(data);
      case 'metadata': {
        // Sent back as `chatId` to continue the conversation.
        const id = isRecord(data) ? conversation(data) : undefined;
        return id ? [id] : [];
      }
      case 'calledTools':
        return tools(data, 'running');
      case 'usedTools':
        return tools(data, 'done');
      case 'sourceDocuments':
        return sources(data);
      case 'error':
        return [error(messageOf(data))];
      case 'abort':
        return [done('abort')];
      case 'end':
        return [done()];
      default:
        return [];
    }
  },
} as const satisfies WireFormat<'flowise'>;

/**
 * n8n's streaming webhook response (a Webhook or Chat Trigger set to stream, with an AI Agent):
 * newline-delimited JSON, one `begin`/`item`.../`end` run per workflow node that streams.
 *
 *   {"type":"begin","metadata":{"nodeId":"a1","nodeName":"AI Agent","itemIndex":0,"runIndex":0,"timestamp":1735689600000}}
 *   {"type":"item","content":"Hel","metadata":{"nodeId":"a1","nodeName":"AI Agent","itemIndex":0,"runIndex":0,"timestamp":1735689600100}}
 *   {"type":"end","metadata":{"nodeId":"a1","nodeName":"AI Agent","itemIndex":0,"runIndex":0,"timestamp":1735689600200}}
 *
 * `end` closes one node's run, not the answer: a workflow may stream from several nodes (or
 * one node several times) in one response, so only the body's end ends the answer, and `end`
 * never becomes a done update (which would make the element stop reading).
 */
import type { StreamUpdate, WireFormat } from '../types.js';
import { isRecord } from '../json.js';
import { Paragraphs, error } from '../updates.js';

const TYPES = new Set(['begin', 'item', 'end', 'error']);

function create(): WireFormat<'n8n'> {
  // n8n's own chat shows each run as its own bubble; in one answer they need a paragraph break.
  const paragraphs = new Paragraphs();

  return {
    name: 'n8n',
    framing: 'lines',
    requiresTerminal: false,
    detect: (_message, json) => isRecord(json) && typeof json.type === 'string' && TYPES.has(json.type),
    parse: (_message, json): StreamUpdate[] => {
      if (!isRecord(json)) return [];
      switch (json.type) {
        case 'begin':
          paragraphs.interrupt();
          return [];
        case 'item':
          return paragraphs.text(json.content);
        case 'error':
          return [error(json.content)];
        default:
          return [];
      }
    },
    create,
  };
}

export const n8n = create();

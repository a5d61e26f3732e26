/**
 * A page's own `parseEvent` mapper, wrapped as a wire format so the parser treats it like a forced
 * one. What the mapper returns is checked here: it is the page's code, but a wrong shape must not
 * reach the conversation.
 */
import type { ParseEvent, StreamUpdate, WireFormat } from './types.js';
import { isRecord } from './json.js';

const TYPES = new Set(['text', 'reasoning', 'tool', 'source', 'conversation', 'warning', 'done', 'error']);

function isUpdate(value: unknown): value is StreamUpdate {
  return isRecord(value) && typeof value.type === 'string' && TYPES.has(value.type);
}

export function customFormat(parseEvent: ParseEvent): WireFormat<'custom'> {
  let warned = false;

  function normalize(result: ReturnType<ParseEvent>): StreamUpdate[] {
    if (result === null || result === undefined || result === '') return [];
    if (typeof result === 'string') return [{ type: 'text', text: result }];
    const updates = Array.isArray(result) ? result : [result];
    const valid = updates.filter(isUpdate);
    if (valid.length < updates.length && !warned) {
      warned = true;
      console.warn('[stream-chat] parseEvent returned something that is not a stream update; skipped it.');
    }
    return valid;
  }

  return {
    name: 'custom',
    requiresTerminal: false,
    detect: () => true,
    parse: ({ event, data, id }) => {
      try {
        // A copy, so a mapper that keeps or edits the message cannot change what we hold.
        return normalize(parseEvent({ event, data, id }));
      } catch (thrown) {
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        return [{ type: 'error', message: message || 'The parseEvent mapper failed.' }];
      }
    },
  };
}

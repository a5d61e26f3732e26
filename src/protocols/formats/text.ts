/**
 * Untyped `{text}` chunks with no terminal event, as sent by minimal demo servers and proxies.
 *
 *   data: {"text":"Hel"}
 */
import type { WireFormat } from '../types.js';
import { isRecord, nonEmptyString } from '../json.js';

export const textChunks = {
  name: 'text',
  requiresTerminal: false,
  detect: (_message, json) => isRecord(json) && typeof json.text === 'string',
  parse: (_message, json) => {
    const text = isRecord(json) ? nonEmptyString(json.text) : undefined;
    return text ? [{ type: 'text', text }] : [];
  },
} as const satisfies WireFormat;

/**
 * Each `data:` line is a JSON-encoded string, so newlines survive the SSE framing; sent by
 * Vercel-AI-style text streams and many hand-rolled servers.
 *
 *   data: "Hello,\nworld"
 */
import type { WireFormat } from '../types.js';

export const jsonString = {
  name: 'json-string',
  requiresTerminal: false,
  detect: (_message, json) => typeof json === 'string',
  parse: (_message, json) => (typeof json === 'string' && json !== '' ? [{ type: 'text', text: json }] : []),
} as const satisfies WireFormat;

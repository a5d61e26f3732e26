/**
 * A raw text body (`text/plain`), each chunk appended as it arrives: the AI SDK's
 * `toTextStreamResponse()`, LangChain's and LlamaIndex's text streaming responses, Ollama-backed
 * proxies that pipe tokens straight through, and any `res.write(token)` server.
 *
 *   Hello, wor
 *   ld!
 */
import type { WireFormat } from '../types.js';

export const plainText = {
  name: 'plain-text',
  framing: 'text',
  requiresTerminal: false,
  detect: () => true,
  // Never trimmed: a chunk boundary may fall on the space or newline between two words.
  parse: (message) => (message.data === '' ? [] : [{ type: 'text', text: message.data }]),
} as const satisfies WireFormat<'plain-text'>;

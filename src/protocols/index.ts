/**
 * The wire formats: every backend's stream turned into one update union. The registry of formats
 * (registry.ts, one file each in formats/), the parser that recognizes and reads a stream
 * (stream-parser.ts), and whole JSON answers (json-answer.ts).
 */
export type { Framing, ParseEvent, SseMessage, StreamUpdate, WireFormat } from './types.js';
export {
  aiDataStream,
  aiSdk,
  anthropic,
  contentChunks,
  flowise,
  formatNames,
  jsonString,
  langchainEvents,
  langserve,
  n8n,
  ollama,
  openaiChat,
  openaiResponses,
  plainText,
  seeds,
  textChunks,
  tgi,
  wireFormats,
  type FormatName,
} from './registry.js';
export { StreamParser, type StreamParserOptions } from './stream-parser.js';

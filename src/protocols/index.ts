/**
 * The wire formats: every backend's stream turned into one update union. The registry of formats
 * (registry.ts, one file each in formats/), the parser that recognizes and reads a stream
 * (stream-parser.ts), and whole JSON answers (json-answer.ts).
 */
export type { Framing, ParseEvent, SseMessage, StreamUpdate, WireFormat } from './types.js';
export { formatNames, wireFormats, type FormatName } from './registry.js';
export { aiDataStream } from './formats/ai-data-stream.js';
export { aiSdk } from './formats/ai-sdk.js';
export { anthropic } from './formats/anthropic.js';
export { contentChunks } from './formats/content.js';
export { flowise } from './formats/flowise.js';
export { jsonString } from './formats/json-string.js';
export { langchainEvents } from './formats/langchain-events.js';
export { langserve } from './formats/langserve.js';
export { n8n } from './formats/n8n.js';
export { ollama } from './formats/ollama.js';
export { openaiChat } from './formats/openai.js';
export { openaiResponses } from './formats/openai-responses.js';
export { plainText } from './formats/plain-text.js';
export { seeds } from './formats/seeds.js';
export { textChunks } from './formats/text.js';
export { tgi } from './formats/tgi.js';
export { StreamParser, type StreamParserOptions } from './stream-parser.js';

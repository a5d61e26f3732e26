/**
 * The wire formats the element knows (one file each in formats/, named as the `format` attribute
 * names them), the order auto-detection tries them in, and which ones a response's framing and
 * headers leave.
 */
import type { Framing, WireFormat } from './types.js';
import { aiDataStream } from './formats/ai-data-stream.js';
import { aiSdk } from './formats/ai-sdk.js';
import { anthropic } from './formats/anthropic.js';
import { contentChunks } from './formats/content.js';
import { flowise } from './formats/flowise.js';
import { jsonString } from './formats/json-string.js';
import { langchainEvents } from './formats/langchain-events.js';
import { langserve } from './formats/langserve.js';
import { n8n } from './formats/n8n.js';
import { ollama } from './formats/ollama.js';
import { openaiChat } from './formats/openai.js';
import { openaiResponses } from './formats/openai-responses.js';
import { plainText } from './formats/plain-text.js';
import { seeds } from './formats/seeds.js';
import { textChunks } from './formats/text.js';
import { tgi } from './formats/tgi.js';
import { formatInHeaders } from './headers.js';

// Detection order, most specific first. LangChain's stream events ride in LangServe's `event: data`
// messages, so they go first; LangServe is recognized by its event names alone, so it goes before
// formats that would read its data; seeds, Flowise, TGI and OpenAI objects carry
// fields (`content`, `text`, `error`) that the untyped formats at the end would also accept.
export const formats = [
  langchainEvents,
  langserve,
  anthropic,
  openaiResponses,
  aiSdk,
  seeds,
  flowise,
  tgi,
  openaiChat,
  contentChunks,
  textChunks,
  jsonString,
  aiDataStream,
  n8n,
  ollama,
  plainText,
] as const;

/** Every known wire format, in the order auto-detection tries them. */
export const wireFormats: readonly WireFormat[] = formats;

/** The values of the element's `format` attribute. */
export type FormatName = 'auto' | (typeof formats)[number]['name'];

/** Every value of the element's `format` attribute, `auto` first. */
export const formatNames: readonly FormatName[] = ['auto', ...formats.map((format) => format.name)];

/** The built-in format a name forces, or undefined for `auto` and unknown names. */
export function formatNamed(name: string): WireFormat | undefined {
  return formats.find((candidate) => candidate.name === name);
}

const framingOfFormat = (format: WireFormat): Framing => format.framing ?? 'sse';

/**
 * The formats auto-detection tries for a response of this framing. A line of NDJSON is what an SSE
 * `data:` field holds, so line-framed bodies fall back to the JSON formats after the line formats:
 * a hand-rolled server streaming `{"content": ...}` lines is still understood.
 */
export function candidatesFor(framing: Framing): readonly WireFormat[] {
  const own = formats.filter((format) => framingOfFormat(format) === framing);
  return framing === 'lines' ? [...own, ...formats.filter((format) => framingOfFormat(format) === 'sse')] : own;
}

/** The format a response announces in its headers, or that its framing leaves as the only one. */
export function announced(framing: Framing, headers: Headers | undefined): WireFormat | undefined {
  const named = formatInHeaders(headers);
  if (named) return named === 'ai-sdk' ? aiSdk : aiDataStream;
  return framing === 'text' ? plainText : undefined;
}

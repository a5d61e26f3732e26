// Every transcript, one (or more) per wire format, for the protocol tests and the element's
// end-to-end replay over HTTP.
import { aiDataStream } from './ai-data-stream.js';
import { aiSdk } from './ai-sdk.js';
import { aiSdkParts } from './ai-sdk-parts.js';
import { anthropic } from './anthropic.js';
import { content } from './content.js';
import { contentFiltered } from './content-filtered.js';
import { flowise } from './flowise.js';
import { jsonString } from './json-string.js';
import { langchainJsEvents } from './langchain-js-events.js';
import { langserve } from './langserve.js';
import { langserveEvents } from './langserve-events.js';
import { n8n } from './n8n.js';
import { ollama } from './ollama.js';
import { openai } from './openai.js';
import { openaiResponses } from './openai-responses.js';
import { openaiTools } from './openai-tools.js';
import { plainText } from './plain-text.js';
import { seeds } from './seeds.js';
import { seedsCutOff } from './seeds-cut-off.js';
import { text } from './text.js';
import { tgi } from './tgi.js';
import type { Transcript } from './types.js';

export type { Transcript } from './types.js';
export { frame } from './frame.js';

/** By name; the name is the file's. */
export const transcripts: Readonly<Record<string, Transcript>> = {
  'ai-data-stream': aiDataStream,
  'ai-sdk': aiSdk,
  'ai-sdk-parts': aiSdkParts,
  anthropic,
  content,
  'content-filtered': contentFiltered,
  flowise,
  'json-string': jsonString,
  'langchain-js-events': langchainJsEvents,
  langserve,
  'langserve-events': langserveEvents,
  n8n,
  ollama,
  openai,
  'openai-responses': openaiResponses,
  'openai-tools': openaiTools,
  'plain-text': plainText,
  seeds,
  'seeds-cut-off': seedsCutOff,
  text,
  tgi,
};

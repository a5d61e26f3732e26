/**
 * Turns SSE messages from any supported backend into `StreamUpdate`s, recognizing the wire
 * format from the first message unless one is forced.
 */
import type { SseMessage, StreamUpdate, WireFormat } from './types.js';
import { contentChunks } from './content-chunks.js';
import { jsonString } from './json-string.js';
import { openaiChat } from './openai-chat.js';
import { seeds } from './seeds.js';
import { textChunks } from './text-chunks.js';

export type { SseMessage, StreamUpdate, WireFormat } from './types.js';
export { contentChunks, jsonString, openaiChat, seeds, textChunks };

// Most specific first: seeds and OpenAI chunks also carry `content`/`text`-looking fields.
const formats = [seeds, openaiChat, contentChunks, textChunks, jsonString] as const;

/** Every known wire format, in the order auto-detection tries them. */
export const wireFormats: readonly WireFormat[] = formats;

/** The values of the element's `format` attribute. */
export type FormatName = 'auto' | (typeof formats)[number]['name'];

const formatNames: readonly FormatName[] = ['auto', ...formats.map((format) => format.name)];

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** Translates one stream's messages; make a new parser for every request. */
export class StreamParser {
  readonly #forced: WireFormat | undefined;
  #locked: WireFormat | undefined;
  #ended = false;
  readonly #warned = new Set<'invalid' | 'unknown'>();

  constructor(format: string = 'auto') {
    if (format !== 'auto') {
      this.#forced = formats.find((candidate) => candidate.name === format);
      if (!this.#forced) {
        throw new Error(`Unknown stream format "${format}"; expected one of: ${formatNames.join(', ')}.`);
      }
    }
  }

  /** The format recognized so far (or forced); undefined until a message is recognized. */
  get format(): WireFormat | undefined {
    return this.#forced ?? this.#locked;
  }

  /** Whether a done or error update has been produced. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Whether a stream closing now, without a terminal event, was cut short. */
  get requiresTerminal(): boolean {
    return this.format?.requiresTerminal ?? false;
  }

  push(message: SseMessage): StreamUpdate[] {
    if (message.data.trim() === '') return [];
    const json = parseJson(message.data);
    const format = this.#recognize(message, json);
    if (!format) {
      if (json === undefined && message.data.trim() !== '[DONE]') {
        this.#warnOnce('invalid', `skipped a message whose data is not JSON: ${preview(message.data)}`);
      } else {
        const which = this.#forced ? `the "${this.#forced.name}" format` : 'any known format';
        this.#warnOnce('unknown', `skipped a message not in ${which}: ${preview(message.data)}`);
      }
      return [];
    }
    const updates: StreamUpdate[] = [];
    for (const update of format.parse(message, json)) {
      // OpenAI sends finish_reason and then [DONE]; the element must see only one done.
      if (update.type === 'done' && this.#ended) continue;
      if (update.type === 'done' || update.type === 'error') this.#ended = true;
      updates.push(update);
    }
    return updates;
  }

  #recognize(message: SseMessage, json: unknown): WireFormat | undefined {
    if (this.#forced) return this.#forced.detect(message, json) ? this.#forced : undefined;
    if (this.#locked?.detect(message, json)) return this.#locked;
    // Lenient: a backend may mix in a message of another shape (an error object, say).
    const format = wireFormats.find((candidate) => candidate.detect(message, json));
    this.#locked ??= format;
    return format;
  }

  #warnOnce(kind: 'invalid' | 'unknown', reason: string): void {
    // A misconfigured stream would otherwise flood the console once per chunk.
    if (this.#warned.has(kind)) return;
    this.#warned.add(kind);
    console.warn(`[stream-chat] ${reason}`);
  }
}

function preview(data: string): string {
  return data.length > 80 ? `${data.slice(0, 80)}…` : data;
}

/**
 * Turns the messages of any supported backend's stream into `StreamUpdate`s, recognizing the wire
 * format from the response headers and first messages (registry.ts) unless one is forced or the
 * page maps the messages itself (custom.ts).
 */
import type { TrailingEvent } from '../conversation/message.js';
import { customFormat } from './custom.js';
import { isDoneMarker } from './done-marker.js';
import { isRecord, messageOf } from './json.js';
import { announced, candidatesFor, formatNamed, formatNames } from './registry.js';
import type { Framing, ParseEvent, SseMessage, StreamUpdate, WireFormat } from './types.js';
import { error } from './updates.js';

export interface StreamParserOptions {
  /** Maps every message itself; no built-in format is used. */
  parseEvent?: ParseEvent;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

type ToolUpdate = Extract<StreamUpdate, { type: 'tool' }>;

/**
 * Translates one stream's messages; make a new parser for every request.
 *
 * The transport calls `begin(framing, headers)` once the response is open, then `push(message)`
 * for every message. A stream ends at the first done or error update; messages after it go to
 * `afterEnd` (kept, never shown).
 */
export class StreamParser {
  readonly #forced: WireFormat | undefined;
  #locked: WireFormat | undefined;
  #framing: Framing = 'sse';
  #candidates: readonly WireFormat[] = candidatesFor('sse');
  // Stateful formats get one instance per stream, made on first use.
  readonly #instances = new Map<WireFormat, WireFormat>();
  // Tool calls seen running, by id (or name), so the end of the answer can settle their badges.
  readonly #running = new Map<string, ToolUpdate>();
  #ended = false;
  readonly #warned = new Set<'invalid' | 'unknown'>();

  /**
   * @param format a format name, or `auto` to recognize it; unknown names throw, listing the valid ones.
   * @param options.parseEvent a mapper used for every message instead of any built-in format.
   */
  constructor(format: string = 'auto', options: StreamParserOptions = {}) {
    const named = formatNamed(format);
    if (format !== 'auto' && !named) {
      throw new Error(`Unknown stream format "${format}"; expected one of: ${formatNames.join(', ')}.`);
    }
    if (options.parseEvent) this.#forced = customFormat(options.parseEvent);
    else if (named) this.#forced = this.#instance(named);
  }

  /** The format forced, named by the headers or recognized so far; undefined until then. */
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

  /**
   * Says how the response is framed, and lets its headers name the format; call once the response
   * is open, before any message. Without it the response is taken to be SSE. A forced format is
   * used whatever the framing (the page knows its backend), though a line or text format fed SSE
   * messages sees each message's data, not the raw body.
   */
  begin(framing: Framing, headers?: Headers): void {
    this.#framing = framing;
    this.#candidates = candidatesFor(framing);
    if (this.#forced) return;
    const format = announced(framing, headers);
    if (format) this.#locked = this.#instance(format);
  }

  push(message: SseMessage): StreamUpdate[] {
    if (this.#ended) return [];
    // Raw text keeps its whitespace: a chunk may be the space between two words.
    const blank = this.#framing === 'text' ? message.data === '' : message.data.trim() === '';
    // Keep-alives are blank and unnamed; a named event may mean something without data (LangServe's `end`).
    if (blank && message.event === '') return [];
    // A raw text chunk is JSON only to a JSON format forced onto a text body.
    const json = blank || (this.#framing === 'text' && this.format?.framing === 'text') ? undefined : parseJson(message.data);
    const format = this.#recognize(message, json);
    if (!format) {
      // An SSE `error` event no format claims (hono's streamSSE writes the thrown error's message
      // as plain text): the server's own sentence ends the answer, not "cut off".
      if (message.event === 'error') return this.#accept([error(json === undefined ? message.data.trim() : (messageOf(json) ?? messageOf(isRecord(json) ? json.error : undefined)))]);
      if (!blank) this.#warnUnrecognized(message, json);
      return [];
    }
    return this.#accept(format.parse(message, json));
  }

  #recognize(message: SseMessage, json: unknown): WireFormat | undefined {
    if (this.#forced) return this.#forced.detect(message, json) ? this.#forced : undefined;
    if (this.#locked?.detect(message, json)) return this.#locked;
    // Lenient: a backend may mix in a message of another shape (an error object, say).
    const found = this.#candidates.find((candidate) => candidate.detect(message, json));
    if (!found) return undefined;
    const format = this.#instance(found);
    this.#locked ??= format;
    return format;
  }

  #instance(format: WireFormat): WireFormat {
    let instance = this.#instances.get(format);
    if (!instance) {
      instance = format.create?.() ?? format;
      this.#instances.set(format, instance);
    }
    return instance;
  }

  /** Passes updates on up to the stream's end, settling tool badges the backend never closed. */
  #accept(updates: StreamUpdate[]): StreamUpdate[] {
    // Nearly every message is a token: passed on as it is, without a new array per message.
    if (updates.length === 1 && updates[0].type === 'text') return updates;
    const accepted: StreamUpdate[] = [];
    for (const update of updates) {
      if (update.type === 'tool') this.#track(update);
      if (update.type === 'done') {
        // A tool the model asked for but the backend did not run (OpenAI's finish_reason
        // tool_calls, an AI SDK tool for the client) must not spin after the answer is over.
        for (const call of this.#running.values()) accepted.push({ ...call, status: 'done' });
        this.#running.clear();
      }
      accepted.push(update);
      if (update.type === 'done' || update.type === 'error') {
        this.#ended = true;
        break;
      }
    }
    return accepted;
  }

  #track(update: ToolUpdate): void {
    const key = update.id ?? `name:${update.name}`;
    if (update.status === 'running') this.#running.set(key, update);
    else this.#running.delete(key);
  }

  /**
   * A message after the terminal event: the record to keep of it (none for blanks and `[DONE]`),
   * and any conversation id it names (a backend may confirm or assign one while it saves).
   */
  afterEnd(message: SseMessage): { trailing?: TrailingEvent; updates: StreamUpdate[] } {
    const data = message.data.trim();
    if ((data === '' && message.event === '') || isDoneMarker(message)) return { updates: [] };
    const json = data === '' ? undefined : parseJson(message.data);
    const trailing: TrailingEvent = { event: message.event, data: json === undefined ? message.data : json };
    if (message.id) trailing.id = message.id;
    const format = this.format;
    const updates = format?.detect(message, json)
      ? format.parse(message, json).filter((update) => update.type === 'conversation')
      : [];
    return { trailing, updates };
  }

  #warnUnrecognized(message: SseMessage, json: unknown): void {
    if (json === undefined && !isDoneMarker(message)) {
      this.#warnOnce('invalid', `skipped a message whose data is not JSON: ${preview(message.data)}`);
    } else {
      const which = this.#forced ? `the "${this.#forced.name}" format` : 'any known format';
      this.#warnOnce('unknown', `skipped a message not in ${which}: ${preview(message.data)}`);
    }
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

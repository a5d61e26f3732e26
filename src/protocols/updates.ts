/**
 * Builders the adapters share, so equal events become equal updates (no `title: undefined`
 * keys) and every backend's finish reason lands in one vocabulary.
 */
import type { StreamUpdate } from './types.js';
import { nonEmptyString } from './json.js';

type Tool = Extract<StreamUpdate, { type: 'tool' }>;
type Source = Extract<StreamUpdate, { type: 'source' }>;
type Done = Extract<StreamUpdate, { type: 'done' }>;

// OpenAI says `length`, Anthropic `max_tokens`, the Responses API `max_output_tokens`, the AI SDK
// `tool-calls`, TGI `eos_token`; the element compares against one word for each.
const REASONS = new Map([
  ['stop', 'stop'],
  ['end_turn', 'stop'],
  ['stop_sequence', 'stop'],
  ['eos_token', 'stop'],
  ['eos', 'stop'],
  ['length', 'length'],
  ['max_tokens', 'length'],
  ['max_output_tokens', 'length'],
  ['model_context_window_exceeded', 'length'],
  ['tool_calls', 'tool_calls'],
  ['tool-calls', 'tool_calls'],
  ['tool_use', 'tool_calls'],
  ['function_call', 'tool_calls'],
  ['content_filter', 'content_filter'],
  ['content-filter', 'content_filter'],
  ['refusal', 'content_filter'],
]);

/** The shared word for a backend's finish reason; words it does not know pass through. */
export function finishReason(value: unknown): string | undefined {
  const raw = nonEmptyString(value);
  return raw && (REASONS.get(raw.toLowerCase()) ?? raw);
}

/** The names servers give a conversation id, in the order they are looked for. */
export const CONVERSATION_ID_FIELDS = [
  'conversation_id',
  'conversationId',
  'session_id',
  'sessionId',
  'thread_id',
  'threadId',
  'chat_id',
  'chatId',
] as const;

/** A conversation update for the id `record` carries under any of the usual names, keeping the name. */
export function conversation(record: Record<string, unknown>): Extract<StreamUpdate, { type: 'conversation' }> | undefined {
  for (const field of CONVERSATION_ID_FIELDS) {
    const id = record[field];
    if (typeof id === 'string' && id !== '') return { type: 'conversation', id, field };
    if (typeof id === 'number' && Number.isFinite(id)) return { type: 'conversation', id: String(id), field };
  }
  return undefined;
}

export function done(reason?: unknown): Done {
  const word = finishReason(reason);
  return word ? { type: 'done', reason: word } : { type: 'done' };
}

export function tool(name: string, id: string | undefined, status: NonNullable<Tool['status']>): Tool {
  return id ? { type: 'tool', name, id, status } : { type: 'tool', name, status };
}

/** A cited source, or undefined when the citation has no URL to show. */
export function source(url: unknown, title?: unknown): Source | undefined {
  const href = nonEmptyString(url);
  if (!href) return undefined;
  const name = nonEmptyString(title);
  return name ? { type: 'source', url: href, title: name } : { type: 'source', url: href };
}

export function text(value: unknown): StreamUpdate[] {
  const chunk = nonEmptyString(value);
  return chunk ? [{ type: 'text', text: chunk }] : [];
}

export function reasoning(value: unknown): StreamUpdate[] {
  const chunk = nonEmptyString(value);
  return chunk ? [{ type: 'reasoning', text: chunk }] : [];
}

/** What an error the server reported without any words of its own says. */
export const SERVER_ERROR_SENTENCE = 'The server reported an error.';

/** The server reported an error: its own words when it gave some. */
export function error(message: unknown): StreamUpdate {
  return { type: 'error', message: nonEmptyString(message) ?? SERVER_ERROR_SENTENCE };
}

/**
 * Text a backend writes in separate blocks (before and after a tool call, in two workflow nodes)
 * reads as one run-on sentence when appended as is; its own UI shows the blocks apart. Joins them
 * with a paragraph break, but only across an interruption: Anthropic also splits one sentence
 * into adjacent text blocks around each citation, and those must join seamlessly.
 */
export class Paragraphs {
  #wrote = false;
  #interrupted = false;
  readonly #kind: 'text' | 'reasoning';

  /** @param kind what the blocks are: answer text (the default) or reasoning. */
  constructor(kind: 'text' | 'reasoning' = 'text') {
    this.#kind = kind;
  }

  /** Something other than answer text (a tool call, a new step) came between two text blocks. */
  interrupt(): void {
    if (this.#wrote) this.#interrupted = true;
  }

  text(value: unknown): StreamUpdate[] {
    const updates = this.#kind === 'text' ? text(value) : reasoning(value);
    if (updates.length === 0) return updates;
    const lead: StreamUpdate[] = this.#interrupted ? [{ type: this.#kind, text: '\n\n' }] : [];
    this.#wrote = true;
    this.#interrupted = false;
    return [...lead, ...updates];
  }
}

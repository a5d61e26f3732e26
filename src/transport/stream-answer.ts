import type { ChatErrorInfo, StreamStats } from '../conversation/message.js';
import { StreamParser, type ParseEvent, type StreamUpdate } from '../protocols/index.js';
import { ChatError, unreadableAnswer } from './errors.js';
import { mediaType } from './framing.js';
import type { ChatRequest } from './request.js';
import { streamRequest } from './response-stream.js';
import { textFromJsonAnswer } from './json-answer.js';

/** How one answer ended, in the message statuses' words. Never a rejection. */
export type StreamOutcome = (
  | { status: 'complete'; conversationId?: string }
  | { status: 'error'; error: ChatErrorInfo }
  | { status: 'cancelled' }
) & { stats?: StreamStats };

export interface StreamAnswerOptions {
  /** A wire format name, or `auto`. */
  format: string;
  /** A custom mapper for streams no built-in format understands. */
  parseEvent?: ParseEvent;
  /** Milliseconds without a byte after which the answer ends as an error; off when absent or 0. */
  idleTimeout?: number;
  /** Aborting it ends the answer as `cancelled`; the server sees the connection close. */
  signal: AbortSignal;
  /** The response headers arrived and were accepted: the answer is streaming. */
  onOpen?(): void;
  /** Every update, as it arrives (the stream's own terminal update included). */
  onUpdate(update: StreamUpdate): void;
}

/** What the session calls to get an answer; a fake one in the session's unit tests. */
export type Transport = (request: ChatRequest, options: StreamAnswerOptions) => Promise<StreamOutcome>;

/**
 * Makes one request and reads its answer to the end: the wire format is parsed into updates, a
 * non-streaming JSON answer becomes one text update, and however it ends (the stream's own terminal
 * event, the end of the body, an error, an abort) the outcome says how, with the answer's timing.
 * A terminal event ends the answer at once; the request is then aborted to free the connection.
 */
export const streamAnswer: Transport = async (request, { format, parseEvent, idleTimeout, signal, onOpen, onUpdate }) => {
  let parser: StreamParser;
  try {
    parser = new StreamParser(format || 'auto', { parseEvent });
  } catch (error) {
    return { status: 'error', error: new ChatError('protocol', String((error as Error).message)).toInfo() };
  }
  // Our own abort, for a terminal event, apart from the caller's, which means "cancelled".
  const controller = new AbortController();
  const forward = () => controller.abort();
  signal.addEventListener('abort', forward, { once: true });
  if (signal.aborted) controller.abort();

  const timing = new StreamTiming();
  let outcome: StreamOutcome | undefined;
  let conversationId: string | undefined;
  let messages = 0;
  let response: Response | undefined;
  const deliver = (update: StreamUpdate) => {
    if (outcome) return;
    switch (update.type) {
      case 'done':
        conversationId = update.conversationId ?? conversationId;
        outcome = { status: 'complete', conversationId };
        break;
      case 'error':
        outcome = { status: 'error', error: { kind: 'server', message: update.message, serverMessage: update.message } };
        break;
      case 'conversation':
        conversationId = update.id;
        break;
      case 'text':
      case 'reasoning':
        timing.received(update.text);
        break;
      default:
        break;
    }
    onUpdate(update);
    if (outcome) controller.abort();
  };
  const ended = (result: StreamOutcome): StreamOutcome => ({ ...result, stats: timing.stats() });

  try {
    const end = await streamRequest(
      request,
      {
        onOpen: (opened, framing) => {
          response = opened;
          parser.begin(framing, opened.headers);
          onOpen?.();
        },
        onMessage: (message) => {
          messages += 1;
          for (const update of parser.push(message)) deliver(update);
        },
      },
      controller.signal,
      { idleTimeout },
    );
    if (outcome) return ended(outcome);
    if (end.kind === 'aborted') return ended({ status: 'cancelled' });
    if (end.kind === 'json') {
      const text = textFromJsonAnswer(end.value);
      if (text === undefined) {
        throw new ChatError('protocol', 'The server answered with JSON that holds no message');
      }
      deliver({ type: 'text', text });
      deliver({ type: 'done', conversationId: conversationIdOf(end.value) });
      return ended(outcome ?? { status: 'complete' });
    }
    if (parser.requiresTerminal) {
      throw new ChatError('interrupted', 'The answer was cut off: the stream ended before the server finished it');
    }
    if (!parser.format) throw unreadableAnswer(response ? mediaType(response) : '', messages, response?.status);
    return ended({ status: 'complete', conversationId });
  } catch (error) {
    const info = error instanceof ChatError
      ? error.toInfo()
      : { kind: 'protocol' as const, message: `The answer could not be read: ${String((error as Error)?.message ?? error)}` };
    return ended({ status: 'error', error: info });
  } finally {
    signal.removeEventListener('abort', forward);
  }
};

/**
 * Time to first token, duration and throughput of one answer. Tokens are estimated as characters
 * / 4 (the usual rule of thumb for English with BPE tokenizers), since most streams do not say.
 */
const MIN_RATE_SECONDS = 0.25;

class StreamTiming {
  private readonly start = performance.now();
  private first?: number;
  private characters = 0;

  received(text: string): void {
    this.first ??= performance.now();
    this.characters += text.length;
  }

  stats(): StreamStats {
    const end = performance.now();
    const tokens = Math.round(this.characters / 4);
    const stats: StreamStats = { duration: Math.round(end - this.start), tokens };
    if (this.first !== undefined) {
      stats.timeToFirstToken = Math.round(this.first - this.start);
      const seconds = (end - this.first) / 1000;
      // Over less than a few tenths of a second (an answer that arrived in one piece) a rate means nothing.
      if (seconds >= MIN_RATE_SECONDS && tokens > 0) stats.tokensPerSecond = Math.round((tokens / seconds) * 10) / 10;
    }
    return stats;
  }
}

function conversationIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const id = record.conversation_id ?? record.session_id ?? record.conversationId;
  return typeof id === 'string' ? id : undefined;
}

import type { ChatErrorInfo, StreamStats, TrailingEvent } from '../conversation/message.js';
import { StreamParser, type ParseEvent, type SseMessage, type StreamUpdate } from '../protocols/index.js';
import { ChatError, unreadableAnswer } from './errors.js';
import { mediaType } from './framing.js';
import type { ChatRequest } from './request.js';
import { streamRequest } from './response-stream.js';
import { jsonAnswerUpdates } from '../protocols/json-answer.js';

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
  /**
   * What the server sends after the terminal event, while the connection is read on (after the
   * outcome resolved), with the conversation updates it holds.
   */
  onTrailing?(event: TrailingEvent, updates: StreamUpdate[]): void;
  /** Milliseconds the connection is read on after the terminal event; DRAIN_TIMEOUT when absent. */
  drainTimeout?: number;
}

/** What the session calls to get an answer; a fake one in the session's unit tests. */
export type Transport = (request: ChatRequest, options: StreamAnswerOptions) => Promise<StreamOutcome>;

/**
 * How long a connection is read on after the answer's terminal event, waiting for the server to
 * close it. Long enough for what backends do after their last token (saving the answer and its
 * embeddings, usage accounting: typically well under a few seconds), short enough that a server
 * which never closes (a proxy holding the connection, a keep-alive loop) does not hold one of the
 * browser's six connections per origin for long.
 */
export const DRAIN_TIMEOUT = 30_000;
/** And how much it may send meanwhile: a server streaming on after its end is not read forever. */
export const DRAIN_MAX_BYTES = 1024 * 1024;
/** Trailing events handed on per answer; later ones are read (so the server is not cut off) but dropped. */
export const MAX_TRAILING = 100;

/**
 * Makes one request and reads its answer: the wire format is parsed into updates, a non-streaming
 * JSON answer becomes one text update, and however it ends (the stream's own terminal event, the
 * end of the body, an error, an abort) the outcome says how, with the answer's timing.
 *
 * A terminal `done` resolves the outcome at once, but the connection is not closed: the server may
 * still be working (saving the answer, counting usage) and writing about it, and closing would cut
 * that off. It is read on until the server closes it, within DRAIN_TIMEOUT and DRAIN_MAX_BYTES,
 * what arrives handed to `onTrailing`; aborting `signal` no longer touches it (Stop, a new send and
 * the host leaving concern the next answer). An `error` event closes the connection at once.
 */
export const streamAnswer: Transport = async (
  request,
  { format, parseEvent, idleTimeout, signal, onOpen, onUpdate, onTrailing, drainTimeout = DRAIN_TIMEOUT },
) => {
  let parser: StreamParser;
  try {
    parser = new StreamParser(format || 'auto', { parseEvent });
  } catch (error) {
    return { status: 'error', error: new ChatError('protocol', String((error as Error).message)).toInfo() };
  }
  // Our own abort, for an error event or the drain's bound, apart from the caller's ("cancelled").
  const controller = new AbortController();
  const forward = () => controller.abort();
  signal.addEventListener('abort', forward, { once: true });
  if (signal.aborted) controller.abort();

  const timing = new StreamTiming();
  let outcome: StreamOutcome | undefined;
  let reachedTerminal: (outcome: StreamOutcome) => void = () => {};
  const terminal = new Promise<StreamOutcome>((resolve) => (reachedTerminal = resolve));
  let conversationId: string | undefined;
  let messages = 0;
  let response: Response | undefined;
  let trailingBytes = 0;
  let trailingKept = 0;
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
    if (outcome) reachedTerminal(outcome);
  };
  /** A message after the terminal event: kept (up to a bound), any conversation id in it taken. */
  const trail = (message: SseMessage) => {
    trailingBytes += message.data.length;
    if (trailingBytes > DRAIN_MAX_BYTES) controller.abort();
    const after = parser.afterEnd(message);
    if (!after.trailing || controller.signal.aborted || trailingKept >= MAX_TRAILING) return;
    trailingKept += 1;
    onTrailing?.(after.trailing, after.updates);
  };
  const ended = (result: StreamOutcome): StreamOutcome => ({ ...result, stats: timing.stats() });

  const reading = (async (): Promise<StreamOutcome> => {
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
            if (parser.ended) return trail(message);
            messages += 1;
            for (const update of parser.push(message)) deliver(update);
          },
        },
        controller.signal,
        { idleTimeout },
      );
      if (outcome) return outcome;
      if (end.kind === 'aborted') return { status: 'cancelled' };
      if (end.kind === 'json') {
        const updates = jsonAnswerUpdates(end.value);
        if (!updates) throw new ChatError('protocol', 'The server answered with JSON that holds no message');
        for (const update of updates) deliver(update);
        return outcome ?? { status: 'complete' };
      }
      if (parser.requiresTerminal) {
        throw new ChatError('interrupted', 'The answer was cut off: the stream ended before the server finished it');
      }
      if (!parser.format) throw unreadableAnswer(response ? mediaType(response) : '', messages, response?.status);
      return { status: 'complete', conversationId };
    } catch (error) {
      if (outcome) return outcome;
      const info = error instanceof ChatError
        ? error.toInfo()
        : { kind: 'protocol' as const, message: `The answer could not be read: ${String((error as Error)?.message ?? error)}` };
      return { status: 'error', error: info };
    }
  })();

  const result = await Promise.race([terminal, reading]);
  // From here on the caller's abort concerns the next answer, not this connection.
  signal.removeEventListener('abort', forward);
  if (outcome?.status === 'error') {
    // After an error event the server has nothing more to say about this answer.
    controller.abort();
  } else if (outcome) {
    const timer = setTimeout(() => controller.abort(), drainTimeout);
    void reading.finally(() => clearTimeout(timer));
  }
  return ended(result);
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

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatErrorInfo, StreamStats } from '../conversation/message.js';
import { StreamParser, type ParseEvent, type StreamUpdate } from '../protocols/index.js';
import { ChatError, unreadableAnswer } from './errors.js';
import { mediaType } from './framing.js';
import type { ChatRequest } from './request.js';
import { streamRequest } from './response-stream.js';
import { textFromJsonAnswer } from './json-answer.js';

/** Where the current request stands, shaped like @lit/task's status. */
export type StreamStatus = 'idle' | 'connecting' | 'streaming' | 'done' | 'error' | 'cancelled';

/** How one answer ended. `send()` resolves with it; it never rejects. */
export type StreamOutcome = (
  | { status: 'complete'; conversationId?: string }
  | { status: 'error'; error: ChatErrorInfo }
  | { status: 'cancelled' }
) & { stats?: StreamStats };

export interface StreamRun {
  request: ChatRequest;
  /** A wire format name, or `auto`. */
  format: string;
  /** A custom mapper for streams no built-in format understands. */
  parseEvent?: ParseEvent;
  /** Milliseconds without a byte after which the answer ends as an error; off when absent or 0. */
  idleTimeout?: number;
  /** Receives every update; text updates arrive here as they come, rendering is throttled separately. */
  onUpdate(update: StreamUpdate): void;
}

/**
 * Owns the network side of one answer at a time: a status, one AbortController per request,
 * abort when the host leaves the page, and host updates at most once per animation frame however
 * many events arrive (state changes update at once).
 */
export class StreamController implements ReactiveController {
  status: StreamStatus = 'idle';
  private readonly host: ReactiveControllerHost;
  private abortController?: AbortController;
  private frame = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** True while a request is being prepared, made or read. */
  get busy(): boolean {
    return this.status === 'connecting' || this.status === 'streaming';
  }

  hostDisconnected(): void {
    this.abort();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Marks the controller busy before the request exists (headers may be fetched asynchronously). */
  begin(): void {
    // A previous run still winding down must not reset the status of this one when it finishes.
    this.abortController?.abort();
    this.abortController = undefined;
    this.setStatus('connecting');
  }

  /** Leaves the connecting state without a request (the send was cancelled or could not be built). */
  reset(): void {
    this.setStatus('idle');
  }

  /** Stops the current request, if any. The server sees the connection close. */
  abort(): void {
    this.abortController?.abort();
  }

  async run({ request, format, parseEvent, idleTimeout, onUpdate }: StreamRun): Promise<StreamOutcome> {
    this.abortController?.abort();
    const controller = new AbortController();
    this.abortController = controller;
    this.setStatus('connecting');

    let parser: StreamParser;
    try {
      parser = new StreamParser(format || 'auto', { parseEvent });
    } catch (error) {
      return this.finish(controller, { status: 'error', error: new ChatError('protocol', String((error as Error).message)).toInfo() });
    }

    const timing = new StreamTiming();
    // Set by the stream's own terminal event; the request is then aborted to free the connection.
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
          this.scheduleFrame();
          break;
        default:
          this.scheduleFrame();
      }
      onUpdate(update);
      if (outcome) controller.abort();
    };

    try {
      const end = await streamRequest(
        request,
        {
          onOpen: (opened, framing) => {
            response = opened;
            parser.begin(framing, opened.headers);
            this.setStatus('streaming');
          },
          onMessage: (message) => {
            messages += 1;
            for (const update of parser.push(message)) deliver(update);
          },
        },
        controller.signal,
        { idleTimeout },
      );
      if (outcome) return this.finish(controller, outcome, timing);
      if (end.kind === 'aborted') return this.finish(controller, { status: 'cancelled' }, timing);
      if (end.kind === 'json') {
        const text = textFromJsonAnswer(end.value);
        if (text === undefined) {
          throw new ChatError('protocol', 'The server answered with JSON that holds no message');
        }
        deliver({ type: 'text', text });
        deliver({ type: 'done', conversationId: conversationIdOf(end.value) });
        return this.finish(controller, outcome ?? { status: 'complete' }, timing);
      }
      if (parser.requiresTerminal) {
        throw new ChatError('interrupted', 'The answer was cut off: the stream ended before the server finished it');
      }
      if (!parser.format) throw unreadableAnswer(response ? mediaType(response) : '', messages, response?.status);
      return this.finish(controller, { status: 'complete', conversationId }, timing);
    } catch (error) {
      const info = error instanceof ChatError
        ? error.toInfo()
        : { kind: 'protocol' as const, message: `The answer could not be read: ${String((error as Error)?.message ?? error)}` };
      return this.finish(controller, { status: 'error', error: info }, timing);
    }
  }

  private finish(controller: AbortController, outcome: StreamOutcome, timing?: StreamTiming): StreamOutcome {
    if (timing) outcome.stats = timing.stats();
    // A newer run may have replaced this one; only the current run owns the status.
    if (this.abortController === controller) {
      this.abortController = undefined;
      this.setStatus(outcome.status === 'complete' ? 'done' : outcome.status);
    }
    return outcome;
  }

  private setStatus(status: StreamStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  private scheduleFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.host.requestUpdate();
    });
  }
}

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

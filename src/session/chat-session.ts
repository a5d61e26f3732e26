import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyUpdate, createMessage, historyBefore, snapshot } from '../conversation/conversation.js';
import type { ChatMessage } from '../conversation/message.js';
import { clearConversation, loadConversation, saveConversation } from '../conversation/persistence.js';
import { emit } from '../events.js';
import { Cadence, whenDue } from '../frames.js';
import type { ParseEvent } from '../protocols/index.js';
import { whenRemoved } from '../removal.js';
import { ChatError } from '../transport/errors.js';
import { newIdempotencyKey } from '../transport/idempotency.js';
import type { ChatRequest } from '../transport/request.js';
import { streamAnswer, type StreamOutcome, type Transport } from '../transport/stream-answer.js';
import type { TextSource } from '../markdown/text-source.js';
import { GrowingText } from './growing-text.js';
import { prepareRequest, type RequestSettings } from './prepare-request.js';

/**
 * Where the round trip stands: `preparing` the request (headers, `prepareRequest`), `connecting`
 * (the request is made, no response yet), `streaming` (reading the answer), or `idle`. How an
 * answer ended is its message's status: `complete`, `cancelled` or `error`.
 */
export type SessionStatus = 'idle' | 'preparing' | 'connecting' | 'streaming';

/** Everything a round trip reads from its host, afresh for every run. */
export interface SessionSettings extends RequestSettings {
  format: string;
  parseEvent?: ParseEvent;
  idleTimeout: number;
  historyLimit: number;
  storageKey?: string;
}

/** The host: a Lit element in the page, or a stand-in in tests. Events are dispatched on it. */
export type SessionHost = ReactiveControllerHost & EventTarget & { readonly isConnected: boolean };

export interface SessionConfig {
  settings(): SessionSettings;
  /** Makes the request and reads the answer; `streamAnswer` unless a test brings its own. */
  transport?: Transport;
  /** Awaited before an answer's final event, so its listeners can read the rendered answer. */
  ready?(): Promise<unknown>;
  /** A question and its (empty) answer joined the conversation. */
  answering?(): void;
  /** An answer completed, just before `stream-chat-complete`. */
  completed?(answer: ChatMessage): void;
  /** An answer was stopped, just before `stream-chat-cancel`. */
  cancelled?(answer: ChatMessage): void;
}

/**
 * The owner of the conversation and of every round trip, shaped like `@lit/task`: one key per run
 * (a later send or `cancel()` supersedes an earlier one at any await), one status vocabulary, one
 * AbortController per run covering preparation, connection and streaming, an abort when the host
 * leaves the page, and `host.requestUpdate()` on every change (at most every other frame while text
 * streams). Send, Retry, Regenerate and `cancel()` all go through here, so the events come in the
 * same order on every path: the answer being replaced ends (its `stream-chat-cancel` fired) before
 * the next `stream-chat-send`. Messages are never changed in place: an update replaces the answer
 * with a new object, so a message's identity says whether it needs rendering again.
 */
export class ChatSession implements ReactiveController {
  status: SessionStatus = 'idle';
  private readonly host: SessionHost;
  private readonly config: SessionConfig;
  private conversation: ChatMessage[] = [];
  private id?: string;
  /** The name the server gave the id (`session_id`, `thread_id`, ...), under which it goes back. */
  private idField?: string;
  /** Claimed by every start and by `cancel()`; a run that no longer holds it gives up. */
  private key = 0;
  private abortController?: AbortController;
  /** The round trip under way, so the next one can wait for it to end. */
  private trip?: Promise<void>;
  /** Cancels the host update for streaming text that waits for its frame, if one does. */
  private cancelFrame?: () => void;
  /** When streaming text may next re-render the host (frames.ts); the markdown view shows what each render hands it. */
  private readonly textCadence = new Cadence();
  /** How much of the live answer's text the last update showed: what an update adds sets the cadence. */
  private shownLength = 0;
  /** The idempotency key each question (by id) was last sent with, for Retry to send again. */
  private readonly idempotencyKeys = new Map<string, string>();
  /**
   * The answer streaming now: its latest version, and its text in the pieces it arrived in
   * (growing-text.ts), which may be ahead of that version's (see `takeText`).
   */
  private live?: { answer: ChatMessage; text: GrowingText };

  constructor(host: SessionHost, config: SessionConfig) {
    this.host = host;
    this.config = config;
    host.addController(this);
  }

  /** The conversation, as the view renders it. Treat it as read-only. */
  get messages(): readonly ChatMessage[] {
    this.takeText();
    return this.conversation;
  }

  /** The conversation id the server assigned; sent back with every request. */
  get conversationId(): string | undefined {
    return this.id;
  }
  set conversationId(value: string | undefined) {
    this.id = value;
  }

  /** Takes a conversation id the server sent, and the name it sent it under. */
  private learnId(update: { id: string; field?: string }): void {
    this.id = update.id;
    this.idField = update.field ?? this.idField;
  }

  /**
   * What the view reads an answer's text from: while it streams, the pieces it arrived in, of which
   * reading what is new costs only that (growing-text.ts); its `content` otherwise.
   */
  textOf(message: ChatMessage): TextSource {
    const live = this.live;
    return message.status === 'streaming' && live?.answer.id === message.id && live.text.length === message.content.length ? live.text : message.content;
  }

  /** True while a request is being prepared, made or read. */
  get busy(): boolean {
    return this.status !== 'idle';
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.handlePageHide);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.handlePageHide);
    // Moving is not removing: only a host still out of the document at the next frame stops its
    // run, which gives up or, if its answer exists, ends as cancelled.
    whenRemoved(this.host, () => {
      this.key += 1;
      this.abortController?.abort();
      this.cancelFrame?.();
      this.cancelFrame = undefined;
    });
  }

  /**
   * Sends `content` as a new question. Resolves when its answer has ended, however it ended; never
   * rejects. An answer under way is stopped first. `sent` runs once the send goes ahead.
   */
  send(content: string, sent?: () => void): Promise<void> {
    return this.start(createMessage('user', content), sent);
  }

  /**
   * Re-sends the question `answer` belonged to, replacing `answer`. Nothing while busy. Retry sends
   * the same request again (its idempotency key too); Regenerate (`sameRequest` false) a new one.
   */
  async retry(answer: ChatMessage, sameRequest = true): Promise<void> {
    if (this.busy) return;
    const index = this.indexOf(answer);
    const user = this.conversation[index - 1];
    if (index < 1 || user?.role !== 'user') return;
    this.conversation = this.conversation.filter((_, i) => i !== index);
    await this.start(user, undefined, sameRequest);
  }

  /** Retries the last answer, unless a `stream-chat-regenerate` listener cancels. */
  async regenerate(answer: ChatMessage): Promise<void> {
    if (this.busy || this.conversation.at(-1)?.id !== answer.id) return;
    if (!emit(this.host, 'stream-chat-regenerate', { message: snapshot(answer) }, { cancelable: true })) return;
    await this.retry(answer, false);
  }

  /** Stops the run under way in whatever phase it is; an answer that exists ends as cancelled. */
  cancel(): void {
    this.key += 1;
    this.abortController?.abort();
  }

  /** Replaces the conversation (stopping any answer) and saves it. */
  replace(messages: ChatMessage[]): void {
    this.cancel();
    this.conversation = messages;
    this.persist();
    this.host.requestUpdate();
  }

  /** Stops any answer and forgets the conversation and its id, in storage too. */
  clear(): void {
    this.cancel();
    this.conversation = [];
    this.id = undefined;
    this.idField = undefined;
    this.idempotencyKeys.clear();
    const { storageKey } = this.config.settings();
    if (storageKey) clearConversation(storageKey);
    this.host.requestUpdate();
  }

  /** Takes up the conversation saved under `storageKey`, if one is; says whether one was. */
  restore(storageKey: string): boolean {
    const saved = loadConversation(storageKey);
    if (!saved) return false;
    this.cancel();
    this.conversation = saved.messages;
    this.id = saved.conversationId;
    this.idField = saved.conversationIdField;
    this.host.requestUpdate();
    return true;
  }

  /** Writes the conversation to storage, when `storage-key` asks for it; never throws. */
  persist(): void {
    const { storageKey } = this.config.settings();
    if (storageKey) {
      this.takeText();
      saveConversation(storageKey, { messages: this.conversation, conversationId: this.id, conversationIdField: this.idField });
    }
  }

  // The page is going away (reload, close, navigation) mid-answer: keep what has arrived so far;
  // it comes back marked interrupted, with a retry.
  private readonly handlePageHide = (): void => {
    if (this.busy) this.persist();
  };

  private async start(user: ChatMessage, sent?: () => void, sameRequest = false): Promise<void> {
    this.cancel();
    const key = this.key;
    // The answer being replaced ends before this one begins, so two answers never stream at once.
    await this.trip;
    if (key !== this.key) return;
    const trip = this.run(user, key, sent, sameRequest);
    this.trip = trip;
    await trip;
  }

  /**
   * One round trip: prepare the request, let listeners veto it, then stream the answer into a new
   * assistant message. The question joins the conversation only once the send goes ahead, so a
   * vetoed or stopped send leaves the composer as it was.
   */
  private async run(user: ChatMessage, key: number, sent?: () => void, sameRequest = false): Promise<void> {
    const abort = new AbortController();
    this.abortController = abort;
    this.setStatus('preparing');
    const settings = this.config.settings();
    const ready = this.config.ready?.();
    const existing = this.indexOf(user);
    const position = existing === -1 ? this.conversation.length : existing;
    const idempotencyKey = (sameRequest && this.idempotencyKeys.get(user.id)) || newIdempotencyKey();
    this.idempotencyKeys.set(user.id, idempotencyKey);

    let request: ChatRequest | undefined;
    let failure: ChatError | undefined;
    try {
      request = await prepareRequest(
        settings,
        {
          message: user.content,
          history: historyBefore(this.conversation, position, settings.historyLimit),
          conversationId: this.id,
          conversationIdField: this.idField,
          idempotencyKey,
        },
        abort.signal,
      );
    } catch (error) {
      failure = error instanceof ChatError ? error : new ChatError('request', `The request could not be prepared: ${String(error)}`);
    }
    if (abort.signal.aborted || key !== this.key || !this.host.isConnected) return this.end(abort);
    if (request && !emit(this.host, 'stream-chat-send', { message: snapshot(user), request }, { cancelable: true })) {
      return this.end(abort);
    }

    const live = { answer: createMessage('assistant', '', 'streaming'), text: new GrowingText() };
    this.live = live;
    this.shownLength = 0;
    const next = existing === -1 ? [...this.conversation, user] : [...this.conversation];
    next.splice(position + 1, 0, live.answer);
    this.conversation = next;
    sent?.();
    this.config.answering?.();
    // The question is saved as soon as it is sent: a reload mid-answer brings it back, its answer interrupted.
    this.persist();

    let outcome: StreamOutcome;
    if (request) {
      this.setStatus('connecting');
      outcome = await (this.config.transport ?? streamAnswer)(request, {
        format: settings.format,
        parseEvent: settings.parseEvent,
        idleTimeout: settings.idleTimeout,
        signal: abort.signal,
        onOpen: () => this.setStatus('streaming'),
        onUpdate: (update) => {
          if (update.type === 'text') {
            // Text is gathered, and goes into the answer when something reads it (`takeText`).
            live.text.append(update.text);
          } else {
            // Rare (tools, sources, the end): every version put in the conversation has all the text before it.
            this.takeText();
            if (update.type === 'conversation') this.learnId(update);
            live.answer = applyUpdate(live.answer, update);
            this.put(live.answer);
          }
          this.scheduleFrame();
        },
        // After the answer completed: kept on it (never shown) and saved with it.
        onTrailing: (event, updates) => {
          for (const update of updates) if (update.type === 'conversation') this.learnId(update);
          const current = this.conversation.find((m) => m.id === live.answer.id);
          if (current) this.put({ ...current, trailing: [...(current.trailing ?? []), event] });
          this.persist();
        },
      });
    } else {
      outcome = { status: 'error', error: (failure ?? new ChatError('request', 'No request')).toInfo() };
    }
    this.takeText();
    this.end(abort);
    // Listeners of the final event may read the rendered answer.
    if (request) await ready?.catch(() => undefined);
    await this.settle(live.answer, outcome);
  }

  /**
   * Records how `answer` ended, saves, and tells the page once the host has rendered it (its last
   * text in, the cursor gone; a backlog the view is still catching up with goes on over the next
   * frames). An answer the conversation no longer holds (replaced or cleared meanwhile) is
   * reported all the same.
   */
  private async settle(streamed: ChatMessage, outcome: StreamOutcome): Promise<void> {
    // What trailed the terminal event may already be on the conversation's copy.
    const trailing = this.conversation.find((m) => m.id === streamed.id)?.trailing;
    const answer: ChatMessage = { ...streamed, ...(trailing && { trailing }), status: outcome.status };
    if (this.live?.answer.id === answer.id) this.live = undefined;
    if (outcome.stats) answer.stats = outcome.stats;
    if (outcome.status === 'error') answer.error = outcome.error;
    this.put(answer);
    if (outcome.status === 'complete' && outcome.conversationId) this.id = outcome.conversationId;
    this.persist();
    this.host.requestUpdate();
    // The text the last frame had not shown yet, and the end of the answer, reach the DOM in that
    // update: a listener of the final event reads the answer as the user sees it.
    await this.host.updateComplete;
    if (outcome.status === 'complete') {
      this.config.completed?.(answer);
      emit(this.host, 'stream-chat-complete', {
        message: snapshot(answer),
        conversationId: this.id,
        stats: { ...(outcome.stats ?? { duration: 0, tokens: 0 }) },
      });
    } else if (outcome.status === 'error') {
      emit(this.host, 'stream-chat-error', { error: { ...outcome.error }, message: snapshot(answer) });
    } else {
      this.config.cancelled?.(answer);
      emit(this.host, 'stream-chat-cancel', { message: snapshot(answer) });
    }
  }

  /** The run is over: the session is idle again, unless a newer run has begun meanwhile. */
  private end(abort: AbortController): void {
    if (this.abortController !== abort) return;
    this.abortController = undefined;
    this.setStatus('idle');
  }

  /**
   * Makes the streaming answer's new version with the text that arrived since the last, and puts
   * it in the conversation. Text events are not applied one by one: a burst is tens of thousands of
   * them (a 100 KB answer token by token is 26,000), and each made a new message and a new copy of
   * the conversation array, work nothing reads before the next render; the conversation is read
   * through `messages` (and saved, and settled), each of which takes the text first.
   */
  private takeText(): void {
    const live = this.live;
    const taken = live?.answer.content.length ?? 0;
    if (!live || live.text.length === taken) return;
    live.answer = applyUpdate(live.answer, { type: 'text', text: live.text.slice(taken) });
    this.put(live.answer);
  }

  /** Puts the new version of a message in place of its old one, if it is still in the conversation. */
  private put(message: ChatMessage): void {
    // From the end: a streamed answer is put at every render, and is the last message or near it
    // (searched from the start, each one after 500 restored messages read them all).
    let index = this.conversation.length - 1;
    while (index >= 0 && this.conversation[index].id !== message.id) index -= 1;
    if (index === -1 || this.conversation[index] === message) return;
    this.conversation = this.conversation.slice();
    this.conversation[index] = message;
  }

  private indexOf(message: ChatMessage): number {
    return this.conversation.findIndex((m) => m.id === message.id);
  }

  private setStatus(status: SessionStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  private scheduleFrame(): void {
    if (this.cancelFrame) return;
    // The element re-renders for streaming text at the cadence of frames.ts, and the markdown view
    // shows what each render hands it. The first update of an answer goes out in the frame after
    // its first event.
    this.cancelFrame = whenDue(this.textCadence.wait(performance.now()), () => {
      this.cancelFrame = undefined;
      const now = performance.now();
      if (this.textCadence.wait(now) > 0) {
        this.scheduleFrame();
        return;
      }
      const shown = this.live?.text.length ?? 0;
      this.textCadence.went(now, shown - this.shownLength);
      this.shownLength = shown;
      this.host.requestUpdate();
    });
  }
}

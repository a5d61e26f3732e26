import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  applyUpdate,
  createMessage,
  historyBefore,
  normalizeMessages,
  snapshot,
} from './conversation/conversation.js';
import type { ChatMessage } from './conversation/message.js';
import { clearConversation, loadConversation, saveConversation } from './conversation/persistence.js';
import { emit } from './events.js';
import { defaultLabels, type StreamChatLabels } from './labels.js';
import { copyCodeBlock, copyText } from './markdown/code-blocks.js';
import { loadImagePlaceholder } from './markdown/images.js';
import { loadMarkdown } from './markdown/markdown-directive.js';
import { renderMessage, type MessageContext } from './message-templates.js';
import type { ParseEvent } from './protocols/index.js';
import { ScrollFollowController } from './scroll-follow.js';
import { styles } from './stream-chat.styles.js';
import { ChatError } from './transport/errors.js';
import {
  buildRequest,
  resolveHeaders,
  type ChatRequest,
  type HeadersSource,
  type PrepareRequest,
  type RequestFormat,
} from './transport/request.js';
import { StreamController, type StreamOutcome } from './transport/stream-controller.js';

const chatIcon = svg`<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A1.5 1.5 0 0 1 4 14.5z" fill="currentColor"/>`;
const closeIcon = svg`<path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`;
const sendIcon = svg`<path d="M12 19V5M5 12l7-7 7 7" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`;
const stopIcon = svg`<rect x="7" y="7" width="10" height="10" rx="2" fill="currentColor"/>`;

/**
 * A chat that streams answers from a Server-Sent Events endpoint and renders them as sanitized,
 * highlighted markdown as they arrive.
 *
 * @summary Streaming LLM chat in one tag: POST a message, render the SSE answer token by token.
 *
 * @slot header - Above the conversation (a title, a model picker).
 * @slot empty - Shown before the first message, e.g. suggested prompts: an element with `data-prompt="..."` sends that prompt when clicked.
 * @slot footer - Below the composer (a disclaimer).
 *
 * @csspart header - The region of the `header` slot, above the conversation.
 * @csspart surface - The chat's box (border, background, rounded corners), inline or as the floating panel in launcher mode. It fills the element: size the element, style the box here.
 * @csspart launcher - The round button that opens the chat (launcher mode).
 * @csspart close-button - The panel's close button (launcher mode).
 * @csspart log - The scrolling conversation.
 * @csspart message - Every message (with `user-message` or `assistant-message`).
 * @csspart user-message - A message the user sent.
 * @csspart assistant-message - An answer.
 * @csspart bubble - The body of a message.
 * @csspart code-block - A fenced code block, header included.
 * @csspart copy-button - The Copy button of a code block.
 * @csspart tool-badge - A tool call announced by the backend.
 * @csspart image-placeholder - The link shown instead of an image in an answer; clicking it loads the image.
 * @csspart image - An image in an answer.
 * @csspart reasoning - The collapsible "Thinking" section with the model's reasoning.
 * @csspart sources - The list of sources under an answer.
 * @csspart notice - A note under an answer ("Stopped", "Answer cut off").
 * @csspart stats - Timing under an answer (with `show-stats`).
 * @csspart actions - The buttons under a finished answer.
 * @csspart copy-answer-button - Copies an answer's markdown.
 * @csspart regenerate-button - Re-sends the last question, replacing the last answer.
 * @csspart error - The error shown under a failed answer.
 * @csspart retry-button - The button that re-sends a failed message.
 * @csspart composer - The message form.
 * @csspart input - The message textarea.
 * @csspart send-button - The send button (idle).
 * @csspart stop-button - The same button while an answer streams.
 *
 * @cssprop [--stream-chat-accent=#0969da] - Accent: send button, links, cursor, focus ring.
 * @cssprop [--stream-chat-accent-text-color=#ffffff] - Text and icons on the accent colour.
 * @cssprop [--stream-chat-background=#ffffff] - Background of the widget.
 * @cssprop [--stream-chat-text-color=#1f2328] - Main text colour.
 * @cssprop [--stream-chat-muted-color=#59636e] - Secondary text: placeholders, notes, code headers.
 * @cssprop [--stream-chat-border-color=#d1d9e0] - Borders and dividers.
 * @cssprop [--stream-chat-font-family=system-ui] - Font of the widget.
 * @cssprop [--stream-chat-font-size=15px] - Base font size.
 * @cssprop [--stream-chat-radius=12px] - Corner radius of the widget, bubbles and composer.
 * @cssprop [--stream-chat-spacing=16px] - Padding and gaps.
 * @cssprop [--stream-chat-user-background=#0969da] - Background of the user's bubbles.
 * @cssprop [--stream-chat-user-text-color=#ffffff] - Text colour of the user's bubbles.
 * @cssprop [--stream-chat-assistant-background=transparent] - Background of answers.
 * @cssprop [--stream-chat-assistant-text-color=#1f2328] - Text colour of answers.
 * @cssprop [--stream-chat-code-background=#f6f8fa] - Background of code blocks.
 * @cssprop [--stream-chat-code-text-color=#1f2328] - Text colour of code blocks.
 * @cssprop [--stream-chat-code-font-family=ui-monospace] - Font of code.
 * @cssprop [--stream-chat-error-color=#d1242f] - Colour of error messages.
 * @cssprop [--stream-chat-error-background=#fff5f5] - Background of error messages.
 * @cssprop [--stream-chat-success-color=#1a7f37] - A finished tool's dot.
 * @cssprop [--stream-chat-surface-color=#f6f8fa] - Table headers, tool badges, hovered buttons.
 * @cssprop [--stream-chat-inline-code-background=rgba(129,139,152,0.15)] - Background of inline code.
 * @cssprop [--stream-chat-shadow-color=rgba(0,0,0,0.25)] - Shadow of the launcher and its panel.
 * @cssprop [--stream-chat-code-keyword-color=#cf222e] - Code theme: keywords (dark theme defaults follow GitHub dark).
 * @cssprop [--stream-chat-code-title-color=#8250df] - Code theme: function and class names.
 * @cssprop [--stream-chat-code-string-color=#0a3069] - Code theme: strings.
 * @cssprop [--stream-chat-code-number-color=#0550ae] - Code theme: numbers, literals, attributes.
 * @cssprop [--stream-chat-code-comment-color=#59636e] - Code theme: comments.
 * @cssprop [--stream-chat-code-builtin-color=#953800] - Code theme: built-ins and parameters.
 * @cssprop [--stream-chat-code-tag-color=#116329] - Code theme: tags and selectors.
 * @cssprop [--stream-chat-launcher-offset=20px] - Distance of the launcher from the viewport's corner.
 * @cssprop [--stream-chat-panel-width=min(400px, 100vw - 40px)] - Width of the launcher's panel.
 * @cssprop [--stream-chat-panel-height=min(640px, 100vh - 120px)] - Height of the launcher's panel.
 * @cssprop [--stream-chat-z-index=2147483000] - Stacking order of the launcher and its panel.
 *
 * @fires {CustomEvent<StreamChatSendDetail>} stream-chat-send - Before a request is made; cancelable. Detail: `{ message, request }`.
 * @fires {CustomEvent<StreamChatCompleteDetail>} stream-chat-complete - An answer finished. Detail: `{ message, conversationId?, stats: { timeToFirstToken?, duration, tokens, tokensPerSecond? } }`.
 * @fires {CustomEvent<StreamChatErrorDetail>} stream-chat-error - A request or stream failed. Detail: `{ error: { kind, message, status?, serverMessage?, retryAfter? }, message }`.
 * @fires {CustomEvent<StreamChatCopyDetail>} stream-chat-copy - An answer or a code block was copied. Detail: `{ message, text, source: 'answer' | 'code' }`.
 * @fires {CustomEvent<StreamChatRegenerateDetail>} stream-chat-regenerate - Before the last answer is regenerated; cancelable. Detail: `{ message }`.
 * @fires {CustomEvent<StreamChatCancelDetail>} stream-chat-cancel - An answer was stopped. Detail: `{ message }` (the partial answer).
 */
export class StreamChat extends LitElement {
  static override styles = styles;

  private readonly stream = new StreamController(this);
  private readonly follower = new ScrollFollowController(this);

  @query('.log') private log!: HTMLElement;

  @state() private conversation: ChatMessage[] = [];
  @state() private draft = '';
  /** The labels in force, the page's over English; merged when `labels` changes, not on every read. */
  private text: StreamChatLabels = defaultLabels;
  /** What the polite live region says: each finished answer once, and copy confirmations. */
  @state() private announcement = '';
  /** Bumped by cancel() and clear(), so a send still preparing its request knows to give up. */
  private generation = 0;
  /** What the buttons under a message do. */
  private readonly messageActions = {
    retry: (answer: ChatMessage) => void this.retry(answer),
    copy: (answer: ChatMessage) => void this.copyAnswer(answer),
    regenerate: (answer: ChatMessage) => void this.regenerate(answer),
  };
  /** The round trip under way, so a send that replaces it can wait for it to end first. */
  private roundTrip?: Promise<void>;

  /** The URL the user's messages are sent to. */
  @property() endpoint = '';

  /** The HTTP method. GET sends the body's fields as query parameters. */
  @property() method = 'POST';

  /** The wire format of the stream: `auto` (picked from the response headers and first events, then kept) or a format name to force: `openai`, `openai-responses`, `anthropic`, `ai-sdk`, `ai-data-stream`, `langserve`, `tgi`, `flowise`, `ollama`, `n8n`, `seeds`, `content`, `text`, `json-string`, `plain-text`. */
  @property() format = 'auto';

  /** Placeholder text of the composer; `labels.placeholder` when empty. */
  @property() placeholder = '';

  /** How many earlier messages are sent along with each new one as `messages`. */
  @property({ attribute: 'history-limit', type: Number }) historyLimit = 10;

  /** Disables the composer; nothing can be sent. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Shape of the request body: `default` (`{ message, messages, ... }`) or `openai` (`{ model, stream: true, messages }` for an OpenAI-compatible `/v1/chat/completions`). */
  @property({ attribute: 'request-format' }) requestFormat: RequestFormat = 'default';

  /** The model name sent with `request-format="openai"`. */
  @property() model?: string;

  /** A system prompt sent first with `request-format="openai"`. */
  @property({ attribute: 'system-prompt' }) systemPrompt?: string;

  /** Sent as `Authorization: Bearer <key>`. Anything in the page is public: use it only for keys meant to be public or local servers; put real keys behind a server-side proxy. */
  @property({ attribute: 'api-key' }) apiKey?: string;

  /** Which images in answers load: `none` (default: a placeholder link the user clicks to load each one), `*` for all, or a space-separated list of allowed origins. A remote image is a request the model chose, which can carry data out. */
  @property() images = 'none';

  /** Raw HTML in answers: `escape` (default: shown as text) or `sanitize` (rendered through the chat sanitizer policy). */
  @property() html: 'escape' | 'sanitize' = 'escape';

  /** Milliseconds without any byte from the server (keep-alive comments count) after which the answer ends with an error. Off by default. */
  @property({ attribute: 'idle-timeout', type: Number }) idleTimeout = 0;

  /** Whether cookies go with the request: `omit`, `same-origin` (default) or `include`. */
  @property() credentials: RequestCredentials = 'same-origin';

  /** Keeps the conversation (and conversation id) in `localStorage` under this key, so it survives a reload: saved after every message, restored when the element starts. Off by default. */
  @property({ attribute: 'storage-key' }) storageKey?: string;

  /** Shows time to first token, duration and tokens per second under each answer. */
  @property({ attribute: 'show-stats', type: Boolean }) showStats = false;

  /** Layout: `inline` (fills its container) or `launcher` (a round button in a corner that opens the chat as a panel; full screen on small viewports). */
  @property({ reflect: true }) mode: 'inline' | 'launcher' = 'inline';

  /** Whether the launcher's panel is open (launcher mode). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Colour theme: `light`, `dark`, or `auto` to follow the operating system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** Extra request headers: an object or `Headers`, or a function returning one (or a promise of one), called before every request. */
  @property({ attribute: false }) headers?: HeadersSource;

  /** Extra JSON fields merged into every request body, e.g. `{ run_id: 5, model: "gpt-4o" }`. */
  @property({ attribute: false }) body?: Record<string, unknown>;

  /** Maps each event of a stream no built-in format understands: `({ event, data, id }) => text | update | update[] | null` (null skips the event). */
  @property({ attribute: false }) parseEvent?: ParseEvent;

  /** A hook that may rewrite the request (url, method, headers, body) before it is sent. */
  @property({ attribute: false }) prepareRequest?: PrepareRequest;

  /** The conversation id the server assigned (from `session_info`, `done` events and the like); sent back as `conversation_id`. */
  @property({ attribute: false }) conversationId?: string;

  /** The conversation: `{ id, role, content, status, tools?, warnings?, error? }` objects, `content` being raw markdown. Assign to restore one. */
  get messages(): ChatMessage[] {
    return this.conversation.map(snapshot);
  }
  set messages(value: ChatMessage[]) {
    this.cancel();
    this.conversation = normalizeMessages(value);
    if (this.conversation.length) void loadMarkdown();
    this.persist();
  }

  /** Every string the widget shows or announces, to translate or rebrand it: a partial `StreamChatLabels` object (or, as an attribute, its JSON without the function-valued labels); what is left out stays English. */
  @property({ type: Object }) labels: Partial<StreamChatLabels> = {};


  /** Whether an answer is being prepared or streamed. */
  get busy(): boolean {
    return this.stream.busy;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.handlePageHide);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.handlePageHide);
    super.disconnectedCallback();
    // The controller aborts the request; the pending send() then resolves as cancelled.
    this.generation += 1;
  }

  /**
   * Sends `text`, or the composer's text when omitted. Resolves when the answer has ended, however
   * it ended; never rejects. A send while an answer streams stops that answer first.
   */
  async send(text?: string): Promise<void> {
    const fromComposer = text === undefined;
    const content = text ?? this.draft;
    if (!content.trim() || this.disabled) return;
    if (this.stream.busy) {
      if (fromComposer) return;
      this.cancel();
    }
    // The answer being replaced ends (cancelled, its event fired) before the new one begins, so two
    // answers never stream at once; a later send or cancel() meanwhile supersedes this one.
    const generation = this.generation;
    await this.roundTrip;
    if (generation !== this.generation) return;
    const trip = this.ask(createMessage('user', content), fromComposer);
    this.roundTrip = trip;
    await trip;
  }

  /** Stops the current answer; what arrived so far is kept, marked cancelled. */
  cancel(): void {
    this.generation += 1;
    if (this.stream.busy) this.stream.abort();
  }

  /** Stops any answer and empties the conversation (and forgets the conversation id). */
  clear(): void {
    this.cancel();
    this.conversation = [];
    this.conversationId = undefined;
    if (this.storageKey) clearConversation(this.storageKey);
    this.follower.follow();
  }

  /** Re-sends the user message an answer belonged to, replacing that answer. */
  private async retry(answer: ChatMessage): Promise<void> {
    if (this.stream.busy) return;
    const index = this.conversation.indexOf(answer);
    const user = this.conversation[index - 1];
    if (index < 1 || user?.role !== 'user') return;
    this.conversation = this.conversation.filter((m) => m !== answer);
    await this.ask(user, false);
  }

  /**
   * One round trip: prepare the request, let listeners veto it, then stream the answer into a new
   * assistant message. The user's message joins the conversation only once the send goes ahead,
   * so a vetoed send leaves the composer as it was.
   */
  private async ask(user: ChatMessage, fromComposer: boolean): Promise<void> {
    const generation = ++this.generation;
    // The renderer loads while the request is made; it is nearly always there before the first token.
    const renderer = loadMarkdown();
    this.stream.begin();
    const existing = this.conversation.indexOf(user);
    const position = existing === -1 ? this.conversation.length : existing;

    let request: ChatRequest | undefined;
    let failure: ChatError | undefined;
    try {
      const headers = await resolveHeaders(this.headers);
      if (this.apiKey && !headers.authorization) headers.authorization = `Bearer ${this.apiKey}`;
      request = buildRequest({
        endpoint: this.endpoint,
        method: this.method,
        headers,
        requestFormat: this.requestFormat,
        credentials: this.credentials,
        model: this.model,
        systemPrompt: this.systemPrompt,
        message: user.content,
        history: historyBefore(this.conversation, position, this.historyLimit),
        conversationId: this.conversationId,
        extraBody: this.body,
      });
      if (this.prepareRequest) request = (await this.prepareRequest(request)) ?? request;
    } catch (error) {
      failure = new ChatError('request', `The request could not be prepared: ${(error as Error)?.message ?? error}`);
    }
    if (generation !== this.generation || !this.isConnected) {
      this.stream.reset();
      return;
    }
    if (request && !emit(this, 'stream-chat-send', { message: snapshot(user), request }, { cancelable: true })) {
      this.stream.reset();
      return;
    }

    const answer = createMessage('assistant', '', 'streaming');
    const next = existing === -1 ? [...this.conversation, user] : [...this.conversation];
    next.splice(position + 1, 0, answer);
    this.conversation = next;
    this.follower.follow();
    if (fromComposer) this.draft = '';
    // The question is saved as soon as it is sent: a reload mid-answer brings it back, its answer interrupted.
    this.persist();

    if (!request) {
      this.stream.reset();
      this.settle(answer, { status: 'error', error: (failure ?? new ChatError('request', 'No request')).toInfo() });
      return;
    }
    const outcome = await this.stream.run({
      request,
      format: this.format,
      parseEvent: this.parseEvent,
      idleTimeout: this.idleTimeout,
      onUpdate: (update) => {
        if (update.type === 'conversation') this.conversationId = update.id;
        applyUpdate(answer, update);
      },
    });
    // Listeners of the final event may read the rendered answer.
    await renderer.catch(() => undefined);
    this.settle(answer, outcome);
  }

  /** Records how an answer ended and tells the page. */
  private settle(answer: ChatMessage, outcome: StreamOutcome): void {
    if (outcome.stats) answer.stats = outcome.stats;
    if (outcome.status === 'complete') {
      answer.status = 'complete';
      if (outcome.conversationId) this.conversationId = outcome.conversationId;
      this.persist();
      void this.announceAnswer(answer);
      emit(this, 'stream-chat-complete', {
        message: snapshot(answer),
        conversationId: this.conversationId,
        stats: { ...(outcome.stats ?? { duration: 0, tokens: 0 }) },
      });
    } else if (outcome.status === 'error') {
      answer.status = 'error';
      answer.error = outcome.error;
      this.persist();
      emit(this, 'stream-chat-error', { error: { ...outcome.error }, message: snapshot(answer) });
    } else {
      answer.status = 'cancelled';
      this.persist();
      emit(this, 'stream-chat-cancel', { message: snapshot(answer) });
    }
    this.requestUpdate();
  }

  /** Writes the conversation to storage, when `storage-key` asks for it; never throws. */
  private persist(): void {
    if (this.storageKey) {
      saveConversation(this.storageKey, { messages: this.conversation, conversationId: this.conversationId });
    }
  }

  // The page is going away (reload, close, navigation) mid-answer: keep what has arrived so far;
  // it comes back marked interrupted, with a retry.
  private handlePageHide = (): void => {
    if (this.stream.busy) this.persist();
  };

  private handleInput(event: Event): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send();
    } else if (event.key === 'Escape' && this.stream.busy) {
      event.preventDefault();
      this.cancel();
    }
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    if (this.stream.busy) this.cancel();
    else void this.send();
  }

  /** Re-sends the last user message, replacing the last answer, unless a listener cancels. */
  private async regenerate(answer: ChatMessage): Promise<void> {
    if (this.stream.busy || this.conversation.at(-1) !== answer) return;
    if (!emit(this, 'stream-chat-regenerate', { message: snapshot(answer) }, { cancelable: true })) return;
    await this.retry(answer);
  }

  private async copyAnswer(answer: ChatMessage): Promise<void> {
    try {
      await copyText(answer.content);
    } catch {
      this.announce(this.text.copyFailed);
      return;
    }
    this.announce(this.text.copied);
    emit(this, 'stream-chat-copy', { message: snapshot(answer), text: answer.content, source: 'answer' });
  }

  /** Reads a finished answer out once (its rendered text, not its markdown), never token by token. */
  private async announceAnswer(answer: ChatMessage): Promise<void> {
    await this.updateComplete;
    const rendered = this.renderRoot.querySelector(`[data-id="${answer.id}"] > .bubble > .markdown`);
    this.announce(`${this.text.answerReady} ${(rendered?.textContent ?? answer.content).trim()}`);
  }

  /** Says something once through the polite live region (cleared first, so a repeat is read again). */
  private announce(text: string): void {
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  /** Suggested prompts: any element in the `empty` slot with a `data-prompt` attribute sends it on click. */
  private handleEmptyClick(event: Event): void {
    const prompt = event
      .composedPath()
      .find((node): node is Element => node instanceof Element && node.hasAttribute('data-prompt'));
    if (prompt) void this.send(prompt.getAttribute('data-prompt') || prompt.textContent?.trim() || '');
  }

  /** Opens or closes the launcher's panel, moving focus into it or back to the launcher. */
  private async toggle(): Promise<void> {
    this.open = !this.open;
    await this.updateComplete;
    const target = this.open ? this.renderRoot.querySelector('textarea') : this.renderRoot.querySelector<HTMLElement>('.launcher');
    target?.focus();
    if (this.open) void loadMarkdown();
  }

  /** Escape closes the launcher's panel when no answer is streaming (while one is, it stops it). */
  private handleSurfaceKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.mode === 'launcher' && this.open && !this.stream.busy && !event.defaultPrevented) {
      event.preventDefault();
      void this.toggle();
    }
  }

  private handleLogClick(event: MouseEvent): void {
    const target = event.target as Element;
    const placeholder = target.closest?.('a.image-placeholder');
    if (placeholder instanceof HTMLAnchorElement) {
      // A plain click loads the image in place; modified clicks open it in a tab like any link.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      loadImagePlaceholder(placeholder);
      return;
    }
    const button = target.closest?.('.copy-button');
    if (button instanceof HTMLButtonElement) void this.copyCode(button);
  }

  private async copyCode(button: HTMLButtonElement): Promise<void> {
    const text = await copyCodeBlock(button, this.text);
    if (text === undefined) return;
    this.announce(this.text.copied);
    const id = button.closest('[data-id]')?.getAttribute('data-id');
    const message = this.conversation.find((m) => m.id === id);
    if (message) emit(this, 'stream-chat-copy', { message: snapshot(message), text, source: 'code' });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('labels')) this.text = { ...defaultLabels, ...this.labels };
    // Before the first render, so a restored conversation never flashes empty. A key with nothing
    // (valid) stored under it leaves the current conversation alone; it is saved there from now on.
    if (changed.has('storageKey') && this.storageKey) {
      const saved = loadConversation(this.storageKey);
      if (saved) {
        this.cancel();
        this.conversation = saved.messages;
        this.conversationId = saved.conversationId;
        if (saved.messages.length) void loadMarkdown();
      }
    }
  }

  protected override firstUpdated(): void {
    this.follower.attach(this.log);
  }

  override render() {
    if (this.mode !== 'launcher') return this.renderSurface();
    return html`
      <button
        type="button"
        class="launcher"
        part="launcher"
        aria-label=${this.open ? this.text.closeChat : this.text.openChat}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="surface"
        @click=${this.toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${this.open ? closeIcon : chatIcon}</svg>
      </button>
      ${this.renderSurface()}
    `;
  }

  private renderSurface() {
    const launcher = this.mode === 'launcher';
    return html`<div
      id="surface"
      class="surface"
      part="surface"
      role=${launcher ? 'dialog' : nothing}
      aria-label=${launcher ? this.text.conversation : nothing}
      @keydown=${this.handleSurfaceKeydown}
    >
      ${launcher
        ? html`<div class="panel-header">
            <button type="button" class="close-button" part="close-button" aria-label=${this.text.closeChat} @click=${this.toggle}>✕</button>
          </div>`
        : nothing}
      <div class="header" part="header"><slot name="header"></slot></div>
      <div
        class="log"
        part="log"
        role="log"
        aria-label=${this.text.conversation}
        aria-live="off"
        aria-busy=${this.stream.busy ? 'true' : 'false'}
        @click=${this.handleLogClick}
      >
        <div class="messages">${this.conversation.length ? this.renderMessages() : this.renderEmpty()}</div>
      </div>
      ${this.renderComposer()}
      <slot name="footer"></slot>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderEmpty() {
    return html`<div class="empty" @click=${this.handleEmptyClick}><slot name="empty">${this.text.empty}</slot></div>`;
  }

  private renderMessages() {
    // A finished message's template is not even re-evaluated while another one streams: the cost
    // of a frame stays that of the streaming answer, however long the conversation.
    return repeat(
      this.conversation,
      (m) => m.id,
      (m) =>
        guard(
          [
            m.content, m.reasoning, m.status, m.error, m.stats, m.finishReason, m.warnings?.length, m.sources?.length,
            m.tools?.map((t) => t.status).join(), this.showStats, this.labels, this.conversation.at(-1) === m && !this.stream.busy,
          ],
          () => renderMessage(m, this.messageContext(m)),
        ),
    );
  }

  private messageContext(m: ChatMessage): MessageContext {
    return {
      labels: this.text,
      markdown: { images: this.images, html: this.html, labels: this.text },
      showStats: this.showStats,
      canRegenerate: this.conversation.at(-1) === m && !this.stream.busy,
      ...this.messageActions,
    };
  }

  private renderComposer() {
    const busy = this.stream.busy;
    return html`<form class="composer" part="composer" @submit=${this.handleSubmit}>
      <label class="visually-hidden" for="input">${this.text.message}</label>
      <textarea
        id="input"
        class="input"
        part="input"
        rows="1"
        .value=${this.draft}
        placeholder=${this.placeholder || this.text.placeholder}
        ?disabled=${this.disabled}
        @input=${this.handleInput}
        @focus=${loadMarkdown}
        @keydown=${this.handleKeydown}
      ></textarea>
      <button
        type="submit"
        class="action"
        part=${busy ? 'stop-button' : 'send-button'}
        aria-label=${busy ? this.text.stop : this.text.send}
        title=${busy ? this.text.stop : this.text.send}
        ?disabled=${!busy && (this.disabled || !this.draft.trim())}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${busy ? stopIcon : sendIcon}</svg>
      </button>
    </form>`;
  }
}

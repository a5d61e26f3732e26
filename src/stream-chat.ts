import { LitElement, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { normalizeMessages, snapshot } from './conversation/conversation.js';
import type { ChatMessage } from './conversation/message.js';
import { jsonObjectAttribute } from './json-attribute.js';
import { FocusKeeper } from './focus-keeper.js';
import { defaultLabels, type StreamChatLabels } from './labels.js';
import { loadMarkdown, warmUpRendering } from './markdown/markdown-directive.js';
import { Composer } from './composer.js';
import { MessageGroups } from './message-groups.js';
import { renderMessages } from './message-templates.js';
import { PreloadController } from './markdown/preload.js';
import type { FormatName, ParseEvent } from './protocols/index.js';
import { Launcher } from './launcher.js';
import { LiveRegion } from './live-region.js';
import { LogActions } from './log-actions.js';
import { ScrollFollowController } from './scroll-follow.js';
import { ChatSession } from './session/chat-session.js';
import { styles } from './styles/index.js';
import { accessStyles } from './styles/access.js';
import { ThemeController } from './theme.js';
import { promptOf, renderSurface } from './surface-templates.js';
import type { HeadersSource, PrepareRequest, RequestFormat } from './transport/request.js';
import type { IdempotencyMode } from './transport/idempotency.js';

/**
 * A chat that streams answers from a Server-Sent Events endpoint and renders them as sanitized,
 * highlighted markdown as they arrive.
 *
 * @summary Streaming LLM chat in one tag: POST a message, render the SSE answer token by token.
 *
 * @slot header - Above the conversation (a title, a model picker); in launcher mode the panel's title (`labels.title`, "Chat", when empty), which names the panel.
 * @slot empty - Shown before the first message, centred in the log, e.g. suggested prompts: an element with `data-prompt="..."` sends that prompt when clicked.
 * @slot footer - Below the composer (a disclaimer).
 *
 * @csspart header - The region of the `header` slot, above the conversation; in launcher mode the panel's header bar (title and, at full screen, the close button).
 * @csspart surface - The chat's box (border, background, rounded corners), inline or as the floating panel in launcher mode. It fills the element: size the element, style the box here.
 * @csspart launcher - The round button that opens the chat (launcher mode).
 * @csspart close-button - The panel's close button (launcher mode), shown while the panel covers a small screen; otherwise the launcher button closes it.
 * @csspart log - The scrolling conversation.
 * @csspart empty - The empty state, centred in the log before the first message (holds the `empty` slot).
 * @csspart jump-button - "Jump to latest", shown when content was added below while the user reads higher up.
 * @csspart message - Every message (with `user-message` or `assistant-message`).
 * @csspart user-message - A message the user sent.
 * @csspart assistant-message - An answer.
 * @csspart bubble - The body of a message.
 * @csspart code-block - A fenced code block, header included.
 * @csspart copy-button - The Copy button of a code block.
 * @csspart tool-badge - A tool call announced by the backend.
 * @csspart image-placeholder - The link shown instead of an image in an answer; clicking it loads the image.
 * @csspart image - An image in an answer.
 * @csspart link-host - The real host shown after a link whose text names another address.
 * @csspart reasoning - The collapsible "Thinking" section with the model's reasoning.
 * @csspart sources - The list of sources under an answer.
 * @csspart notice - The state of an answer: `data-kind="cut-off"` ("Answer cut off", also a content filter's stop), `data-kind="stopped"`, or `data-kind="plain-text"` (shown unformatted because the markdown renderer could not load; formatted once it does).
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
 * @cssprop [--stream-chat-shadow-color=rgba(0,0,0,0.25)] - Shadow of the launcher, its panel and the jump-to-latest button.
 * @cssprop [--stream-chat-notice-color=#9a6700] - The rule and icon of an "Answer cut off" notice (dark: #d29922).
 * @cssprop [--stream-chat-notice-background=#fff8c5] - The background of an "Answer cut off" notice (dark: a translucent amber).
 * @cssprop [--stream-chat-empty-color=#59636e] - Text of the empty state (defaults to the muted colour).
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
 * @fires {CustomEvent<StreamChatCompleteDetail>} stream-chat-complete - An answer finished; fired after the element rendered its end (last text in, cursor gone), so a listener reads the answer as shown (a backlog still being caught up with goes on over the next frames). Detail: `{ message, conversationId?, stats: { timeToFirstToken?, duration, tokens, tokensPerSecond? } }`.
 * @fires {CustomEvent<StreamChatErrorDetail>} stream-chat-error - A request or stream failed. Detail: `{ error: { kind, message, status?, serverMessage?, retryAfter? }, message }`.
 * @fires {CustomEvent<StreamChatCopyDetail>} stream-chat-copy - An answer or a code block was copied. Detail: `{ message, text, source: 'answer' | 'code' }`.
 * @fires {CustomEvent<StreamChatRegenerateDetail>} stream-chat-regenerate - Before the last answer is regenerated; cancelable. Detail: `{ message }`.
 * @fires {CustomEvent<StreamChatCancelDetail>} stream-chat-cancel - An answer was stopped. Detail: `{ message }` (the partial answer).
 */
export class StreamChat extends LitElement {
  static override styles = [styles, ...accessStyles];

  // The renderer loads while the request is prepared; it is nearly always there before the first token.
  private readonly session = new ChatSession(this, {
    settings: () => this,
    ready: loadMarkdown,
    answering: () => this.follower.follow(),
    completed: (answer) => this.announceAnswer(answer),
    cancelled: () => this.live.say(this.text.stopped),
  });
  private readonly follower = new ScrollFollowController(this);
  /** Which earlier messages are shown in which group (message-groups.ts). */
  private readonly groups = new MessageGroups();
  private readonly live = new LiveRegion(this);
  /** Copy buttons and image placeholders in the log. */
  private readonly actions = new LogActions(this, this.live, () => this.text, () => this.session.messages);
  private readonly composer = new Composer(this);
  private readonly launcher = new Launcher(this, loadMarkdown);
  /** Loads the markdown engine once the element is visible and the browser idle, then warms up its first render. */
  protected readonly preload = new PreloadController(this, loadMarkdown, () => warmUpRendering(this.renderRoot as ShadowRoot));

  @query('.log') private log!: HTMLElement;

  constructor() {
    super();
    // They register themselves: focus never falls to the page; theme="auto" follows the page.
    new FocusKeeper(this);
    new ThemeController(this, this.attachInternals());
  }

  /** The labels in force, the page's over English; merged when `labels` changes, not on every read. */
  private text: StreamChatLabels = defaultLabels;
  /** What the buttons under a message do. */
  private readonly messageActions = {
    retry: (answer: ChatMessage) => void this.session.retry(answer),
    copy: this.actions.copyAnswer,
    regenerate: (answer: ChatMessage) => void this.session.regenerate(answer),
  };

  /** The URL the user's messages are sent to. */
  @property() endpoint = '';
  /** The HTTP method. GET sends the body's fields as query parameters. */
  @property() method = 'POST';
  /** The wire format of the stream: `auto` (picked from the response headers and first events, then kept) or a format name to force: `openai`, `openai-responses`, `anthropic`, `ai-sdk`, `ai-data-stream`, `langchain-events`, `langserve`, `tgi`, `flowise`, `ollama`, `n8n`, `seeds`, `content`, `text`, `json-string`, `plain-text`. */
  @property() format: FormatName = 'auto';
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
  /** Where each message's idempotency key goes, so a server can drop copies of one request the browser or a proxy re-sent: `auto` (default: the `Idempotency-Key` header to a same-origin endpoint; to another origin, which would have to allow the header for CORS, the `idempotency_key` body field, except with `request-format="openai"`), `header`, `body`, `both`, or `off`. Retry sends the same key again; a new message and Regenerate get a new one. */
  @property() idempotency: IdempotencyMode = 'auto';
  /** Keeps the conversation (and conversation id) in `localStorage` under this key, so it survives a reload: saved after every message, restored when the element starts. Off by default. */
  @property({ attribute: 'storage-key' }) storageKey?: string;
  /** Shows time to first token, duration and tokens per second under each answer. */
  @property({ attribute: 'show-stats', type: Boolean }) showStats = false;
  /** Layout: `inline` (fills its container) or `launcher` (a round button in a corner that opens the chat as a panel; full screen on small viewports). */
  @property({ reflect: true }) mode: 'inline' | 'launcher' = 'inline';
  /** Whether the launcher's panel is open (launcher mode). */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Colour theme: `light`, `dark`, or `auto` (default) to follow the host page: its `color-scheme` where the element sits (or its `<meta name="color-scheme">`); a page declaring only `dark` gets dark, nothing or only `light` gets light, and `light dark` leaves it to the operating system's preference. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';
  /** Extra request headers: an object or `Headers`, or a function returning one (or a promise of one), called before every request. As an attribute, a JSON object: `headers='{"X-Api-Key": "..."}'`. */
  @property({ converter: jsonObjectAttribute('headers') }) headers?: HeadersSource;
  /** Extra JSON fields merged into every request body, e.g. `{ run_id: 5, model: "gpt-4o" }`; as an attribute, its JSON: `body='{"provider": "openai"}'`. An attribute that is not a JSON object logs a console error, and sending fails (no request) until it is fixed. */
  @property({ converter: jsonObjectAttribute('body') }) body?: Record<string, unknown>;
  /** Forces the request field the conversation id is sent back in, e.g. `session_id`, whatever name the server used. */
  @property({ attribute: 'conversation-id-field' }) conversationIdField?: string;
  /** Maps each event of a stream no built-in format understands: `({ event, data, id }) => text | update | update[] | null` (null skips the event). */
  @property({ attribute: false }) parseEvent?: ParseEvent;
  /** A hook that may rewrite the request (url, method, headers, body) before it is sent. */
  @property({ attribute: false }) prepareRequest?: PrepareRequest;

  /** The conversation id the server assigned (from `session_info`, `done` events and the like); sent back under the name the server gave it (`session_id`, `conversation_id`, `conversationId`, `thread_id`, `chatId`, ...), `conversation_id` when it gave none. */
  get conversationId(): string | undefined {
    return this.session.conversationId;
  }
  set conversationId(value: string | undefined) {
    this.session.conversationId = value;
  }

  /** The conversation: `{ id, role, content, status, tools?, warnings?, error? }` objects, `content` being raw markdown. Assign to restore one. */
  get messages(): ChatMessage[] {
    return this.session.messages.map(snapshot);
  }
  set messages(value: ChatMessage[]) {
    this.session.replace(normalizeMessages(value));
    if (value.length) void loadMarkdown();
  }

  /** Every string the widget shows or announces, to translate or rebrand it: a partial `StreamChatLabels` object (or, as an attribute, its JSON without the function-valued labels); what is left out stays English. */
  @property({ type: Object }) labels: Partial<StreamChatLabels> = {};

  /** Whether an answer is being prepared or streamed. */
  get busy(): boolean {
    return this.session.busy;
  }

  /**
   * Sends `text`, or the composer's text when omitted. Resolves when the answer has ended, however
   * it ended; never rejects. A send while an answer streams stops that answer first.
   */
  async send(text?: string): Promise<void> {
    const fromComposer = text === undefined;
    const content = text ?? this.composer.draft;
    if (!content.trim() || this.disabled || (fromComposer && this.session.busy)) return;
    await this.session.send(content, fromComposer ? () => this.composer.clear() : undefined);
  }

  /** Stops the current answer, in whatever phase it is; what arrived so far is kept, marked cancelled. */
  cancel(): void {
    this.session.cancel();
  }

  /** Stops any answer and empties the conversation (and forgets the conversation id). */
  clear(): void {
    this.session.clear();
    this.follower.follow();
  }

  /** Reads a finished answer out once (its words, bounded), never token by token. */
  private announceAnswer(answer: ChatMessage): void {
    const rendered = () => this.renderRoot.querySelector(`[data-id="${CSS.escape(answer.id)}"] > .bubble > .markdown`);
    void this.live.sayAnswer(answer, rendered, this.text);
  }

  /** Suggested prompts: any element in the `empty` slot with a `data-prompt` attribute sends it on click. */
  private handleEmptyClick(event: Event): void {
    const prompt = promptOf(event);
    if (prompt !== undefined) void this.send(prompt);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('labels')) this.text = { ...defaultLabels, ...this.labels };
    // Before the first render, so a restored conversation never flashes empty. A key with nothing
    // (valid) stored under it leaves the current conversation alone; it is saved there from now on.
    if (changed.has('storageKey') && this.storageKey && this.session.restore(this.storageKey)) {
      if (this.session.messages.length) void loadMarkdown();
    }
  }

  protected override firstUpdated(): void {
    this.follower.attach(this.log);
  }

  override render() {
    const launcher = this.mode === 'launcher';
    const surface = renderSurface({
      labels: this.text,
      launcher,
      modal: this.launcher.panel.modal,
      busy: this.session.busy,
      announcement: this.live.text,
      messages: this.session.messages.length ? this.renderMessages() : undefined,
      composer: this.composer.render(this.text, loadMarkdown),
      behind: this.follower.behind,
      jump: () => this.follower.follow(),
      close: this.launcher.toggle,
      surfaceKeydown: this.launcher.handleKeydown,
      dialogCancel: this.launcher.handleDialogCancel,
      dialogClose: this.launcher.handleDialogClose,
      logClick: this.actions.handleClick,
      emptyClick: this.handleEmptyClick,
    });
    return launcher ? html`${this.launcher.render(this.text)}${surface}` : surface;
  }

  private renderMessages() {
    const markdown = { images: this.images, html: this.html, labels: this.text };
    return renderMessages(this.session.messages, this.groups, { labels: this.text, markdown, textOf: (m) => this.session.textOf(m), showStats: this.showStats, ...this.messageActions }, this.session.busy);
  }
}

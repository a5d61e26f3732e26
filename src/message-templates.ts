// The templates of one message: its bubble, reasoning, tool badges, sources, notes, error and
// actions. Pure functions of the message and a context, so the element only decides when to
// render and what the buttons do.
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatMessage, ChatTool } from './conversation/message.js';
import type { MessageGroup, MessageGroups } from './message-groups.js';
import type { StreamChatLabels } from './labels.js';
import { textPieces } from './long-text.js';
import { safeHref } from './markdown/link-policy.js';
import { markdown, markdownUnavailable } from './markdown/markdown-directive.js';
import type { MarkdownOptions } from './markdown/markdown-view.js';
import type { TextSource } from './markdown/text-source.js';

export interface MessageContext {
  labels: StreamChatLabels;
  markdown: MarkdownOptions;
  /** What the view reads an answer's text from (the session's `textOf`): its `content`, or while it streams the pieces it arrived in. */
  textOf(m: ChatMessage): TextSource;
  showStats: boolean;
  /** The message is the last answer and nothing streams: it offers Regenerate. */
  canRegenerate: boolean;
  retry(answer: ChatMessage): void;
  copy(answer: ChatMessage): void;
  regenerate(answer: ChatMessage): void;
}

/**
 * How far an answer's text got: still streaming, complete, or ended before the model finished
 * (stopped, failed, cut off), whose last block is then shown healed instead of as raw syntax.
 */
function finality(m: ChatMessage): boolean | 'partial' {
  if (m.status === 'streaming') return false;
  return m.status === 'complete' && !STOPPED_SHORT.has(m.finishReason ?? '') ? true : 'partial';
}

/** Finish reasons that end an answer before the model finished it, each with its notice. */
const STOPPED_SHORT = new Map<string, (labels: StreamChatLabels) => string>([
  ['length', (labels) => labels.cutOff],
  ['content_filter', (labels) => labels.contentFiltered],
]);

function hostOf(url: string): string {
  try {
    return new URL(url, document.baseURI).host || url;
  } catch {
    return url;
  }
}

/**
 * Every message, keyed by id: the earlier ones in groups (message-groups.ts), the latest ones
 * after them. The session replaces a message, never changes it, so a finished message's template
 * is not even re-evaluated while another one streams, nor a group's whose messages are unchanged,
 * however long the conversation: the cost of a frame stays that of the streaming answer.
 */
export function renderMessages(
  messages: readonly ChatMessage[],
  groups: MessageGroups,
  ctx: Omit<MessageContext, 'canRegenerate'>,
  busy: boolean,
) {
  const last = messages.at(-1);
  const one = (m: ChatMessage) => {
    const canRegenerate = m === last && !busy;
    return guard([m, ctx.showStats, ctx.labels, canRegenerate, markdownUnavailable()], () => renderMessage(m, { ...ctx, canRegenerate }));
  };
  const split = groups.split(messages);
  const items: { key: string; group?: MessageGroup; message?: ChatMessage }[] = [...split.groups.map((group) => ({ key: `g${group.key}`, group })), ...split.loose.map((message) => ({ key: `m${message.id}`, message }))];
  return repeat(
    items,
    (item) => item.key,
    (item) => {
      if (!item.group) return one(item.message!);
      const { messages: grouped } = item.group;
      return guard(
        [grouped, ctx.showStats, ctx.labels, grouped.at(-1) === last && !busy, markdownUnavailable()],
        () => html`<div class="group">${repeat(grouped, (m) => m.id, one)}</div>`,
      );
    },
  );
}

/** A question's text: one text node, or for a long one blocks that skip layout off-screen (long-text.ts). */
function renderQuestionText(content: string) {
  const pieces = textPieces(content);
  return pieces.length === 1 ? content : pieces.map((piece) => html`<div class="part">${piece}</div>`);
}

/** The id of a message's speaker text; encoded, as an id list breaks on the spaces a restored id may hold. */
function speakerId(m: ChatMessage): string {
  return `speaker-${encodeURIComponent(m.id)}`;
}

export function renderMessage(m: ChatMessage, ctx: MessageContext) {
  // Each message is an article named by its speaker, in hidden text read before it, so screen
  // reader users can move message by message (article navigation) and know who said what.
  if (m.role === 'user') {
    return html`<article class="message user" part="message user-message" aria-labelledby=${speakerId(m)}>
      <span class="visually-hidden" id=${speakerId(m)}>${ctx.labels.youSaid}</span>
      <div class="bubble" part="bubble" dir="auto">${renderQuestionText(m.content)}</div>
    </article>`;
  }
  const streaming = m.status === 'streaming';
  const { labels } = ctx;
  return html`<article class="message assistant" part="message assistant-message" data-status=${m.status} data-id=${m.id} aria-labelledby=${speakerId(m)}>
    <span class="visually-hidden" id=${speakerId(m)}>${labels.assistantSaid}</span>
    <div class="bubble" part="bubble">
      ${renderReasoning(m, ctx)} ${renderTools(m, labels)}
      ${streaming && !m.content && !m.reasoning ? renderThinking(labels) : nothing}
      <div class="markdown" dir="auto" ${markdown(ctx.textOf(m), finality(m), ctx.markdown, m.id)}></div>
      ${renderSources(m, labels)}
      ${m.warnings?.map((w) => html`<div class="warning">⚠ ${w}</div>`)}
      ${STOPPED_SHORT.has(m.finishReason ?? '') ? renderNotice('cut-off', STOPPED_SHORT.get(m.finishReason!)!(labels)) : nothing}
      ${m.status === 'cancelled' ? renderNotice('stopped', labels.stopped) : nothing}
      ${m.content && markdownUnavailable() ? renderNotice('plain-text', labels.plainText) : nothing}
      ${m.status === 'error' ? renderError(m, ctx) : nothing}
      ${ctx.showStats && m.stats && !streaming ? html`<div class="stats" part="stats">${labels.stats(m.stats)}</div>` : nothing}
      ${renderActions(m, ctx)}
    </div>
  </article>`;
}

/** Reasoning stays apart from the answer: open while the model thinks, collapsed once it answers. */
function renderReasoning(m: ChatMessage, ctx: MessageContext) {
  if (!m.reasoning) return nothing;
  const thinking = m.status === 'streaming' && !m.content;
  return html`<details class="reasoning" part="reasoning" ?open=${thinking}>
    <summary>${thinking ? ctx.labels.thinking : ctx.labels.thought}</summary>
    <div class="markdown reasoning-text" ${markdown(m.reasoning, !thinking, ctx.markdown, `${m.id} reasoning`)}></div>
  </details>`;
}

function renderSources(m: ChatMessage, labels: StreamChatLabels) {
  const sources = m.sources?.flatMap((source) => {
    const href = safeHref(source.url);
    return href ? [{ href, label: source.title || hostOf(href) }] : [];
  });
  if (!sources?.length) return nothing;
  return html`<ol class="sources" part="sources" aria-label=${labels.sources}>
    ${sources.map(
      (s) =>
        html`<li><a href=${s.href} target="_blank" rel="noopener noreferrer" title=${s.label === s.href ? s.href : `${s.label} — ${s.href}`}>${s.label}</a></li>`,
    )}
  </ol>`;
}

function toolState(status: NonNullable<ChatTool['status']>, labels: StreamChatLabels): string {
  return status === 'done' ? labels.toolDone : status === 'error' ? labels.toolError : labels.toolRunning;
}

function renderTools(m: ChatMessage, labels: StreamChatLabels) {
  if (!m.tools?.length) return nothing;
  return html`<ul class="tools" aria-label=${labels.tools}>
    ${m.tools.map(
      (t) => html`<li class="tool-badge" part="tool-badge" data-status=${t.status ?? 'running'}>
        <span class="name">${t.name}</span>${t.status ? html`<span class="state">${toolState(t.status, labels)}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

/** Copy for every finished answer; Regenerate for the last one. */
function renderActions(m: ChatMessage, ctx: MessageContext) {
  if (m.status === 'streaming' || !m.content) return nothing;
  return html`<div class="actions" part="actions">
    <button type="button" class="action-button" part="copy-answer-button" @click=${() => ctx.copy(m)}>
      ${ctx.labels.copyAnswer}
    </button>
    ${ctx.canRegenerate
      ? html`<button type="button" class="action-button" part="regenerate-button" @click=${() => ctx.regenerate(m)}>
          ${ctx.labels.regenerate}
        </button>`
      : nothing}
  </div>`;
}

/** An answer that ended early says so as a state of its own (an icon, a rule, stronger text), not as fine print. */
function renderNotice(kind: 'cut-off' | 'stopped' | 'plain-text', text: string) {
  return html`<div class="note notice" part="notice" data-kind=${kind}><span class="notice-icon" aria-hidden="true"></span>${text}</div>`;
}

function renderThinking(labels: StreamChatLabels) {
  return html`<div class="thinking" role="status">
    <span class="dot"></span><span class="dot"></span><span class="dot"></span>
    <span class="visually-hidden">${labels.thinking}</span>
  </div>`;
}

function renderError(m: ChatMessage, ctx: MessageContext) {
  return html`<div class="error" part="error" role="alert" data-kind=${m.error?.kind ?? nothing}>
    <span class="text">${m.error ? (ctx.labels.error?.(m.error) ?? m.error.message) : ''}</span>
    <button type="button" class="retry-button" part="retry-button" @click=${() => ctx.retry(m)}>${ctx.labels.retry}</button>
  </div>`;
}

import type { StreamUpdate } from '../protocols/types.js';
import type { ChatMessage, ChatRole, ChatTool } from './message.js';

let counter = 0;

/** A message id unique within the page; crypto.randomUUID needs a secure context, so fall back. */
export function createMessageId(): string {
  counter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `m-${counter}-${random.slice(0, 8)}`;
}

export function createMessage(role: ChatRole, content = '', status: ChatMessage['status'] = 'complete'): ChatMessage {
  return { id: createMessageId(), role, content, status };
}

/** A `{role, content}` pair as backends expect in a history list. */
export interface HistoryEntry {
  role: ChatRole;
  content: string;
}

/**
 * The last `limit` messages before `beforeIndex`, as the backend's history. Empty answers (an
 * attempt that failed before any text) carry nothing for the model and are left out.
 */
export function historyBefore(messages: readonly ChatMessage[], beforeIndex: number, limit: number): HistoryEntry[] {
  if (limit <= 0) return [];
  const earlier = messages
    .slice(0, Math.max(0, beforeIndex))
    .filter((m) => m.content.trim() !== '')
    .map(({ role, content }) => ({ role, content }));
  return earlier.slice(-limit);
}

/**
 * Checks a value assigned to `messages` from outside, so a bad entry fails loudly at the door
 * rather than deep inside rendering. Missing ids and statuses are filled in.
 */
export function normalizeMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) throw new TypeError('stream-chat: `messages` must be an array');
  return value.map((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      throw new TypeError(`stream-chat: messages[${index}] must be an object`);
    }
    const m = entry as Partial<ChatMessage>;
    if (m.role !== 'user' && m.role !== 'assistant') {
      throw new TypeError(`stream-chat: messages[${index}].role must be "user" or "assistant"`);
    }
    const normalized: ChatMessage = {
      ...m,
      id: typeof m.id === 'string' && m.id ? m.id : createMessageId(),
      role: m.role,
      content: typeof m.content === 'string' ? m.content : String(m.content ?? ''),
      status: m.status ?? 'complete',
    };
    // A message cannot still be streaming when it is handed to us (a saved conversation restored
    // mid-answer): no request feeds it any more, so it was interrupted.
    if (normalized.status === 'streaming') {
      normalized.status = 'error';
      normalized.error = { kind: 'interrupted', message: 'This answer was interrupted before it finished' };
    }
    return normalized;
  });
}

/**
 * Applies one stream update to the answer it belongs to. Text is appended in place: the message
 * object is the one the view renders, and copying a long answer per token would be quadratic.
 */
export function applyUpdate(message: ChatMessage, update: StreamUpdate): void {
  switch (update.type) {
    case 'text':
      message.content += update.text;
      break;
    case 'reasoning':
      message.reasoning = (message.reasoning ?? '') + update.text;
      break;
    case 'tool':
      applyTool((message.tools ??= []), update);
      break;
    case 'source':
      if (!message.sources?.some((s) => s.url === update.url)) {
        (message.sources ??= []).push(update.title ? { url: update.url, title: update.title } : { url: update.url });
      }
      break;
    case 'warning':
      (message.warnings ??= []).push(update.message);
      break;
    case 'done':
      if (update.reason) message.finishReason = update.reason;
      break;
    default:
      // Errors and conversation ids end or describe the stream, not the message's content.
      break;
  }
}

/** A tool update either starts a call or moves an earlier one (same id, else same running name) on. */
function applyTool(tools: ChatTool[], update: Extract<StreamUpdate, { type: 'tool' }>): void {
  const earlier = update.id
    ? tools.find((t) => t.id === update.id)
    : tools.find((t) => t.name === update.name && t.status === 'running');
  if (earlier && update.status !== 'running') {
    earlier.status = update.status ?? earlier.status;
    return;
  }
  if (earlier) return;
  const tool: ChatTool = { name: update.name };
  if (update.id) tool.id = update.id;
  if (update.status) tool.status = update.status;
  tools.push(tool);
}

/** A copy to hand to event listeners, so later edits of ours do not change what they received. */
export function snapshot(message: ChatMessage): ChatMessage {
  return {
    ...message,
    ...(message.tools && { tools: message.tools.map((t) => ({ ...t })) }),
    ...(message.sources && { sources: message.sources.map((s) => ({ ...s })) }),
    ...(message.stats && { stats: { ...message.stats } }),
    ...(message.warnings && { warnings: [...message.warnings] }),
    ...(message.error && { error: { ...message.error } }),
  };
}

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
 * The answer with one stream update applied, as a new object (the one given is left as it was), so
 * that whatever renders a message can tell a changed one by identity alone. Copying the message is
 * a handful of fields per update; the text itself is a new string either way. An update that
 * changes nothing (an error, a conversation id, a source already listed) returns the same object.
 */
export function applyUpdate(message: ChatMessage, update: StreamUpdate): ChatMessage {
  switch (update.type) {
    case 'text':
      return { ...message, content: message.content + update.text };
    case 'reasoning':
      return { ...message, reasoning: (message.reasoning ?? '') + update.text };
    case 'tool': {
      const tools = withTool(message.tools ?? [], update);
      return tools === message.tools ? message : { ...message, tools };
    }
    case 'source': {
      if (message.sources?.some((s) => s.url === update.url)) return message;
      const source = update.title ? { url: update.url, title: update.title } : { url: update.url };
      return { ...message, sources: [...(message.sources ?? []), source] };
    }
    case 'warning':
      return { ...message, warnings: [...(message.warnings ?? []), update.message] };
    case 'done':
      return update.reason ? { ...message, finishReason: update.reason } : message;
    default:
      // Errors and conversation ids end or describe the stream, not the message's content.
      return message;
  }
}

/** A tool update either starts a call or moves an earlier one (same id, else same running name) on. */
function withTool(tools: ChatTool[], update: Extract<StreamUpdate, { type: 'tool' }>): ChatTool[] {
  const earlier = update.id
    ? tools.find((t) => t.id === update.id)
    : tools.find((t) => t.name === update.name && t.status === 'running');
  if (earlier && update.status !== 'running') {
    return tools.map((t) => (t === earlier ? { ...t, status: update.status ?? t.status } : t));
  }
  if (earlier) return tools;
  const tool: ChatTool = { name: update.name };
  if (update.id) tool.id = update.id;
  if (update.status) tool.status = update.status;
  return [...tools, tool];
}

/** A copy to hand to event listeners, so later edits of ours do not change what they received. */
export function snapshot(message: ChatMessage): ChatMessage {
  return {
    ...message,
    ...(message.tools && { tools: message.tools.map((t) => ({ ...t })) }),
    ...(message.sources && { sources: message.sources.map((s) => ({ ...s })) }),
    ...(message.stats && { stats: { ...message.stats } }),
    ...(message.warnings && { warnings: [...message.warnings] }),
    ...(message.trailing && { trailing: message.trailing.map((t) => ({ ...t })) }),
    ...(message.error && { error: { ...message.error } }),
  };
}

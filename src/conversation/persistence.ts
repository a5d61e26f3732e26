// The conversation in Web Storage, for the opt-in `storage-key` attribute. Pure: it knows nothing of
// the element, and every function takes the storage as a seam (localStorage by default).
//
// What is stored, as JSON under the key exactly as given:
//   { "version": 1, "messages": ChatMessage[], "conversationId"?: string }
// Messages are stored whole, `stats` included: they are a few numbers that stay true of that
// answer, and dropping them would make `show-stats` show timings for some answers and not others
// after a reload. Nothing a reload cannot read back (functions, class instances) is in a message.
//
// Storage is a convenience, never a failure: whatever is under the key, and whatever the storage
// does (quota exceeded, disabled by the user or a sandbox), these functions do not throw.
import { normalizeMessages } from './conversation.js';
import type { ChatMessage } from './message.js';

/** Bumped whenever the stored shape changes; data of another version is ignored, not migrated. */
export const STORAGE_VERSION = 1;

/** What survives a reload. */
export interface StoredConversation {
  messages: ChatMessage[];
  conversationId?: string;
  /** The name the server gave the conversation id, under which it goes back. */
  conversationIdField?: string;
}

/** The part of the Web Storage interface we use, so tests (and pages) can pass their own. */
export type ConversationStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Reading `window.localStorage` itself throws a SecurityError where storage is disabled (cookies
// blocked, a sandboxed iframe), so it is looked up inside each function's try, never as a default
// parameter value.
function browserStorage(): ConversationStorage {
  return window.localStorage;
}

/** Keys whose last save failed and were warned about; a save that succeeds again re-arms the warning. */
const failing = new Set<string>();

/**
 * The conversation saved under `key`, or undefined when there is none. Anything that is not a
 * conversation this module saved (corrupted JSON, another schema version, the page's own data under
 * the same key, a message of the wrong shape) is ignored with one console warning. A message that
 * was still streaming when it was saved comes back as an `interrupted` error.
 */
export function loadConversation(key: string, storage?: ConversationStorage): StoredConversation | undefined {
  let raw: string | null;
  try {
    raw = (storage ?? browserStorage()).getItem(key);
  } catch (error) {
    console.warn(`stream-chat: could not read the saved conversation "${key}"; starting empty.`, error);
    return undefined;
  }
  if (raw === null) return undefined;
  const problem = (why: string) => {
    console.warn(
      `stream-chat: ignoring localStorage["${key}"] (${why}); it will be replaced when the conversation is next saved.`,
    );
    return undefined;
  };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return problem('not valid JSON');
  }
  if (!isRecord(data)) return problem('not a saved conversation');
  if (data.version !== STORAGE_VERSION) {
    return problem(
      'version' in data ? `schema version ${JSON.stringify(data.version)}, expected ${STORAGE_VERSION}` : 'no schema version',
    );
  }
  if (data.conversationId !== undefined && typeof data.conversationId !== 'string') {
    return problem('conversationId is not a string');
  }
  if (!Array.isArray(data.messages)) return problem('messages is not an array');
  const messages: ChatMessage[] = [];
  for (const [index, entry] of data.messages.entries()) {
    const message = readMessage(entry);
    if (!message) return problem(`messages[${index}] is not a chat message`);
    messages.push(message);
  }
  return {
    // normalizeMessages turns a message saved mid-answer into an interrupted error, exactly as it
    // does for one assigned to `messages`.
    messages: normalizeMessages(messages),
    ...(data.conversationId !== undefined && { conversationId: data.conversationId }),
    ...(typeof data.conversationIdField === 'string' && { conversationIdField: data.conversationIdField }),
  };
}

/**
 * Saves the conversation under `key`. Returns false, with one console warning per run of failures,
 * when the storage refuses (quota exceeded, storage disabled): the conversation then lives in memory
 * only, and the copy stored before, if any, is left as it was.
 */
export function saveConversation(key: string, data: StoredConversation, storage?: ConversationStorage): boolean {
  try {
    const stored = {
      version: STORAGE_VERSION,
      messages: data.messages,
      ...(data.conversationId !== undefined && { conversationId: data.conversationId }),
      ...(data.conversationIdField !== undefined && { conversationIdField: data.conversationIdField }),
    };
    (storage ?? browserStorage()).setItem(key, JSON.stringify(stored));
    failing.delete(key);
    return true;
  } catch (error) {
    if (!failing.has(key)) {
      failing.add(key);
      const why = error instanceof DOMException && error.name === 'QuotaExceededError' ? 'storage is full' : 'storage refused it';
      console.warn(`stream-chat: could not save the conversation "${key}" (${why}); it is kept in memory only.`, error);
    }
    return false;
  }
}

/** Removes the saved copy under `key`; a storage that cannot be reached has nothing to remove. */
export function clearConversation(key: string, storage?: ConversationStorage): void {
  try {
    (storage ?? browserStorage()).removeItem(key);
  } catch {
    // Disabled storage: nothing was saved there either.
  }
}

// --- Reading a stored message back. We wrote it, so it is checked strictly: a wrong shape means
// the data is not ours (or was edited), and rendering it could fail far from here. Only known
// fields are copied, so nothing else under the key reaches the element.

const ROLES = new Set(['user', 'assistant']);
const STATUSES = new Set(['streaming', 'complete', 'cancelled', 'error']);
const ERROR_KINDS = new Set(['request', 'http', 'network', 'server', 'protocol', 'interrupted', 'timeout']);
const TOOL_STATUSES = new Set(['running', 'done', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);

function readMessage(value: unknown): ChatMessage | undefined {
  if (!isRecord(value)) return undefined;
  const { id, role, content, status, tools, reasoning, sources, finishReason, stats, warnings, error } = value;
  if (!isString(id) || !id || !ROLES.has(role as string) || !isString(content) || !STATUSES.has(status as string)) {
    return undefined;
  }
  const valid =
    optional(tools, (t) => Array.isArray(t) && t.every(isTool)) &&
    optional(reasoning, isString) &&
    optional(sources, (s) => Array.isArray(s) && s.every(isSource)) &&
    optional(finishReason, isString) &&
    optional(stats, isStats) &&
    optional(warnings, (w) => Array.isArray(w) && w.every(isString)) &&
    optional(error, isError);
  if (!valid) return undefined;
  const message = { id, role, content, status } as ChatMessage;
  if (tools !== undefined) message.tools = (tools as ChatMessage['tools'])!.map((t) => pick(t, ['name', 'id', 'status']));
  if (reasoning !== undefined) message.reasoning = reasoning as string;
  if (sources !== undefined) message.sources = (sources as ChatMessage['sources'])!.map((s) => pick(s, ['url', 'title']));
  if (finishReason !== undefined) message.finishReason = finishReason as string;
  if (stats !== undefined) {
    message.stats = pick(stats as NonNullable<ChatMessage['stats']>, ['timeToFirstToken', 'duration', 'tokens', 'tokensPerSecond']);
  }
  if (warnings !== undefined) message.warnings = [...(warnings as string[])];
  if (error !== undefined) {
    message.error = pick(error as NonNullable<ChatMessage['error']>, ['kind', 'message', 'status', 'serverMessage', 'retryAfter']);
  }
  return message;
}

function isTool(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.name) &&
    optional(value.id, isString) &&
    optional(value.status, (s) => TOOL_STATUSES.has(s as string))
  );
}

function isSource(value: unknown): boolean {
  return isRecord(value) && isString(value.url) && optional(value.title, isString);
}

function isStats(value: unknown): boolean {
  return (
    isRecord(value) &&
    isNumber(value.duration) &&
    isNumber(value.tokens) &&
    optional(value.timeToFirstToken, isNumber) &&
    optional(value.tokensPerSecond, isNumber)
  );
}

function isError(value: unknown): boolean {
  return (
    isRecord(value) &&
    ERROR_KINDS.has(value.kind as string) &&
    isString(value.message) &&
    optional(value.status, isNumber) &&
    optional(value.serverMessage, isString) &&
    optional(value.retryAfter, isNumber)
  );
}

/** A copy with only the listed keys that are present. */
function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  const copy = {} as Pick<T, K>;
  for (const k of keys) if (value[k] !== undefined) copy[k] = value[k];
  return copy;
}

import { expect, fixture, html } from '@open-wc/testing';
import type { ChatMessage } from '../../src/conversation/message.js';
import {
  STORAGE_VERSION,
  clearConversation,
  loadConversation,
  saveConversation,
  type ConversationStorage,
} from '../../src/conversation/persistence.js';
import type { StreamChat } from '../../src/stream-chat.js';
import { newTestId, nextEvent, openGate, shadow, sse, until, type Script } from '../helpers.js';
import { captureWarnings } from '../support.js';

/** An in-memory Storage; `fail` makes every call throw that error instead. */
class FakeStorage implements ConversationStorage {
  readonly items = new Map<string, string>();
  fail?: () => Error;
  setItem(key: string, value: string): void {
    if (this.fail) throw this.fail();
    this.items.set(key, value);
  }
  getItem(key: string): string | null {
    if (this.fail) throw this.fail();
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    if (this.fail) throw this.fail();
    this.items.delete(key);
  }
}

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const accessDenied = () => new DOMException('Access is denied for this document.', 'SecurityError');

const user: ChatMessage = { id: 'u1', role: 'user', content: 'Why did run #5 lose money?', status: 'complete' };
const answer: ChatMessage = {
  id: 'a1',
  role: 'assistant',
  content: 'Fees. See the **table**:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
  status: 'complete',
  tools: [{ name: 'search_runs', id: 't1', status: 'done' }],
  reasoning: 'Look at the fees first.',
  sources: [{ url: 'https://example.com/runs/5', title: 'Run 5' }],
  finishReason: 'stop',
  stats: { timeToFirstToken: 120, duration: 1500, tokens: 40, tokensPerSecond: 29 },
  warnings: ['slow model'],
};
const failed: ChatMessage = {
  id: 'a2',
  role: 'assistant',
  content: 'Part',
  status: 'error',
  error: { kind: 'http', message: 'The server failed (500)', status: 500, serverMessage: 'boom' },
};

describe('conversation persistence', () => {
  const warnings = captureWarnings();
  let storage: FakeStorage;
  beforeEach(() => {
    storage = new FakeStorage();
  });

  it('round-trips messages, every optional field and the conversation id', () => {
    const messages = [user, answer, { ...user, id: 'u2' }, failed];
    expect(saveConversation('k', { messages, conversationId: 'c-42' }, storage)).to.equal(true);
    expect(JSON.parse(storage.items.get('k')!).version).to.equal(STORAGE_VERSION);
    expect(loadConversation('k', storage)).to.deep.equal({ messages, conversationId: 'c-42' });
    expect(warnings).to.have.length(0);
  });

  it('round-trips a conversation without an id, and an empty one', () => {
    saveConversation('k', { messages: [user] }, storage);
    expect(loadConversation('k', storage)).to.deep.equal({ messages: [user] });
    saveConversation('k', { messages: [] }, storage);
    expect(loadConversation('k', storage)).to.deep.equal({ messages: [] });
  });

  it('returns undefined, silently, when nothing is stored', () => {
    expect(loadConversation('nothing-here', storage)).to.equal(undefined);
    expect(warnings).to.have.length(0);
  });

  it('uses localStorage when no storage is given', () => {
    const key = `stream-chat-test-${newTestId()}`;
    try {
      expect(saveConversation(key, { messages: [user], conversationId: 'c1' })).to.equal(true);
      expect(JSON.parse(localStorage.getItem(key)!)).to.deep.equal({ version: STORAGE_VERSION, messages: [user], conversationId: 'c1' });
      expect(loadConversation(key)).to.deep.equal({ messages: [user], conversationId: 'c1' });
      clearConversation(key);
      expect(localStorage.getItem(key)).to.equal(null);
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('ignores another schema version, or none, with one warning each', () => {
    storage.items.set('k', JSON.stringify({ version: STORAGE_VERSION + 1, messages: [user] }));
    expect(loadConversation('k', storage)).to.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('schema version 2');
    storage.items.set('k', JSON.stringify({ messages: [user] }));
    expect(loadConversation('k', storage)).to.equal(undefined);
    expect(warnings).to.have.length(2);
    expect(String(warnings[1][0])).to.contain('no schema version');
  });

  it('ignores corrupted JSON with one warning', () => {
    const whole = JSON.stringify({ version: 1, messages: [user, answer] });
    for (const raw of [whole.slice(0, whole.length / 2), '', '{version:1}', 'undefined']) {
      warnings.length = 0;
      storage.items.set('k', raw);
      expect(loadConversation('k', storage), raw).to.equal(undefined);
      expect(warnings, raw).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('stream-chat');
    }
  });

  it('ignores foreign data under the key with one warning, never throwing', () => {
    const foreign: unknown[] = [
      'a plain string',
      [1, 2, 3],
      null,
      42,
      { theme: 'dark' },
      { version: 1 },
      { version: 1, messages: 'x' },
      { version: 1, messages: { 0: user } },
      { version: '1', messages: [user] },
      { version: 1, messages: [user], conversationId: 7 },
      { version: 1, messages: [null] },
      { version: 1, messages: [[user]] },
      { version: 1, messages: [{ ...user, role: 'system' }] },
      { version: 1, messages: [{ ...user, content: 5 }] },
      { version: 1, messages: [{ ...user, content: undefined }] },
      { version: 1, messages: [{ ...user, status: 'done' }] },
      { version: 1, messages: [{ ...user, status: undefined }] },
      { version: 1, messages: [{ ...user, id: 3 }] },
      { version: 1, messages: [{ ...user, id: '' }] },
      { version: 1, messages: [{ ...answer, tools: [{ name: 1 }] }] },
      { version: 1, messages: [{ ...answer, tools: [{ name: 'x', status: 'exploded' }] }] },
      { version: 1, messages: [{ ...answer, tools: 'search' }] },
      { version: 1, messages: [{ ...answer, sources: [{ title: 'no url' }] }] },
      { version: 1, messages: [{ ...answer, reasoning: ['a'] }] },
      { version: 1, messages: [{ ...answer, stats: { duration: '1s', tokens: 3 } }] },
      { version: 1, messages: [{ ...answer, stats: { tokens: 3 } }] },
      { version: 1, messages: [{ ...answer, warnings: [1] }] },
      { version: 1, messages: [{ ...failed, error: 'boom' }] },
      { version: 1, messages: [{ ...failed, error: { kind: 'weird', message: 'x' } }] },
      { version: 1, messages: [{ ...failed, error: { kind: 'http', status: '500' } }] },
      { version: 1, messages: [user, { ...answer, finishReason: 0 }] },
    ];
    for (const data of foreign) {
      const label = JSON.stringify(data);
      warnings.length = 0;
      storage.items.set('k', JSON.stringify(data));
      let result: unknown;
      expect(() => (result = loadConversation('k', storage)), label).not.to.throw();
      expect(result, label).to.equal(undefined);
      expect(warnings, label).to.have.length(1);
    }
  });

  it('keeps only the fields of a chat message', () => {
    const extra = { ...answer, html: '<img src=x onerror=alert(1)>', tools: [{ name: 'x', run: 'y' }], stats: { duration: 1, tokens: 2, cost: 3 } };
    storage.items.set('k', JSON.stringify({ version: 1, messages: [extra], extra: true }));
    const [message] = loadConversation('k', storage)!.messages;
    expect(message).not.to.have.property('html');
    expect(message.tools).to.deep.equal([{ name: 'x' }]);
    expect(message.stats).to.deep.equal({ duration: 1, tokens: 2 });
  });

  it('brings back a message saved while streaming as interrupted, its partial text kept', () => {
    const streaming: ChatMessage = { id: 'a3', role: 'assistant', content: 'Half an ans', status: 'streaming' };
    saveConversation('k', { messages: [user, streaming] }, storage);
    const [first, second] = loadConversation('k', storage)!.messages;
    expect(first).to.deep.equal(user);
    expect(second.content).to.equal('Half an ans');
    expect(second.status).to.equal('error');
    expect(second.error?.kind).to.equal('interrupted');
    expect(warnings).to.have.length(0);
  });

  it('degrades to memory when the quota is exceeded: false, one warning, the earlier copy kept', () => {
    saveConversation('q', { messages: [user] }, storage);
    storage.fail = quotaExceeded;
    let saved: boolean | undefined;
    expect(() => (saved = saveConversation('q', { messages: [user, answer] }, storage))).not.to.throw();
    expect(saved).to.equal(false);
    expect(saveConversation('q', { messages: [user, answer, user] }, storage)).to.equal(false);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('storage is full');
    storage.fail = undefined;
    expect(loadConversation('q', storage)).to.deep.equal({ messages: [user] });
    // Once saving works again, a later failure is worth a warning again.
    expect(saveConversation('q', { messages: [user, answer] }, storage)).to.equal(true);
    storage.fail = quotaExceeded;
    saveConversation('q', { messages: [] }, storage);
    expect(warnings).to.have.length(2);
  });

  it('never throws when storage access throws (storage disabled)', () => {
    storage.fail = accessDenied;
    expect(saveConversation('s', { messages: [user] }, storage)).to.equal(false);
    expect(saveConversation('s', { messages: [user] }, storage)).to.equal(false);
    expect(loadConversation('s', storage)).to.equal(undefined);
    expect(() => clearConversation('s', storage)).not.to.throw();
    // One warning for the failed saves, one for the failed read.
    expect(warnings).to.have.length(2);
  });

  it('never throws when reading window.localStorage itself throws', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => { throw accessDenied(); } });
    try {
      expect(() => window.localStorage).to.throw();
      expect(saveConversation('w', { messages: [user] })).to.equal(false);
      expect(loadConversation('w')).to.equal(undefined);
      expect(() => clearConversation('w')).not.to.throw();
    } finally {
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
    expect(window.localStorage).to.be.an.instanceOf(Storage);
  });

  it('fails a conversation that cannot be serialized like a full storage: false, no throw', () => {
    const circular = { ...user } as ChatMessage & { self?: unknown };
    circular.self = circular;
    expect(saveConversation('c', { messages: [circular] }, storage)).to.equal(false);
    expect(storage.items.has('c')).to.equal(false);
  });

  it('clears the stored copy, and only it', () => {
    saveConversation('k', { messages: [user] }, storage);
    saveConversation('other', { messages: [answer] }, storage);
    clearConversation('k', storage);
    expect(storage.items.has('k')).to.equal(false);
    expect(loadConversation('k', storage)).to.equal(undefined);
    expect(loadConversation('other', storage)!.messages).to.have.length(1);
    expect(() => clearConversation('never-saved', storage)).not.to.throw();
  });
});

// The element's side of the contract: `storage-key` restores the conversation before the first
// render, saves it after every message (the user's when it is sent, the answer when it ends,
// however it ends) and `clear()` removes the stored copy.
describe('<stream-chat storage-key>', () => {
  const warnings = captureWarnings();
  const keys: string[] = [];
  const keyFor = () => {
    const key = `stream-chat-test-${newTestId()}`;
    keys.push(key);
    return key;
  };
  afterEach(() => {
    for (const key of keys.splice(0)) localStorage.removeItem(key);
  });

  async function chatStoring(key: string, script: Script) {
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse" storage-key=${key} style="height: 480px"></stream-chat>`);
    el.body = { testId, script };
    return el;
  }

  const stored = (key: string) => JSON.parse(localStorage.getItem(key) ?? 'null');

  it('restores the saved conversation and id before the first render', async () => {
    const key = keyFor();
    saveConversation(key, { messages: [user, answer], conversationId: 'c-7' });
    const el = await fixture<StreamChat>(html`<stream-chat storage-key=${key}></stream-chat>`);
    expect(el.messages.map((m) => m.content)).to.deep.equal([user.content, answer.content]);
    expect(el.conversationId).to.equal('c-7');
    await until(() => shadow(el).querySelector('.assistant .markdown table'), 'the restored answer');
    expect(shadow(el).querySelector('.user .bubble')!.textContent).to.contain('run #5');
  });

  it('saves the question when it is sent and the answer when it completes', async () => {
    const key = keyFor();
    const el = await chatStoring(key, { chunks: [...sse({ content: 'Hel' }), { gate: true }, ...sse({ content: 'lo' }, { done: true, conversation_id: 'c9' })] });
    const done = nextEvent(el, 'stream-chat-complete');
    void el.send('Hi');
    await until(() => stored(key)?.messages?.length === 2, 'the question to be saved');
    expect(stored(key).messages[0]).to.include({ role: 'user', content: 'Hi', status: 'complete' });
    expect(stored(key).messages[1]).to.include({ role: 'assistant', status: 'streaming' });
    await openGate((el.body as { testId: string }).testId);
    await done;
    const saved = loadConversation(key)!;
    expect(saved.conversationId).to.equal('c9');
    expect(saved.messages.map((m) => [m.role, m.content, m.status])).to.deep.equal([
      ['user', 'Hi', 'complete'],
      ['assistant', 'Hello', 'complete'],
    ]);
    expect(stored(key).version).to.equal(STORAGE_VERSION);
  });

  it('saves an answer that ended in an error', async () => {
    const key = keyFor();
    const el = await chatStoring(key, { status: 500, headers: { 'content-type': 'application/json' }, chunks: ['{"error":"boom"}'] });
    const failedEvent = nextEvent(el, 'stream-chat-error');
    await el.send('Hi');
    await failedEvent;
    const [, saved] = loadConversation(key)!.messages;
    expect(saved.status).to.equal('error');
    expect(saved.error).to.include({ kind: 'http', status: 500 });
  });

  it('saves a cancelled answer with its partial text', async () => {
    const key = keyFor();
    const el = await chatStoring(key, { chunks: [...sse({ content: 'Partial' }), { hang: true }] });
    const cancelled = nextEvent(el, 'stream-chat-cancel');
    void el.send('Hi');
    await until(() => el.messages[1]?.content === 'Partial', 'the first token');
    el.cancel();
    await cancelled;
    const [, saved] = loadConversation(key)!.messages;
    expect(saved).to.include({ content: 'Partial', status: 'cancelled' });
  });

  it('shows an answer that was streaming when the page went away as interrupted, with the question kept', async () => {
    const key = keyFor();
    const el = await chatStoring(key, { chunks: [...sse({ content: 'Half' }), { hang: true }] });
    void el.send('Keep me');
    await until(() => el.messages[1]?.content === 'Half', 'the first token');
    // A reload: a second element reads what the first one left, while the first still streams.
    const reloaded = await fixture<StreamChat>(html`<stream-chat storage-key=${key}></stream-chat>`);
    el.cancel();
    expect(reloaded.messages[0]).to.include({ role: 'user', content: 'Keep me' });
    expect(reloaded.messages[1].status).to.equal('error');
    expect(reloaded.messages[1].error?.kind).to.equal('interrupted');
    await until(() => shadow(reloaded).querySelector('.retry-button'), 'the retry button');
  });

  it('keeps the partial answer when the page is hidden for good mid-answer (pagehide)', async () => {
    const key = keyFor();
    const el = await chatStoring(key, { chunks: [...sse({ content: 'Half an answer' }), { hang: true }] });
    void el.send('Hi');
    await until(() => el.messages[1]?.content === 'Half an answer', 'the first token');
    expect(loadConversation(key)!.messages[1].content).to.equal('');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    const [, saved] = loadConversation(key)!.messages;
    el.cancel();
    expect(saved).to.include({ content: 'Half an answer', status: 'error' });
    expect(saved.error?.kind).to.equal('interrupted');
  });

  it('saves messages assigned by the page', async () => {
    const key = keyFor();
    const el = await fixture<StreamChat>(html`<stream-chat storage-key=${key}></stream-chat>`);
    el.messages = [user, answer];
    expect(loadConversation(key)!.messages.map((m) => m.id)).to.deep.equal(['u1', 'a1']);
  });

  it('clear() removes the stored copy', async () => {
    const key = keyFor();
    saveConversation(key, { messages: [user, answer], conversationId: 'c-7' });
    const el = await fixture<StreamChat>(html`<stream-chat storage-key=${key}></stream-chat>`);
    expect(el.messages).to.have.length(2);
    el.clear();
    expect(localStorage.getItem(key)).to.equal(null);
    const reloaded = await fixture<StreamChat>(html`<stream-chat storage-key=${key}></stream-chat>`);
    expect(reloaded.messages).to.deep.equal([]);
    expect(reloaded.conversationId).to.equal(undefined);
  });

  it('starts empty, with one warning, over corrupted data, and replaces it on the next save', async () => {
    const key = keyFor();
    localStorage.setItem(key, '{"version":1,"messages":[{"role":');
    const el = await chatStoring(key, { chunks: [...sse({ content: 'ok' }, { done: true })] });
    expect(el.messages).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('Hi');
    await done;
    expect(loadConversation(key)!.messages).to.have.length(2);
  });

  it('stores nothing without storage-key', async () => {
    const before = localStorage.length;
    const testId = newTestId();
    const el = await fixture<StreamChat>(html`<stream-chat endpoint="/test-sse"></stream-chat>`);
    el.body = { testId, script: { chunks: [...sse({ content: 'ok' }, { done: true })] } };
    const done = nextEvent(el, 'stream-chat-complete');
    await el.send('Hi');
    await done;
    expect(localStorage.length).to.equal(before);
  });
});

// The conversation's pure rules: ids, the history window, checking assigned messages, applying
// stream updates without touching the message given, and snapshots for listeners.
import { expect } from '@open-wc/testing';
import {
  applyUpdate,
  createMessage,
  createMessageId,
  historyBefore,
  normalizeMessages,
  snapshot,
} from '../../src/conversation/conversation.js';
import type { ChatMessage } from '../../src/conversation/message.js';

const message = (role: ChatMessage['role'], content: string): ChatMessage => ({ id: content, role, content, status: 'complete' });

describe('conversation', () => {
  it('makes ids unique within the page', () => {
    const ids = new Set(Array.from({ length: 50 }, () => createMessageId()));
    expect(ids.size).to.equal(50);
    const made = createMessage('assistant', '', 'streaming');
    expect(made).to.include({ role: 'assistant', content: '', status: 'streaming' });
    expect(made.id).to.match(/^m-\d+-/);
  });

  it('sends the last `limit` messages before the new one, leaving out empty answers', () => {
    const messages = [message('user', 'q1'), message('assistant', 'a1'), message('user', 'q2'), message('assistant', ' '), message('user', 'q3')];
    expect(historyBefore(messages, 4, 10)).to.deep.equal([
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
    ]);
    expect(historyBefore(messages, 4, 2)).to.deep.equal([
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
    ]);
    expect(historyBefore(messages, 4, 0)).to.deep.equal([]);
    expect(historyBefore(messages, -1, 5)).to.deep.equal([]);
  });

  it('checks messages assigned from outside and fills in what is missing', () => {
    expect(() => normalizeMessages('nope')).to.throw(TypeError, /must be an array/);
    expect(() => normalizeMessages([null])).to.throw(TypeError, /messages\[0\] must be an object/);
    expect(() => normalizeMessages([{ role: 'system', content: 'x' }])).to.throw(TypeError, /messages\[0\]\.role/);
    const [first, second] = normalizeMessages([
      { role: 'user', content: 42 },
      { id: 'a', role: 'assistant', content: 'partial', status: 'streaming' },
    ]);
    expect(first.id).to.be.a('string').and.not.equal('');
    expect(first).to.include({ content: '42', status: 'complete' });
    // Nothing feeds a restored answer that was still streaming: it was interrupted.
    expect(second).to.include({ id: 'a', status: 'error' });
    expect(second.error).to.deep.equal({ kind: 'interrupted', message: 'This answer was interrupted before it finished' });
  });

  it('applies updates as new objects and leaves the given message as it was', () => {
    const start = message('assistant', 'Hel');
    const text = applyUpdate(start, { type: 'text', text: 'lo' });
    expect(text).to.not.equal(start);
    expect(text.content).to.equal('Hello');
    expect(start.content).to.equal('Hel');
    expect(applyUpdate(text, { type: 'reasoning', text: 'hm' }).reasoning).to.equal('hm');
    expect(applyUpdate(text, { type: 'warning', message: 'w' }).warnings).to.deep.equal(['w']);
    expect(applyUpdate(text, { type: 'done', reason: 'length' }).finishReason).to.equal('length');
    // Updates that change nothing return the same object, so renderers can compare by identity.
    expect(applyUpdate(text, { type: 'done' })).to.equal(text);
    expect(applyUpdate(text, { type: 'error', message: 'x' })).to.equal(text);
    expect(applyUpdate(text, { type: 'conversation', id: 'c' })).to.equal(text);
  });

  it('lists a source once', () => {
    const one = applyUpdate(message('assistant', ''), { type: 'source', url: 'https://a.example', title: 'A' });
    expect(one.sources).to.deep.equal([{ url: 'https://a.example', title: 'A' }]);
    expect(applyUpdate(one, { type: 'source', url: 'https://a.example' })).to.equal(one);
    expect(applyUpdate(one, { type: 'source', url: 'https://b.example' }).sources).to.have.length(2);
  });

  it('moves a tool call on by id, or by name while it runs', () => {
    let answer = message('assistant', '');
    answer = applyUpdate(answer, { type: 'tool', name: 'search', id: 't1', status: 'running' });
    answer = applyUpdate(answer, { type: 'tool', name: 'lookup', status: 'running' });
    const running = answer;
    expect(applyUpdate(running, { type: 'tool', name: 'search', id: 't1', status: 'running' })).to.equal(running);
    answer = applyUpdate(answer, { type: 'tool', name: 'search', id: 't1', status: 'done' });
    answer = applyUpdate(answer, { type: 'tool', name: 'lookup', status: 'error' });
    expect(answer.tools).to.deep.equal([
      { name: 'search', id: 't1', status: 'done' },
      { name: 'lookup', status: 'error' },
    ]);
    expect(running.tools!.map((t) => t.status)).to.deep.equal(['running', 'running']);
  });

  it('hands listeners a snapshot that later edits do not reach', () => {
    const original: ChatMessage = {
      ...message('assistant', 'x'),
      tools: [{ name: 't', status: 'running' }],
      sources: [{ url: 'https://a.example' }],
      warnings: ['w'],
    };
    const copy = snapshot(original);
    expect(copy).to.deep.equal(original);
    original.tools![0].status = 'done';
    original.sources![0].url = 'https://b.example';
    original.warnings!.push('v');
    expect(copy.tools![0].status).to.equal('running');
    expect(copy.sources![0].url).to.equal('https://a.example');
    expect(copy.warnings).to.deep.equal(['w']);
  });
});

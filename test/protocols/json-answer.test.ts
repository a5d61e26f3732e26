// Whole JSON answers (a server that does not stream): the text in each common shape, the
// conversation id under any usual name, and the end.
import { expect } from '@open-wc/testing';
import { jsonAnswerUpdates, textFromJsonAnswer } from '../../src/protocols/json-answer.js';

describe('JSON answers', () => {
  it('finds the text in the shapes chat servers return', () => {
    const shapes: [unknown, string][] = [
      ['bare string', 'bare string'],
      [{ content: 'a' }, 'a'],
      [{ response: 'ollama' }, 'ollama'],
      [{ message: 'm' }, 'm'],
      [{ message: { role: 'assistant', content: 'mc' } }, 'mc'],
      [{ text: 't' }, 't'],
      [{ answer: 'an' }, 'an'],
      [{ output: 'o' }, 'o'],
      [{ content: [{ type: 'text', text: 'anth' }, { type: 'text', text: 'ropic' }] }, 'anthropic'],
      [{ output_text: 'resp' }, 'resp'],
      [{ output: [{ content: [{ type: 'output_text', text: 'res' }, { type: 'refusal', refusal: 'x' }, { type: 'output_text', text: 'ponses' }] }] }, 'responses'],
      [{ generated_text: 'tgi' }, 'tgi'],
      [{ choices: [{ message: { content: 'openai' } }] }, 'openai'],
      [{ choices: [{ text: 'completion' }] }, 'completion'],
    ];
    for (const [value, text] of shapes) expect(textFromJsonAnswer(value), JSON.stringify(value)).to.equal(text);
  });

  it('finds none in other JSON', () => {
    for (const value of [null, 42, [], { status: 'ok' }, { choices: [] }, { content: [{ type: 'image' }] }]) {
      expect(textFromJsonAnswer(value), JSON.stringify(value)).to.equal(undefined);
      expect(jsonAnswerUpdates(value)).to.equal(undefined);
    }
  });

  it('means its text, the conversation id it carries, and the end', () => {
    expect(jsonAnswerUpdates({ answer: 'Hi', session_id: 's-1' })).to.deep.equal([
      { type: 'text', text: 'Hi' },
      { type: 'conversation', id: 's-1', field: 'session_id' },
      { type: 'done' },
    ]);
    expect(jsonAnswerUpdates({ content: 'Hi', chatId: 7 })![1]).to.deep.equal({ type: 'conversation', id: '7', field: 'chatId' });
    expect(jsonAnswerUpdates('plain')).to.deep.equal([{ type: 'text', text: 'plain' }, { type: 'done' }]);
  });
});

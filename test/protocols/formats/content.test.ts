// The content wire format (src/protocols/formats/content.ts).
import { expect } from '@open-wc/testing';
import { contentChunks, type StreamUpdate } from '../../../src/protocols/index.js';
import { adapt } from '../format-support.js';

describe('content format', () => {
  it('maps content, done and error chunks', () => {
    const cases: [string, StreamUpdate[]][] = [
      ['{"content":"Hel"}', [{ type: 'text', text: 'Hel' }]],
      ['{"content":""}', []],
      ['{"done":true}', [{ type: 'done' }]],
      ['{"done":true,"conversation_id":"c-7"}', [{ type: 'conversation', id: 'c-7', field: 'conversation_id' }, { type: 'done' }]],
      ['{"content":"!","done":true}', [{ type: 'text', text: '!' }, { type: 'done' }]],
      ['{"error":"quota"}', [{ type: 'error', message: 'quota' }]],
      ['{"error":{"message":"quota"}}', [{ type: 'error', message: 'quota' }]],
      ['{"error":{}}', [{ type: 'error', message: 'The server reported an error.' }]],
    ];
    for (const [data, expected] of cases) {
      expect(adapt(contentChunks, data), data).to.deep.equal({ detected: true, updates: expected });
    }
  });

  it('leaves typed and OpenAI objects to their formats', () => {
    expect(adapt(contentChunks, '{"type":"token","content":"x"}').detected).to.equal(false);
    expect(adapt(contentChunks, '{"choices":[],"content":"x"}').detected).to.equal(false);
    expect(adapt(contentChunks, '{"done":false}').detected).to.equal(false);
    expect(adapt(contentChunks, '{"text":"x"}').detected).to.equal(false);
    expect(contentChunks.name).to.equal('content');
    expect(contentChunks.requiresTerminal).to.equal(true);
  });
});
